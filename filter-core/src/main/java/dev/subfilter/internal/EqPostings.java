package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/** The eq postings of one (state, path) of a bucket: {@link EqValues eq value} -> subscriptions. Immutable. */
final class EqPostings extends IndexedField {
  final HashTrie<Object, Entry[]> postings;

  EqPostings(boolean old, IndexPath path, HashTrie<Object, Entry[]> postings, int size) {
    super(old, path, size);
    this.postings = postings;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, SubscriptionIndex.Counters counters) {
    Entry[] l = EqValues.lookup(postings, m, leaf);
    return l == null ? run : MatchRun.evaluate(l, e, run, counters, MatchRun.Source.EQ);
  }

  EqPostings plus(Entry e, Listing k) {
    return new EqPostings(old, path, postings.put(k.eqValue, Entry.append(postings.get(k.eqValue), e)), size + 1);
  }

  EqPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(postings.get(k.eqValue), e);
    return new EqPostings(old, path, l == null ? postings.remove(k.eqValue) : postings.put(k.eqValue, l), size - 1);
  }
}
