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

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped github mapping on octokit's payload examples, signed with secrets made here. */
class GitHubMappingTest {
  private static final JsonPathAdapter UNSIGNED = JsonPathAdapter.builder().shipped("github").environment(n -> null).build();

  private static Map<String, List<String>> hook(String event) {
    return headers("X-GitHub-Event", event, "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958", "Content-Type", "application/json");
  }

  private static Event read(String event, String file) {
    return event(UNSIGNED.read(body("github/" + file), hook(event)));
  }

  @ParameterizedTest
  @CsvSource({
      "issues, issues.opened.json, ISSUES, issues.opened, CREATE, 444500041",
      "issues, issues.edited.json, ISSUES, issues.edited, UPDATE, 444500041",
      "issues, issues.closed.json, ISSUES, issues.closed, UPDATE, 444500041",
      "issues, issues.labeled.json, ISSUES, issues.labeled, UPDATE, 444500041",
      "issue_comment, issue_comment.created.json, ISSUE_COMMENT, issue_comment.created, CREATE, 492700400",
      "pull_request, pull_request.opened.json, PULL_REQUEST, pull_request.opened, CREATE, 279147437",
      "pull_request, pull_request.closed.json, PULL_REQUEST, pull_request.closed, UPDATE, 279147437",
      "push, push.json, PUSH, push, UPDATE, 6113728f27ae82c7b1a177c8d03f9e96e0adf246"})
  void read_octokitExample_givesTheDocumentedEvent(String header, String file, String objCode, String name, String type, String objId) {
    Event e = read(header, file);
    assertThat(e.source()).isEqualTo("github");
    assertThat(e.objCode()).isEqualTo(objCode);
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.eventType()).isEqualTo(type);
    assertThat(e.objId()).isEqualTo(objId);
    assertThat(e.deliveryId()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
  }

  @Test
  void read_issueEvents_newStateIsTheIssue() {
    JsonNode issue = tree("github/issues.labeled.json").get("issue");
    Event e = read("issues", "issues.labeled.json");
    assertThat(tree(e.newState())).isEqualTo(issue);
    assertThat(e.eventTime()).isEqualTo(Instant.parse(issue.get("updated_at").textValue()));
  }

  @Test
  void read_commentAndPullRequest_newStateIsThatObject() {
    assertThat(tree(read("issue_comment", "issue_comment.created.json").newState()))
        .isEqualTo(tree("github/issue_comment.created.json").get("comment"));
    assertThat(tree(read("pull_request", "pull_request.closed.json").newState()))
        .isEqualTo(tree("github/pull_request.closed.json").get("pull_request"));
  }

