package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The subscriptions of one (state, path) of a bucket whose condition holds only when a value is
 * there ({@code notIn}, {@code ne}, {@code exists}, a range on strings) and that have nothing more selective to be
 * filed under: every event that has the value evaluates them, events without it do not. Immutable.
 */
final class PresencePostings extends ListPostings {
  PresencePostings(boolean old, IndexPath path, Entry[] entries) {
    super(Listing.Kind.PRESENT, old, path, entries);
  }

  @Override
  PresencePostings with(Entry[] entries) {
    return new PresencePostings(old, path, entries);
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    return MatchRun.evaluate(entries, e, run, counters, MatchRun.Source.PRESENT);
  }
}
