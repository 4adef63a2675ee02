package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The contains index's Aho–Corasick automaton against {@link String#contains}. */
class ContainsAutomatonProperties {
  @Provide
  Arbitrary<List<String>> literalSets() {
    return Arbitraries.strings().withChars("abc\uD83D\uDE00").ofMinLength(1).ofMaxLength(4)
        .list().uniqueElements().ofMaxSize(60);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcd\uD83D\uDE00").ofMaxLength(60);
  }

  /** The Aho–Corasick scan reports exactly the literals that {@link String#contains} finds, each once. */
  @Property(edgeCases = EdgeCasesMode.MIXIN, tries = 1500)
  void automaton_findsExactlyTheLiteralsThatOccur(@ForAll("literalSets") List<String> literals, @ForAll("texts") String text) {
    ContainsAutomaton a = ContainsAutomaton.build(literals.toArray(new String[0]));
    int[] hits = a.scan(text, false);
    List<Integer> got = new ArrayList<>();
    if (hits != null) {
      for (int i = 1; i <= hits[0]; i++) {
        got.add(hits[i]);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < literals.size(); i++) {
      if (text.contains(literals.get(i))) {
        expected.add(i);
      }
    }
    Statistics.label("literals found").collect(got.isEmpty() ? "0" : got.size() <= 16 ? "1-16" : "17+ (bitset)");
    Statistics.label("literals found").coverage(cov -> {
      for (String v : List.of("0", "1-16", "17+ (bitset)")) {
        cov.check(v).count(c -> c >= 1);
      }
    });
    assertThat(got).as("each literal reported once").doesNotHaveDuplicates();
    assertThat(got).as("scan of %s for %s", text, literals).containsExactlyInAnyOrderElementsOf(expected);
  }
}
