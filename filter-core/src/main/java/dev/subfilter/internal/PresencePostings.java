package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one (state, path) of a bucket whose condition holds only when a value is
 * there ({@code notIn}: present and not in the list) and that have nothing more selective to be
 * filed under: every event that has the value evaluates them, events without it do not. Immutable.
 */
final class PresencePostings extends IndexedField {
  final Entry[] entries;

  PresencePostings(boolean old, IndexPath path, Entry[] entries) {
    super(Listing.Kind.PRESENT, old, path, false, entries.length);
    this.entries = entries;
  }

  @Override
  int distinctKeys() {
    return entries.length == 0 ? 0 : 1;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    return MatchRun.evaluate(entries, e, run, counters, MatchRun.Source.PRESENT);
  }

  @Override
  PresencePostings plus(Entry e, Listing k) {
    return new PresencePostings(old, path, Entry.append(entries, e));
  }

  @Override
  PresencePostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(entries, e);
    return new PresencePostings(old, path, l == null ? Entry.NONE : l);
  }
}
