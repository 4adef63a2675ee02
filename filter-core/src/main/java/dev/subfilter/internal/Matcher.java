package dev.subfilter.internal;

import dev.subfilter.Event;

/** A compiled filter: a pure, thread-safe test of an event. Not API. */
public interface Matcher {
  boolean matches(Event e);

  /** A rough relative cost, so that AND/OR evaluate cheap children first. */
  int cost();
}
