package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Explanation.Presence;
import dev.subfilter.Explanation.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final SubscriptionParser PARSER = SubscriptionParser.extended();

  private static CompiledSubscription sub(String objCode, String eventType, Object... filters) {
    return PARSER.parse(obj("objCode", objCode, "eventType", eventType, "filters", arr(filters))).compile();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Event event(String type, Map<String, Object> newState, Map<String, Object> oldState) {
    return Event.workfront(JsonModel.JAVA, type, newState, oldState).build();
  }

  private static Explanation.Condition condition(Explanation x, int i) {
    return (Explanation.Condition) x.filters().children().get(i);
  }

  @Test
  void explain_allHold_matchedWithSeenValues() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CPL", "eq"), obj("fieldName", "status", "comparison", "changed"));
    Event e = event("UPDATE", map("objCode", "TASK", "ID", "t1", "status", "CPL"), map("objCode", "TASK", "status", "CUR"));

    Explanation x = s.explain(e);

    assertThat(x.matched()).isTrue();
    assertThat(x.why()).isNull();
    assertThat(x.gate()).allMatch(Explanation.GateCheck::passed);
    assertThat(condition(x, 0).seen()).containsExactly(
        new Explanation.Seen(State.NEW_STATE, "status", Presence.PRESENT, JsonValue.of("CPL")));
    assertThat(condition(x, 1).seen()).extracting(Explanation.Seen::describe)
        .containsExactly("oldState.status = \"CUR\"", "newState.status = \"CPL\"");
    assertThat(condition(x, 1).reason()).isNull();
  }

  @Test
  void explain_changedWithUnknownOldState_saysOldStateUnknown() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CPL", "eq"), obj("fieldName", "status", "comparison", "changed"));
    Event e = event("UPDATE", map("objCode", "TASK", "status", "CPL"), null);

    Explanation x = s.explain(e);

    assertThat(x.matched()).isFalse();
    Explanation.Condition changed = condition(x, 1);
    assertThat(changed.reason()).isEqualTo(Reason.OLD_STATE_UNKNOWN);
    assertThat(changed.seen().get(0).presence()).isEqualTo(Presence.STATE_UNKNOWN);
    assertThat(x.why()).startsWith("/filters/1 status changed: old state unknown: the event carries no oldState");
    assertThat(x.filters().message()).isEqualTo("1 of 2 filters is false");
  }

  @Test
  void explain_fieldAbsentFromNewState_saysAbsent() {
    Explanation x = sub("TASK", "UPDATE", filter("name", "again", "ne")).explain(event("UPDATE", map("objCode", "TASK"), map()));

    Explanation.Condition c = condition(x, 0);
    assertThat(c.reason()).isEqualTo(Reason.ABSENT);
    assertThat(c.message()).isEqualTo("name is absent from newState; ne needs the field present (notExists asks for absence)");
    assertThat(c.seen().get(0).describe()).isEqualTo("newState.name: absent");
  }

  @Test
  void explain_customFieldInParameterValues_showsWhereItWasFound() {
    Explanation x = sub("PROJ", "UPDATE", filter("DE:Budget", "1500", "gte"))
        .explain(event("UPDATE", map("objCode", "PROJ", "parameterValues", map("DE:Budget", 1200)), map()));

    Explanation.Condition c = condition(x, 0);
    assertThat(c.seen().get(0).path()).isEqualTo("parameterValues/DE:Budget");
    assertThat(c.reason()).isEqualTo(Reason.OUT_OF_RANGE);
    assertThat(c.message()).isEqualTo("DE:Budget is 1200, not greater than or equal to \"1500\"");
  }

  @Test
  void explain_scalarAgainstArrayField_saysTypeMismatch() {
    Explanation x = sub("TASK", "UPDATE", filter("accessorIDs", "u1", "eq"))
        .explain(event("UPDATE", map("objCode", "TASK", "accessorIDs", List.of("u1")), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.TYPE_MISMATCH);
    assertThat(condition(x, 0).message())
        .isEqualTo("type mismatch: accessorIDs is an array, fieldValue is a string (a scalar never equals an array; contains tests membership)");
  }

  @Test
  void explain_eqOnDifferentComparableValue_saysNotEqual() {
    Explanation x = sub("TASK", "UPDATE", filter("status", "CPL", "eq"))
        .explain(event("UPDATE", map("objCode", "TASK", "status", "CUR"), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.NOT_EQUAL);
    assertThat(condition(x, 0).message()).isEqualTo("status is \"CUR\", not \"CPL\"");
  }

  @Test
  void explain_orderingABooleanAgainstAString_saysTypeMismatch() {
    Explanation x = sub("TASK", "UPDATE", filter("urgent", "2022-12-11T16:00:00.000-0800", "gt"))
        .explain(event("UPDATE", map("objCode", "TASK", "urgent", true), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.TYPE_MISMATCH);
    assertThat(condition(x, 0).message()).startsWith("type mismatch: cannot order true against \"2022-12-11T16:00:00.000-0800\"");
  }

  @Test
  void explain_gateMismatch_namesTheGateAndStillEvaluatesFilters() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CUR", "eq"));
    Explanation x = s.explain(event("UPDATE", map("objCode", "PROJ", "status", "CUR"), map()));

    assertThat(x.matched()).isFalse();
    assertThat(x.gatePassed()).isFalse();
    assertThat(x.filters().result()).isTrue();
    Explanation.GateCheck objCode = x.gate().get(1);
    assertThat(objCode.reason()).isEqualTo(Reason.OBJ_CODE_MISMATCH);
    assertThat(x.why()).isEqualTo("gate mismatch: the event's objCode is PROJ, not TASK");
  }

  @Test
  void explain_objIdNotCarried_saysSo() {
    CompiledSubscription s = PARSER.parse(obj("objCode", "TASK", "eventType", "UPDATE", "objId", 5231)).compile();
    Explanation x = s.explain(event("UPDATE", map("objCode", "TASK"), map()));

    assertThat(x.gate()).extracting(Explanation.GateCheck::check).containsExactly("eventType", "objCode", "objId");
    assertThat(x.gate().get(2).reason()).isEqualTo(Reason.OBJ_ID_MISMATCH);
    assertThat(x.why()).isEqualTo("gate mismatch: the event carries no objId; the subscription follows only 5231");
  }

  @Test
  void explain_vendorEventName_comparesTheEventsName() {
    CompiledSubscription s = sub("TASK", "task.status-changed", filter("status", "completed", "eq"));
    Event e = Event.builder(JsonModel.JAVA).source("4me").name("task.update").eventType("UPDATE").objCode("TASK")
        .newState(map("status", "completed")).build();

    Explanation x = s.explain(e);

    assertThat(x.gate().get(0).actual()).isEqualTo("task.update");
    assertThat(x.why()).isEqualTo("gate mismatch: the event is task.update, not task.status-changed");
  }

  @Test
  void explain_groups_sayWhichFiltersFailed() {
    CompiledSubscription s = sub("TASK", "UPDATE",
        obj("type", "group", "connector", "OR", "filters", arr(filter("priority", 3, "eq"), filter("priority", 4, "eq"))),
        filter("name", "again", "contains"));
    Explanation x = s.explain(event("UPDATE", map("objCode", "TASK", "priority", 1, "name", "once again"), map()));

    Explanation.Group or = (Explanation.Group) x.filters().children().get(0);
    assertThat(or.reason()).isEqualTo(Reason.NONE_TRUE);
    assertThat(or.message()).isEqualTo("neither of the 2 filters holds");
    assertThat(or.children()).extracting(Explanation.Node::pointer).containsExactly("/filters/0/filters/0", "/filters/0/filters/1");
    assertThat(x.why()).isEqualTo("/filters/0 group OR: neither of the 2 filters holds");
  }

  @Test
  void explain_nestedFieldValue_namesTheFailingKey() {
    CompiledSubscription s = sub("RECORD", "UPDATE",
        filter("data", obj("fields", obj("customerID", "customer1234", "region", "EU")), "eq"));
    Explanation x = s.explain(event("UPDATE", map("objCode", "RECORD", "data", map("customerID", "c9", "region", "EU")), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.NESTED_MISMATCH);
    assertThat(condition(x, 0).message()).isEqualTo("data.customerID is \"c9\" (wanted eq \"customer1234\")");
  }

  @Test
  void explain_nestedObjectsOnAString_saysTypeMismatch() {
    CompiledSubscription s = sub("RECORD", "UPDATE", filter("options", obj("objects", obj("projectID", "p1")), "contains"));
    Explanation x = s.explain(event("UPDATE", map("objCode", "RECORD", "options", "p1"), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.TYPE_MISMATCH);
  }

  @Test
  void explain_notExistsOnPresentField_saysPresent() {
    Explanation x = sub("TASK", "UPDATE", obj("fieldName", "status", "comparison", "notExists"))
        .explain(event("UPDATE", map("objCode", "TASK", "status", null), map()));

    assertThat(condition(x, 0).reason()).isEqualTo(Reason.PRESENT);
    assertThat(condition(x, 0).message()).isEqualTo("status is present in newState (null)");
  }

  @Test
  void explain_noFilters_matchesPastTheGate() {
    Explanation x = PARSER.parse(obj("objCode", "PROJ", "eventType", "CREATE")).compile()
        .explain(event("CREATE", map("objCode", "PROJ"), map()));

    assertThat(x.matched()).isTrue();
    assertThat(x.filters().description()).isEqualTo("no filters");
    assertThat(x.filters().children()).isEmpty();
  }

  @Test
  void toText_rendersOneLinePerCheckAndFilter() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CPL", "eq"), obj("fieldName", "status", "comparison", "changed"));
    Explanation x = s.explain(event("UPDATE", map("objCode", "TASK", "status", "CPL"), map("objCode", "TASK", "status", "CPL")));

    assertThat(x.toText()).isEqualTo("""
        no match: /filters/1 status changed: unchanged: status is "CPL" in both oldState and newState
        pass  eventType UPDATE
        pass  objCode TASK
        FAIL  filters AND: 1 of 2 filters is false
          pass  /filters/0  status eq "CPL"
                saw newState.status = "CPL"
          FAIL  /filters/1  status changed
                saw oldState.status = "CPL", newState.status = "CPL"
                why: unchanged: status is "CPL" in both oldState and newState
        """);
    assertThat(x.toString()).isEqualTo(x.toText());
  }

  @Test
  void toJson_carriesResultsReasonsAndSeenValues() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CPL", "eq"));
    JsonValue.Obj json = s.explain(event("UPDATE", map("objCode", "TASK", "status", "CUR"), null)).toJson();

    assertThat(json.get("matched")).isEqualTo(JsonValue.of(false));
    assertThat(json.get("why")).isEqualTo(JsonValue.of("/filters/0 status eq \"CPL\": status is \"CUR\", not \"CPL\""));
    JsonValue.Obj node = (JsonValue.Obj) ((JsonValue.Arr) ((JsonValue.Obj) json.get("filters")).get("children")).elements().get(0);
    assertThat(node.get("reason")).isEqualTo(JsonValue.of("not-equal"));
    assertThat(node.get("seen").toString()).isEqualTo("[{\"state\":\"newState\",\"path\":\"status\",\"presence\":\"present\",\"value\":\"CUR\"}]");
  }

  @Test
  void seen_hugeValue_isCutShort() {
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      many.add(i);
    }
    Explanation x = sub("TASK", "UPDATE", filter("ids", -1, "contains")).explain(event("UPDATE", map("objCode", "TASK", "ids", many), map()));

    JsonValue.Arr seen = (JsonValue.Arr) condition(x, 0).seen().get(0).value();
    assertThat(seen.elements().size()).isLessThan(1000);
    assertThat(seen.elements().get(seen.elements().size() - 1)).isEqualTo(JsonValue.of("..."));
    assertThat(condition(x, 0).seen().get(0).describe()).hasSizeLessThan(200);
  }

  @Test
  void records_reasonExactlyWhenFalse() {
    assertThatThrownBy(() -> new Explanation.GateCheck("objCode", "TASK", "TASK", true, Reason.OBJ_CODE_MISMATCH, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Explanation.Seen(State.NEW_STATE, "a", Presence.ABSENT, JsonValue.NULL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lines_style_marksEachLineFromItsNodesResult() {
    CompiledSubscription s = sub("TASK", "UPDATE", filter("status", "CPL", "eq"), obj("fieldName", "status", "comparison", "changed"));
    Event e = event("UPDATE", map("objCode", "TASK", "status", "CPL"), null);
    Explanation x = s.explain(e);
    Explanation.Style brackets = new Explanation.Style() {
      @Override
      public String verdict(boolean matched, String line) {
        return (matched ? "<ok>" : "<no>") + line;
      }

      @Override
      public String mark(boolean passed, String mark) {
        return "[" + passed + "]" + mark;
      }

      @Override
      public String label(String label) {
        return "{" + label + "}";
      }
    };
    List<String> lines = x.lines(brackets);
    assertThat(lines.get(0)).startsWith("<no>no match: ");
    assertThat(lines).contains("[true]pass  eventType UPDATE", "[false]FAIL  filters AND: 1 of 2 filters is false",
        "  [true]pass  /filters/0  status eq \"CPL\"", "  [false]FAIL  /filters/1  status changed");
    assertThat(lines).anyMatch(l -> l.startsWith("        {why:} old state unknown"));
    assertThat(lines).anyMatch(l -> l.startsWith("        {saw} oldState: unknown"));
    assertThat(String.join("\n", x.lines(Explanation.Style.PLAIN)) + "\n").isEqualTo(x.toText());
  }
}
