package dev.subfilter.jsonpath;

import static dev.subfilter.jsonpath.Examples.body;
import static dev.subfilter.jsonpath.Examples.event;
import static dev.subfilter.jsonpath.Examples.headers;
import static dev.subfilter.jsonpath.Examples.subscription;
import static dev.subfilter.jsonpath.Examples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped gitlab mapping on GitLab's documented payloads; X-Gitlab-Token with tokens made here. */
class GitLabMappingTest {
  private static final JsonPathAdapter UNSIGNED = JsonPathAdapter.builder().shipped("gitlab").environment(n -> null).build();

  private static Event read(String file, String hook) {
    return event(UNSIGNED.read(body("gitlab/" + file), headers("X-Gitlab-Event", hook, "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e")));
  }

  @Test
  void read_issueOpened_create() {
    Event e = read("issue.json", "Issue Hook");
    assertThat(e.source()).isEqualTo("gitlab");
    assertThat(e.objCode()).isEqualTo("ISSUE");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.name()).isEqualTo("issue.open");
    assertThat(e.objId()).isEqualTo("301");
    assertThat(e.deliveryId()).isEqualTo("13792a34-cac6-4fda-95a8-c58e00a3954e");
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2013-12-03T17:15:43Z"));
    assertThat(tree(e.newState())).isEqualTo(tree("gitlab/issue.json").get("object_attributes"));
    assertThat(tree(e.oldState())).isEmpty(); // CREATE: whatever changes says
  }

  @Test
  void read_issueUpdate_oldStateFromChangesPrevious() {
    Event e = read("issue.update.json", "Issue Hook");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.name()).isEqualTo("issue.update");
    JsonNode old = tree(e.oldState());
    assertThat(old.at("/labels/0/title").textValue()).isEqualTo("API");
    assertThat(tree(e.newState()).at("/labels/0/title").textValue()).isEqualTo("Platform");
    assertThat(old.get("updated_at").textValue()).isEqualTo("2017-09-15 16:50:55 UTC");
    assertThat(old.get("title")).isEqualTo(tree(e.newState()).get("title"));
    assertThat(subscription("""
        {"objCode": "ISSUE", "eventType": "UPDATE", "filters": [
          {"fieldName": "labels", "fieldValue": {"objects": {"title": "Platform"}}},
          {"fieldName": "labels", "comparison": "changed"}]}""").matches(e)).isTrue();
    assertThat(subscription("""
        {"objCode": "ISSUE", "eventType": "UPDATE", "filters": [{"fieldName": "title", "comparison": "changed"}]}""").matches(e)).isFalse();
  }

  @Test
  void read_mergeRequest_andPush() {
    Event mr = read("merge_request.json", "Merge Request Hook");
    assertThat(mr.objCode()).isEqualTo("MERGE_REQUEST");
    assertThat(mr.objId()).isEqualTo("99");
    assertThat(mr.name()).isEqualTo("merge_request.open");
    Event push = read("push.json", "Push Hook");
    assertThat(push.objCode()).isEqualTo("PUSH");
    assertThat(push.eventType()).isEqualTo("UPDATE");
    assertThat(push.name()).isEqualTo("push");
    assertThat(push.objId()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
    assertThat(tree(push.newState()).get("total_commits_count").intValue()).isEqualTo(4);
    assertThat(push.eventTime()).isNull();
    assertThat(push.hasOldState()).isFalse();
  }

  @Test
  void token_rightWrongMissing() {
    String token = Examples.secret(24);
    JsonPathAdapter gitlab = JsonPathAdapter.builder().shipped("gitlab").secret(token).build();
    byte[] body = body("gitlab/push.json");
    assertThat(event(gitlab.read(body, headers("x-gitlab-token", token))).objCode()).isEqualTo("PUSH");
    assertThatThrownBy(() -> gitlab.read(body, headers("X-Gitlab-Token", token + "x")))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET);
          assertThat(e.getMessage()).doesNotContain(token);
        });
    assertThatThrownBy(() -> gitlab.read(body, Map.of()))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SECRET));
  }

  @Test
  void token_rotation_eitherTokenIsAccepted() {
    String a = Examples.secret(24);
    String b = Examples.secret(24);
    JsonPathAdapter gitlab = JsonPathAdapter.builder().shipped("gitlab").secrets(List.of(a, b)).build();
    byte[] body = body("gitlab/push.json");
    assertThat(event(gitlab.read(body, headers("X-Gitlab-Token", a))).objCode()).isEqualTo("PUSH");
    assertThat(event(gitlab.read(body, headers("X-Gitlab-Token", b))).objCode()).isEqualTo("PUSH");
  }
}
