package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one field of a bucket filed under {@code changed} (nothing more selective
 * to be filed under): evaluated only for an event whose old state is known and whose two states
 * differ at the field (one has it and the other not, or the values differ as {@code changed}
 * compares them), so only the fields some subscription asks about are compared. Immutable.
 */
final class ChangedPostings extends IndexedField {
  final Entry[] entries;

  ChangedPostings(IndexPath path, Entry[] entries) {
    super(Listing.Kind.CHANGED, false, path, false, entries.length);
    this.entries = entries;
  }

  @Override
  int distinctKeys() {
    return entries.length == 0 ? 0 : 1;
  }

  @Override
  MatchRun reach(Event e, JsonModel m, MatchRun run, IndexCounters counters) {
    Object oldState = e.oldState();
    if (oldState == null) {
      return run; // unknown old state: changed is false
    }
    Object now = lookup(m, e.newState());
    Object before = lookup(m, oldState);
    if (now == null ? before == null : before != null && Values.deepEquals(m, now, before)) {
      return run; // the same in both states
    }
    return MatchRun.evaluate(entries, e, run, counters, MatchRun.Source.CHANGED);
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    throw new AssertionError("changed postings read both states");
  }

  @Override
  ChangedPostings plus(Entry e, Listing k) {
    return new ChangedPostings(path, Entry.append(entries, e));
  }

  @Override
  ChangedPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(entries, e);
    return new ChangedPostings(path, l == null ? Entry.NONE : l);
  }
}
