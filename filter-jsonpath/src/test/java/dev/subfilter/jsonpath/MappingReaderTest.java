package dev.subfilter.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subfilter.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading a mapping: every problem at once, each with its JSON Pointer; every JSONPath compiled then. */
class MappingReaderTest {
  private static List<String> problems(String mapping) {
    InvalidMappingException e = catchThrowableOfType(InvalidMappingException.class, () -> JsonPathAdapter.from(mapping));
    assertThat(e).as("expected the mapping to be rejected").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static final String MINIMAL = """
      {"source": "acme", "objCode": {"const": "TICKET"}, "eventType": {"const": "UPDATE"}, "newState": {"path": "$"}}""";

  @Test
  void minimal_loads() {
    JsonPathAdapter a = JsonPathAdapter.from(MINIMAL);
    assertThat(a.source()).isEqualTo("acme");
    assertThat(a.verifies()).isFalse();
  }

  @Test
  void everyProblem_reportedAtOnceWithPointers() {
    List<String> p = problems("""
        {"source": "Acme Inc", "objCode": {"path": "issue.id"}, "eventType": {"path": "$.action", "map": {"opened": "CREAT"}},
         "objId": {"path": "$.a[?(", "case": "title"}, "newState": {"header": "X Bad"},
         "name": {"template": "{nope}.{$.x"}, "colour": "blue",
         "oldState": {"changes": {"path": "$.changes"}, "from": 3},
         "eventTime": {"path": "$.t", "format": "rfc-2822"},
         "deliveryId": {"path": "$.id", "header": "X-Id"}}""");
    assertThat(p).containsExactlyInAnyOrder(
        "/colour: unknown key \"colour\"; a mapping's keys are deliveryId, description, eventTime, eventType, name, newState, objCode, objId, oldState, source, verify",
        "/source: expected the vendor's name (lower-case letters, digits, '_', '.', '-', starting with a letter, at most 64), found the string \"Acme Inc\"",
        "/objCode/path: expected a JSONPath starting with $ (e.g. \"$.issue.id\"), found the string \"issue.id\"",
        "/eventType/map/opened: an eventType is CREATE, UPDATE or DELETE, found the string \"CREAT\"",
        "/name/template: the placeholder starting at character 8 never closes with '}'",
        "/objId/path: not a JSONPath: Could not parse token starting at position 3. Expected ?, ', 0-9, * ",
        "/objId/case: expected \"upper\" or \"lower\", found the string \"title\"",
        "/newState/header: expected a header name (e.g. \"X-GitHub-Event\"), found the string \"X Bad\"",
        "/oldState/from: expected the member holding a field's old value (\"from\" for GitHub, \"previous\" for GitLab), found a number",
        "/eventTime/format: expected iso-8601 (the default), epoch-seconds or epoch-millis, found the string \"rfc-2822\"",
        "/deliveryId: give one source, found path and header (firstOf tries several in order)");
  }

  @Test
  void requiredParts_missing() {
    assertThat(problems("{\"source\": \"acme\"}")).containsExactly(
        "/objCode: missing; say where the event's objCode comes from, e.g. {\"path\": \"$.…\"}",
        "/eventType: missing; say where the event's eventType comes from, e.g. {\"path\": \"$.…\"}",
        "/newState: missing; say where the event's newState comes from, e.g. {\"path\": \"$.…\"}");
  }

  @Test
  void notJsonOrNotAnObject_oneProblemAtTheRoot() {
    assertThat(problems("{\"source\": ")).singleElement().asString().startsWith("(root): not valid JSON: ");
    assertThat(problems("[1]")).containsExactly("(root): a mapping is a JSON object, found an array");
    assertThat(problems("{\"source\": \"a\", \"source\": \"b\"}")).singleElement().asString().contains("Duplicate field 'source'");
  }

  @Test
  void nestedValues_pointersDescend() {
    assertThat(problems("""
        {"source": "acme", "objCode": {"firstOf": [{"path": "$.a"}, {"regex": "("}, {"path": "$.b", "regex": "(", "map": {}}]},
         "eventType": {"switch": {"header": "X-Event"}, "cases": {"a": {"const": "NEW"}, "b": {"path": 1}}},
         "newState": {"switch": {"path": "$.kind"}}}""")).containsExactlyInAnyOrder(
        "/objCode/firstOf/1: no source: give one of path, header, const, template, firstOf, switch",
        "/objCode/firstOf/2/regex: not a regular expression: Unclosed group near index 1",
        "/objCode/firstOf/2/map: expected a non-empty object from the vendor's values to the event's, found an object",
        "/eventType/cases/a/const: an eventType is CREATE, UPDATE or DELETE, found the string \"NEW\"",
        "/eventType/cases/b/path: expected a JSONPath starting with $ (e.g. \"$.issue.id\"), found a number",
        "/newState/cases: missing; a switch names its cases: {\"value of the switch\": {value}, ...}");
  }

  @Test
  void derivedOldState_onlyInOldState() {
    assertThat(problems(MINIMAL.replace("\"newState\": {\"path\": \"$\"}", "\"newState\": {\"changes\": {\"path\": \"$.c\"}}")))
        .containsExactly("/newState/changes: changes derives an old state from the new one; it is allowed only in oldState");
    assertThat(problems(MINIMAL.replace("}", ", \"oldState\": {\"changeList\": {\"path\": \"$.items\"}}}").replaceFirst("}, \"oldState", "}, \"oldState")))
        .contains("/oldState/field: missing; name the item member that holds the field's name, e.g. \"field\" (or [\"fieldId\", \"field\"])");
  }

  @Test
  void formatOutsideEventTime_isAProblem() {
    assertThat(problems(MINIMAL.replace("{\"path\": \"$\"}", "{\"path\": \"$\", \"format\": \"iso-8601\"}")))
        .containsExactly("/newState/format: format is allowed only on eventTime");
  }

  @Test
  void verify_problems() {
    String base = MINIMAL.substring(0, MINIMAL.length() - 1);
    assertThat(problems(base + ", \"verify\": {\"hmac\": {\"algorithm\": \"md5\", \"encoding\": \"hex\", \"header\": \"X-Sig\","
        + " \"signed\": \"{timestamp}.{payload}\", \"tolerance\": 0}, \"secretEnv\": \"1BAD\", \"secretEncoding\": \"hex\"}}"))
        .containsExactlyInAnyOrder(
            "/verify/secretEnv: expected an environment variable name (letters, digits, '_'), or an array of them, found the string \"1BAD\"",
            "/verify/secretEncoding: expected \"text\" (the default: the secret's UTF-8 bytes are the key) or \"base64\" (Standard Webhooks' whsec_…), found the string \"hex\"",
            "/verify/hmac/algorithm: expected sha256, sha1 or sha512, found \"md5\"",
            "/verify/hmac/tolerance: a tolerance needs a timestamp (hmac.timestamp)",
            "/verify/hmac/signed: {timestamp} needs hmac.timestamp to say where the timestamp is");
    assertThat(problems(base + ", \"verify\": {\"hmac\": {\"algorithm\": \"sha256\", \"encoding\": \"hex\", \"header\": \"X-Sig\", \"signed\": \"{header:X-Id}\"}}}"))
        .containsExactly("/verify/hmac/signed: what is signed must include {body} exactly once, found it 0 times");
    assertThat(problems(base + ", \"verify\": {\"secretEnv\": \"S\"}}"))
        .containsExactly("/verify: missing the check: {\"hmac\": {...}} or {\"token\": {\"header\": ...}}");
    assertThat(problems(base + ", \"verify\": {\"hmac\": {\"algorithm\": \"sha256\", \"encoding\": \"hex\", \"header\": \"S\", \"timestamp\": {\"entry\": \"t=\"}}}}"))
        .containsExactly("/verify/hmac/timestamp/entry: an entry of the signature header needs a separator between entries (hmac.separator)");
  }

  @Test
  void secrets_forAMappingWithoutVerify_rejected() {
    assertThatThrownBy(() -> JsonPathAdapter.builder().mapping(MINIMAL).secret("s").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no verify section");
  }

  @Test
  void shipped_unknownName_listsTheNames() {
    assertThatThrownBy(() -> JsonPathAdapter.shipped("bitbucket"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no shipped mapping \"bitbucket\"; the shipped ones are github, gitlab, jira, stripe, standard-webhooks");
  }

  @Test
  void shipped_everyOneLoads_andNamesItsSource() {
    for (String name : JsonPathAdapter.shippedNames()) {
      JsonPathAdapter a = JsonPathAdapter.builder().shipped(name).environment(Map.<String, String>of()::get).build();
      assertThat(a.source()).isEqualTo(name);
      assertThat(a.verifies()).isFalse();
    }
  }
}
