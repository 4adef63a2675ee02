package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionArbitraries.ConditionCase;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;

/**
 * The identities of the extended operators, on the compiled predicate: {@code in} is an OR of
 * {@code eq}s (of {@code contains} on an array field, where an element must equal); {@code notIn}
 * is present and not {@code in}; {@code like} without a star is string equality; {@code
 * startsWith x} is {@code like x*}; {@code ignoreCase} is the same comparison on both sides'
 * strings folded.
 */
class ExtendedOperatorProperties {

  private static boolean compiled(Filter f, EventCase e) {
    return CompilerProperties.compiled(f, e);
  }

  private static String outcome(boolean b) {
    return b ? "match" : "no-match";
  }

  private static Predicate<Integer> atLeast(int n) {
    return c -> c >= n;
  }

  private static void coverEach(StatisticsCoverage coverage, List<?> values) {
    for (Object v : values) {
      coverage.check(v).count(atLeast(1));
    }
  }

  /** What the condition's field holds in the state it reads: unknown state, absent, an array, another value. */
  private static String fieldKind(Filter.Condition c, EventCase e) {
    JsonValue.Obj state = e.state(c.state());
    if (state == null) {
      return "state unknown";
    }
    JsonValue v = ReferenceInterpreter.lookup(state, c.fieldName());
    return v == null ? "absent" : v instanceof JsonValue.Arr ? "array" : v instanceof JsonValue.Str ? "string" : "other";
  }

  private static JsonValue field(Filter.Condition c, EventCase e) {
    JsonValue.Obj state = e.state(c.state());
    return state == null ? null : ReferenceInterpreter.lookup(state, c.fieldName());
  }

  /** Cases of {@code op} with a flat fieldValue (no nested form), planted. */
  private static Arbitrary<ConditionCase> flat(Operator op) {
    return SubscriptionArbitraries.conditionCase(SubscriptionArbitraries.condition(op)
        .filter(c -> !(c.fieldValue() instanceof FieldValue.Fields) && !(c.fieldValue() instanceof FieldValue.Objects)));
  }

  @Provide
  Arbitrary<ConditionCase> inCases() {
    return flat(Operator.IN);
  }

  @Provide
  Arbitrary<ConditionCase> notInCases() {
    return flat(Operator.NOT_IN);
  }

  @Provide
  Arbitrary<ConditionCase> startsWithCases() {
    return flat(Operator.STARTS_WITH);
  }

  @Provide
  Arbitrary<ConditionCase> likeWithoutStarCases() {
    return flat(Operator.LIKE).filter(cc -> !hasStar(((JsonValue.Str) cc.condition().fieldValue()).value()));
  }

  @Provide
  Arbitrary<ConditionCase> ignoreCaseCases() {
    return SubscriptionArbitraries.conditionCase(SubscriptionArbitraries.condition()
        .filter(c -> c.comparison().allowsIgnoreCase()).map(c -> c.withIgnoreCase(true)));
  }

