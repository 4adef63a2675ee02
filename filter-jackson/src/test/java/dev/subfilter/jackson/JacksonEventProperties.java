package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Event;
import dev.subfilter.Operator;
import dev.subfilter.ReferenceInterpreter;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.ConditionCase;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The compiled predicate evaluated on events read by {@link SubfilterJson#readWorkfrontEvent}
 * (Jackson trees: IntNode, LongNode, BigIntegerNode, DecimalNode; states inline or base64) agrees
 * with the reference interpreter and with the same event over {@code JsonModel.JAVA}.
 */
class JacksonEventProperties {
  private static final SubfilterJson JSON = SubfilterJson.create();

  /** The payload text of {@code e}: states inline or base64 ({@code style} 0-3), an unknown old state absent or null. */
  static String payloadText(EventCase e, int style, boolean unknownAsNull) {
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) RobustnessProperties.payload(e, style);
    if (e.oldState() == null && unknownAsNull) {
      doc.put("oldState", null);
    }
    return JsonText.write(doc);
  }

  @Provide
  Arbitrary<Integer> styles() {
    return Arbitraries.of(-1, -1, -1, 0, 1, 2, 3);
  }

  @Provide
  Arbitrary<SubscriptionCase> subscriptionCases() {
    return SubscriptionArbitraries.subscriptionCase();
  }

  @Provide
  Arbitrary<ConditionCase> conditionCases() {
    return SubscriptionArbitraries.conditionCase();
  }

  private static String style(int style) {
    return style < 0 ? "inline" : "base64 style " + style;
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 1000)
  void compiled_jacksonReadSubscriptionAndEvent_agreesWithReference(
      @ForAll("subscriptionCases") SubscriptionCase sc, @ForAll("styles") int style, @ForAll boolean unknownAsNull) {
    Subscription s = sc.subscription();
    EventCase e = sc.event();
    String text = payloadText(e, style, unknownAsNull);
    Event read = JSON.readWorkfrontEvent(text);
    Subscription readSubscription = JSON.readSubscription(JSON.writeSubscription(s));

    boolean jackson = readSubscription.compile().matches(read);
    boolean java = s.compile().matches(e.event());
    boolean reference = ReferenceInterpreter.matches(s, e.ref());

    Statistics.label("outcome").collect(reference ? "match" : "no-match");
    Statistics.label("states").collect(style(style));
    Statistics.label("old state").collect(e.oldStateKnown() ? "known" : unknownAsNull ? "unknown (null)" : "unknown (absent)");
    Statistics.label("outcome").coverage(cov -> {
      cov.check("match").count((Integer c) -> c > 0);
      cov.check("no-match").count((Integer c) -> c > 0);
    });

    assertThat(read.hasOldState()).as("old state known").isEqualTo(e.oldStateKnown());
    assertThat(jackson).as("compiled on the Jackson event %s vs reference, subscription %s", text, s.toJson()).isEqualTo(reference);
    assertThat(java).as("compiled on the JsonModel.JAVA event vs reference").isEqualTo(reference);
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 2000)
  void compiled_jacksonReadEventSingleCondition_agreesWithReference(
      @ForAll("conditionCases") ConditionCase cc, @ForAll("styles") int style) {
    Subscription s = Subscription.of("TASK", "UPDATE", cc.condition());
    EventCase e = cc.event();
    String text = payloadText(e, style, false);
    boolean jackson = s.compile().matches(JSON.readWorkfrontEvent(text));
    boolean reference = ReferenceInterpreter.matches(s, e.ref());

    String op = cc.condition().comparison().token();
    Statistics.label("operator/outcome").collect(op + " " + (reference ? "match" : "no-match"));
    Statistics.label("states").collect(style(style));
    Statistics.label("operator/outcome").coverage(cov -> {
      for (Operator o : Operator.values()) {
        cov.check(o.token() + " match").count((Integer c) -> c > 0);
        cov.check(o.token() + " no-match").count((Integer c) -> c > 0);
      }
    });

    assertThat(jackson).as("compiled on the Jackson event %s vs reference for %s", text, cc).isEqualTo(reference);
  }
}
