package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Explanation.Reason;
import dev.subfilter.ReferenceInterpreter.RefEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled matchers and node tests where mutation testing (issue 16) found them unpinned: the
 * outcome of a state that is unknown, of arrays of strings under the string operators, of nested
 * fields inside nested fields, of groups of three and more, and of {@code ignoreCase}. Each case is
 * checked through {@link CompiledSubscription#matches}, {@link CompiledSubscription#explain} (result
 * and the first filter's reason), a {@link SubscriptionSet} and the reference interpreter.
 */
class MatcherEdgesTest {
  private static final SubscriptionParser PARSER = SubscriptionParser.extended();

  private static Map<String, Object> state(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objCode", "TASK");
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Object> list(Object... vs) {
    return new ArrayList<>(Arrays.asList(vs));
  }

  /**
   * The explanation of {@code subscription} on an UPDATE with these states ({@code null}: the
   * event carries no old state), after checking that every way of evaluating it gives {@code expected}.
   */
  private static Explanation check(JsonValue.Obj subscription, Map<String, Object> now, Map<String, Object> before, boolean expected) {
    CompiledSubscription c = PARSER.parse(subscription).compile();
    Event e = Event.workfront(JsonModel.JAVA, "UPDATE", now, before).build();
    String what = subscription + " on " + before + " -> " + now;
    assertThat(c.matches(e)).as("matches: %s", what).isEqualTo(expected);
    Explanation x = c.explain(e);
    assertThat(x.matched()).as("explain: %s", what).isEqualTo(expected);
    SubscriptionSet set = new SubscriptionSet();
    set.add("s", c);
    assertThat(set.match(e)).as("set: %s", what).isEqualTo(expected ? List.of("s") : List.of());
    RefEvent r = RefEvent.workfront("UPDATE", (JsonValue.Obj) JsonValue.fromJava(now),
        before == null ? null : (JsonValue.Obj) JsonValue.fromJava(before));
    assertThat(ReferenceInterpreter.matches(c.subscription(), r)).as("reference: %s", what).isEqualTo(expected);
    return x;
  }

  private static JsonValue.Obj sub(Object... filters) {
    return obj("objCode", "TASK", "eventType", "UPDATE", "filters", arr(filters));
  }

  private static JsonValue.Obj onOld(String field, Object value, String comparison) {
    return obj("fieldName", field, "fieldValue", value, "comparison", comparison, "state", "oldState");
  }

  private static Reason reason(Explanation x, int i) {
    return x.filters().children().get(i).reason();
  }

  @Test
  void oldStateFilter_eventWithoutOldState_oldStateUnknownForEveryKindOfMatcher() {
    // eq on a plain string (FieldEqString), an order test (Field) and exists (Exists)
    for (JsonValue.Obj f : List.of(onOld("status", "CUR", "eq"), onOld("priority", 1, "gt"),
        obj("fieldName", "status", "comparison", "exists", "state", "oldState"))) {
      Explanation x = check(sub(f), state("status", "CUR", "priority", 2), null, false);
      assertThat(reason(x, 0)).as("%s", f).isEqualTo(Reason.OLD_STATE_UNKNOWN);
    }
  }

  @Test
  void exists_absentOrPresent_failsWhereItShould() {
    assertThat(reason(check(sub(obj("fieldName", "status", "comparison", "exists")), state(), state(), false), 0))
        .isEqualTo(Reason.ABSENT);
    assertThat(reason(check(sub(obj("fieldName", "status", "comparison", "notExists")), state("status", "CUR"), state(), false), 0))
        .isEqualTo(Reason.PRESENT);
    check(sub(obj("fieldName", "status", "comparison", "exists")), state("status", "CUR"), state(), true);
  }

  @Test
  void eqIgnoreCase_nonStringField_notEqualOnNullTypeMismatchOtherwise() {
    JsonValue.Obj f = obj("fieldName", "x", "fieldValue", "Cur", "comparison", "eq", "ignoreCase", true);
    check(sub(f), state("x", "cUR"), state(), true);
    assertThat(reason(check(sub(f), state("x", "CPL"), state(), false), 0)).isEqualTo(Reason.NOT_EQUAL);
    assertThat(reason(check(sub(f), state("x", null), state(), false), 0)).isEqualTo(Reason.NOT_EQUAL);
    assertThat(reason(check(sub(f), state("x", 7), state(), false), 0)).isEqualTo(Reason.TYPE_MISMATCH);
  }

  @Test
  void containsString_arrays_equalStringElementsOnlyAndCaseOnlyWithIgnoreCase() {
    JsonValue.Obj plain = filter("x", "Ab", "contains");
    JsonValue.Obj folded = obj("fieldName", "x", "fieldValue", "Ab", "comparison", "contains", "ignoreCase", true);
    check(sub(plain), state("x", list(1, "Ab")), state(), true);
    assertThat(reason(check(sub(plain), state("x", list("ab", "aB")), state(), false), 0)).isEqualTo(Reason.NOT_CONTAINED);
    assertThat(reason(check(sub(plain), state("x", list("xAby")), state(), false), 0)).isEqualTo(Reason.NOT_CONTAINED);
    check(sub(folded), state("x", list(2, "aB")), state(), true);
    assertThat(reason(check(sub(folded), state("x", list(3, "abc")), state(), false), 0)).isEqualTo(Reason.NOT_CONTAINED);
  }

  @Test
  void stringOperators_arrays_holdOnAStringElementOnly() {
    check(sub(filter("x", "ab", "startsWith")), state("x", list(5, "xy", "abc")), state(), true);
    check(sub(filter("x", "bc", "endsWith")), state("x", list("abc")), state(), true);
    check(sub(filter("x", "a*c", "like")), state("x", list(true, "abbc")), state(), true);
    check(sub(filter("x", "a*c", "like")), state("x", "abc"), state(), true);
    assertThat(reason(check(sub(filter("x", "ab", "startsWith")), state("x", list(5, "xab")), state(), false), 0))
        .isEqualTo(Reason.NOT_STARTING_WITH);
    assertThat(reason(check(sub(filter("x", "ab", "startsWith")), state("x", list()), state(), false), 0))
        .isEqualTo(Reason.NOT_STARTING_WITH);
    assertThat(reason(check(sub(filter("x", "ab", "startsWith")), state("x", 12), state(), false), 0))
        .isEqualTo(Reason.TYPE_MISMATCH);
  }

  @Test
  void startsWith_caseDiffers_holdsOnlyWithIgnoreCase() {
    assertThat(reason(check(sub(filter("x", "AB", "startsWith")), state("x", "abc"), state(), false), 0))
        .isEqualTo(Reason.NOT_STARTING_WITH);
    assertThat(reason(check(sub(filter("x", "ab", "startsWith")), state("x", "ABc"), state(), false), 0))
        .isEqualTo(Reason.NOT_STARTING_WITH);
    check(sub(obj("fieldName", "x", "fieldValue", "AB", "comparison", "startsWith", "ignoreCase", true)), state("x", "abc"), state(), true);
    check(sub(obj("fieldName", "x", "fieldValue", "ab", "comparison", "startsWith", "ignoreCase", true)), state("x", "ABc"), state(), true);
  }

  @Test
  void in_valueArrayOrObject_holdsNotInOrTypeMismatch() {
    JsonValue.Obj f = filter("x", List.of("a", "b"), "in");
    check(sub(f), state("x", "b"), state(), true);
    check(sub(f), state("x", list("z", "a")), state(), true);
    assertThat(reason(check(sub(f), state("x", "c"), state(), false), 0)).isEqualTo(Reason.NOT_IN);
    assertThat(reason(check(sub(f), state("x", Map.of("k", "a")), state(), false), 0)).isEqualTo(Reason.TYPE_MISMATCH);
  }

  @Test
  void nestedFields_notAnObject_typeMismatchAtEveryLevel() {
    JsonValue.Obj f = filter("data", obj("fields", obj("source", obj("fields", obj("type", "task")))), "eq");
    check(sub(f), state("data", Map.of("source", Map.of("type", "task"))), state(), true);
    Explanation top = check(sub(f), state("data", "task"), state(), false);
    assertThat(reason(top, 0)).isEqualTo(Reason.TYPE_MISMATCH);
    Explanation inner = check(sub(f), state("data", Map.of("source", "task")), state(), false);
    assertThat(reason(inner, 0)).isEqualTo(Reason.NESTED_MISMATCH);
    assertThat(inner.filters().children().get(0).message()).isEqualTo("data.source is \"task\" (wanted eq {\"fields\":{\"type\":\"task\"}})");
    Explanation deeper = check(sub(f), state("data", Map.of("source", Map.of("type", "issue"))), state(), false);
    assertThat(reason(deeper, 0)).isEqualTo(Reason.NESTED_MISMATCH);
    assertThat(deeper.filters().children().get(0).message()).startsWith("data.source is {");
  }

  @Test
  void nestedObjects_noElementPasses_nestedMismatch() {
    JsonValue.Obj f = filter("options", obj("objects", obj("projectID", "p1")), "contains");
    check(sub(f), state("options", list(Map.of("projectID", "p0"), Map.of("projectID", "p1"))), state(), true);
    assertThat(reason(check(sub(f), state("options", list(Map.of("projectID", "p0"), "p1")), state(), false), 0))
        .isEqualTo(Reason.NESTED_MISMATCH);
  }

  @Test
  void groupsOfTwoAndThree_explainedLikeTheyEvaluate() {
    for (String connector : List.of("AND", "OR")) {
      for (int n = 2; n <= 3; n++) {
        List<JsonValue> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          terms.add(filter("f" + i, "v", "eq"));
        }
        JsonValue.Obj group = new JsonValue.Obj(Map.of("type", JsonValue.of("group"), "connector", JsonValue.of(connector),
            "filters", new JsonValue.Arr(terms)));
        boolean and = connector.equals("AND");
        // only the last term holds; then every term holds; then none does
        check(sub(group), state("f" + (n - 1), "v"), state(), !and);
        Map<String, Object> all = state();
        for (int i = 0; i < n; i++) {
          all.put("f" + i, "v");
        }
        check(sub(group), all, state(), true);
        check(sub(group), state(), state(), false);
        check(sub(group), state("f0", "v"), state(), !and);
      }
    }
  }
}
