package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    return new Filter.Condition(field, op, v, state);
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

  @Test
  void orSubscriptionsFallBack_andStillMatchExactly() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("or", sub(Connector.OR, eq("status", JsonValue.of("CUR")), eq("status", JsonValue.of("NEW"))));
    set.add("and-with-or-group", sub(new Filter.Group(Connector.OR, List.of(eq("status", JsonValue.of("CUR")), eq("name", JsonValue.of("x")))),
        cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)));
    set.add("ranges", sub(cond("n", Operator.GT, JsonValue.of(1), State.NEW_STATE)));
    set.add("no filters", sub());
    set.add("ne", sub(cond("status", Operator.NE, JsonValue.of("CUR"), State.NEW_STATE)));
    set.add("eq null", sub(eq("status", JsonValue.NULL)));
    set.add("eq array", sub(eq("tags", new JsonValue.Arr(List.of(JsonValue.of("a"))))));
    set.add("eq nested", sub(eq("obj", new JsonValue.Obj(Map.of("fields", new JsonValue.Obj(Map.of("a", JsonValue.of(1))))))));
    for (String id : set.ids()) {
      assertThat(set.placement(id)).as(id).isEqualTo("fallback");
    }

    assertThat(match(set, task("status", "CUR", "n", 2L))).containsExactly("or", "and-with-or-group", "ranges", "no filters");
    assertThat(match(set, task("status", "NEW", "name", "x"))).containsExactly("or", "no filters", "ne");
    assertThat(match(set, task("status", null, "tags", List.of("a"), "obj", state("a", 1L))))
        .containsExactly("no filters", "ne", "eq null", "eq array", "eq nested");
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
    assertThat(set.placement("single or-group")).isEqualTo("fallback");

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
  void eqIndex_choosesTheShortestPostingList() {
    SubscriptionSet set = new SubscriptionSet();
    for (int i = 0; i < 5; i++) {
      set.add("status " + i, sub(eq("status", JsonValue.of("CUR")), eq("name", JsonValue.of("n" + i))));
    }
    // the first goes under status (nothing there yet); the rest prefer a fresh name key over a growing status list
    assertThat(set.placement("status 0")).isEqualTo("eq newState status");
    assertThat(set.placement("status 4")).isEqualTo("eq newState name");
    long[] stats = new long[8];
    assertThat(set.match(task("status", "CUR", "name", "n3"), stats)).containsExactly("status 3");
    assertThat(stats[1]).as("candidates evaluated from eq postings").isEqualTo(2);
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

    long[] stats = new long[8];
    assertThat(set.match(task("name", "hehehe"), stats)).containsExactly("he", "empty", "contains array");
    assertThat(stats[2]).as("each text found is evaluated once, however often it occurs").isEqualTo(2);
    stats = new long[8];
    assertThat(set.match(task("name", List.of("he", "he", "he", "she")), stats)).containsExactly("he", "she", "contains array");
    assertThat(stats[2]).as("equal elements find the same list once").isEqualTo(2);
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
    long[] stats = new long[8];
    List<String> got = set.match(task("parameterValues", state("DE:Notes", text)), stats);
    assertThat(got).isEqualTo(naive(set, task("parameterValues", state("DE:Notes", text))));
    assertThat(got).contains(words.get(3), words.get(99));
    assertThat(stats[2]).as("only texts that occur are evaluated").isEqualTo(got.size());

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
  void replaceKeepsThePlace_removeAndReAddMovesToTheEnd() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("a", sub());
    set.add("b", sub(eq("status", JsonValue.of("CUR"))));
    set.add("c", pinned("t1"));
    Event e = task("ID", "t1", "status", "CUR");
    assertThat(match(set, e)).containsExactly("a", "b", "c");

    set.add("b", sub(eq("status", JsonValue.of("NEW"))));
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.ids()).containsExactly("a", "b", "c");
    assertThat(match(set, e)).containsExactly("a", "c");
    assertThat(match(set, task("ID", "t1", "status", "NEW"))).containsExactly("a", "b", "c");

    set.add("a", pinned("t1", eq("status", JsonValue.of("CUR"))));
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
  void addAll_addsInIterationOrder() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("z", sub());
    Map<String, CompiledSubscription> m = new LinkedHashMap<>();
    m.put("b", sub());
    m.put("a", sub(eq("status", JsonValue.of("CUR"))));
    m.put("z", pinned("t1"));
    set.addAll(m);
    assertThat(set.ids()).containsExactly("z", "b", "a");
    assertThat(match(set, task("ID", "t1", "status", "CUR"))).containsExactly("z", "b", "a");
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

    long[] stats = new long[8];
    Event e = task("ID", "id40", "status", "CUR", "ownerID", "owner3", "name", "abc", "DE:Cost", 12L);
    List<String> got = set.match(e, stats);
    assertThat(got).isEqualTo(naive(set, e));
    assertThat(got).contains("s40", "s3", "s12");
    assertThat(stats[0]).as("pinned candidates").isEqualTo(1);
    assertThat(stats[1]).as("eq candidates").isLessThan(20);
    assertThat(stats[3]).as("fallback candidates: the OR subscriptions").isEqualTo(1_000);

    for (int i = 0; i < 10_000; i += 2) {
      assertThat(set.remove("s" + i)).isTrue();
    }
    assertThat(set.size()).isEqualTo(5_000);
    assertThat(set.match(e)).isEqualTo(naive(set, e)).contains("s3").doesNotContain("s40", "s12");
  }
}