  @Test
  void read_push_newStateIsTheBodyAndTimeTheHeadCommit() {
    Event e = read("push", "push.json");
    assertThat(tree(e.newState())).isEqualTo(tree("github/push.json"));
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2019-05-15T15:19:25Z"));
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_createAndOtherActions_oldStateEmptyOrUnknown() {
    assertThat(tree(read("issues", "issues.opened.json").oldState())).isEmpty();
    assertThat(tree(read("issue_comment", "issue_comment.created.json").oldState())).isEmpty();
    assertThat(read("issues", "issues.labeled.json").hasOldState()).isFalse();
    assertThat(read("issues", "issues.closed.json").hasOldState()).isFalse();
  }

  @Test
  void read_edited_oldStateIsTheIssueWithTheChangedFieldsFrom() {
    Event e = read("issues", "issues.edited.title.json");
    JsonNode old = tree(e.oldState());
    assertThat(old.get("title").textValue()).isEqualTo("Spelling error in the README");
    assertThat(tree(e.newState()).get("title").textValue()).isEqualTo("Spelling error in the README file");
    assertThat(old.get("body")).isEqualTo(tree(e.newState()).get("body"));
    JsonNode comment = tree(read("issue_comment", "issue_comment.edited.json").oldState());
    assertThat(comment.get("body").textValue()).isEqualTo("You are totally right! I'll get this fixed right away.");
  }

  @Test
  void subscription_bugIssuesWhoseTitleChanged_matchesOnlyThatEdit() {
    CompiledSubscription s = subscription("""
        {"objCode": "ISSUES", "eventType": "issues.edited", "filters": [
          {"fieldName": "labels", "fieldValue": {"objects": {"name": "bug"}}},
          {"fieldName": "title", "comparison": "changed"}]}""");
    assertThat(s.matches(read("issues", "issues.edited.title.json"))).isTrue();
    assertThat(s.matches(read("issues", "issues.edited.json"))).isFalse(); // changes {}: the title did not change
    assertThat(s.matches(read("issues", "issues.labeled.json"))).isFalse();
  }

  @Test
  void subscription_mergedPullRequests_byEventTypeAndState() {
    CompiledSubscription merged = subscription("""
        {"objCode": "PULL_REQUEST", "eventType": "pull_request.closed", "filters": [
          {"fieldName": "merged", "fieldValue": true}]}""");
    CompiledSubscription closed = subscription("""
        {"objCode": "PULL_REQUEST", "eventType": "UPDATE", "filters": [{"fieldName": "state", "fieldValue": "closed"}]}""");
    Event e = read("pull_request", "pull_request.closed.json");
    assertThat(merged.matches(e)).isFalse(); // octokit's example was closed without merging
    assertThat(closed.matches(e)).isTrue();
  }

  @Test
  void read_withoutHeader_saysWhichPartIsMissing() {
    assertThatThrownBy(() -> UNSIGNED.read(body("github/issues.opened.json"), Map.of()))
        .hasMessageContaining("objCode: header X-GitHub-Event gives nothing");
  }

  // ------------------------------------------------------------------ signatures

  private static Map<String, List<String>> signed(String event, byte[] body, String secret) {
    Map<String, List<String>> h = new java.util.LinkedHashMap<>(hook(event));
    h.put("X-Hub-Signature-256", List.of("sha256=" + hex(hmac("HmacSHA256", utf8(secret), body))));
    return h;
  }

  @Test
  void verify_signedWithTheSecret_reads() {
    String secret = Examples.secret(32);
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(secret).build();
    byte[] body = body("github/issues.opened.json");
    assertThat(github.verifies()).isTrue();
    assertThat(event(github.read(body, signed("issues", body, secret))).objId()).isEqualTo("444500041");
  }

  @Test
  void verify_tamperedBody_badSignature() {
    String secret = Examples.secret(32);
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(secret).build();
    byte[] body = body("github/issues.opened.json");
    Map<String, List<String>> h = signed("issues", body, secret);
    assertThatThrownBy(() -> github.read(Examples.tampered(body), h))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void verify_wrongSecret_badSignature() {
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(Examples.secret(32)).build();
    byte[] body = body("github/issues.opened.json");
    assertThatThrownBy(() -> github.read(body, signed("issues", body, Examples.secret(32))))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
          assertThat(e.getMessage()).contains("X-Hub-Signature-256").doesNotContain("sha256=");
        });
  }

  @Test
  void verify_missingHeader_unsigned() {
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(Examples.secret(32)).build();
    assertThatThrownBy(() -> github.read(body("github/issues.opened.json"), hook("issues")))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED));
  }

  @Test
  void verify_rotation_eitherSecretIsAccepted() {
    String old = Examples.secret(32);
    String current = Examples.secret(32);
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github").secret(current).secret(old).build();
    byte[] body = body("github/push.json");
    assertThat(event(github.read(body, signed("push", body, old))).objCode()).isEqualTo("PUSH");
    assertThat(event(github.read(body, signed("push", body, current))).objCode()).isEqualTo("PUSH");
    assertThatThrownBy(() -> github.read(body, signed("push", body, Examples.secret(32)))).isInstanceOf(UnauthenticDeliveryException.class);
  }

  @Test
  void verify_secretFromTheEnvironmentVariableTheMappingNames() {
    String secret = Examples.secret(20);
    JsonPathAdapter github = JsonPathAdapter.builder().shipped("github")
        .environment(n -> n.equals("GITHUB_WEBHOOK_SECRET") ? secret : null).build();
    byte[] body = body("github/issues.opened.json");
    assertThat(github.verifies()).isTrue();
    assertThat(event(github.read(body, signed("issues", body, secret))).name()).isEqualTo("issues.opened");
    assertThatThrownBy(() -> github.read(body, hook("issues"))).isInstanceOf(UnauthenticDeliveryException.class);
  }

  @Test
  void verify_noSecret_acceptsUnsignedDeliveries() {
    assertThat(UNSIGNED.verifies()).isFalse();
    assertThat(read("issues", "issues.opened.json").objCode()).isEqualTo("ISSUES");
  }
}
