package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one (state, field) of a bucket filed under {@code notExists} (nothing more
 * selective to be filed under): evaluated only for an event whose state is known and lacks the
 * field. Immutable.
 */
final class AbsencePostings extends IndexedField {
  final Entry[] entries;

  AbsencePostings(boolean old, IndexPath path, Entry[] entries) {
    super(Listing.Kind.ABSENT, old, path, false, entries.length);
    this.entries = entries;
  }

  @Override
  int distinctKeys() {
    return entries.length == 0 ? 0 : 1;
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

  @Override
  AbsencePostings plus(Entry e, Listing k) {
    return new AbsencePostings(old, path, Entry.append(entries, e));
  }

  @Override
  AbsencePostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(entries, e);
    return new AbsencePostings(old, path, l == null ? Entry.NONE : l);
  }
}
