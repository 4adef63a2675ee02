package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Explanation.Presence;
import dev.subfilter.Explanation.Reason;
import dev.subfilter.SubscriptionArbitraries.ConditionCase;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of {@link CompiledSubscription#explain}: it always agrees with {@code matches}; its
 * tree has the subscription's shape, every group's result follows from its children's by its
 * connector, every node agrees with the reference interpreter, and the reasons fit what was seen.
 */
class ExplanationProperties {

  @Provide
  Arbitrary<SubscriptionCase> subscriptionCases() {
    return SubscriptionArbitraries.subscriptionCase();
  }

  @Provide
  Arbitrary<ConditionCase> conditionCases() {
    return SubscriptionArbitraries.conditionCase();
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void explain_anySubscriptionAndEvent_matchedEqualsMatches(@ForAll("subscriptionCases") SubscriptionCase sc) {
    CompiledSubscription compiled = sc.subscription().compile();
    Event event = sc.event().event();
    Explanation x = compiled.explain(event);

    assertThat(x.matched()).isEqualTo(compiled.matches(event));
    assertThat(x.matched()).isEqualTo(x.gatePassed() && x.filters().result());
    assertThat(x.why() == null).isEqualTo(x.matched());
    Statistics.label("outcome").collect(x.matched() ? "match" : x.gatePassed() ? "filters false" : "gate failed");
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void explain_anySubscriptionAndEvent_treeMirrorsSubscriptionAndReference(@ForAll("subscriptionCases") SubscriptionCase sc) {
    Subscription s = sc.subscription();
    Explanation x = s.compile().explain(sc.event().event());
    ReferenceInterpreter.RefEvent ref = sc.event().ref();

    assertThat(x.filters().pointer()).isEqualTo("/filters");
    assertThat(x.filters().connector()).isEqualTo(s.filterConnector());
    assertThat(x.filters().result()).isEqualTo(s.filters().isEmpty() || ReferenceInterpreter.all(s.filterConnector(), s.filters(), ref));
    assertThat(x.gate()).extracting(Explanation.GateCheck::check)
        .containsExactlyElementsOf(s.objId() == null ? List.of("eventType", "objCode") : List.of("eventType", "objCode", "objId"));
    checkChildren(x.filters(), s.filters(), ref);
    assertThat(x.toText()).isNotBlank();
    assertThat(x.toJson().get("matched")).isEqualTo(JsonValue.of(x.matched()));
  }

  private static void checkChildren(Explanation.Group g, List<Filter> filters, ReferenceInterpreter.RefEvent ref) {
    assertThat(g.children()).hasSize(filters.size());
    if (!filters.isEmpty()) {
      boolean combined = g.connector() == Connector.AND
          ? g.children().stream().allMatch(Explanation.Node::result)
          : g.children().stream().anyMatch(Explanation.Node::result);
      assertThat(g.result()).as("group %s follows from its children", g.pointer()).isEqualTo(combined);
    }
    for (int i = 0; i < filters.size(); i++) {
      Explanation.Node n = g.children().get(i);
      Filter f = filters.get(i);
      assertThat(n.pointer()).isEqualTo(g.pointer() + "/" + i);
      assertThat(n.result()).as("%s agrees with the reference interpreter", n.pointer()).isEqualTo(ReferenceInterpreter.filter(f, ref));
      if (f instanceof Filter.Group fg) {
        assertThat(n).isInstanceOf(Explanation.Group.class);
        Explanation.Group child = (Explanation.Group) n;
        assertThat(child.connector()).isEqualTo(fg.connector());
        checkChildren(withPointer(child), fg.filters(), ref);
      } else {
        assertThat(n).isInstanceOf(Explanation.Condition.class);
        checkCondition((Explanation.Condition) n);
      }
    }
  }

  /** Children of a nested group are under {@code POINTER/filters/i}. */
  private static Explanation.Group withPointer(Explanation.Group g) {
    return new Explanation.Group(g.pointer() + "/filters", g.description(), g.connector(), g.children(), g.result(), g.reason(), g.message());
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 2000)
  void explain_singleCondition_reasonFitsWhatWasSeen(@ForAll("conditionCases") ConditionCase cc) {
    Subscription s = Subscription.of("TASK", "UPDATE", cc.condition());
    Event e = cc.event().event();
    Explanation x = s.compile().explain(e);
    Explanation.Condition c = (Explanation.Condition) x.filters().children().get(0);

    assertThat(c.result()).isEqualTo(CompilerProperties.compiled(cc.condition(), cc.event()));
    assertThat(x.matched()).isEqualTo(c.result());
    checkCondition(c);
    assertThat(c.description()).as("ignoreCase is said").endsWith(cc.condition().ignoreCase() ? " (ignoring case)" : "");
    Statistics.label("reason").collect(c.result() ? "true" : c.reason().token());
    Statistics.label("reason").coverage(cov -> {
      for (String r : List.of("not-starting-with", "not-ending-with", "not-like", "not-in", "in")) {
        cov.check(r).count((Integer n) -> n > 0);
      }
    });
  }

  private static void checkCondition(Explanation.Condition c) {
    Filter.Condition f = c.filter();
    assertThat(c.seen()).hasSize(f.comparison() == Operator.CHANGED ? 2 : 1);
    boolean unknown = c.seen().stream().anyMatch(v -> v.presence() == Presence.STATE_UNKNOWN);
    if (unknown) {
      assertThat(c.result()).as("nothing holds on an unknown old state").isFalse();
      assertThat(c.reason()).isEqualTo(Reason.OLD_STATE_UNKNOWN);
    }
    if (c.result()) {
      return;
    }
    assertThat(c.message()).isNotBlank();
    Explanation.Seen seen = c.seen().get(c.seen().size() - 1);
    switch (c.reason()) {
      case OLD_STATE_UNKNOWN -> assertThat(unknown).isTrue();
      case ABSENT -> assertThat(c.seen()).allMatch(v -> v.presence() == Presence.ABSENT);
      case PRESENT -> {
        assertThat(f.comparison()).isEqualTo(Operator.NOT_EXISTS);
        assertThat(seen.presence()).isEqualTo(Presence.PRESENT);
      }
      case UNCHANGED -> {
        assertThat(f.comparison()).isEqualTo(Operator.CHANGED);
        assertThat(c.seen().get(0).value()).isEqualTo(c.seen().get(1).value());
      }
      case EQUAL -> assertThat(f.comparison()).isEqualTo(Operator.NE);
      case NOT_EQUAL -> assertThat(f.comparison()).isEqualTo(Operator.EQ);
      case CONTAINED -> assertThat(f.comparison()).isEqualTo(Operator.NOT_CONTAINS);
      case NOT_CONTAINED -> assertThat(f.comparison()).isEqualTo(Operator.CONTAINS);
      case DIFFERENT_SET -> assertThat(f.comparison()).isEqualTo(Operator.CONTAINS_ONLY);
      case OUT_OF_RANGE -> assertThat(f.comparison()).isIn(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);
      case NOT_STARTING_WITH -> assertThat(f.comparison()).isEqualTo(Operator.STARTS_WITH);
      case NOT_ENDING_WITH -> assertThat(f.comparison()).isEqualTo(Operator.ENDS_WITH);
      case NOT_LIKE -> assertThat(f.comparison()).isEqualTo(Operator.LIKE);
      case NOT_IN -> assertThat(f.comparison()).isEqualTo(Operator.IN);
      case IN -> assertThat(f.comparison()).isEqualTo(Operator.NOT_IN);
      case TYPE_MISMATCH, NESTED_MISMATCH -> assertThat(seen.presence()).isEqualTo(Presence.PRESENT);
      default -> throw new AssertionError("a condition cannot fail with " + c.reason());
    }
    if (c.reason() != Reason.ABSENT && c.reason() != Reason.OLD_STATE_UNKNOWN && f.comparison() != Operator.CHANGED) {
      assertThat(seen.presence()).isEqualTo(Presence.PRESENT);
    }
  }
}
