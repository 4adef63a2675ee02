package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

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
  /**
   * An alphabet of 20 chars, so that nodes get more than 8 edges (the binary-search branch of a
   * node's step) and the root's ASCII table ends where non-ASCII chars (from U+0080 on) take the
   * searched path.
   */
  private static final String WIDE = "abcdefghijklm\u007F\u0080\u0081\u00E9\u4E2D\uD83D\uDE00";

  @Provide
  Arbitrary<List<String>> wideLiteralSets() {
    Arbitrary<String> literal = Arbitraries.strings().withChars(WIDE).ofMinLength(1).ofMaxLength(3);
    // half share a first char, so a node below the root gets many edges too
    Arbitrary<String> prefixed = Arbitraries.of("", "a", "\u00E9").flatMap(p -> literal.map(l -> p + l));
    return prefixed.list().uniqueElements().ofMinSize(1).ofMaxSize(80);
  }

  @Provide
  Arbitrary<String> wideTexts() {
    return Arbitraries.strings().withChars(WIDE).ofMaxLength(40);
  }

  /** As above on wide nodes: more than 8 edges at the root and below it, chars either side of U+0080. */
  @Property(edgeCases = EdgeCasesMode.MIXIN, tries = 1500)
  void automaton_wideNodes_findsExactlyTheLiteralsThatOccur(@ForAll("wideLiteralSets") List<String> literals, @ForAll("wideTexts") String text) {
    ContainsAutomaton a = ContainsAutomaton.build(literals.toArray(new String[0]));
    assertThat(a.literals()).isEqualTo(literals.size());
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
    long rootEdges = literals.stream().map(l -> l.charAt(0)).distinct().count();
    long widestInner = literals.stream().filter(l -> l.length() > 1)
        .collect(Collectors.groupingBy(l -> l.charAt(0),
            Collectors.mapping(l -> l.charAt(1), Collectors.toSet())))
        .values().stream().mapToLong(Set::size).max().orElse(0);
    Statistics.label("root edges").collect(rootEdges > 8 ? "more than 8" : "at most 8");
    Statistics.label("widest second-level node").collect(widestInner > 8 ? "more than 8" : "at most 8");
    Statistics.label("non-ASCII hit").collect(got.stream().anyMatch(id -> literals.get(id).chars().anyMatch(c -> c >= 0x80)) ? "yes" : "no");
    Statistics.label("root edges").coverage(cov -> cov.check("more than 8").count(c -> c >= 100));
    Statistics.label("widest second-level node").coverage(cov -> cov.check("more than 8").count(c -> c >= 50));
    Statistics.label("non-ASCII hit").coverage(cov -> cov.check("yes").count(c -> c >= 100));
    assertThat(got).as("each literal reported once").doesNotHaveDuplicates();
    assertThat(got).as("scan of %s for %s", text, literals).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void build_emptyOrRepeatedLiteral_refused() {
    assertThatThrownBy(() -> ContainsAutomaton.build(new String[] {"a", ""}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("empty literal");
    assertThatThrownBy(() -> ContainsAutomaton.build(new String[] {"ab", "b", "ab"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("literal appears twice: ab");
  }

  /** Each root char of 0x00..0xFF alone, then every one in one text: the ASCII table and the searched edges above it. */
  @Test
  void scan_everyCharUpToU00FF_atTheRoot_foundByItsOwnLiteral() {
    String[] lits = new String[256];
    StringBuilder all = new StringBuilder();
    for (int c = 0; c < 256; c++) {
      lits[c] = String.valueOf((char) c);
      all.append((char) c);
    }
    ContainsAutomaton a = ContainsAutomaton.build(lits);
    for (int c = 0; c < 256; c++) {
      int[] expected = c == 'x' ? new int[] {'x'} : new int[] {'x', c};
      assertThat(found(a.scan("x" + (char) c + "\u0100", false))).as("char %x", c).containsExactly(expected);
    }
    assertThat(found(a.scan(all.toString(), false))).hasSize(256).doesNotHaveDuplicates();
    assertThat(a.scan("\u0100\u4E2D", false)).isNull();
  }

  private static int[] found(int[] hits) {
    return hits == null ? new int[0] : Arrays.copyOfRange(hits, 1, hits[0] + 1);
  }
}
