package dev.subfilter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.subfilter.Filter;
import dev.subfilter.Operator;
import dev.subfilter.Subscription;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/** The extended-operators workload: what it is made of, that its eq twin matches the same, and that event-ruler agrees on its translatable part. */
class ExtendedWorkloadTest {

  /** Whether a filter (or one inside a group) is a startsWith, an in, or an ignoreCase eq: what the third must anchor on. */
  private static boolean anchorsOnTheThree(List<Filter> filters) {
    for (Filter f : filters) {
      if (f instanceof Filter.Group g ? anchorsOnTheThree(g.filters())
          : f instanceof Filter.Condition c && (c.comparison() == Operator.STARTS_WITH || c.comparison() == Operator.IN
              || (c.comparison() == Operator.EQ && c.ignoreCase()))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void extendedSet_aThirdAnchorsOnStartsWithInOrIgnoreCaseEq_everyOperatorUsed() {
    Fixture f = new Fixture(10_000, 1, Workload.Style.EXTENDED);
    int three = 0;
    Map<Operator, Integer> ops = new java.util.EnumMap<>(Operator.class);
    for (Subscription s : f.parsed.values()) {
      three += anchorsOnTheThree(s.filters()) ? 1 : 0;
      count(s.filters(), ops);
    }
    System.out.printf("extended workload: %d of %d anchor on startsWith, in or an ignoreCase eq; operators %s; translatable %.1f %%%n",
        three, f.parsed.size(), ops, 100 * f.translatableShare());
    assertTrue(three * 3 >= f.parsed.size(), "a third anchor on startsWith, in or an ignoreCase eq: " + three);
    for (Operator op : List.of(Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.LIKE, Operator.IN, Operator.NOT_IN)) {
      assertTrue(ops.getOrDefault(op, 0) > 100, op + " used " + ops.get(op));
    }
  }

  private static void count(List<Filter> filters, Map<Operator, Integer> ops) {
    for (Filter f : filters) {
      if (f instanceof Filter.Group g) {
        count(g.filters(), ops);
      } else {
        ops.merge(((Filter.Condition) f).comparison(), 1, Integer::sum);
      }
    }
  }

  @Test
  void extendedSetAndItsEqTwin_matchTheSameEvents() {
    Fixture ext = new Fixture(10_000, 500, Workload.Style.EXTENDED);
    Fixture twin = new Fixture(10_000, 500, Workload.Style.EQ_TWIN);
    int matches = 0;
    for (int i = 0; i < ext.events.size(); i++) {
      var e = ext.json.readWorkfrontEvent(ext.events.get(i));
      List<String> a = ext.set.match(e);
      assertEquals(Fixture.naive(ext.compiled, e), a, "extended set vs loop, event " + i);
      assertEquals(a, twin.set.match(e), "extended vs eq twin, event " + i);
      matches += a.size();
    }
    assertTrue(matches > 1000, "matches " + matches);
  }

  @Test
  void eventRulerMatchesWhatSubfilterMatches_onTheExtendedSetsTranslatablePart() {
    Fixture f = new Fixture(2_000, 1_000, Workload.Style.EXTENDED);
    Machine m = f.machine();
    int matches = 0;
    for (int i = 0; i < f.events.size(); i++) {
      var e = f.json.readWorkfrontEvent(f.events.get(i));
      var expected = new HashSet<>(Fixture.naive(f.translatableCompiled, e));
      assertEquals(expected, new HashSet<>(Fixture.rules(m, f.eventStrings.get(i))), "event-ruler, event " + i);
      matches += expected.size();
    }
    long extended = f.patterns.values().stream()
        .filter(p -> p.contains("prefix") || p.contains("suffix") || p.contains("equals-ignore-case")
            || p.contains("wildcard\":\"") && !p.contains("wildcard\":\"*")).count();
    System.out.printf("extended, translatable: %d of %d (%.1f %%), %d with the extended patterns, %d matches over %d events%n",
        f.patterns.size(), f.parsed.size(), 100 * f.translatableShare(), extended, matches, f.events.size());
    assertTrue(extended > 100, "patterns using prefix, suffix, wildcard or equals-ignore-case: " + extended);
    assertTrue(matches > 50, "too few matches to compare: " + matches);
  }
}
