package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionArbitraries.ConditionCase;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.SubscriptionArbitraries.Plant;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;

/**
 * Properties of the compiled predicate: it agrees with {@link ReferenceInterpreter}; {@code ne} and
 * {@code notContains} are "present and not"; groups and the top-level connector obey their truth
 * tables; {@code exists}/{@code notExists} obey De Morgan when the state is known; {@code changed}
 * ignores its state and is symmetric.
 */
class CompilerProperties {

  // ------------------------------------------------------------------ helpers

  /** Whether {@code f} alone holds for {@code e}, compiled; {@code e} passes a TASK/UPDATE gate. */
  static boolean compiled(Filter f, EventCase e) {
    return Subscription.of("TASK", "UPDATE", f).compile().matches(e.event());
  }

  /** Whether {@code f} alone holds for {@code e}, by the reference interpreter. */
  static boolean reference(Filter f, EventCase e) {
    return ReferenceInterpreter.matches(Subscription.of("TASK", "UPDATE", f), e.ref());
  }

  private static String outcome(boolean b) {
    return b ? "match" : "no-match";
  }

  private static String oldState(EventCase e) {
    return e.oldStateKnown() ? (e.oldState().members().isEmpty() ? "known, empty" : "known") : "unknown";
  }

  private static Predicate<Integer> atLeast(int n) {
    return c -> c >= n;
  }

  private static void coverEach(StatisticsCoverage coverage, List<?> values) {
    for (Object v : values) {
      coverage.check(v).count(atLeast(1));
    }
  }

  private static List<String> operatorOutcomes() {
    List<String> out = new ArrayList<>();
    for (Operator op : Operator.values()) {
      out.add(op.token() + " match");
      out.add(op.token() + " no-match");
    }
    return out;
  }

  // ------------------------------------------------------------------ arbitraries

  @Provide
  Arbitrary<ConditionCase> conditionCases() {
    return SubscriptionArbitraries.conditionCase();
  }

  @Provide
  Arbitrary<SubscriptionCase> subscriptionCases() {
    return SubscriptionArbitraries.subscriptionCase();
  }

  @Provide
  Arbitrary<ConditionCase> eqCases() {
    return SubscriptionArbitraries.conditionCase(SubscriptionArbitraries.flatCondition(Operator.EQ));
  }

  @Provide
  Arbitrary<ConditionCase> containsCases() {
    return SubscriptionArbitraries.conditionCase(SubscriptionArbitraries.flatCondition(Operator.CONTAINS));
  }

  /** A group (nested up to 3 deep) and an event passing the gate, the group's conditions planted. */
  @Provide
  Arbitrary<SubscriptionCase> groupCases() {
    return Combinators.combine(SubscriptionArbitraries.group(SubscriptionArbitraries.MAX_GROUP_DEPTH),
            SubscriptionArbitraries.event(), SubscriptionArbitraries.plants().list().ofMaxSize(6), Arbitraries.integers().between(0, 11))
        .as((g, e, plants, k) -> new SubscriptionCase(Subscription.of("TASK", "UPDATE", g),
            SubscriptionArbitraries.plantAll(e.gated(), List.of(g), plants, k)));
  }

  @Provide
  Arbitrary<EventCase> gatedEvents() {
    return SubscriptionArbitraries.event().map(EventCase::gated);
  }

  @Provide
  Arbitrary<String> fields() {
    return Arbitraries.of(SubscriptionArbitraries.FILTER_FIELDS);
  }

  @Provide
  Arbitrary<State> states() {
    return Arbitraries.of(State.class);
  }

  @Provide
  Arbitrary<ConditionCase> changedCases() {
    return SubscriptionArbitraries.conditionCase(SubscriptionArbitraries.condition(Operator.CHANGED, Arbitraries.just(JsonValue.NULL)));
  }

