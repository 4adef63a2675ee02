package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.internal.SubscriptionIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SubscriptionSet}: buckets, objId pins, the eq index and its key normalisation, fallbacks, updates. */
class SubscriptionSetTest {

  // ------------------------------------------------------------------ helpers

  /** A state from alternating keys and values; a {@code null} value is JSON null. */
  static Map<String, Object> state(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A Workfront event with a known old state. */
  static Event event(String type, Map<String, Object> newState, Map<String, Object> oldState) {
    return Event.workfront(JsonModel.JAVA, type, newState, oldState).build();
  }

  /** A TASK UPDATE event whose old state is empty. */
  static Event task(Object... kv) {
    Map<String, Object> s = state(kv);
    s.putIfAbsent("objCode", "TASK");
    return event("UPDATE", s, Map.of());
  }

  static Filter.Condition eq(String field, JsonValue v) {
    return Filter.Condition.of(field, Operator.EQ, v);
  }

  static Filter.Condition cond(String field, Operator op, JsonValue v, State state) {
    return Filter.Condition.of(field, op, v, state);
  }

  static CompiledSubscription sub(Filter... filters) {
    return Subscription.of("TASK", "UPDATE", filters).compile();
  }

  static CompiledSubscription sub(Connector connector, Filter... filters) {
    return new Subscription("TASK", "UPDATE", null, connector, List.of(filters), Map.of()).compile();
  }

  static CompiledSubscription pinned(String objId, Filter... filters) {
    return new Subscription("TASK", "UPDATE", objId, Connector.AND, List.of(filters), Map.of()).compile();
  }

  static JsonValue num(String text) {
    return new JsonValue.Num(new BigDecimal(text));
  }

  /** What evaluating every subscription one by one gives, in insertion order. */
  static List<String> naive(SubscriptionSet set, Event e) {
    List<String> out = new ArrayList<>();
    for (String id : set.ids()) {
      if (set.get(id).matches(e)) {
        out.add(id);
      }
    }
    return out;
  }

  /** {@code set.match(e)}, checked against {@link #naive}. */
  static List<String> match(SubscriptionSet set, Event e) {
    List<String> got = set.match(e);
    assertThat(got).as("match equals evaluating one by one, for %s", e).isEqualTo(naive(set, e));
    return got;
  }

  // ------------------------------------------------------------------ tests

  @Test
  void emptySet_matchesNothing() {
    SubscriptionSet set = new SubscriptionSet();
    assertThat(set.size()).isZero();
    assertThat(set.ids()).isEmpty();
    assertThat(set.match(task("status", "CUR"))).isEmpty();
    assertThat(set.remove("nope")).isFalse();
    assertThat(set.get("nope")).isNull();
  }

  @Test
  void buckets_onlyTheEventsObjCodeAndEventType() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("task-update", Subscription.of("TASK", "UPDATE").compile());
    set.add("task-create", Subscription.of("TASK", "CREATE").compile());
    set.add("proj-update", Subscription.of("PROJ", "UPDATE").compile());
    set.add("task-delete", Subscription.of("TASK", "DELETE").compile());

    assertThat(match(set, task("status", "CUR"))).containsExactly("task-update");
    assertThat(match(set, event("CREATE", state("objCode", "TASK"), Map.of()))).containsExactly("task-create");
    assertThat(match(set, event("UPDATE", state("objCode", "PROJ"), Map.of()))).containsExactly("proj-update");
    assertThat(match(set, event("DELETE", Map.of(), state("objCode", "TASK")))).containsExactly("task-delete");
    assertThat(match(set, event("UPDATE", state("objCode", "OPTASK"), Map.of()))).isEmpty();
  }

  @Test
  void objIdPins_comparedAsText() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("pin", pinned("5231"));
    set.add("pin-filtered", pinned("5231", eq("status", JsonValue.of("CUR"))));
    set.add("other", pinned("t1"));

