package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The eq postings of one (state, path) of a bucket: {@link EqValues eq value} -> subscriptions
 * whose condition needs the value there to have it ({@code eq}, each value of an {@code in}). A
 * scalar is looked up by its value, an array by each element's ({@code in} holds on an array when
 * an element is in the list; an {@code eq} reached so is only a candidate). Folded postings
 * ({@code ignoreCase}) hold folded values and look strings up folded. Immutable.
 */
final class EqPostings extends IndexedField {
  final HashTrie<Object, Entry[]> postings;

  EqPostings(boolean old, IndexPath path, boolean folded, HashTrie<Object, Entry[]> postings, int size) {
    super(Listing.Kind.EQ, old, path, folded, size);
    this.postings = postings;
  }

  @Override
  int distinctKeys() {
    return postings.size();
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    if (m.kind(leaf) != JsonModel.Kind.ARRAY) {
      Entry[] l = get(m, leaf);
      return l == null ? run : MatchRun.evaluate(l, e, run, counters, MatchRun.Source.EQ);
    }
    int n = m.size(leaf);
    Reached seen = Reached.forArray(n);
    for (int i = 0; i < n; i++) {
      Entry[] l = get(m, m.element(leaf, i));
      if (l != null && Reached.first(seen, l)) {
        run = MatchRun.evaluate(l, e, run, counters, MatchRun.Source.EQ);
      }
    }
    return run;
  }

  private Entry[] get(JsonModel m, Object node) {
    return folded ? EqValues.lookupFolded(postings, m, node) : EqValues.lookup(postings, m, node);
  }

  /** The length of the list under {@code value}. */
  int listSize(Object value) {
    Entry[] l = postings.get(value);
    return l == null ? 0 : l.length;
  }

  @Override
  EqPostings plus(Entry e, Listing k) {
    return new EqPostings(old, path, folded, postings.put(k.eqValue, Entry.append(postings.get(k.eqValue), e)), size + 1);
  }

  @Override
  EqPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(postings.get(k.eqValue), e);
    return new EqPostings(old, path, folded, l == null ? postings.remove(k.eqValue) : postings.put(k.eqValue, l), size - 1);
  }
}
