package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import dev.subfilter.Lint;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Lint}: each warning code on a small subscription that earns it, and none on one that does not. */
class LintTest {
  private static Subscription parse(String json) {
    return SubfilterJson.create().readSubscription(json);
  }

  private static Map<String, Object> state(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Lint.Warning> lint(Map<String, String> subs, Event... samples) {
    Map<String, Subscription> parsed = new LinkedHashMap<>();
    subs.forEach((id, json) -> parsed.put(id, parse(json)));
    Lint lint = Lint.of(Mode.EXTENDED, parsed);
    for (Event e : samples) {
      lint.addSample(e);
    }
    return lint.warnings();
  }

  private static Map<String, String> one(String json) {
    return Map.of("s", json);
  }

  private static Event task(String type, Map<String, Object> now, Map<String, Object> before) {
    now.putIfAbsent("objCode", "TASK");
    return Event.workfront(JsonModel.JAVA, type, now, before).build();
  }

  @Test
  void contradiction_twoEqValues_neverMatches() {
    List<Lint.Warning> w = lint(one("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [
          {"fieldName": "status", "fieldValue": "CPL"}, {"fieldName": "status", "fieldValue": "NEW"}]}"""));

    assertThat(w).singleElement().isEqualTo(new Lint.Warning(Lint.Code.CONTRADICTION, "s", "/filters/1",
        "status eq \"NEW\" and /filters/0 status eq \"CPL\" cannot both hold (no value equal to \"CPL\" satisfies eq): this subscription never matches"));
  }

  @Test
  void contradiction_eqTwinsAndOtherStates_notReported() {
    assertThat(lint(one("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [
          {"fieldName": "priority", "fieldValue": 1}, {"fieldName": "priority", "fieldValue": "1"},
          {"fieldName": "priority", "fieldValue": 3, "state": "oldState"}, {"fieldName": "priority", "fieldValue": 0, "comparison": "gt"}]}"""))).isEmpty();
  }

  @Test
  void contradiction_rangesExistsAndGroups() {
    List<Lint.Warning> w = lint(one("""
        {"objCode": "TASK", "eventType": "UPDATE", "filterConnector": "OR", "filters": [
          {"type": "group", "filters": [{"fieldName": "priority", "fieldValue": 5, "comparison": "gt"},
                                        {"fieldName": "priority", "fieldValue": 3, "comparison": "lt"}]},
          {"type": "group", "filters": [{"fieldName": "x", "comparison": "exists"}, {"fieldName": "x", "comparison": "notExists"}]}]}"""));

    assertThat(w).extracting(Lint.Warning::pointer).containsExactly("/filters/0/filters/1", "/filters/1/filters/1");
    assertThat(w.get(0).message()).endsWith("cannot both hold (no number is both > 5 and < 3): group /filters/0 never holds");
    assertThat(w.get(1).message()).contains("notExists needs the field absent, exists present");
  }

  @Test
  void oldState_onCreate_andOnVendorEventsWithoutOne() {
    List<Lint.Warning> w = lint(Map.of(
        "create", """
            {"objCode": "TASK", "eventType": "CREATE", "filters": [{"fieldName": "status", "fieldValue": "NEW", "state": "oldState"},
              {"fieldName": "name", "comparison": "changed"}]}""",
        "update", """
            {"objCode": "PROJECT_TASK", "eventType": "project_task.update", "filters": [{"fieldName": "status", "comparison": "changed"}]}""",
        "status", """
            {"objCode": "TASK", "eventType": "task.status-changed", "filters": [{"fieldName": "status", "comparison": "changed"},
              {"fieldName": "team", "comparison": "changed"}]}"""));

    assertThat(w).extracting(x -> x.id() + " " + x.code().token() + " " + x.pointer()).containsExactlyInAnyOrder(
        "create old-state-on-create /filters/0", "create old-state-on-create /filters/1",
        "update old-state-never-sent /filters/0", "status old-state-never-sent /filters/1");
  }

  @Test
  void duplicateAndRedundant() {
    Map<String, String> subs = new LinkedHashMap<>();
    subs.put("a", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"url\": \"https://example.com/u\", \"filters\": [{\"fieldName\": \"status\", \"fieldValue\": \"CPL\"}]}");
    subs.put("b", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"url\": \"https://example.com/v\", \"filters\": [{\"fieldName\": \"status\", \"fieldValue\": \"CPL\"}]}");
    subs.put("c", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"url\": \"https://example.com/u\", \"filters\": [{\"fieldName\": \"status\", \"fieldValue\": \"CPL\"}, {\"fieldName\": \"priority\", \"fieldValue\": 3}]}");
    subs.put("d", "{\"objCode\": \"TASK\", \"eventType\": \"UPDATE\", \"url\": \"https://example.com/w\", \"filters\": [{\"fieldName\": \"status\", \"fieldValue\": \"CPL\"}, {\"fieldName\": \"priority\", \"fieldValue\": 3}]}");

    List<Lint.Warning> w = lint(subs);

    assertThat(w).extracting(x -> x.id() + " " + x.code().token()).containsExactly("b duplicate-subscription", "c redundant-subscription", "d duplicate-subscription");
    assertThat(w.get(1).message()).isEqualTo("every event this matches, a matches too (its filters are a subset of these) and delivers to the same url");
  }

  @Test
  void samples_unknownFieldWithSuggestions_andValueNeverSeen() {
    List<Lint.Warning> w = lint(one("""
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [
          {"fieldName": "stauts", "fieldValue": "CPL"}, {"fieldName": "Budget", "fieldValue": "10", "comparison": "gte"},
          {"fieldName": "priority", "fieldValue": 9}, {"fieldName": "name", "fieldValue": "x", "comparison": "contains"}]}"""),
        task("UPDATE", state("status", "INP", "priority", 1, "name", "xylophone", "parameterValues", Map.of("DE:Budget", "5")), Map.of()),
        task("CREATE", state("status", "NEW", "priority", 1, "name", "y"), Map.of()));

    assertThat(w).extracting(x -> x.code().token() + " " + x.pointer()).containsExactly(
        "unknown-field /filters/0/fieldName", "unknown-field /filters/1/fieldName", "value-never-seen /filters/2/fieldValue");
    assertThat(w.get(0).message()).isEqualTo("\"stauts\" is absent from all 2 sample events of TASK; did you mean \"status\"?");
    assertThat(w.get(1).message()).endsWith("did you mean \"DE:Budget\"?");
    assertThat(w.get(2).message()).isEqualTo("priority eq 9 holds for none of the 2 sample events of TASK that have priority; they have 1 (2)");
  }

  @Test
  void samples_severalConditionsOnOneField_eachValueCountedOncePerEvent() {
    List<Lint.Warning> w = lint(Map.of("a", """
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "ONH"}]}""", "b", """
        {"objCode": "TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "fieldValue": "XYZ"}]}"""),
        task("UPDATE", state("status", "INP"), Map.of()));

    assertThat(w).extracting(Lint.Warning::message).containsOnly(
        "status eq \"ONH\" holds for none of the 1 sample events of TASK that have status; they have \"INP\" (1)",
        "status eq \"XYZ\" holds for none of the 1 sample events of TASK that have status; they have \"INP\" (1)");
  }

  @Test
  void samples_canonicalGateWithoutOldState_warnsOnChanged() {
    Event noOld = Event.builder(JsonModel.JAVA).source("4me").eventType("UPDATE").name("project_task.update").objCode("PROJECT_TASK")
        .newState(Map.of("status", "x")).build();
    List<Lint.Warning> w = lint(one("""
        {"objCode": "PROJECT_TASK", "eventType": "UPDATE", "filters": [{"fieldName": "status", "comparison": "changed"}]}"""), noOld);

    assertThat(w).singleElement().extracting(Lint.Warning::code).isEqualTo(Lint.Code.OLD_STATE_NEVER_SENT);
  }

  @Test
  void codes_tokensAreStable() {
    assertThat(List.of(Lint.Code.values())).extracting(Lint.Code::token).containsExactly("contradiction", "old-state-on-create",
        "old-state-never-sent", "duplicate-subscription", "redundant-subscription", "unknown-field", "value-never-seen");
    assertThat(Lint.Code.fromToken("unknown-field")).isEqualTo(Lint.Code.UNKNOWN_FIELD);
  }
}