    assertThat(set.placement("pin")).isEqualTo("pinned");
    assertThat(set.placement("pin-filtered")).isEqualTo("pinned");
    assertThat(match(set, task("ID", 5231L, "status", "CUR"))).containsExactly("pin", "pin-filtered");
    assertThat(match(set, task("ID", "5231", "status", "NEW"))).containsExactly("pin");
    assertThat(match(set, task("ID", "5232", "status", "CUR"))).isEmpty();
    assertThat(match(set, task("status", "CUR"))).as("no ID").isEmpty();
    assertThat(match(set, task("ID", "t1"))).containsExactly("other");
  }

  @Test
  void eqIndex_numbersAndNumericStringsByValue() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("str 1", sub(eq("n", JsonValue.of("1"))));
    set.add("num 1", sub(eq("n", JsonValue.of(1))));
    set.add("num 1.0", sub(eq("n", num("1.0"))));
    set.add("str 1.0", sub(eq("n", JsonValue.of("1.0"))));
    set.add("num 2", sub(eq("n", JsonValue.of(2))));
    set.add("num 1e2", sub(eq("n", num("1E+2"))));
    set.add("str 100", sub(eq("n", JsonValue.of("100"))));
    set.add("str 01", sub(eq("n", JsonValue.of("01"))));
    set.add("big", sub(eq("n", JsonValue.of("12345678901234567890"))));
    set.add("half", sub(eq("n", num("0.50"))));
    for (String id : set.ids()) {
      assertThat(set.placement(id)).as(id).isEqualTo("eq newState n");
    }

    assertThat(match(set, task("n", 1L))).containsExactly("str 1", "num 1", "num 1.0", "str 1.0");
    assertThat(match(set, task("n", new BigDecimal("1.000")))).containsExactly("str 1", "num 1", "num 1.0", "str 1.0");
    assertThat(match(set, task("n", 1.0d))).containsExactly("str 1", "num 1", "num 1.0", "str 1.0");
    // strings against strings compare as text; a number constant compares by value
    assertThat(match(set, task("n", "1"))).containsExactly("str 1", "num 1", "num 1.0");
    assertThat(match(set, task("n", "1.0"))).containsExactly("num 1", "num 1.0", "str 1.0");
    assertThat(match(set, task("n", "1E0"))).containsExactly("num 1", "num 1.0");
    assertThat(match(set, task("n", 100))).containsExactly("num 1e2", "str 100");
    assertThat(match(set, task("n", "100"))).containsExactly("num 1e2", "str 100");
    assertThat(match(set, task("n", "01"))).as("not a JSON number: text").containsExactly("str 01");
    assertThat(match(set, task("n", " 1"))).isEmpty();
    assertThat(match(set, task("n", new BigDecimal("12345678901234567890.0")))).containsExactly("big");
    assertThat(match(set, task("n", "12345678901234567890"))).containsExactly("big");
    assertThat(match(set, task("n", 0.5d))).containsExactly("half");
    assertThat(match(set, task("n", "0.5"))).as("a number constant against a numeric string: by value").containsExactly("half");
    assertThat(match(set, task("n", List.of(1L)))).as("a scalar never equals an array").isEmpty();
    assertThat(match(set, task("n", null))).isEmpty();
  }

  @Test
  void eqIndex_zeroAndLongBoundaries() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("zero", sub(eq("n", num("0.00"))));
    set.add("max", sub(eq("n", JsonValue.of(Long.MAX_VALUE))));
    set.add("max+1", sub(eq("n", num("9223372036854775808"))));
    set.add("min", sub(eq("n", JsonValue.of(Long.MIN_VALUE))));
    assertThat(match(set, task("n", 0L))).containsExactly("zero");
    assertThat(match(set, task("n", "-0"))).containsExactly("zero");
    assertThat(match(set, task("n", "-0.0e-0"))).containsExactly("zero");
    assertThat(match(set, task("n", Long.MAX_VALUE))).containsExactly("max");
    assertThat(match(set, task("n", "9223372036854775807"))).containsExactly("max");
    assertThat(match(set, task("n", "9223372036854775808"))).containsExactly("max+1");
    assertThat(match(set, task("n", new java.math.BigInteger("9223372036854775808")))).containsExactly("max+1");
    assertThat(match(set, task("n", Long.MIN_VALUE))).containsExactly("min");
    assertThat(match(set, task("n", "-9223372036854775808"))).containsExactly("min");
  }

  @Test
  void eqIndex_booleansAndTheirStrings() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("bool true", sub(eq("flag", JsonValue.of(true))));
    set.add("str true", sub(eq("flag", JsonValue.of("true"))));
    set.add("bool false", sub(eq("flag", JsonValue.of(false))));
    set.add("str True", sub(eq("flag", JsonValue.of("True"))));

    assertThat(match(set, task("flag", true))).containsExactly("bool true", "str true");
    assertThat(match(set, task("flag", "true"))).containsExactly("bool true", "str true");
    assertThat(match(set, task("flag", false))).containsExactly("bool false");
    assertThat(match(set, task("flag", "false"))).containsExactly("bool false");
    assertThat(match(set, task("flag", "True"))).containsExactly("str True");
    assertThat(match(set, task("flag", 1L))).isEmpty();
  }

  @Test
  void eqIndex_deFieldsFallBackIntoParameterValues() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("prio", sub(eq("DE:Prio", JsonValue.of("high"))));
    set.add("cost", sub(eq("DE:Cost", JsonValue.of(1500))));
    set.add("literal", sub(eq("parameterValues", JsonValue.of("x"))));
    assertThat(set.placement("prio")).isEqualTo("eq newState DE:Prio");

    assertThat(match(set, task("parameterValues", state("DE:Prio", "high", "DE:Cost", "1500")))).containsExactly("prio", "cost");
    assertThat(match(set, task("DE:Prio", "high"))).containsExactly("prio");
    assertThat(match(set, task("DE:Prio", "low", "parameterValues", state("DE:Prio", "high"))))
        .as("a key of the state wins over parameterValues").isEmpty();
    assertThat(match(set, task("DE:Prio", null, "parameterValues", state("DE:Prio", "high"))))
        .as("present with null is present").isEmpty();
    assertThat(match(set, task("parameterValues", "x"))).containsExactly("literal");
    assertThat(match(set, task("parameterValues", List.of("high")))).isEmpty();
  }

  private static JsonValue.Obj nested(String keyword, Object... kv) {
    Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1] instanceof JsonValue v ? v : JsonValue.of((String) kv[i + 1]));
    }
    return new JsonValue.Obj(Map.of(keyword, new JsonValue.Obj(m)));
  }

  @Test
  void nestedIndex_fieldsAndObjectsLeaves_indexedAndMatchExactly() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("fields", sub(eq("data", nested("fields", "customerID", "c1", "region", "EU"))));
    set.add("objects eq", sub(eq("options", nested("objects", "projectID", "p1"))));
    set.add("objects contains", sub(cond("options", Operator.CONTAINS, nested("objects", "label", "urgent"), State.NEW_STATE)));
    set.add("deeper", sub(eq("data", nested("fields", "inner", nested("objects", "k", "v"), "x", JsonValue.NULL))));
    assertThat(set.placement("fields")).isEqualTo("eq newState data → customerID");
    assertThat(set.placement("objects eq")).isEqualTo("eq newState options[] → projectID");
    assertThat(set.placement("objects contains")).isEqualTo("contains newState options[] → label");
    assertThat(set.placement("deeper")).isEqualTo("eq newState data → inner[] → k");

    assertThat(match(set, task("data", state("customerID", "c1", "region", "EU")))).containsExactly("fields");
    assertThat(match(set, task("data", state("customerID", "c1", "region", "US")))).as("every leaf must hold").isEmpty();
    assertThat(match(set, task("data", List.of(state("customerID", "c1", "region", "EU"))))).as("fields needs an object").isEmpty();
    assertThat(match(set, task("options", List.of(state("projectID", "p2"), "p1", state("projectID", "p1"), state("projectID", "p1", "label", "not urgent")))))
        .as("two elements lead to the same list: evaluated and answered once").containsExactly("objects eq", "objects contains");
    assertThat(match(set, task("options", state("projectID", "p1")))).as("objects needs an array").isEmpty();
    assertThat(match(set, task("options", List.of(state("label", List.of("urgent")))))).as("contains on an array leaf").containsExactly("objects contains");
    assertThat(match(set, task("data", state("x", null, "inner", List.of(state("k", "w"), state("k", "v")))))).containsExactly("deeper");
    assertThat(match(set, task("data", state("inner", List.of(state("k", "v")))))).as("x absent").isEmpty();
  }

  @Test
  void stateKeys_followAddsAndRemoves_andKeepTheirIdentityWhileUnchanged() {
    SubscriptionSet set = new SubscriptionSet();
    assertThat(set.stateKeys()).isEmpty();
    set.add("a", sub(eq("status", JsonValue.of("CUR"))));
    java.util.Set<String> first = set.stateKeys();
    assertThat(first).containsExactlyInAnyOrder("objCode", "ID", "status");
    set.add("b", sub(eq("status", JsonValue.of("NEW"))));
    assertThat(set.stateKeys()).as("no new key: same object").isSameAs(first);
    set.add("c", sub(eq("DE:Region", JsonValue.of("EMEA"))));
    assertThat(set.stateKeys()).containsExactlyInAnyOrder("objCode", "ID", "status", "DE:Region", "parameterValues");
    set.replace("c", sub(eq("DE:Region", JsonValue.of("APAC"))));
    assertThat(set.stateKeys()).as("replaced by one reading the same keys").containsExactlyInAnyOrder("objCode", "ID", "status", "DE:Region", "parameterValues");
    set.remove("a");
    assertThat(set.stateKeys()).as("b still reads status").contains("status");
    set.remove("b");
    assertThat(set.stateKeys()).containsExactlyInAnyOrder("objCode", "ID", "DE:Region", "parameterValues");
    set.remove("c");
    assertThat(set.stateKeys()).isEmpty();
  }

  @Test
  void readAndMatch_readerGetsTheSnapshotsKeys_andItsEventIsMatched() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub(eq("status", JsonValue.of("CUR"))));
    List<java.util.Set<String>> given = new java.util.ArrayList<>();
    List<String> ids = set.readAndMatch(keys -> {
      given.add(keys);
      set.add("late", sub(eq("name", JsonValue.of("x")))); // after the snapshot was taken
      return task("status", "CUR", "name", "x");
    });
    assertThat(ids).as("matched against the snapshot the keys came from").containsExactly("a");
    assertThat(given).containsExactly(java.util.Set.of("objCode", "ID", "status"));
    assertThat(set.readAndMatch(keys -> task("status", "CUR", "name", "x"))).containsExactly("a", "late");
    assertThatThrownBy(() -> set.readAndMatch(keys -> null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void unindexableFallBack_looseOnesIndexed_allMatchExactly_eqNullIsIndexed() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("or with a range branch", sub(Connector.OR, eq("status", JsonValue.of("CUR")), cond("n", Operator.GT, JsonValue.of(5), State.NEW_STATE)));
    set.add("and-with-or-group of a ne", sub(new Filter.Group(Connector.OR, List.of(eq("status", JsonValue.of("CUR")),
            cond("name", Operator.NE, JsonValue.of("x"), State.NEW_STATE))), cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)));
    set.add("ranges", sub(cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)));
    set.add("no filters", sub());
    set.add("ne", sub(cond("status", Operator.NE, JsonValue.of("CUR"), State.NEW_STATE)));
    set.add("eq null", sub(eq("status", JsonValue.NULL)));
    set.add("eq array", sub(eq("tags", new JsonValue.Arr(List.of(JsonValue.of("a"))))));
    set.add("eq nested", sub(eq("obj", new JsonValue.Obj(Map.of("fields", new JsonValue.Obj(Map.of("a", JsonValue.NULL)))))));
    set.add("or with an eq-null branch", sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("name", JsonValue.NULL)));
    set.add("or with a changed branch", sub(Connector.OR, eq("status", JsonValue.of("CUR")), cond("name", Operator.CHANGED, null, State.NEW_STATE)));
    assertThat(set.placement("or with a range branch")).isEqualTo("or(eq newState status; range newState n)");
    // the OR group would cost its eq and the name's presence; the range alone is cheaper
    assertThat(set.placement("and-with-or-group of a ne")).isEqualTo("range newState n");
    assertThat(set.placement("ranges")).isEqualTo("range newState n");
    assertThat(set.placement("no filters")).isEqualTo("fallback");
    assertThat(set.placement("ne")).isEqualTo("present newState status");
    assertThat(set.placement("eq array")).isEqualTo("fallback");
    assertThat(set.placement("or with a changed branch")).isEqualTo("or(eq newState status; changed newState name)");
    // null is a value the eq postings file (an in list may hold it)
    assertThat(set.placement("eq null")).isEqualTo("eq newState status");
    assertThat(set.placement("eq nested")).isEqualTo("eq newState obj → a");
    assertThat(set.placement("or with an eq-null branch")).isEqualTo("or(eq newState status; eq newState name)");

    assertThat(match(set, task("status", "CUR", "n", 2L))).containsExactly(
        "or with a range branch", "and-with-or-group of a ne", "ranges", "no filters", "or with an eq-null branch", "or with a changed branch");
    assertThat(match(set, task("status", "NEW", "name", "x", "n", 9L))).containsExactly("or with a range branch", "ranges", "no filters", "ne", "or with a changed branch");
    assertThat(match(set, event("UPDATE", state("objCode", "TASK", "status", "NEW", "name", "x"), state("objCode", "TASK", "name", "x"))))
        .containsExactly("no filters", "ne");
    assertThat(match(set, task("status", null, "name", null, "tags", List.of("a"), "obj", state("a", null))))
        .containsExactly("no filters", "ne", "eq null", "eq array", "eq nested", "or with an eq-null branch", "or with a changed branch");
  }

  @Test
  void andGroups_areFlattenedIntoTheRequiredConditions() {
    SubscriptionSet set = new SubscriptionSet();
    Filter.Group and = new Filter.Group(Connector.AND, List.of(
        cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE),
        new Filter.Group(Connector.AND, List.of(eq("status", JsonValue.of("CUR")), cond("name", Operator.EXISTS, null, State.NEW_STATE)))));
    set.add("or of one and-group", sub(Connector.OR, and));
    set.add("and with and-group", sub(Connector.AND, cond("name", Operator.CONTAINS, JsonValue.of("a"), State.NEW_STATE), and));
    set.add("single or-group", sub(new Filter.Group(Connector.OR, List.of(eq("status", JsonValue.of("CUR")), eq("status", JsonValue.of("x"))))));
    assertThat(set.placement("or of one and-group")).isEqualTo("eq newState status");
    assertThat(set.placement("and with and-group")).isEqualTo("eq newState status");
    assertThat(set.placement("single or-group")).isEqualTo("or(eq newState status; eq newState status)");

    assertThat(match(set, task("status", "CUR", "n", 2L, "name", "abc"))).containsExactly("or of one and-group", "and with and-group", "single or-group");
    assertThat(match(set, task("status", "CUR", "n", 2L, "name", "xyz"))).containsExactly("or of one and-group", "single or-group");
    assertThat(match(set, task("status", "CUR", "n", 1L, "name", "abc"))).containsExactly("single or-group");
    assertThat(match(set, task("status", "NEW", "n", 2L, "name", "abc"))).isEmpty();
  }

  @Test
  void newStateConditionsArePreferred_oldStateOnesStillIndexed() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("both", sub(cond("status", Operator.EQ, JsonValue.of("NEW"), State.OLD_STATE), eq("status", JsonValue.of("CUR"))));
    set.add("old only", sub(cond("status", Operator.EQ, JsonValue.of("NEW"), State.OLD_STATE), cond("n", Operator.GTE, JsonValue.of(0), State.NEW_STATE)));
    assertThat(set.placement("both")).isEqualTo("eq newState status");
    assertThat(set.placement("old only")).isEqualTo("eq oldState status");

    Event transition = event("UPDATE", state("objCode", "TASK", "status", "CUR", "n", 1L), state("objCode", "TASK", "status", "NEW"));
    assertThat(match(set, transition)).containsExactly("both", "old only");
    Event unknownOld = Event.builder(JsonModel.JAVA).eventType("UPDATE").objCode("TASK")
        .newState(state("objCode", "TASK", "status", "CUR", "n", 1L)).build();
    assertThat(match(set, unknownOld)).as("oldState filters are false when the old state is unknown").isEmpty();
    Event stayed = event("UPDATE", state("objCode", "TASK", "status", "NEW", "n", 1L), state("objCode", "TASK", "status", "NEW"));
    assertThat(match(set, stayed)).containsExactly("old only");
  }

  @Test
  void eqIndex_balancesListsWhenFieldsAreEquallySelective() {
    SubscriptionSet set = new SubscriptionSet();
    for (int i = 0; i < 5; i++) {
      set.add("status " + i, sub(eq("status", JsonValue.of("CUR")), eq("name", JsonValue.of("n" + i))));
    }
    // the first goes under status (a tie: newState both, written first); then name's keys are rarer
    assertThat(set.placement("status 0")).isEqualTo("eq newState status");
    assertThat(set.placement("status 4")).isEqualTo("eq newState name");
    SubscriptionIndex.Counters stats = new SubscriptionIndex.Counters();
    assertThat(set.match(task("status", "CUR", "name", "n3"), stats)).containsExactly("status 3");
    assertThat(stats.eqCandidates()).as("candidates evaluated from eq postings").isEqualTo(2);
  }

  @Test
  void matchWithCounters_countsEventsCandidatesAndFallback_sameAnswer() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("by name", sub(eq("name", JsonValue.of("n1"))));
    set.add("by status", sub(eq("status", JsonValue.of("CUR"))));
    set.add("loose", sub(cond("priority", Operator.GT, JsonValue.of(2), State.NEW_STATE)));
    SubscriptionSet.MatchCounters counters = new SubscriptionSet.MatchCounters();
    Event e = task("name", "n1", "status", "NEW", "priority", 1L);
    assertThat(set.match(e, counters)).isEqualTo(set.match(e)).containsExactly("by name");
    assertThat(set.match(task("name", "n2", "status", "CUR", "priority", 3L), counters)).containsExactly("by status", "loose");
    assertThat(counters.events()).isEqualTo(2);
    assertThat(counters.eqCandidates()).as("one eq candidate per event").isEqualTo(2);
    assertThat(counters.fallbackCandidates()).as("the range is indexed by its bound: not evaluated for every event").isZero();
    assertThat(counters.candidates()).as("the range a candidate only for priority 3").isEqualTo(3);
    assertThat(counters.matches()).isEqualTo(3);
    assertThat(counters.pinnedCandidates()).isZero();
    assertThat(counters.containsCandidates()).isZero();
  }

  @Test
  void containsIndex_substringsOfStrings_membersOfArrays() {
    SubscriptionSet set = new SubscriptionSet();
    for (String lit : List.of("he", "she", "his", "hers")) {
      set.add(lit, sub(cond("name", Operator.CONTAINS, JsonValue.of(lit), State.NEW_STATE)));
    }
    set.add("num 2.0", sub(cond("name", Operator.CONTAINS, num("2.0"), State.NEW_STATE)));
    set.add("bool true", sub(cond("name", Operator.CONTAINS, JsonValue.of(true), State.NEW_STATE)));
    set.add("str 1", sub(cond("name", Operator.CONTAINS, JsonValue.of("1"), State.NEW_STATE)));
    set.add("empty", sub(cond("name", Operator.CONTAINS, JsonValue.of(""), State.NEW_STATE)));
    set.add("emoji", sub(cond("name", Operator.CONTAINS, JsonValue.of("\uD83D\uDE00"), State.NEW_STATE)));
    set.add("contains array", sub(cond("name", Operator.CONTAINS, new JsonValue.Arr(List.of(JsonValue.of("he"))), State.NEW_STATE)));
    set.add("contains null", sub(cond("name", Operator.CONTAINS, JsonValue.NULL, State.NEW_STATE)));
    for (String id : set.ids()) {
      assertThat(set.placement(id)).as(id).isEqualTo(id.startsWith("contains ") ? "fallback" : "contains newState name");
    }

    assertThat(match(set, task("name", "ushers"))).containsExactly("he", "she", "hers", "empty", "contains array");
    assertThat(match(set, task("name", "this 2 true"))).containsExactly("his", "num 2.0", "bool true", "empty");
    assertThat(match(set, task("name", "x\uD83D\uDE00y"))).containsExactly("empty", "emoji");
    assertThat(match(set, task("name", ""))).containsExactly("empty");
    assertThat(match(set, task("name", List.of("he", 1L)))).containsExactly("he", "str 1", "contains array");
    assertThat(match(set, task("name", List.of("2", true, new BigDecimal("1.0"))))).containsExactly("num 2.0", "bool true", "str 1");
    assertThat(match(set, task("name", List.of("1.0")))).as("strings compare as text").isEmpty();
    assertThat(match(set, task("name", 12L))).as("contains on a number field is false").isEmpty();
    assertThat(match(set, task("name", state("a", "he")))).isEmpty();

    SubscriptionIndex.Counters stats = new SubscriptionIndex.Counters();
    assertThat(set.match(task("name", "hehehe"), stats)).containsExactly("he", "empty", "contains array");
    assertThat(stats.containsCandidates()).as("each text found is evaluated once, however often it occurs").isEqualTo(2);
    stats = new SubscriptionIndex.Counters();
    assertThat(set.match(task("name", List.of("he", "he", "he", "she")), stats)).containsExactly("he", "she", "contains array");
    assertThat(stats.containsCandidates()).as("equal elements find the same list once").isEqualTo(2);
  }

  @Test
  void containsIndex_manyTextsOfOneField_deFieldsAndOldState() {
    SubscriptionSet set = new SubscriptionSet();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String w = "w" + Integer.toString(i * 7919, 36);
      words.add(w);
      set.add(w, sub(cond("DE:Notes", Operator.CONTAINS, JsonValue.of(w), State.NEW_STATE)));
    }
    set.add("old", sub(cond("status", Operator.CONTAINS, JsonValue.of("NE"), State.OLD_STATE), cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE)));
    set.add("eq wins", sub(cond("name", Operator.CONTAINS, JsonValue.of("abc"), State.NEW_STATE), eq("status", JsonValue.of("CUR"))));
    assertThat(set.placement("old")).isEqualTo("contains oldState status");
    assertThat(set.placement("eq wins")).isEqualTo("eq newState status");
    assertThat(set.placement(words.get(0))).isEqualTo("contains newState DE:Notes");

    String text = "notes: " + words.get(3) + ", " + words.get(99) + " and " + words.get(99) + "!";
    SubscriptionIndex.Counters stats = new SubscriptionIndex.Counters();
    List<String> got = set.match(task("parameterValues", state("DE:Notes", text)), stats);
    assertThat(got).isEqualTo(naive(set, task("parameterValues", state("DE:Notes", text))));
    assertThat(got).contains(words.get(3), words.get(99));
    assertThat(stats.containsCandidates()).as("only texts that occur are evaluated").isEqualTo(got.size());

    Event old = event("UPDATE", state("objCode", "TASK", "n", 1L), state("objCode", "TASK", "status", "NEW"));
    assertThat(match(set, old)).containsExactly("old");
    Event unknownOld = Event.builder(JsonModel.JAVA).eventType("UPDATE").objCode("TASK").newState(state("n", 1L)).build();
    assertThat(match(set, unknownOld)).isEmpty();

    // removing every other word: the automaton of the new snapshot forgets them
    for (int i = 0; i < words.size(); i += 2) {
      set.remove(words.get(i));
    }
    Event again = task("DE:Notes", words.get(98) + words.get(99));
    assertThat(match(set, again)).contains(words.get(99)).doesNotContain(words.get(98));
  }

  @Test
  void vendorNames_areBucketedByTheEventsName() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("vendor", Subscription.of("TASK", "task.status-changed", eq("status", JsonValue.of("CUR"))).compile());
    set.add("vendor other", Subscription.of("TASK", "task.created").compile());
    set.add("canonical", sub(eq("status", JsonValue.of("CUR"))));
    set.add("lower-case update", Subscription.of("TASK", "update").compile());

    Event named = Event.builder(JsonModel.JAVA).source("4me").eventType("UPDATE").name("task.status-changed")
        .objCode("TASK").objId("t1").newState(state("status", "CUR")).oldState(state()).build();
    assertThat(match(set, named)).containsExactly("vendor", "canonical");
    Event otherName = Event.builder(JsonModel.JAVA).source("4me").eventType("UPDATE").name("task.closed")
        .objCode("TASK").newState(state("status", "CUR")).build();
    assertThat(match(set, otherName)).containsExactly("canonical");
    Event proj = Event.builder(JsonModel.JAVA).eventType("UPDATE").name("task.status-changed")
        .objCode("PROJ").newState(state("status", "CUR")).build();
    assertThat(match(set, proj)).isEmpty();
    assertThat(match(set, event("update", state("objCode", "TASK"), Map.of()))).containsExactly("lower-case update");
  }

  @Test
  void add_presentId_throwsAndKeepsTheHeldOne() {
    SubscriptionSet set = new SubscriptionSet();
    CompiledSubscription first = sub(eq("status", JsonValue.of("CUR")));
    set.add("a", first);
    assertThatThrownBy(() -> set.add("a", sub()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\"").hasMessageContaining("replace(id, subscription)");
    assertThat(set.get("a")).isSameAs(first);
    assertThat(set.size()).isEqualTo(1);
  }

  @Test
  void add_blankId_throws() {
    SubscriptionSet set = new SubscriptionSet();
    for (String blank : List.of("", " ", "\t\n")) {
      assertThatThrownBy(() -> set.add(blank, sub())).as("%s", blank)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
      assertThatThrownBy(() -> set.replace(blank, sub())).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> set.add(null, sub())).isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThat(set.size()).isZero();
  }

  @Test
  void addAll_onePresentOrBlankId_addsNothing() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub());
    Map<String, CompiledSubscription> batch = new LinkedHashMap<>();
    batch.put("b", sub());
    batch.put("a", sub());
    assertThatThrownBy(() -> set.addAll(batch)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing was added");
    Map<String, CompiledSubscription> blank = new LinkedHashMap<>();
    blank.put("c", sub());
    blank.put(" ", sub());
    assertThatThrownBy(() -> set.addAll(blank)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> set.replaceAll(blank)).isInstanceOf(IllegalArgumentException.class);
    assertThat(set.ids()).containsExactly("a");
  }

  @Test
  void replace_returnsThePreviousOne_orNullForANewId() {
    SubscriptionSet set = new SubscriptionSet();
    CompiledSubscription one = sub();
    CompiledSubscription two = sub(eq("status", JsonValue.of("CUR")));
    assertThat(set.replace("a", one)).isNull();
    assertThat(set.replace("a", two)).isSameAs(one);
    assertThat(set.get("a")).isSameAs(two);
    Map<String, CompiledSubscription> batch = new LinkedHashMap<>();
    batch.put("b", one);
    batch.put("a", one);
    set.replaceAll(batch);
    assertThat(set.ids()).containsExactly("a", "b");
    assertThat(set.get("a")).isSameAs(one);
  }

  @Test
  void replaceKeepsThePlace_removeAndReAddMovesToTheEnd() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub());
    set.add("b", sub(eq("status", JsonValue.of("CUR"))));
    set.add("c", pinned("t1"));
    Event e = task("ID", "t1", "status", "CUR");
    assertThat(match(set, e)).containsExactly("a", "b", "c");

    set.replace("b", sub(eq("status", JsonValue.of("NEW"))));
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.ids()).containsExactly("a", "b", "c");
    assertThat(match(set, e)).containsExactly("a", "c");
    assertThat(match(set, task("ID", "t1", "status", "NEW"))).containsExactly("a", "b", "c");

    set.replace("a", pinned("t1", eq("status", JsonValue.of("CUR"))));
    assertThat(set.placement("a")).isEqualTo("pinned");
    assertThat(match(set, e)).containsExactly("a", "c");

    assertThat(set.remove("a")).isTrue();
    assertThat(set.remove("a")).isFalse();
    assertThat(set.ids()).containsExactly("b", "c");
    assertThat(match(set, e)).containsExactly("c");
    set.add("a", sub());
    assertThat(set.ids()).containsExactly("b", "c", "a");
    assertThat(match(set, e)).containsExactly("c", "a");

    assertThat(set.remove("b")).isTrue();
    assertThat(set.remove("c")).isTrue();
    assertThat(set.remove("a")).isTrue();
    assertThat(set.size()).isZero();
    assertThat(set.match(e)).isEmpty();
  }

  @Test
  void results_comeInInsertionOrderAcrossPinsPostingsAndFallbacks() {
    SubscriptionSet set = new SubscriptionSet();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = "s" + i;
      CompiledSubscription s = switch (i % 3) {
        case 0 -> pinned("t1");
        case 1 -> sub(eq("status", JsonValue.of("CUR")));
        default -> sub(cond("name", Operator.CONTAINS, JsonValue.of("b"), State.NEW_STATE));
      };
      set.add(id, s);
      expected.add(id);
    }
    assertThat(match(set, task("ID", "t1", "status", "CUR", "name", "abc"))).containsExactlyElementsOf(expected);
  }

  @Test
  void answers_areUnmodifiable() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub());
    List<String> got = set.match(task());
    assertThatThrownBy(() -> got.add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> got.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> got.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> set.ids().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(got).isEqualTo(List.of("a")).hasSameHashCodeAs(List.of("a"));
  }

  @Test
  void nulls_areRejected() {
    SubscriptionSet set = new SubscriptionSet();
    assertThatThrownBy(() -> set.add(null, sub())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> set.add("a", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> set.remove(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> set.match(null)).isInstanceOf(NullPointerException.class);
    Map<String, CompiledSubscription> withNull = new LinkedHashMap<>();
    withNull.put("ok", sub());
    withNull.put("bad", null);
    assertThatThrownBy(() -> set.addAll(withNull)).isInstanceOf(NullPointerException.class);
    assertThat(set.size()).as("addAll is all or nothing").isZero();
  }

  @Test
  void replaceAll_addsInIterationOrder_replacedKeepTheirPlace() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("z", sub());
    Map<String, CompiledSubscription> m = new LinkedHashMap<>();
    m.put("b", sub());
    m.put("a", sub(eq("status", JsonValue.of("CUR"))));
    m.put("z", pinned("t1"));
    set.replaceAll(m);
    assertThat(set.ids()).containsExactly("z", "b", "a");
    assertThat(match(set, task("ID", "t1", "status", "CUR"))).containsExactly("z", "b", "a");
  }

  // ------------------------------------------------------------------ OR subscriptions

  static Filter.Group and(Filter... fs) {
    return new Filter.Group(Connector.AND, List.of(fs));
  }

  static Filter.Group or(Filter... fs) {
    return new Filter.Group(Connector.OR, List.of(fs));
  }

  static Filter.Condition contains(String field, JsonValue v) {
    return cond(field, Operator.CONTAINS, v, State.NEW_STATE);
  }

  static SubscriptionIndex.Counters stats() {
    return new SubscriptionIndex.Counters();
  }


  @Test
  void orSubscriptions_areIndexedUnderEveryBranch() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("or", sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u1"))));
    set.add("or old", sub(Connector.OR, cond("status", Operator.EQ, JsonValue.of("NEW"), State.OLD_STATE), eq("ownerID", JsonValue.of("u2"))));
    set.add("or contains", sub(Connector.OR, contains("name", JsonValue.of("urgent")), eq("DE:Prio", JsonValue.of("high"))));
    set.add("or of and groups", sub(Connector.OR,
        and(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u3")), cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)),
        and(cond("n", Operator.LT, JsonValue.of(0), State.NEW_STATE), eq("groupID", JsonValue.of("g1")))));
    set.add("nested or groups", sub(Connector.OR, eq("n", JsonValue.of(7)), or(eq("n", JsonValue.of(8)), or(eq("n", JsonValue.of("9")), eq("m", JsonValue.of(true))))));
    set.add("required or group", sub(cond("n", Operator.GTE, JsonValue.of(0), State.NEW_STATE), or(eq("ownerID", JsonValue.of("u4")), contains("tags", JsonValue.of("t")))));
    assertThat(set.placement("or")).isEqualTo("or(eq newState status; eq newState ownerID)");
    assertThat(set.placement("or old")).isEqualTo("or(eq oldState status; eq newState ownerID)");
    assertThat(set.placement("or contains")).isEqualTo("or(contains newState name; eq newState DE:Prio)");
    assertThat(set.placement("or of and groups")).as("one key per branch: the ANDs' eq conditions").startsWith("or(eq newState ").endsWith("; eq newState groupID)");
    assertThat(set.placement("nested or groups")).isEqualTo("or(eq newState n; eq newState n; eq newState n; eq newState m)");
    assertThat(set.placement("required or group")).isEqualTo("or(eq newState ownerID; contains newState tags)");

    Event transition = event("UPDATE", state("objCode", "TASK", "status", "CPL", "ownerID", "x"), state("objCode", "TASK", "status", "NEW"));
    assertThat(match(set, transition)).containsExactly("or old");
    assertThat(match(set, task("status", "CUR"))).containsExactly("or");
    assertThat(match(set, task("ownerID", "u1"))).containsExactly("or");
    assertThat(match(set, task("ownerID", "u2"))).containsExactly("or old");
    assertThat(match(set, task("name", "very urgent!"))).containsExactly("or contains");
    assertThat(match(set, task("name", List.of("urgent")))).containsExactly("or contains");
    assertThat(match(set, task("parameterValues", state("DE:Prio", "high")))).containsExactly("or contains");
    assertThat(match(set, task("status", "CUR", "ownerID", "u3", "n", 2L))).containsExactly("or", "or of and groups");
    assertThat(match(set, task("status", "CUR", "ownerID", "u4", "n", 1L))).containsExactly("or", "required or group");
    assertThat(match(set, task("groupID", "g1", "n", -1L))).containsExactly("or of and groups");
    assertThat(match(set, task("groupID", "g1", "n", 1L))).isEmpty();
    assertThat(match(set, task("n", 9L))).containsExactly("nested or groups");
    assertThat(match(set, task("n", "8"))).containsExactly("nested or groups");
    assertThat(match(set, task("m", true))).containsExactly("nested or groups");
    assertThat(match(set, task("m", "true", "n", 0L, "ownerID", "u4"))).containsExactly("nested or groups", "required or group");
    assertThat(match(set, task("n", 0L, "tags", List.of("s", "t")))).containsExactly("required or group");
    assertThat(match(set, task("n", -1L, "tags", List.of("t")))).isEmpty();

    SubscriptionIndex.Counters stats = stats();
    assertThat(set.match(task("ownerID", "u1"), stats)).containsExactly("or");
    assertThat(stats.fallbackCandidates()).as("no fallback candidates").isZero();
    assertThat(stats.multiCandidates()).as("one OR candidate evaluated").isEqualTo(1);
    assertThat(stats.multiMatches()).isEqualTo(1);
    assertThat(stats.deduped()).isZero();
  }

  @Test
  void orSubscriptions_foundThroughSeveralBranches_areEvaluatedAndReportedOnce() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub());
    set.add("or", sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u1")),
        contains("name", JsonValue.of("x")), contains("name", JsonValue.of("y"))));
    set.add("z", sub(eq("status", JsonValue.of("CUR"))));

    SubscriptionIndex.Counters stats = stats();
    assertThat(set.match(task("status", "CUR", "ownerID", "u1", "name", "xy"), stats)).containsExactly("a", "or", "z");
    assertThat(stats.multiCandidates()).isEqualTo(1);
    assertThat(stats.multiMatches()).isEqualTo(1);
    assertThat(stats.deduped()).as("reached through four lists, evaluated once").isEqualTo(3);
    assertThat(stats.eqCandidates() + stats.containsCandidates()).as("candidates from eq and contains lists: or, z").isEqualTo(2);

    stats = stats();
    assertThat(set.match(task("status", "NEW", "name", List.of("x", "y", "x")), stats)).containsExactly("a", "or");
    assertThat(stats.deduped()).as("array elements x and y reach it twice").isEqualTo(1);

    stats = stats();
    assertThat(set.match(task("status", "NEW", "ownerID", "u2", "name", "none"), stats)).containsExactly("a");
    assertThat(stats.multiCandidates()).isZero();

    // many OR candidates reached several times each: the per-call table grows
    SubscriptionSet many = new SubscriptionSet();
    for (int i = 0; i < 300; i++) {
      many.add("or" + i, sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u" + (i % 3))),
          cond("n", Operator.EQ, JsonValue.of(i % 2), State.OLD_STATE)));
    }
    Event e = event("UPDATE", state("objCode", "TASK", "status", "CUR", "ownerID", "u1"), state("objCode", "TASK", "n", 1L));
    stats = stats();
    List<String> got = set_match(many, e, stats);
    assertThat(got).hasSize(300).doesNotHaveDuplicates().isEqualTo(naive(many, e));
    assertThat(stats.multiCandidates()).isEqualTo(300);
    assertThat(stats.deduped()).isEqualTo(100 + 150);
  }

  private static List<String> set_match(SubscriptionSet set, Event e, SubscriptionIndex.Counters stats) {
    return set.match(e, stats);
  }

  @Test
  void orSubscriptions_branchesWithTheSameKeyAreListedOnce() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("same", sub(Connector.OR, eq("status", JsonValue.of("CUR")), and(eq("status", JsonValue.of("CUR")), eq("name", JsonValue.of("CUR")))));
    set.add("same by value", sub(Connector.OR, eq("n", JsonValue.of(1)), eq("n", JsonValue.of("1.0"))));
    set.add("texts of one key", sub(Connector.OR, contains("name", JsonValue.of("2")), contains("name", JsonValue.of("2.0"))));
    set.add("one text", sub(Connector.OR, contains("name", JsonValue.of("2")), contains("name", num("2.0"))));
    assertThat(set.placement("same")).as("the AND branch picks status too: one key").isEqualTo("eq newState status");
    assertThat(set.placement("same by value")).isEqualTo("eq newState n");
    assertThat(set.placement("texts of one key")).isEqualTo("or(contains newState name; contains newState name)");
    assertThat(set.placement("one text")).as("2.0 is written 2").isEqualTo("contains newState name");
    set.remove("one text");

    assertThat(match(set, task("status", "CUR", "n", 1L))).containsExactly("same", "same by value");
    assertThat(match(set, task("name", "v2.0"))).containsExactly("texts of one key");
    assertThat(match(set, task("name", "v2"))).containsExactly("texts of one key");
    SubscriptionIndex.Counters stats = stats();
    assertThat(set.match(task("name", List.of(2L)), stats)).containsExactly("texts of one key");
    assertThat(stats.deduped()).as("listed twice under the element key 2").isEqualTo(1);

    assertThat(set.remove("texts of one key")).isTrue();
    assertThat(match(set, task("name", List.of(2L)))).isEmpty();
    assertThat(match(set, task("name", "v2.0"))).isEmpty();
    set.add("texts of one key", sub(Connector.OR, contains("name", JsonValue.of("2")), contains("name", JsonValue.of("2.0"))));
    assertThat(match(set, task("name", List.of("2")))).containsExactly("texts of one key");
    stats = stats();
    assertThat(set.match(task("name", "v2.0"), stats)).containsExactly("texts of one key");
    assertThat(stats.deduped()).as("both texts occur").isEqualTo(1);
  }

  @Test
  void orSubscriptions_replaceAndRemove_leaveNoTrace() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("first", sub(eq("status", JsonValue.of("CUR"))));
    set.add("or", sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u1")), contains("name", JsonValue.of("x"))));
    set.add("last", pinned("t1"));
    Event all = task("ID", "t1", "status", "CUR", "ownerID", "u1", "name", "x");
    assertThat(match(set, all)).containsExactly("first", "or", "last");

    set.replace("or", sub(Connector.OR, eq("status", JsonValue.of("NEW")), eq("ownerID", JsonValue.of("u2"))));
    assertThat(set.placement("or")).isEqualTo("or(eq newState status; eq newState ownerID)");
    assertThat(match(set, all)).containsExactly("first", "last");
    assertThat(match(set, task("ID", "t1", "ownerID", "u2"))).containsExactly("or", "last");
    assertThat(match(set, task("name", "x", "ownerID", "u1"))).isEmpty();

    set.replace("or", sub(cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)));
    assertThat(set.placement("or")).isEqualTo("range newState n");
    assertThat(match(set, task("ownerID", "u2", "n", 2L))).containsExactly("or");

    set.replace("or", sub(Connector.OR, eq("status", JsonValue.of("NEW")), eq("ownerID", JsonValue.of("u2"))));
    assertThat(set.remove("or")).isTrue();
    assertThat(set.placement("or")).isNull();
    assertThat(match(set, task("ID", "t1", "status", "NEW", "ownerID", "u2"))).containsExactly("last");
    assertThat(set.ids()).containsExactly("first", "last");
  }

  @Test
  void orSubscriptions_vendorBucketsAndInsertionOrder() {
    SubscriptionSet set = new SubscriptionSet();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "s" + i;
      CompiledSubscription s = switch (i % 4) {
        case 0 -> sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u" + i)));
        case 1 -> sub(eq("status", JsonValue.of("CUR")));
        case 2 -> new Subscription("TASK", "task.status-changed", null, Connector.OR,
            List.of(eq("ownerID", JsonValue.of("u" + i)), contains("name", JsonValue.of("b"))), Map.of()).compile();
        default -> sub(Connector.OR, eq("ownerID", JsonValue.of("u" + i)), contains("name", JsonValue.of("a")));
      };
      set.add(id, s);
      expected.add(id);
    }
    Event named = Event.builder(JsonModel.JAVA).eventType("UPDATE").name("task.status-changed").objCode("TASK")
        .newState(state("status", "CUR", "name", "abc")).oldState(state()).build();
    assertThat(match(set, named)).containsExactlyElementsOf(expected);
  }

  @Test
  void orSubscriptions_tooManyKeysOrTooDeep_fallBack() {
    SubscriptionSet set = new SubscriptionSet();
    List<Filter> wide = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      wide.add(eq("ownerID", JsonValue.of("u" + i)));
    }
    set.add("64 keys", sub(Connector.OR, wide.toArray(new Filter[0])));
    wide.add(eq("ownerID", JsonValue.of("u64")));
    set.add("65 keys", sub(Connector.OR, wide.toArray(new Filter[0])));
    assertThat(set.placement("64 keys")).startsWith("or(eq newState ownerID; ");
    assertThat(set.placement("65 keys")).isEqualTo("fallback");

    // AND(n > 0, OR(k = i, AND(n > 0, OR(...)))), 60 levels: beyond the depth looked into, the OR has no cover
    Filter f = eq("k", JsonValue.of(60));
    for (int i = 59; i >= 0; i--) {
      f = or(eq("k", JsonValue.of(i)), and(cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE), f));
    }
    set.add("deep", sub(cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE), f));
    Filter shallow = eq("k", JsonValue.of(3));
    for (int i = 2; i >= 0; i--) {
      shallow = or(eq("k", JsonValue.of(i)), and(cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE), shallow));
    }
    set.add("shallow", sub(cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE), shallow));
    assertThat(set.placement("deep")).as("the OR beyond the depth looked into has no cover; the range has").isEqualTo("range newState n");
    assertThat(set.placement("shallow")).isEqualTo("or(eq newState k; eq newState k; eq newState k; eq newState k)");

    assertThat(match(set, task("ownerID", "u63"))).containsExactly("64 keys", "65 keys");
    assertThat(match(set, task("ownerID", "u64"))).containsExactly("65 keys");
    assertThat(match(set, task("k", 60L, "n", 1L))).containsExactly("deep");
    assertThat(match(set, task("k", 3L, "n", 1L))).containsExactly("deep", "shallow");
    assertThat(match(set, task("k", 3L, "n", 0L))).isEmpty();
  }

  // ------------------------------------------------------------------ choosing keys

  @Test
  void eqIndex_prefersSelectiveFields_whateverTheOrderOfAdds() {
    SubscriptionSet set = new SubscriptionSet();
    for (int i = 0; i < 200; i++) {
      set.add("s" + i, sub(eq("status", JsonValue.of(i % 3 == 0 ? "NEW" : "CUR")), eq("ownerID", JsonValue.of("u" + i))));
    }
    long underOwner = set.ids().stream().filter(id -> set.placement(id).equals("eq newState ownerID")).count();
    assertThat(underOwner).as("all but the first two, which had little to compare with (ties go to the first written)").isEqualTo(198);

    SubscriptionIndex.Counters stats = stats();
    assertThat(set.match(task("status", "CUR", "ownerID", "u7"), stats)).containsExactly("s7");
    assertThat(stats.eqCandidates()).as("eq candidates: s7, and s1 under status CUR").isEqualTo(2);

    // a rare key of a few-valued field beats a key that half the subscriptions share
    set.add("rare status", sub(eq("status", JsonValue.of("HOLD")), eq("ownerID", JsonValue.of("u1"))));
    assertThat(set.placement("rare status")).isEqualTo("eq newState status");
  }

  @Test
  void eqIndex_countsFollowRemovals() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u1"))));
    set.add("b", sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u2"))));
    assertThat(set.placement("a")).isEqualTo("eq newState status");
    assertThat(set.placement("b")).isEqualTo("eq newState ownerID");
    set.remove("a");
    set.remove("b");
    set.add("c", sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u3"))));
    assertThat(set.placement("c")).as("counts of removed subscriptions are forgotten: a tie again").isEqualTo("eq newState status");
    set.add("pin", pinned("t1", eq("ownerID", JsonValue.of("u4")), eq("ownerID", JsonValue.of("u5"))));
    set.add("d", sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u3"))));
    assertThat(set.placement("d")).as("pinned subscriptions are not counted: 2/2 vs 2/2, then the shorter list").isEqualTo("eq newState ownerID");
  }

  @Test
  void cover_choosesTheCheapestOfSingleKeysAndOrGroups() {
    SubscriptionSet set = new SubscriptionSet();
    for (int i = 0; i < 20; i++) {
      set.add("bg" + i, sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of("u" + i)), eq("projectID", JsonValue.of("p" + i))));
    }
    set.add("or group beats status", sub(eq("status", JsonValue.of("CUR")), or(eq("ownerID", JsonValue.of("u1")), eq("projectID", JsonValue.of("p1")))));
    set.add("contains loses to eq", sub(contains("name", JsonValue.of("long text")), eq("status", JsonValue.of("CUR"))));
    set.add("contains beats a wide or", sub(contains("name", JsonValue.of("zz")),
        or(eq("status", JsonValue.of("CUR")), eq("status", JsonValue.of("NEW")))));
    set.add("or of contains", sub(cond("n", Operator.GT, JsonValue.of(0), State.NEW_STATE), or(contains("name", JsonValue.of("a")), contains("name", JsonValue.of("b")))));
    assertThat(set.placement("or group beats status")).isEqualTo("or(eq newState ownerID; eq newState projectID)");
    assertThat(set.placement("contains loses to eq")).isEqualTo("eq newState status");
    assertThat(set.placement("contains beats a wide or")).isEqualTo("contains newState name");
    assertThat(set.placement("or of contains")).isEqualTo("or(contains newState name; contains newState name)");
    assertThat(match(set, task("status", "CUR", "ownerID", "u1", "projectID", "p1", "name", "a long text", "n", 1L)))
        .containsExactly("bg1", "or group beats status", "contains loses to eq", "or of contains");
    assertThat(match(set, task("status", "CUR", "projectID", "p1", "name", "zz")))
        .containsExactly("or group beats status", "contains beats a wide or");
  }

  /**
   * A deterministic Workfront-like mix: pins, eq pairs, contains texts (strings and arrays), top-level
   * ORs, required OR groups, ORs of AND groups, state transitions, and 3% that no key covers (ranges,
   * an OR with a range branch); events drawn from the same pools.
   */
  static final class Mixed {
    static final String[] CODES = {"TASK", "PROJ", "OPTASK"};
    static final String[] STATUSES = {"CUR", "NEW", "CPL", "INP"};
    static final String[] REGIONS = {"EMEA", "APAC", "AMER", "LATAM", "NA", "EU"};
    final java.util.Random r;
    final String[] owners = pool(300);
    final String[] groups = pool(100);
    final String[] projects = pool(200);
    final String[] customers = pool(50);
    final String[] ids = pool(2000);
    final String[] words = new String[100];

    Mixed(long seed) {
      r = new java.util.Random(seed);
      for (int i = 0; i < words.length; i++) {
        words[i] = "w" + Integer.toString(i * 7919 + 1000, 36);
      }
    }

    private String[] pool(int n) {
      java.util.Random p = new java.util.Random(n);
      String[] a = new String[n];
      for (int i = 0; i < n; i++) {
        a[i] = String.format("%08x%08x%08x%08x", p.nextInt(), p.nextInt(), p.nextInt(), i);
      }
      return a;
    }

    private String pick(String[] a) {
      return a[r.nextInt(a.length)];
    }

    private String type() {
      int k = r.nextInt(10);
      return k < 2 ? "CREATE" : k < 9 ? "UPDATE" : "DELETE";
    }

    private static Filter.Condition eqs(String f, String v) {
      return eq(f, JsonValue.of(v));
    }

    Subscription subscription() {
      String code = pick(CODES);
      String type = type();
      int k = r.nextInt(100);
      List<Filter> fs = new ArrayList<>();
      Connector conn = Connector.AND;
      String objId = null;
      if (k < 8) {
        objId = pick(ids);
        if (r.nextBoolean()) {
          fs.add(eqs("status", pick(STATUSES)));
        }
      } else if (k < 30) {
        fs.add(eqs("status", pick(STATUSES)));
        fs.add(eqs("ownerID", pick(owners)));
      } else if (k < 40) {
        fs.add(eqs("projectID", pick(projects)));
        fs.add(cond("priority", Operator.GT, JsonValue.of(2), State.NEW_STATE));
      } else if (k < 48) {
        fs.add(eqs("groupID", pick(groups)));
      } else if (k < 56) {
        fs.add(contains("name", JsonValue.of(pick(words))));
      } else if (k < 66) {
        conn = Connector.OR;
        fs.add(eqs("ownerID", pick(owners)));
        fs.add(eqs("assignedToID", pick(owners)));
      } else if (k < 71) {
        fs.add(eqs("status", "CUR"));
        fs.add(or(eqs("projectID", pick(projects)), eqs("groupID", pick(groups))));
      } else if (k < 75) {
        conn = Connector.OR;
        fs.add(contains("name", JsonValue.of(pick(words))));
        fs.add(and(eqs("DE:Region", pick(REGIONS)), eqs("customerID", pick(customers))));
      } else if (k < 80) {
        String st = pick(STATUSES);
        fs.add(cond("status", Operator.EQ, JsonValue.of(st), State.OLD_STATE));
        fs.add(cond("status", Operator.NE, JsonValue.of(st), State.NEW_STATE));
        if (r.nextInt(4) > 0) {
          fs.add(eqs("projectID", pick(projects)));
        }
      } else if (k < 83) {
        fs.add(cond("status", Operator.CHANGED, null, State.NEW_STATE));
        fs.add(eqs("ownerID", pick(owners)));
      } else if (k < 84) {
        fs.add(cond("percentComplete", Operator.GT, JsonValue.of(90 + r.nextInt(10)), State.NEW_STATE));
      } else if (k < 86) {
        fs.add(cond("percentComplete", Operator.GT, JsonValue.of(r.nextInt(100)), State.NEW_STATE));
        fs.add(eqs("groupID", pick(groups)));
      } else if (k < 90) {
        fs.add(eqs("DE:Region", pick(REGIONS)));
        fs.add(eqs("customerID", pick(customers)));
      } else if (k < 94) {
        fs.add(contains("accessorIDs", JsonValue.of(pick(owners))));
      } else if (k < 96) {
        conn = Connector.OR;
        fs.add(eqs("ownerID", pick(owners)));
        fs.add(cond("percentComplete", Operator.GT, JsonValue.of(98), State.NEW_STATE));
      } else {
        conn = Connector.OR;
        fs.add(and(eqs("status", "CUR"), eqs("ownerID", pick(owners))));
        fs.add(and(eqs("status", "NEW"), eqs("assignedToID", pick(owners))));
      }
      return new Subscription(code, type, objId, conn, fs, Map.of());
    }

    private Map<String, Object> objectState(String code, String id) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ID", id);
      m.put("objCode", code);
      m.put("status", pick(STATUSES));
      m.put("priority", (long) r.nextInt(5));
      m.put("ownerID", pick(owners));
      m.put("assignedToID", pick(owners));
      m.put("groupID", pick(groups));
      m.put("projectID", pick(projects));
      m.put("customerID", pick(customers));
      m.put("percentComplete", (long) r.nextInt(101));
      m.put("name", pick(words) + " fix " + pick(words) + " for release");
      m.put("accessorIDs", List.of(pick(owners), pick(owners), pick(owners)));
      m.put("parameterValues", Map.of("DE:Region", pick(REGIONS), "DE:Budget", (long) r.nextInt(10_000)));
      return m;
    }

    Event event() {
      String code = pick(CODES);
      String type = type();
      String id = pick(ids);
      Map<String, Object> n = objectState(code, id);
      Map<String, Object> o = objectState(code, id);
      o.put("ownerID", n.get("ownerID"));
      return event(type, type.equals("DELETE") ? Map.of() : n, type.equals("CREATE") ? Map.of() : o);
    }

    static Event event(String type, Map<String, Object> n, Map<String, Object> o) {
      return Event.workfront(JsonModel.JAVA, type, n, o).build();
    }

    SubscriptionSet set(int n) {
      SubscriptionSet set = new SubscriptionSet();
      for (int i = 0; i < n; i++) {
        set.add("s" + i, subscription().compile());
      }
      return set;
    }
  }

  /** Events per second matching {@code events} against {@code set}: the best of a few rounds (rough; printed only). */
  private static double rate(SubscriptionSet set, List<Event> events) {
    long best = Long.MAX_VALUE;
    long sink = 0;
    for (int round = 0; round < 6; round++) {
      long t = System.nanoTime();
      for (Event e : events) {
        sink += set.match(e).size();
      }
      best = Math.min(best, System.nanoTime() - t);
    }
    return sink < 0 ? 0 : events.size() * 1e9 / best;
  }

  @Test
  void mixedTenThousand_orSubscriptionsIndexed_fewCandidates() {
    SubscriptionSet set = new Mixed(7).set(10_000);
    Mixed ev = new Mixed(11);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(ev.event());
    }
    Map<String, Integer> placements = new java.util.TreeMap<>();
    for (String id : set.ids()) {
      String p = set.placement(id);
      placements.merge(p.startsWith("or(") ? "or" : SubscriptionSetProperties.kind(p), 1, Integer::sum);
    }
    SubscriptionIndex.Counters stats = stats();
    long matches = 0;
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      List<String> got = set.match(e, stats);
      if (i < 100) {
        assertThat(got).isEqualTo(naive(set, e));
      }
      matches += got.size();
    }
    double n = events.size();
    double candidates = (stats.candidates()) / n;
    System.out.printf("mixed 10,000: placements %s%n  per event: %.1f matches, %.1f candidates (pinned %.1f, eq %.1f, contains %.1f,"
            + " range %.1f, fallback %.1f), %.1f OR candidates, %.2f OR reaches deduped%n",
        placements, matches / n, candidates, stats.pinnedCandidates() / n, stats.eqCandidates() / n, stats.containsCandidates() / n,
        stats.rangeCandidates() / n, stats.fallbackCandidates() / n, stats.multiCandidates() / n, stats.deduped() / n);
    assertThat(placements.getOrDefault("fallback", 0)).as("at most the 3% no value or text covers (ranges now have their postings)").isLessThan(400);
    assertThat(placements.get("or")).as("top-level ORs, required OR groups, ORs of AND groups").isGreaterThan(2_000);
    assertThat(stats.fallbackCandidates() / n).as("fallback candidates per event").isLessThan(80);
    assertThat(candidates).as("candidates per event (404 when ORs fell back and eq keys were chosen by list length)").isLessThan(100);
    assertThat(stats.multiMatches()).isPositive();

    SubscriptionSet small = new Mixed(7).set(100);
    rate(set, events);
    rate(small, events);
    double big = rate(set, events);
    double hundred = rate(small, events);
    System.out.printf("  rough events/s (not a benchmark): 100 subscriptions %.0f, 10,000 subscriptions %.0f%n", hundred, big);
  }

  @Test
  void tenThousandSubscriptions_buildFast_andFewCandidatesAreEvaluated() {
    SubscriptionSet set = new SubscriptionSet();
    long start = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      String owner = "owner" + (i % 2_000);
      CompiledSubscription s = switch (i % 10) {
        case 0 -> pinned("id" + i);
        case 1 -> sub(Connector.OR, eq("ownerID", JsonValue.of(owner)), eq("status", JsonValue.of("NEVER")));
        case 2 -> sub(eq("DE:Cost", JsonValue.of(i)), cond("status", Operator.NE, JsonValue.of("CPL"), State.NEW_STATE));
        default -> sub(eq("status", JsonValue.of("CUR")), eq("ownerID", JsonValue.of(owner)),
            cond("name", Operator.CONTAINS, JsonValue.of("a"), State.NEW_STATE));
      };
      set.add("s" + i, s);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(set.size()).isEqualTo(10_000);
    assertThat(millis).as("10,000 adds, each a copy-on-write of its bucket's affected list only").isLessThan(10_000);

    SubscriptionIndex.Counters stats = new SubscriptionIndex.Counters();
    Event e = task("ID", "id40", "status", "CUR", "ownerID", "owner3", "name", "abc", "DE:Cost", 12L);
    assertThat(set.placement("s13")).as("ownerID has many keys, status few").isEqualTo("eq newState ownerID");
    List<String> got = set.match(e, stats);
    assertThat(got).isEqualTo(naive(set, e));
    assertThat(got).contains("s40", "s3", "s12");
    assertThat(stats.pinnedCandidates()).as("pinned candidates").isEqualTo(1);
    assertThat(stats.eqCandidates()).as("eq candidates: the owner's subscriptions, the OR ones included, and the cost 12 one").isLessThan(10);
    assertThat(stats.fallbackCandidates()).as("fallback candidates: none, the OR subscriptions are indexed under both branches").isZero();
    assertThat(set.placement("s1")).isEqualTo("or(eq newState ownerID; eq newState status)");

    for (int i = 0; i < 10_000; i += 2) {
      assertThat(set.remove("s" + i)).isTrue();
    }
    assertThat(set.size()).isEqualTo(5_000);
    assertThat(set.match(e)).isEqualTo(naive(set, e)).contains("s3").doesNotContain("s40", "s12");
  }
}
