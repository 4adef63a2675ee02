package dev.subfilter.internal;

import dev.subfilter.Event;

/**
 * A compiled filter: a pure, thread-safe test of an event. Not API: public only because {@code
 * CompiledSubscription} keeps one ({@link Plan#compile}).
 */
public interface Matcher {
  /** Whether the event passes; allocates nothing. */
  boolean matches(Event e);

  /**
   * {@link #matches}, evaluating every condition (no short cut) and telling {@code t} each one's
   * outcome: the same code, observed.
   */
  boolean trace(Event e, Trace t);

  /** A rough relative cost, so that AND/OR evaluate cheap children first. */
  int cost();
}
