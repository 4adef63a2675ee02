package dev.subfilter.internal;

import dev.subfilter.Event;
import java.util.function.Predicate;

/**
 * A compiled filter: a pure, thread-safe test of an event. Handed out as a {@link Predicate} (what
 * {@code CompiledSubscription} keeps), so that the type itself stays inside this package.
 */
interface Matcher extends Predicate<Event> {
  /** Whether the event passes; allocates nothing. */
  @Override
  boolean test(Event e);

  /**
   * {@link #test}, evaluating every condition (no short cut) and telling {@code t} each one's
   * outcome: the same code, observed.
   */
  boolean trace(Event e, Trace t);

  /** A rough relative cost, so that AND/OR evaluate cheap children first. */
  int cost();
}
