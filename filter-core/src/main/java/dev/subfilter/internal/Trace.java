package dev.subfilter.internal;

import dev.subfilter.Filter;

/**
 * Receives what a traced evaluation ({@link Matcher#trace}) found, condition by condition: how
 * {@code explain} learns each result from the evaluation itself.
 */
interface Trace {
  /** The outcome of the condition compiled from {@code source}. */
  void outcome(Filter.Condition source, Outcome outcome);

  /**
   * For a condition whose fieldValue is a {@code fields} (or bare) object, each of its keys: the
   * field's member at key {@code index} ({@code null} when absent) and its outcome.
   */
  void nestedKey(Filter.Condition source, int index, Object child, Outcome outcome);
}
