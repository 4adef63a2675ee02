package dev.subfilter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

class EventRulerTranslationTest {

  @Test
  void eventRulerMatchesWhatSubfilterMatchesOnTheTranslatableSubset() {
    Fixture f = new Fixture(2_000, 1_000);
    Machine m = f.machine();
    int matches = 0;
    for (int i = 0; i < f.events.size(); i++) {
      var e = f.json.readWorkfrontEvent(f.events.get(i));
      var expected = new HashSet<>(Fixture.naive(f.translatableCompiled, e));
      assertEquals(expected, new HashSet<>(f.translatableSet.match(e)), "set, event " + i);
      assertEquals(expected, new HashSet<>(Fixture.rules(m, f.eventStrings.get(i))), "event-ruler, event " + i);
      matches += expected.size();
    }
    System.out.printf("translatable: %d of %d subscriptions (%.1f %%), %d matches over %d events%n",
        f.patterns.size(), f.parsed.size(), 100 * f.translatableShare(), matches, f.events.size());
    assertTrue(f.translatableShare() > 0.2 && f.translatableShare() < 0.8, "share " + f.translatableShare());
    assertTrue(matches > 50, "too few matches to compare: " + matches);
  }

  @Test
  void setLoopAndEventRulerAgreeAtOneHundred() {
    Fixture f = new Fixture(100, 500);
    f.check(f.machine());
  }
}