  // ------------------------------------------------------------------ in, notIn

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void in_anyList_isAnOrOfEqs_ofContainsOnAnArray(@ForAll("inCases") ConditionCase cc) {
    Filter.Condition in = cc.condition();
    EventCase e = cc.event();
    boolean array = field(in, e) instanceof JsonValue.Arr;
    List<Filter> branches = new ArrayList<>();
    for (JsonValue v : ((JsonValue.Arr) in.fieldValue()).elements()) {
      branches.add(Filter.Condition.of(in.fieldName(), array ? Operator.CONTAINS : Operator.EQ, v, in.state(), in.ignoreCase()));
    }
    Filter or = branches.size() == 1 ? branches.get(0) : new Filter.Group(Connector.OR, branches);
    boolean inHolds = compiled(in, e);

    Statistics.label("field").collect(fieldKind(in, e));
    Statistics.label("in").collect(outcome(inHolds));
    Statistics.label("values").collect(branches.size() > 8 ? "9+" : "1-8");
    Statistics.label("ignoreCase").collect(in.ignoreCase());
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("absent", "array", "string", "other", "state unknown")));
    Statistics.label("in").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("values").coverage(cov -> coverEach(cov, List.of("1-8", "9+")));
    Statistics.label("ignoreCase").coverage(cov -> coverEach(cov, List.of(true, false)));

    assertThat(inHolds).as("in == OR of %s for %s", array ? "contains" : "eq", cc).isEqualTo(compiled(or, e));
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void notIn_anyList_isPresentAndNotIn(@ForAll("notInCases") ConditionCase cc) {
    Filter.Condition notIn = cc.condition();
    Filter.Condition in = new Filter.Condition(notIn.fieldName(), Operator.IN, notIn.fieldValue(), notIn.state(), notIn.ignoreCase());
    EventCase e = cc.event();
    boolean present = field(notIn, e) != null;
    boolean inHolds = compiled(in, e);
    boolean notInHolds = compiled(notIn, e);

    Statistics.label("field").collect(fieldKind(notIn, e));
    Statistics.label("notIn").collect(outcome(notInHolds));
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("absent", "array", "string", "other", "state unknown")));
    Statistics.label("notIn").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(notInHolds).as("notIn == present && !in (present=%s, in=%s) for %s", present, inHolds, cc).isEqualTo(present && !inHolds);
  }

  // ------------------------------------------------------------------ like, startsWith

  private static boolean hasStar(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*') {
        return true;
      }
    }
    return false;
  }

  private static String unescape(String pattern) {
    return pattern.replaceAll("\\\\(.)", "$1");
  }

  private static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("*", "\\*");
  }

  /** The event with the condition's field set to {@code v} in the state it reads. */
  private static EventCase withField(Filter.Condition c, EventCase e, JsonValue v) {
    JsonValue.Obj state = SubscriptionArbitraries.with(e.state(c.state()), c.fieldName(), v);
    if (c.fieldName().startsWith("DE:") && state.get("parameterValues") instanceof JsonValue.Obj pv) {
      state = SubscriptionArbitraries.with(state, "parameterValues", SubscriptionArbitraries.with(pv, c.fieldName(), null));
    }
    return e.withState(c.state(), state);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void like_withoutStar_isEqOfItsLiteral_onStrings(@ForAll("likeWithoutStarCases") ConditionCase cc) {
    Filter.Condition like = cc.condition();
    EventCase e = cc.event();
    Filter.Condition eq = Filter.Condition.of(like.fieldName(), Operator.EQ,
        JsonValue.of(unescape(((JsonValue.Str) like.fieldValue()).value())), like.state(), like.ignoreCase());
    JsonValue v = field(like, e);
    boolean expected;
    if (v instanceof JsonValue.Arr a) {
      expected = false; // some string element equal
      for (JsonValue el : a.elements()) {
        expected |= el instanceof JsonValue.Str && compiled(eq, withField(like, e, el));
      }
    } else {
      expected = v instanceof JsonValue.Str && compiled(eq, e);
    }
    boolean likeHolds = compiled(like, e);

    Statistics.label("field").collect(fieldKind(like, e));
    Statistics.label("like").collect(outcome(likeHolds));
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("absent", "array", "string", "other")));
    Statistics.label("like").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(likeHolds).as("like without a star == string eq of %s for %s", eq.fieldValue(), cc).isEqualTo(expected);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void startsWith_anyText_isLikeOfItEscapedAndAStar(@ForAll("startsWithCases") ConditionCase cc) {
    Filter.Condition startsWith = cc.condition();
    EventCase e = cc.event();
    Filter.Condition like = Filter.Condition.of(startsWith.fieldName(), Operator.LIKE,
        JsonValue.of(escape(((JsonValue.Str) startsWith.fieldValue()).value()) + "*"), startsWith.state(), startsWith.ignoreCase());
    boolean holds = compiled(startsWith, e);

    Statistics.label("field").collect(fieldKind(startsWith, e));
    Statistics.label("startsWith").collect(outcome(holds));
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("absent", "array", "string", "other")));
    Statistics.label("startsWith").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(holds).as("startsWith x == like x* for %s", cc).isEqualTo(compiled(like, e));
  }

  // ------------------------------------------------------------------ ignoreCase

  /** {@code s} with the values of every member but objCode folded (the gate compares objCode as written). */
  private static JsonValue.Obj foldState(JsonValue.Obj s) {
    if (s == null) {
      return null;
    }
    Map<String, JsonValue> out = new LinkedHashMap<>();
    s.members().forEach((k, v) -> out.put(k, k.equals("objCode") ? v : ReferenceInterpreter.fold(v)));
    return new JsonValue.Obj(out);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 2000)
  void ignoreCase_anyComparison_isTheSameComparisonOnFoldedStrings(@ForAll("ignoreCaseCases") ConditionCase cc) {
    Filter.Condition c = cc.condition();
    EventCase e = cc.event();
    Filter.Condition folded = Filter.Condition.of(c.fieldName(), c.comparison(), ReferenceInterpreter.fold(c.fieldValue().toJson()), c.state());
    EventCase foldedEvent = new EventCase(e.eventType(), foldState(e.newState()), foldState(e.oldState()), e.nativeNumbers());
    boolean holds = compiled(c, e);

    Statistics.label("operator").collect(c.comparison().token());
    Statistics.label("outcome").collect(outcome(holds));
    Statistics.label("case matters").collect(compiled(c.withIgnoreCase(false), e) == holds ? "no" : "yes");
    Statistics.label("operator").coverage(cov -> coverEach(cov, List.of("eq", "ne", "contains", "notContains", "containsOnly",
        "startsWith", "endsWith", "like", "in", "notIn")));
    Statistics.label("outcome").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("case matters").coverage(cov -> coverEach(cov, List.of("yes", "no")));

    assertThat(holds).as("ignoreCase == the comparison on folded strings for %s", cc).isEqualTo(compiled(folded, foldedEvent));
  }

  /** A few hand-picked letters: the folding this library chose (see CaseFold), by the compiled predicate. */
  @Example
  void ignoreCase_turkishGermanGreekLetters_foldAsDocumented() {
    for (List<String> pair : LETTER_PAIRS) {
      Filter.Condition eq = Filter.Condition.of("name", Operator.EQ, JsonValue.of(pair.get(0)), State.NEW_STATE, true);
      EventCase e = new EventCase("UPDATE", new JsonValue.Obj(Map.of("objCode", JsonValue.of("TASK"), "name", JsonValue.of(pair.get(1)))),
          null, false);
      boolean expected = !pair.get(2).equals("differ");
      assertThat(compiled(eq, e)).as("%s eq %s ignoring case", pair.get(0), pair.get(1)).isEqualTo(expected);
    }
  }

  private static final List<List<String>> LETTER_PAIRS = List.of(
        List.of("I", "i", "same"), List.of("\u0130", "i", "same"), List.of("\u0131", "I", "same"), List.of("\u0130stanbul", "istanbul", "same"),
        List.of("\u00df", "\u1e9e", "same"), List.of("stra\u00dfe", "STRASSE", "differ"), List.of("\u00df", "ss", "differ"),
        List.of("\u03a3", "\u03c3", "same"), List.of("\u03c2", "\u03c3", "same"), List.of("\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2", "same"),
        List.of("\u212a", "k", "same"), List.of("\u017f", "S", "same"), List.of("\uD801\uDC00", "\uD801\uDC28", "same"),
        List.of("e\u0301", "\u00e9", "differ"));
}
