package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static dev.subfilter.Json.sub;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parser's paths mutation testing (issue 16) found unpinned: the carried keys' types, strings
 * checked before anything else (keys and carried values too), Workfront mode's object codes and
 * unfilterable fields, one problem (not two) per bad part, and how a bad URL is quoted.
 */
class SubscriptionParserEdgesTest {
  private static final SubscriptionParser EXTENDED = SubscriptionParser.extended();
  private static final SubscriptionParser WORKFRONT = SubscriptionParser.of(Mode.WORKFRONT, Limits.DEFAULTS);

  private static List<String> problems(SubscriptionParser p, JsonValue json) {
    try {
      p.parse(json);
    } catch (InvalidSubscriptionException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    return List.of();
  }

  /** A subscription with one eq filter and these carried keys. */
  private static JsonValue.Obj carrying(Object... kv) {
    Map<String, JsonValue> m = new LinkedHashMap<>(sub(filter("status", "CUR", "eq")).members());
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], JsonValue.fromJava(kv[i + 1]));
    }
    return new JsonValue.Obj(m);
  }

  @Test
  void carriedKeys_rightTypesOrNull_accepted() {
    JsonValue.Obj ok = carrying("url", "https://example.com/hook", "subscription_url", Map.of("status", "ok"),
        "base64Encoding", " ", "id", 12345, "version", 2, "subscriptionVersion", "v2", "authToken", "t", "customerId", "c");
    assertThat(problems(EXTENDED, ok)).isEmpty();
    assertThat(EXTENDED.parse(ok).carried()).containsKeys("url", "subscription_url", "id");
    for (String k : Subscription.CARRIED_KEYS) {
      assertThat(problems(EXTENDED, carrying(k, null))).as(k).isEmpty();
    }
    assertThat(problems(EXTENDED, carrying("base64Encoding", true, "subscription_url", "http://h/x", "id", "a1"))).isEmpty();
  }

  @Test
  void carriedKeys_wrongTypes_oneProblemEach() {
    assertThat(problems(EXTENDED, carrying("url", "ftp://example.com/x"))).containsExactly(
        "/url: expected an absolute http(s) URL such as \"https://example.com/hook\", found \"ftp://example.com/x\"");
    assertThat(problems(EXTENDED, carrying("url", 5))).containsExactly("/url: expected an absolute http(s) URL string, found " + JsonValue.of(5).describe());
    assertThat(problems(EXTENDED, carrying("url", "https:///nohost"))).hasSize(1);
    assertThat(problems(EXTENDED, carrying("subscription_url", "mailto:a@b"))).singleElement().asString()
        .startsWith("/subscription_url: expected an absolute http(s) URL");
    assertThat(problems(EXTENDED, carrying("subscription_url", 7))).containsExactly(
        "/subscription_url: expected the object Workfront returns or a URL string, found " + JsonValue.of(7).describe());
    assertThat(problems(EXTENDED, carrying("base64Encoding", "yes"))).containsExactly(
        "/base64Encoding: expected true, false or blank (also as the strings \"true\", \"false\", \" \"), found " + JsonValue.of("yes").describe());
    assertThat(problems(EXTENDED, carrying("base64Encoding", 1))).hasSize(1);
    assertThat(problems(EXTENDED, carrying("version", true))).containsExactly("/version: expected a string or a number, found " + JsonValue.of(true).describe());
    assertThat(problems(EXTENDED, carrying("authToken", 5))).containsExactly("/authToken: expected a string, found " + JsonValue.of(5).describe());
  }

  @Test
  void carriedId_blankLongOrNotAStringOrNumber_describedLikeTheLoaderDoes() {
    String tail = "; an id must be a non-blank string or a number (of at most 65536 digits; Limits.maxStringLength)";
    assertThat(problems(EXTENDED, carrying("id", "  "))).containsExactly("/id: found a blank string" + tail);
    assertThat(problems(EXTENDED, carrying("id", true))).containsExactly("/id: found a boolean" + tail);
    assertThat(problems(EXTENDED, carrying("id", Map.of("a", 1)))).containsExactly("/id: found an object" + tail);
    assertThat(problems(EXTENDED, carrying("id", List.of(1)))).containsExactly("/id: found an array" + tail);
    // 9: the longest key, "eventType", still fits
    SubscriptionParser short9 = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxStringLength(9));
    String tail9 = "; an id must be a non-blank string or a number (of at most 9 digits; Limits.maxStringLength)";
    assertThat(problems(short9, obj("objCode", "TASK", "eventType", "UPDATE", "id", 123456789))).isEmpty();
    assertThat(problems(short9, obj("objCode", "TASK", "eventType", "UPDATE", "id", 1234567890L)))
        .containsExactly("/id: found a number" + tail9);
  }

  @Test
  void strings_checkedEverywhereFirst_keysAndCarriedValuesToo() {
    SubscriptionParser p = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxStringLength(10));
    assertThat(problems(p, carrying("authToken", "0123456789"))).isEmpty();
    assertThat(problems(p, carrying("authToken", "0123456789x"))).containsExactly(
        "/authToken: a string of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
    List<String> key = problems(p, carrying("elevenChars", 1));
    assertThat(key).first().isEqualTo("(root): a key of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
  }

  @Test
  void badRequiredString_oneProblemOnly() {
    assertThat(problems(EXTENDED, obj("objCode", "TASK", "eventType", 5))).containsExactly(
        "/eventType: expected one of CREATE, UPDATE, DELETE, found " + JsonValue.of(5).describe());
    assertThat(problems(EXTENDED, obj("objCode", "", "eventType", "UPDATE"))).containsExactly(
        "/objCode: expected an object code such as \"TASK\" or \"PROJ\", found an empty string");
    assertThat(problems(EXTENDED, obj("objCode", "TASK", "eventType", "UPDATE", "objId", "")))
        .containsExactly("/objId: expected an object ID (a string or a number) or null, found an empty string");
  }

  @Test
  void objCode_workfrontModeKnowsSeedCodes_extendedModeAnyUpperCase() {
    JsonValue.Obj cmp = obj("objCode", "WORK_REQUEST", "eventType", "UPDATE");
    assertThat(problems(EXTENDED, cmp)).isEmpty();
    assertThat(problems(WORKFRONT, cmp)).singleElement().asString()
        .startsWith("/objCode: unknown objCode \"WORK_REQUEST\"; Workfront's object codes are ASSGN, ")
        .doesNotContain("did you mean").endsWith(" (other codes need extended mode)");
    assertThat(problems(WORKFRONT, obj("objCode", "TASKS", "eventType", "UPDATE"))).singleElement().asString()
        .endsWith("; did you mean \"TASK\"? (other codes need extended mode)");
    assertThat(problems(WORKFRONT, obj("objCode", "task", "eventType", "UPDATE"))).singleElement().asString()
        .endsWith("; did you mean \"TASK\"? (other codes need extended mode)");
    assertThat(problems(EXTENDED, obj("objCode", "task", "eventType", "UPDATE"))).containsExactly(
        "/objCode: objCode \"task\" is not upper case, and events carry upper-case codes: \"TASK\"");
    assertThat(problems(WORKFRONT, obj("objCode", "TASK", "eventType", "UPDATE"))).isEmpty();
  }

  @Test
  void eventType_lowerCaseOrVendorName_byMode() {
    assertThat(problems(EXTENDED, obj("objCode", "TASK", "eventType", "update"))).containsExactly(
        "/eventType: unknown eventType \"update\"; event types are upper case: UPDATE");
    assertThat(problems(WORKFRONT, obj("objCode", "TASK", "eventType", "task.updated"))).singleElement().asString()
        .startsWith("/eventType: unknown eventType \"task.updated\"; expected one of CREATE, UPDATE, DELETE (vendor event names need extended mode)");
    assertThat(problems(EXTENDED, obj("objCode", "TASK", "eventType", "task.updated"))).isEmpty();
    assertThat(EXTENDED.parse(obj("objCode", "TASK", "eventType", "task.updated")).eventType()).isEqualTo("task.updated");
    assertThat(problems(EXTENDED, obj("objCode", "TASK", "eventType", "Task Updated!"))).singleElement().asString()
        .startsWith("/eventType: unknown eventType \"Task Updated!\"; expected one of CREATE, UPDATE, DELETE, or a vendor event name");
  }

  @Test
  void notFilterableField_refusedInWorkfrontModeOnly() {
    JsonValue.Obj s = obj("objCode", "RECORD", "eventType", "UPDATE", "filters", arr(filter("data", "x", "eq")));
    assertThat(problems(WORKFRONT, s)).singleElement().asString()
        .startsWith("/filters/0/fieldName: \"data\" of RECORD is not filterable; Workfront: ");
    assertThat(problems(EXTENDED, s)).isEmpty();
    assertThat(problems(WORKFRONT, obj("objCode", "TASK", "eventType", "UPDATE", "filters", arr(filter("data", "x", "eq"))))).isEmpty();
  }

  @Test
  void leafValueProblems_extendedOperatorInWorkfrontMode_onlyTheModeProblem() {
    JsonValue.Obj s = sub(filter("name", "", "startsWith"));
    assertThat(problems(EXTENDED, s)).containsExactly("/filters/0/fieldValue: startsWith needs a non-empty string, found an empty string");
    assertThat(problems(WORKFRONT, s)).singleElement().asString()
        .startsWith("/filters/0/comparison: comparison \"startsWith\" is an extended-mode feature");
  }

  @Test
  void badUrl_quotedWholeUpTo60Chars_abbreviatedPast() {
    String sixty = "ftp://example.com/" + "a".repeat(42);
    assertThat(sixty).hasSize(60);
    assertThat(problems(EXTENDED, carrying("url", sixty))).singleElement().asString().endsWith("found \"" + sixty + "\"");
    String more = sixty + "b";
    assertThat(problems(EXTENDED, carrying("url", more))).singleElement().asString()
        .endsWith("found \"" + more.substring(0, 57) + "...\"");
  }
}
