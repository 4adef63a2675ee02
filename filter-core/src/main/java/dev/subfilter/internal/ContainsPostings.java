package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The contains postings of one (state, path) of a bucket. {@code contains} with a scalar
 * fieldValue holds on a string field only when the fieldValue's text is a substring of it, and on
 * an array field only when some element {@code eq}s the fieldValue: so each subscription is filed
 * under its text ({@link #byLiteral}, scanned with an Aho–Corasick automaton) and under its {@link
 * EqValues} value ({@link #byEqValue}, looked up for every element). Immutable; the automaton is
 * built lazily, on the first string this snapshot of the path is matched against, and cached.
 * Folded postings ({@code ignoreCase}) hold folded texts and values, and scan events' strings folded.
 *
 * <p>A subscription with two contains listings of one path whose texts differ but whose eq values
 * are equal ({@code "2"} and {@code "2.0"}) is filed twice under that value: it is multi-listed, so
 * matching evaluates it once, and each removal of one of its listings removes one of the two.
 */
final class ContainsPostings extends IndexedField {
  final HashTrie<String, Entry[]> byLiteral;
  final HashTrie<Object, Entry[]> byEqValue;
  /**
   * Built on first use. A benign race (like {@link String#hashCode}): threads that both find it
   * null build equal scanners; a Scanner has only final fields, so any thread that reads a
   * non-null reference sees it complete.
   */
  private Scanner scanner;

  ContainsPostings(boolean old, IndexPath path, boolean folded, HashTrie<String, Entry[]> byLiteral,
      HashTrie<Object, Entry[]> byEqValue, int size) {
    super(Listing.Kind.CONTAINS, old, path, folded, size);
    this.byLiteral = byLiteral;
    this.byEqValue = byEqValue;
  }

  @Override
  int distinctKeys() {
    return byLiteral.size();
  }

  @Override
  ContainsPostings plus(Entry e, Listing k) {
    return new ContainsPostings(old, path, folded,
        byLiteral.put(k.literal, Entry.append(byLiteral.get(k.literal), e)),
        byEqValue.put(k.eqValue, Entry.append(byEqValue.get(k.eqValue), e)), size + 1);
  }

  @Override
  ContainsPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(byLiteral.get(k.literal), e);
    Entry[] b = Entry.remove(byEqValue.get(k.eqValue), e);
    return new ContainsPostings(old, path, folded,
        l == null ? byLiteral.remove(k.literal) : byLiteral.put(k.literal, l),
        b == null ? byEqValue.remove(k.eqValue) : byEqValue.put(k.eqValue, b), size - 1);
  }

  private Scanner scanner() {
    Scanner s = scanner;
    if (s == null) {
      s = Scanner.of(byLiteral);
      scanner = s;
    }
    return s;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object node, MatchRun run, IndexCounters counters) {
    JsonModel.Kind kind = m.kind(node);
    if (kind == JsonModel.Kind.STRING) {
      Scanner s = scanner();
      if (s.empty != null) {
        run = MatchRun.evaluate(s.empty, e, run, counters, MatchRun.Source.CONTAINS); // "" is in every string
      }
      if (s.automaton != null) {
        int[] hits = s.automaton.scan(m.text(node), folded);
        if (hits != null) {
          for (int i = 1; i <= hits[0]; i++) {
            run = MatchRun.evaluate(s.outputs[hits[i]], e, run, counters, MatchRun.Source.CONTAINS);
          }
        }
      }
    } else if (kind == JsonModel.Kind.ARRAY) {
      int n = m.size(node);
      Reached seen = Reached.forArray(n); // each key maps to one list: equal elements find the same list
      for (int i = 0; i < n; i++) {
        Object el = m.element(node, i);
        Entry[] l = folded ? EqValues.lookupFolded(byEqValue, m, el) : EqValues.lookup(byEqValue, m, el);
        if (l != null && Reached.first(seen, l)) {
          run = MatchRun.evaluate(l, e, run, counters, MatchRun.Source.CONTAINS);
        }
      }
    }
    return run;
  }

  /** The automaton over the non-empty literals of a contains postings, with each literal's subscriptions. Immutable. */
  static final class Scanner {
    final ContainsAutomaton automaton;
    final Entry[][] outputs;
    final Entry[] empty;

    private Scanner(ContainsAutomaton automaton, Entry[][] outputs, Entry[] empty) {
      this.automaton = automaton;
      this.outputs = outputs;
      this.empty = empty;
    }

    static Scanner of(HashTrie<String, Entry[]> byLiteral) {
      List<String> all = new ArrayList<>(byLiteral.size());
      byLiteral.keys(all);
      all.remove("");
      String[] literals = all.toArray(new String[0]);
      Entry[][] outputs = new Entry[literals.length][];
      for (int i = 0; i < literals.length; i++) {
        outputs[i] = byLiteral.get(literals[i]);
      }
      ContainsAutomaton a = literals.length == 0 ? null : ContainsAutomaton.build(literals);
      return new Scanner(a, outputs, byLiteral.get(""));
    }
  }
}
