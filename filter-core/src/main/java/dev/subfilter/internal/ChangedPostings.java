package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one field of a bucket filed under {@code changed} (nothing more selective
 * to be filed under): evaluated only for an event whose old state is known and whose two states
 * differ at the field (one has it and the other not, or the values differ as {@code changed}
 * compares them), so only the fields some subscription asks about are compared. Immutable.
 */
final class ChangedPostings extends ListPostings {
  ChangedPostings(IndexPath path, Entry[] entries) {
    super(Listing.Kind.CHANGED, false, path, entries);
  }

  @Override
  ChangedPostings with(Entry[] entries) {
    return new ChangedPostings(path, entries);
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
}
