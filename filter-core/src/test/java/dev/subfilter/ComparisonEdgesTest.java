package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.ReferenceInterpreter.RefEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edges of the comparisons that mutation testing (issue 16) found unpinned: each case is checked
 * four ways — {@link CompiledSubscription#matches}, {@link CompiledSubscription#explain} (result
 * and reason), a {@link SubscriptionSet} (the index) and the reference interpreter — on the Java
 * model.
 */
class ComparisonEdgesTest {

  /** A state of alternating keys and values, objCode TASK. */
  private static Map<String, Object> state(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objCode", "TASK");
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Object> list(Object... vs) {
    return new ArrayList<>(Arrays.asList(vs));
  }

  /**
   * Asserts that {@code filter} on field {@code x} holds (reason {@code null}) or fails with {@code reason}, when x is
   * {@code now} in the new state and {@code before} in the old ({@code MISSING}: absent).
   */
  private static void check(Filter.Condition filter, Object before, Object now, Explanation.Reason reason) {
    Map<String, Object> n = now == MISSING ? state() : state("x", now);
    Map<String, Object> o = before == MISSING ? state() : state("x", before);
    Event e = Event.workfront(JsonModel.JAVA, "UPDATE", n, o).build();
    CompiledSubscription c = Subscription.of("TASK", "UPDATE", filter).compile();
    boolean expected = reason == null;
    String what = filter + " on " + before + " -> " + now;
    assertThat(c.matches(e)).as("matches: %s", what).isEqualTo(expected);
    Explanation x = c.explain(e);
    assertThat(x.matched()).as("explain: %s", what).isEqualTo(expected);
    Explanation.Condition cond = (Explanation.Condition) x.filters().children().get(0);
    assertThat(cond.reason()).as("reason: %s", what).isEqualTo(reason);
    SubscriptionSet set = new SubscriptionSet();
    set.add("s", c);
    assertThat(set.match(e)).as("set: %s", what).isEqualTo(expected ? List.of("s") : List.of());
    RefEvent r = RefEvent.workfront("UPDATE", (JsonValue.Obj) JsonValue.fromJava(n), (JsonValue.Obj) JsonValue.fromJava(o));
    assertThat(ReferenceInterpreter.matches(c.subscription(), r)).as("reference: %s", what).isEqualTo(expected);
  }

  private static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "(absent)";
    }
  };

  private static Filter.Condition on(Operator op, Object value) {
    return Filter.Condition.of("x", op, JsonValue.fromJava(value));
  }

  private static void holds(Operator op, Object value, Object field) {
    check(on(op, value), MISSING, field, null);
  }

  private static void fails(Operator op, Object value, Object field, Explanation.Reason reason) {
    check(on(op, value), MISSING, field, reason);
  }

  private static final Filter.Condition CHANGED = Filter.Condition.of("x", Operator.CHANGED, null);

  @Test
  void containsOnly_emptyArrayField_neverHoldsForAScalarOrANonEmptySet() {
    fails(Operator.CONTAINS_ONLY, "a", list(), Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, list("a"), list(), Explanation.Reason.DIFFERENT_SET);
    holds(Operator.CONTAINS_ONLY, list(), list());
  }

  @Test
  void containsOnly_arrayFieldAgainstAScalar_everyElementThatScalar() {
    holds(Operator.CONTAINS_ONLY, "a", list("a", "a"));
    holds(Operator.CONTAINS_ONLY, 2, list(2L, "2"));
    fails(Operator.CONTAINS_ONLY, "a", list("a", "b"), Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, "a", list("b", "a"), Explanation.Reason.DIFFERENT_SET);
  }

  @Test
  void containsOnly_arrayFieldAgainstASet_theSameSetEitherWay() {
    holds(Operator.CONTAINS_ONLY, list("a", "b"), list("b", "a", "a"));
    fails(Operator.CONTAINS_ONLY, list("a", "b"), list("a"), Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, list("a"), list("a", "b"), Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, list("a", "b"), list("c", "a", "b"), Explanation.Reason.DIFFERENT_SET);
  }

  @Test
  void containsOnly_scalarFieldAgainstASet_theSetOfThatOneValue() {
    holds(Operator.CONTAINS_ONLY, list("a", "a"), "a");
    holds(Operator.CONTAINS_ONLY, "a", "a");
    fails(Operator.CONTAINS_ONLY, list("a", "b"), "a", Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, list("b", "a"), "a", Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, list(), "a", Explanation.Reason.DIFFERENT_SET);
    fails(Operator.CONTAINS_ONLY, "b", "a", Explanation.Reason.DIFFERENT_SET);
  }

  @Test
  void containsOnly_objectField_isATypeMismatch() {
    fails(Operator.CONTAINS_ONLY, "a", map("a", "a"), Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.CONTAINS_ONLY, list("a"), map("a", "a"), Explanation.Reason.TYPE_MISMATCH);
  }

  @Test
  void changed_scalarsInsideArrays_comparedElementByElement() {
    check(CHANGED, list(1L), list(2L), null);
    check(CHANGED, list(1L, 2L), list(2L, 1L), null);
    check(CHANGED, list(1L, 2L), list(1L), null);
    check(CHANGED, list(1L, list("a")), list(1L, list("b")), null);
    check(CHANGED, list(1L, 2L), list(1L, 2L), Explanation.Reason.UNCHANGED);
    check(CHANGED, list(1L, list("a", true, null)), list(1L, list("a", true, null)), Explanation.Reason.UNCHANGED);
  }

  @Test
  void changed_objects_aKeyMissingFromAnObjectOfTheSameSizeIsAChange() {
    check(CHANGED, map("a", 1L, "b", 2L), map("a", 1L, "c", 2L), null);
    check(CHANGED, map("a", 1L), map("a", 1L, "b", null), null);
    check(CHANGED, map("a", map("b", 1L)), map("a", map("b", 2L)), null);
    check(CHANGED, map("a", 1L, "b", 2L), map("b", 2L, "a", 1L), Explanation.Reason.UNCHANGED);
    check(CHANGED, map("a", list(map("b", "c"))), map("a", list(map("b", "c"))), Explanation.Reason.UNCHANGED);
  }

  @Test
  void changed_numbersByValue_aFractionIsAChange() {
    check(CHANGED, 1L, 1.5, null);
    check(CHANGED, 1.5, 1L, null);
    check(CHANGED, new BigDecimal("1.25"), new BigDecimal("1.5"), null);
    check(CHANGED, list(1L), list(1.5), null);
    check(CHANGED, 1L, new BigDecimal("1.0"), Explanation.Reason.UNCHANGED);
    check(CHANGED, 2.5, new BigDecimal("2.50"), Explanation.Reason.UNCHANGED);
    check(CHANGED, list(1L), list(new BigDecimal("1.00")), Explanation.Reason.UNCHANGED);
  }

  @Test
  void changed_kindsAndPresence() {
    check(CHANGED, "1", 1L, null);
    check(CHANGED, true, false, null);
    check(CHANGED, true, "true", null);
    check(CHANGED, null, "a", null);
    check(CHANGED, "a", "b", null);
    check(CHANGED, list(), map(), null);
    check(CHANGED, MISSING, null, null);
    check(CHANGED, null, MISSING, null);
    check(CHANGED, null, null, Explanation.Reason.UNCHANGED);
    check(CHANGED, false, false, Explanation.Reason.UNCHANGED);
    check(CHANGED, "a", "a", Explanation.Reason.UNCHANGED);
    check(CHANGED, MISSING, MISSING, Explanation.Reason.ABSENT);
  }

  @Test
  void eq_arraysOfObjects_memberByMember() {
    holds(Operator.EQ, list(map("a", 1L)), list(map("a", 1L)));
    holds(Operator.EQ, list(map("a", 1L, "b", "c")), list(map("b", "c", "a", 1L)));
    fails(Operator.EQ, list(map("a", 1L)), list(map("a", 2L)), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(map("a", 1L)), list(map("b", 1L)), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(map("a", 1L)), list(map("a", 1L, "b", 1L)), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(map("a", 1L, "b", 1L)), list(map("a", 1L)), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(map("a", 1L)), list("a"), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(map("a", 1L)), map("a", 1L), Explanation.Reason.TYPE_MISMATCH);
  }

  @Test
  void eq_arrays_elementWiseInOrder() {
    holds(Operator.EQ, list(1, "a", true, null), list(1L, "a", true, null));
    holds(Operator.EQ, list(1, 2), list("1", 2.0));
    fails(Operator.EQ, list(1, 2), list(2L, 1L), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(1, 2), list(1L), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(1), list(1L, 2L), Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, list(1, 2), "1", Explanation.Reason.TYPE_MISMATCH);
  }

  @Test
  void eq_acrossKinds_numbersBooleansAndTheirStrings() {
    holds(Operator.EQ, 5, "5");
    holds(Operator.EQ, 5, "5.0");
    holds(Operator.EQ, "5", 5L);
    holds(Operator.EQ, "5.0", 5L);
    holds(Operator.EQ, "0.5", 0.5);
    holds(Operator.EQ, 0.5, "0.50");
    holds(Operator.EQ, true, "true");
    holds(Operator.EQ, "false", false);
    holds(Operator.EQ, null, null);
    fails(Operator.EQ, 5, "6", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, 5, "five", Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, 0.5, "0.6", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, true, "yes", Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, true, false, Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, "true", false, Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, "true", 1L, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, 1, true, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, "a", null, Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, 1, null, Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, null, "a", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, null, 1L, Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, null, list(), Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, "a", 1L, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.EQ, "a", list("a"), Explanation.Reason.TYPE_MISMATCH);
  }

  @Test
  void ne_holdsUnlessEqual_whateverTheKind() {
    holds(Operator.NE, 5, "6");
    holds(Operator.NE, 5, "five");
    holds(Operator.NE, "a", list("a"));
    fails(Operator.NE, 5, "5.0", Explanation.Reason.EQUAL);
    fails(Operator.NE, "a", "a", Explanation.Reason.EQUAL);
    fails(Operator.NE, list("a"), list("a"), Explanation.Reason.EQUAL);
  }

  @Test
  void order_numbersDateTimesAndText() {
    holds(Operator.GT, 9, "10");
    holds(Operator.GT, "9", 10L);
    holds(Operator.GT, 9, new BigDecimal("9.5"));
    holds(Operator.GTE, 9, 9L);
    holds(Operator.LTE, 9.5, "9.5");
    holds(Operator.LT, "2026-01-02T00:00:00Z", "2026-01-01T23:00:00Z");
    holds(Operator.GT, "2026-01-01T00:00:00Z", "2026-01-01T01:00:00+00:00");
    holds(Operator.GT, "a", "b");
    holds(Operator.LT, "b", "a");
    fails(Operator.GT, 9, 9L, Explanation.Reason.OUT_OF_RANGE);
    fails(Operator.LT, 9, 9L, Explanation.Reason.OUT_OF_RANGE);
    fails(Operator.GT, 10, "9", Explanation.Reason.OUT_OF_RANGE);
    fails(Operator.GT, "b", "a", Explanation.Reason.OUT_OF_RANGE);
    fails(Operator.GT, 1, true, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.GT, "a", 5L, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.GT, 1, list(2L), Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.GT, 1, "two", Explanation.Reason.TYPE_MISMATCH);
  }

  @Test
  void contains_stringsAndArrays() {
    holds(Operator.CONTAINS, "b", "abc");
    holds(Operator.CONTAINS, list("a", "c"), "abc");
    holds(Operator.CONTAINS, 5, list(1L, 5L));
    holds(Operator.CONTAINS, 5, "a5");
    holds(Operator.CONTAINS, list(1, 5), list(5L, 2L, 1L));
    holds(Operator.CONTAINS, "a", list("b", "a"));
    fails(Operator.CONTAINS, list("a", "d"), "abc", Explanation.Reason.NOT_CONTAINED);
    fails(Operator.CONTAINS, list(1, 6), list(5L, 2L, 1L), Explanation.Reason.NOT_CONTAINED);
    fails(Operator.CONTAINS, "a", list("ab"), Explanation.Reason.NOT_CONTAINED);
    fails(Operator.CONTAINS, "a", 5L, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.CONTAINS, "a", map("a", 1L), Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.NOT_CONTAINS, "b", "abc", Explanation.Reason.CONTAINED);
    holds(Operator.NOT_CONTAINS, "d", "abc");
    holds(Operator.NOT_CONTAINS, "d", 5L);
  }

  /** A fraction constant against a whole number: the long fast paths must not read the fraction as its integer part. */
  @Test
  void fractionConstant_againstAWholeNumber_comparedByValue() {
    fails(Operator.EQ, 0.5, "0", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, 0.5, 0L, Explanation.Reason.NOT_EQUAL);
    fails(Operator.GTE, 0.5, "0", Explanation.Reason.OUT_OF_RANGE);
    fails(Operator.GTE, 0.5, 0L, Explanation.Reason.OUT_OF_RANGE);
    holds(Operator.LT, 0.5, "0");
    holds(Operator.LT, 0.5, 0L);
    holds(Operator.GT, 9, "9.5");
    holds(Operator.GT, 9, 9.5);
    fails(Operator.LTE, 9, "9.5", Explanation.Reason.OUT_OF_RANGE);
  }

  /** Date-times compare as instants, not as text, where the two orders differ. */
  @Test
  void order_dateTimesInOtherOffsets_asInstants() {
    holds(Operator.LT, "2026-01-01T00:30:00Z", "2026-01-01T01:00:00+01:00");
    fails(Operator.GT, "2026-01-01T00:30:00Z", "2026-01-01T01:00:00+01:00", Explanation.Reason.OUT_OF_RANGE);
    holds(Operator.GTE, "2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z");
    holds(Operator.GT, "2026-01-01T00:30:00Z", "2026-01-01T00:30:00.5Z");
  }

  @Test
  void eq_booleanConstantAgainstTheOtherBooleanText_isNotEqualNotAMismatch() {
    fails(Operator.EQ, true, "false", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, false, "true", Explanation.Reason.NOT_EQUAL);
    fails(Operator.EQ, false, "False", Explanation.Reason.TYPE_MISMATCH);
  }

  /** Constants that are not plain strings go through the general contains: numbers, booleans, null, nested arrays. */
  @Test
  void contains_nonStringConstants() {
    fails(Operator.CONTAINS, 6, list(1L, 5L), Explanation.Reason.NOT_CONTAINED);
    holds(Operator.CONTAINS, 5, list(1L, 5L));
    holds(Operator.CONTAINS, true, list("true"));
    fails(Operator.CONTAINS, true, list(false), Explanation.Reason.NOT_CONTAINED);
    holds(Operator.NOT_CONTAINS, 6, list(1L, 5L));
    fails(Operator.NOT_CONTAINS, 5, list(1L, 5L), Explanation.Reason.CONTAINED);
    fails(Operator.CONTAINS, 5, 5L, Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.CONTAINS, null, "abc", Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.CONTAINS, list("a", list("b")), "ab", Explanation.Reason.TYPE_MISMATCH);
    fails(Operator.CONTAINS, list("a", "d"), "ab", Explanation.Reason.NOT_CONTAINED);
    holds(Operator.CONTAINS, null, list("a", null));
  }
}
