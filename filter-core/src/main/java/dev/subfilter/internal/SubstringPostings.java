package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The substring postings of one (state, path) of a bucket: subscriptions filed under a text that a
 * string there, or a string element of an array there, must hold as a substring (a {@code like}
 * pattern's longest literal run, when it neither begins nor ends the pattern). One scan of a
 * {@link ContainsAutomaton} per string finds every such text; unlike {@link ContainsPostings},
 * array elements are scanned too. Folded postings hold folded texts and scan folded. Immutable;
 * the automaton is built lazily and cached, as there.
 */
final class SubstringPostings extends IndexedField {
  final HashTrie<String, Entry[]> byLiteral;
  /** A benign race, as in {@link ContainsPostings}. */
  private ContainsPostings.Scanner scanner;

  SubstringPostings(boolean old, IndexPath path, boolean folded, HashTrie<String, Entry[]> byLiteral, int size) {
    super(Listing.Kind.SUBSTRING, old, path, folded, size);
    this.byLiteral = byLiteral;
  }

  @Override
  int distinctKeys() {
    return byLiteral.size();
  }

  @Override
  SubstringPostings plus(Entry e, Listing k) {
    return new SubstringPostings(old, path, folded, byLiteral.put(k.literal, Entry.append(byLiteral.get(k.literal), e)), size + 1);
  }

  @Override
  SubstringPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(byLiteral.get(k.literal), e);
    return new SubstringPostings(old, path, folded, l == null ? byLiteral.remove(k.literal) : byLiteral.put(k.literal, l), size - 1);
  }

  private ContainsPostings.Scanner scanner() {
    ContainsPostings.Scanner s = scanner;
    if (s == null) {
      s = ContainsPostings.Scanner.of(byLiteral);
      scanner = s;
    }
    return s;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object node, MatchRun run, IndexCounters counters) {
    JsonModel.Kind k = m.kind(node);
    if (k == JsonModel.Kind.STRING) {
      return scan(scanner(), m.text(node), null, e, run, counters);
    }
    if (k == JsonModel.Kind.ARRAY) {
      int n = m.size(node);
      Reached seen = Reached.forArray(n);
      ContainsPostings.Scanner s = scanner();
      for (int i = 0; i < n; i++) {
        Object el = m.element(node, i);
        if (m.kind(el) == JsonModel.Kind.STRING) {
          run = scan(s, m.text(el), seen, e, run, counters);
        }
      }
    }
    return run;
  }

  private MatchRun scan(ContainsPostings.Scanner s, String text, Reached seen, Event e, MatchRun run, IndexCounters counters) {
    if (s.empty != null && Reached.first(seen, s.empty)) {
      run = MatchRun.evaluate(s.empty, e, run, counters, MatchRun.Source.SUBSTRING);
    }
    if (s.automaton != null) {
      int[] hits = s.automaton.scan(text, folded);
      if (hits != null) {
        for (int i = 1; i <= hits[0]; i++) {
          Entry[] l = s.outputs[hits[i]];
          if (Reached.first(seen, l)) {
            run = MatchRun.evaluate(l, e, run, counters, MatchRun.Source.SUBSTRING);
          }
        }
      }
    }
    return run;
  }
}