  // ------------------------------------------------------------------ compiled vs reference

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 3000)
  void compiled_singleConditionAndEvent_agreesWithReference(@ForAll("conditionCases") ConditionCase cc) {
    Filter.Condition c = cc.condition();
    EventCase e = cc.event();
    boolean compiled = compiled(c, e);
    boolean reference = reference(c, e);

    String op = c.comparison().token();
    Statistics.label("operator").collect(op);
    Statistics.label("outcome").collect(outcome(reference));
    Statistics.label("operator/outcome").collect(op + " " + outcome(reference));
    Statistics.label("state read").collect(c.state().token());
    Statistics.label("old state").collect(oldState(e));
    Statistics.label("nesting").collect(SubscriptionArbitraries.nesting(c.comparison().usesValue() ? c.fieldValue().toJson() : null));
    Statistics.label("planted").collect(cc.plant());
    Statistics.label("numbers in the model").collect(e.nativeNumbers() ? "Long/Integer/Double" : "BigDecimal");

    Statistics.label("operator/outcome").coverage(cov -> coverEach(cov, operatorOutcomes()));
    Statistics.label("old state").coverage(cov -> coverEach(cov, List.of("known", "known, empty", "unknown")));
    Statistics.label("nesting").coverage(cov -> coverEach(cov,
        List.of("no fieldValue", "null", "scalar", "array", "fields", "objects", "bare object")));
    Statistics.label("nesting").coverage(cov -> cov.checkQuery(l -> String.valueOf(l.get(0)).endsWith("(double)")).count(atLeast(1)));

    assertThat(compiled)
        .as("compiled predicate vs reference interpreter for %s", cc)
        .isEqualTo(reference);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 600)
  void compiled_randomSubscriptionAndEvent_agreesWithReference(@ForAll("subscriptionCases") SubscriptionCase sc) {
    Subscription s = sc.subscription();
    EventCase e = sc.event();
    boolean compiled = s.compile().matches(e.event());
    boolean reference = ReferenceInterpreter.matches(s, e.ref());
    boolean gate = ReferenceInterpreter.matches(
        new Subscription(s.objCode(), s.eventType(), s.objId(), Connector.AND, List.of(), Map.of()), e.ref());
    int depth = SubscriptionArbitraries.groupDepth(s.filters());

    Statistics.label("outcome").collect(outcome(reference));
    Statistics.label("gate").collect(gate ? "passes" : "fails");
    Statistics.label("filters").collect(s.filters().isEmpty() ? "none" : depth == 0 ? "conditions only" : "groups, depth " + depth);
    Statistics.label("filterConnector").collect(s.filterConnector());
    Statistics.label("old state").collect(oldState(e));
    Statistics.label("objId").collect(s.objId() == null ? "none" : "set");

    Statistics.label("outcome").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("filters").coverage(cov -> coverEach(cov, List.of("none", "conditions only", "groups, depth 1", "groups, depth 2", "groups, depth 3")));

    assertThat(compiled)
        .as("compiled predicate vs reference interpreter for %s", sc)
        .isEqualTo(reference);
  }

  // ------------------------------------------------------------------ ne / notContains

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void ne_singleFieldFlatValue_isPresentAndNotEq(@ForAll("eqCases") ConditionCase cc) {
    Filter.Condition eq = cc.condition();
    Filter.Condition ne = new Filter.Condition(eq.fieldName(), Operator.NE, eq.fieldValue(), eq.state());
    EventCase e = cc.event();
    JsonValue.Obj state = e.state(eq.state());
    boolean present = state != null && ReferenceInterpreter.lookup(state, eq.fieldName()) != null;
    boolean eqHolds = compiled(eq, e);
    boolean neHolds = compiled(ne, e);

    Statistics.label("field").collect(state == null ? "state unknown" : present ? "present" : "absent");
    Statistics.label("eq").collect(outcome(eqHolds));
    Statistics.label("ne").collect(outcome(neHolds));
    Statistics.label("fieldValue").collect(SubscriptionArbitraries.nesting(eq.fieldValue().toJson()));
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("present", "absent", "state unknown")));
    Statistics.label("eq").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("ne").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(neHolds)
        .as("ne == present && !eq (present=%s, eq=%s) for %s", present, eqHolds, cc)
        .isEqualTo(present && !eqHolds);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void notContains_singleFieldFlatValue_isPresentAndNotContains(@ForAll("containsCases") ConditionCase cc) {
    Filter.Condition contains = cc.condition();
    Filter.Condition notContains = new Filter.Condition(contains.fieldName(), Operator.NOT_CONTAINS, contains.fieldValue(), contains.state());
    EventCase e = cc.event();
    JsonValue.Obj state = e.state(contains.state());
    boolean present = state != null && ReferenceInterpreter.lookup(state, contains.fieldName()) != null;
    boolean containsHolds = compiled(contains, e);
    boolean notContainsHolds = compiled(notContains, e);

    Statistics.label("field").collect(state == null ? "state unknown" : present ? "present" : "absent");
    Statistics.label("contains").collect(outcome(containsHolds));
    Statistics.label("notContains").collect(outcome(notContainsHolds));
    Statistics.label("fieldValue").collect(SubscriptionArbitraries.nesting(contains.fieldValue().toJson()));
    Statistics.label("field").coverage(cov -> coverEach(cov, List.of("present", "absent", "state unknown")));
    Statistics.label("contains").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("notContains").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(notContainsHolds)
        .as("notContains == present && !contains (present=%s, contains=%s) for %s", present, containsHolds, cc)
        .isEqualTo(present && !containsHolds);
  }

  // ------------------------------------------------------------------ truth tables

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void group_randomChildren_obeysTruthTable(@ForAll("groupCases") SubscriptionCase gc) {
    Filter.Group g = (Filter.Group) gc.subscription().filters().get(0);
    EventCase e = gc.event();
    List<Boolean> children = g.filters().stream().map(f -> compiled(f, e)).toList();
    long trues = children.stream().filter(b -> b).count();
    boolean expected = g.connector() == Connector.AND ? trues == children.size() : trues > 0;
    boolean actual = compiled(g, e);

    Statistics.label("connector").collect(g.connector());
    Statistics.label("children true").collect(trues == 0 ? "none" : trues == children.size() ? "all" : "some");
    Statistics.label("connector/outcome").collect(g.connector() + " " + outcome(actual));
    Statistics.label("group depth").collect(SubscriptionArbitraries.groupDepth(List.of(g)));
    Statistics.label("connector/outcome").coverage(cov -> coverEach(cov, List.of("AND match", "AND no-match", "OR match", "OR no-match")));
    Statistics.label("children true").coverage(cov -> coverEach(cov, List.of("none", "some", "all")));

    assertThat(actual)
        .as("%s group of children %s for %s", g.connector(), children, gc)
        .isEqualTo(expected);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void filterConnector_topLevelFilters_obeysTruthTable(@ForAll("subscriptionCases") SubscriptionCase sc) {
    Subscription s = sc.subscription();
    EventCase e = sc.event();
    Event event = e.event();
    boolean gate = new Subscription(s.objCode(), s.eventType(), s.objId(), Connector.AND, List.of(), Map.of()).compile().matches(event);
    List<Boolean> children = s.filters().stream()
        .map(f -> new Subscription(s.objCode(), s.eventType(), s.objId(), Connector.AND, List.of(f), Map.of()).compile().matches(event))
        .toList();
    long trues = children.stream().filter(b -> b).count();
    boolean combined = children.isEmpty() || (s.filterConnector() == Connector.AND ? trues == children.size() : trues > 0);
    boolean actual = s.compile().matches(event);

    Statistics.label("filterConnector/outcome").collect(s.filterConnector() + " " + outcome(actual));
    Statistics.label("gate").collect(gate ? "passes" : "fails");
    Statistics.label("filters").collect(children.isEmpty() ? "none" : trues == 0 ? "none true" : trues == children.size() ? "all true" : "some true");
    Statistics.label("filterConnector/outcome").coverage(cov -> coverEach(cov, List.of("AND match", "AND no-match", "OR match", "OR no-match")));

    assertThat(actual)
        .as("gate %s, %s of %s for %s", gate, s.filterConnector(), children, sc)
        .isEqualTo(gate && combined);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void existsNotExists_twoFields_obeyDeMorganWhenStateKnown(
      @ForAll("fields") String a, @ForAll("fields") String b, @ForAll("states") State state, @ForAll("gatedEvents") EventCase e) {
    Filter existsA = new Filter.Condition(a, Operator.EXISTS, null, state);
    Filter existsB = new Filter.Condition(b, Operator.EXISTS, null, state);
    Filter notExistsA = new Filter.Condition(a, Operator.NOT_EXISTS, null, state);
    Filter notExistsB = new Filter.Condition(b, Operator.NOT_EXISTS, null, state);
    boolean existsAnd = compiled(new Filter.Group(Connector.AND, List.of(existsA, existsB)), e);
    boolean existsOr = compiled(new Filter.Group(Connector.OR, List.of(existsA, existsB)), e);
    boolean notExistsAnd = compiled(new Filter.Group(Connector.AND, List.of(notExistsA, notExistsB)), e);
    boolean notExistsOr = compiled(new Filter.Group(Connector.OR, List.of(notExistsA, notExistsB)), e);
    boolean known = e.state(state) != null;

    Statistics.label("state").collect(known ? state.token() + " known" : state.token() + " unknown");
    Statistics.label("exists a AND exists b").collect(outcome(existsAnd));
    Statistics.label("exists a OR exists b").collect(outcome(existsOr));
    Statistics.label("state").coverage(cov -> coverEach(cov, List.of("newState known", "oldState known", "oldState unknown")));
    Statistics.label("exists a AND exists b").coverage(cov -> coverEach(cov, List.of("match", "no-match")));
    Statistics.label("exists a OR exists b").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    if (known) {
      assertThat(existsAnd).as("(exists a AND exists b) == NOT (notExists a OR notExists b)").isEqualTo(!notExistsOr);
      assertThat(existsOr).as("(exists a OR exists b) == NOT (notExists a AND notExists b)").isEqualTo(!notExistsAnd);
      assertThat(compiled(existsA, e)).as("exists a == NOT notExists a").isEqualTo(!compiled(notExistsA, e));
    } else {
      assertThat(List.of(existsAnd, existsOr, notExistsAnd, notExistsOr))
          .as("on an unknown old state exists and notExists are both false")
          .containsOnly(false);
    }
  }

  // ------------------------------------------------------------------ changed

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void changed_stateTokenOrSwappedStates_sameAnswer(@ForAll("changedCases") ConditionCase cc) {
    String field = cc.condition().fieldName();
    EventCase e = cc.event();
    boolean onNew = compiled(new Filter.Condition(field, Operator.CHANGED, null, State.NEW_STATE), e);
    boolean onOld = compiled(new Filter.Condition(field, Operator.CHANGED, null, State.OLD_STATE), e);

    Statistics.label("old state").collect(oldState(e));
    Statistics.label("changed").collect(outcome(onNew));
    Statistics.label("planted").collect(cc.plant());
    Statistics.label("changed").coverage(cov -> coverEach(cov, List.of("match", "no-match")));

    assertThat(onOld).as("changed ignores state").isEqualTo(onNew);
    if (!e.oldStateKnown()) {
      assertThat(onNew).as("changed is false when the old state is unknown").isFalse();
    } else {
      // swapped states; gated() keeps objCode TASK in the new newState (objCode is not one of the filtered fields)
      EventCase swapped = new EventCase(e.eventType(), e.oldState(), e.newState(), e.nativeNumbers()).gated();
      assertThat(compiled(new Filter.Condition(field, Operator.CHANGED, null, State.NEW_STATE), swapped))
          .as("changed is symmetric in newState/oldState")
          .isEqualTo(onNew);
    }
  }

  // ------------------------------------------------------------------ a plain sanity check of the helpers

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 200)
  void plant_exactEqCondition_makesReferenceMatch(@ForAll("eqCases") ConditionCase cc) {
    Filter.Condition c = cc.condition();
    EventCase planted = SubscriptionArbitraries.plantInto(cc.event(), c, Plant.EXACT, 0);
    boolean known = planted.state(c.state()) != null;
    Statistics.label("state").collect(known ? "known" : "unknown");
    if (known) {
      assertThat(reference(c, planted)).as("an exact plant of %s makes eq hold in the reference", c).isTrue();
    }
  }
}
