package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The automaton's duplicate bitset past 64 literals (ids in its second and third words), which
 * the property's sets of at most 60 literals never reach.
 */
class ContainsAutomatonEdgesTest {

  @Test
  void scan_moreThan64LiteralsAndManyHits_bitsetCoversEveryId() {
    int n = 130;
    String[] literals = new String[n];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      literals[i] = "<" + i + ">";
    }
    // every literal from the last down, twice: more than 16 hits, so duplicates go to the bitset
    for (int round = 0; round < 2; round++) {
      for (int i = n - 1; i >= 0; i--) {
        text.append(literals[i]);
      }
    }
    int[] hits = ContainsAutomaton.build(literals).scan(text.toString(), false);
    List<Integer> got = new ArrayList<>();
    for (int k = 1; k <= hits[0]; k++) {
      got.add(hits[k]);
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      expected.add(i);
    }
    assertThat(got).containsExactlyElementsOf(expected);
  }
}
