package dev.subfilter.jsonpath;

import static dev.subfilter.jsonpath.Examples.body;
import static dev.subfilter.jsonpath.Examples.event;
import static dev.subfilter.jsonpath.Examples.headers;
import static dev.subfilter.jsonpath.Examples.hex;
import static dev.subfilter.jsonpath.Examples.hmac;
import static dev.subfilter.jsonpath.Examples.subscription;
import static dev.subfilter.jsonpath.Examples.tree;
import static dev.subfilter.jsonpath.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Event;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped jira mapping on deliveries recorded from Jira; X-Hub-Signature made here. */
class JiraMappingTest {
  private static final JsonPathAdapter UNSIGNED = JsonPathAdapter.builder().shipped("jira").environment(n -> null).build();

  private static Event read(String file) {
    return event(UNSIGNED.read(body("jira/" + file), headers("X-Atlassian-Webhook-Identifier", "4e4d6f6e-1")));
  }

  @Test
  void read_created_issueCreate() {
    Event e = read("issue_created.json");
    assertThat(e.source()).isEqualTo("jira");
    assertThat(e.objCode()).isEqualTo("ISSUE");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.name()).isEqualTo("issue_created");
    assertThat(e.objId()).isEqualTo("10400");
    assertThat(e.deliveryId()).isEqualTo("4e4d6f6e-1");
    assertThat(e.eventTime()).isEqualTo(Instant.ofEpochMilli(1364403238369L));
    assertThat(tree(e.newState())).isEqualTo(tree("jira/issue_created.json").at("/issue/fields"));
    assertThat(tree(e.oldState())).isEmpty();
  }

  @Test
  void read_updated_oldStateFromTheChangelog() {
    Event e = read("issue_updated.status.json");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.name()).isEqualTo("issue_updated");
    assertThat(tree(e.oldState()).get("status").textValue()).isEqualTo("To Do");
    assertThat(tree(e.oldState()).get("summary")).isEqualTo(tree(e.newState()).get("summary"));
    assertThat(subscription("""
        {"objCode": "ISSUE", "eventType": "issue_updated", "filters": [
          {"fieldName": "status", "fieldValue": {"fields": {"name": "In Progress"}}},
          {"fieldName": "status", "fieldValue": "To Do", "state": "oldState"},
          {"fieldName": "status", "comparison": "changed"}]}""").matches(e)).isTrue();
    assertThat(subscription("""
        {"objCode": "ISSUE", "eventType": "UPDATE", "filters": [{"fieldName": "summary", "comparison": "changed"}]}""").matches(e)).isFalse();
  }

  @Test
  void read_deleted_deleteWithUnknownOldState() {
    Event e = read("issue_deleted.json");
    assertThat(e.eventType()).isEqualTo("DELETE");
    assertThat(e.objId()).isEqualTo("10400");
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void signature_hubSignatureSha256() {
    String secret = Examples.secret(32);
    JsonPathAdapter jira = JsonPathAdapter.builder().shipped("jira").secret(secret).build();
    byte[] body = body("jira/issue_updated.status.json");
    String sig = "sha256=" + hex(hmac("HmacSHA256", utf8(secret), body));
    assertThat(event(jira.read(body, headers("X-Hub-Signature", sig))).objId()).isEqualTo("10000");
    assertThatThrownBy(() -> jira.read(Examples.tampered(body), headers("X-Hub-Signature", sig)))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, x -> assertThat(x.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> jira.read(body, Map.of()))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, x -> assertThat(x.reason()).isEqualTo(Reason.UNSIGNED));
  }
}
