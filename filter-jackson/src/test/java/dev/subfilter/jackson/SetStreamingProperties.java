package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.InvalidEventException;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.WorkfrontStreamReaderProperties.Extra;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link SubfilterJson#matchWorkfrontEvent} (one streaming pass keeping the set's state keys)
 * answers what {@code set.match(json.readWorkfrontEvent(bytes))} answers, for generated sets and
 * payloads (states inline or base64, extra members nobody reads), as the set grows and shrinks
 * between payloads (so the cached reader is rebuilt for new keys), and fails the same way on
 * invalid payloads.
 */
class SetStreamingProperties {
  private static final SubfilterJson JSON = SubfilterJson.create();

  @Provide
  Arbitrary<List<SubscriptionCase>> caseLists() {
    return SubscriptionArbitraries.subscriptionCase().list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Map<String, Extra>> extraMembers() {
    return WorkfrontStreamReaderProperties.extras();
  }

  @Provide
  Arbitrary<Integer> styles() {
    return Arbitraries.of(-1, -1, -1, 0, 1);
  }

  static String outcome(Supplier<List<String>> call) {
    try {
      return "matched " + call.get();
    } catch (InvalidEventException e) {
      return "InvalidEventException at '" + e.problem().pointer() + "': " + e.problem().message();
    }
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 150)
  void matchWorkfrontEvent_growingAndShrinkingSets_equalsTreeReadAndMatch(
      @ForAll("caseLists") List<SubscriptionCase> cases, @ForAll("styles") int style, @ForAll boolean unknownAsNull,
      @ForAll("extraMembers") Map<String, Extra> inNew, @ForAll("extraMembers") Map<String, Extra> top) {
    SubscriptionSet set = new SubscriptionSet();
    for (int i = 0; i < cases.size(); i++) {
      set.add("s" + i, cases.get(i).subscription().compile());
      if (i % 3 == 2) {
        set.remove("s" + (i - 1));
      }
      SubscriptionCase c = cases.get(i);
      byte[] bytes = JsonText.write(WorkfrontStreamReaderProperties.payload(c.event(), style, unknownAsNull, inNew, Map.of(), top))
          .getBytes(StandardCharsets.UTF_8);
      String tree = outcome(() -> set.match(JSON.readWorkfrontEvent(bytes)));
      assertThat(outcome(() -> JSON.matchWorkfrontEvent(set, bytes))).as("after %d adds", i + 1).isEqualTo(tree);
      assertThat(outcome(() -> JSON.readAndMatchWorkfrontEvent(set, bytes).ids())).as("one pass, event and ids").isEqualTo(tree);
      Statistics.label("outcome").collect(tree.startsWith("matched []") ? "none" : tree.startsWith("matched") ? "some" : "invalid");
    }
    Statistics.label("outcome").coverage(cov -> {
      cov.check("some").count((Integer n) -> n > 0);
      cov.check("none").count((Integer n) -> n > 0);
    });
  }
}
