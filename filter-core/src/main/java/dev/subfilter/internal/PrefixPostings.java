package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The prefix postings of one (state, path) of a bucket ({@link Listing.Kind#PREFIX}): subscriptions
 * filed under a text that a string there, or a string element of an array there, must begin with
 * ({@code startsWith}, a {@code like} pattern's leading literal); or, as {@link
 * Listing.Kind#SUFFIX}, end with ({@code endsWith}, a pattern's trailing literal). One walk of a
 * {@link PrefixTrie} along the event's string (backward for suffixes) finds every list whose text
 * it begins (ends) with. Folded postings hold folded texts and walk the string folded. Immutable;
 * the trie is built lazily on the first string matched against this snapshot, and cached.
 */
final class PrefixPostings extends IndexedField {
  final HashTrie<String, Entry[]> byLiteral;
  /** A benign race, as in {@link ContainsPostings}: equal walkers may be built twice; all fields final. */
  private Walker walker;

  PrefixPostings(Listing.Kind kind, boolean old, IndexPath path, boolean folded, HashTrie<String, Entry[]> byLiteral, int size) {
    super(kind, old, path, folded, size);
    this.byLiteral = byLiteral;
  }

  @Override
  int distinctKeys() {
    return byLiteral.size();
  }

  @Override
  PrefixPostings plus(Entry e, Listing k) {
    return new PrefixPostings(kind, old, path, folded, byLiteral.put(k.literal, Entry.append(byLiteral.get(k.literal), e)), size + 1);
  }

  @Override
  PrefixPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(byLiteral.get(k.literal), e);
    return new PrefixPostings(kind, old, path, folded, l == null ? byLiteral.remove(k.literal) : byLiteral.put(k.literal, l), size - 1);
  }

  private Walker walker() {
    Walker w = walker;
    if (w == null) {
      w = Walker.of(byLiteral, kind == Listing.Kind.SUFFIX);
      walker = w;
    }
    return w;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object node, MatchRun run, IndexCounters counters) {
    JsonModel.Kind k = m.kind(node);
    if (k == JsonModel.Kind.STRING) {
      return walk(walker(), m.text(node), null, e, run, counters);
    }
    if (k == JsonModel.Kind.ARRAY) {
      int n = m.size(node);
      Reached seen = Reached.forArray(n);
      Walker w = walker();
      for (int i = 0; i < n; i++) {
        Object el = m.element(node, i);
        if (m.kind(el) == JsonModel.Kind.STRING) {
          run = walk(w, m.text(el), seen, e, run, counters);
        }
      }
    }
    return run;
  }

  /** Evaluates the lists of every key that {@code s} begins (ends) with, each once per event. */
  private MatchRun walk(Walker w, String s, Reached seen, Event e, MatchRun run, IndexCounters counters) {
    MatchRun.Source source = kind == Listing.Kind.SUFFIX ? MatchRun.Source.SUFFIX : MatchRun.Source.PREFIX;
    PrefixTrie t = w.trie;
    int u = 0;
    int n = s.length();
    for (int i = 0; ; i++) {
      int key = t.key(u);
      if (key >= 0 && Reached.first(seen, w.lists[key])) {
        run = MatchRun.evaluate(w.lists[key], e, run, counters, source);
      }
      if (i == n) {
        return run;
      }
      int at = w.reversed ? n - 1 - i : i;
      u = t.step(u, folded ? CaseFold.at(s, at) : s.charAt(at));
      if (u < 0) {
        return run;
      }
    }
  }

  /** The trie over the postings' texts and each text's subscriptions. Immutable. */
  static final class Walker {
    final PrefixTrie trie;
    final Entry[][] lists;
    final boolean reversed;

    private Walker(PrefixTrie trie, Entry[][] lists, boolean reversed) {
      this.trie = trie;
      this.lists = lists;
      this.reversed = reversed;
    }

    static Walker of(HashTrie<String, Entry[]> byLiteral, boolean reversed) {
      List<String> all = new ArrayList<>(byLiteral.size());
      byLiteral.keys(all);
      String[] keys = all.toArray(new String[0]);
      Entry[][] lists = new Entry[keys.length][];
      for (int i = 0; i < keys.length; i++) {
        lists[i] = byLiteral.get(keys[i]);
      }
      return new Walker(PrefixTrie.build(keys, reversed), lists, reversed);
    }
  }
}
