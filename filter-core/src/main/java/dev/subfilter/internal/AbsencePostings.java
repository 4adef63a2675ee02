package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one (state, field) of a bucket filed under {@code notExists} (nothing more
 * selective to be filed under): evaluated only for an event whose state is known and lacks the
 * field. Immutable.
 */
final class AbsencePostings extends ListPostings {
  AbsencePostings(boolean old, IndexPath path, Entry[] entries) {
    super(Listing.Kind.ABSENT, old, path, entries);
  }

  @Override
  AbsencePostings with(Entry[] entries) {
    return new AbsencePostings(old, path, entries);
  }

  @Override
  MatchRun reach(Event e, JsonModel m, MatchRun run, IndexCounters counters) {
    Object state = old ? e.oldState() : e.newState();
    if (state == null || lookup(m, state) != null) {
      return run; // unknown old state, or present: notExists is false
    }
    return MatchRun.evaluate(entries, e, run, counters, MatchRun.Source.ABSENT);
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    throw new AssertionError("absence postings are reached by a missing field");
  }
}
