package dev.subfilter.internal;

import dev.subfilter.Explanation.Reason;

/**
 * What one comparison gave: {@link #HOLDS}, or why not. Conditions return it instead of a boolean
 * so that an explanation reports what evaluation found rather than working it out again; returning
 * a constant costs evaluation nothing.
 */
enum Outcome {
  HOLDS(null),
  OLD_STATE_UNKNOWN(Reason.OLD_STATE_UNKNOWN),
  ABSENT(Reason.ABSENT),
  PRESENT(Reason.PRESENT),
  TYPE_MISMATCH(Reason.TYPE_MISMATCH),
  NOT_EQUAL(Reason.NOT_EQUAL),
  EQUAL(Reason.EQUAL),
  OUT_OF_RANGE(Reason.OUT_OF_RANGE),
  NOT_CONTAINED(Reason.NOT_CONTAINED),
  CONTAINED(Reason.CONTAINED),
  DIFFERENT_SET(Reason.DIFFERENT_SET),
  UNCHANGED(Reason.UNCHANGED),
  NOT_STARTING_WITH(Reason.NOT_STARTING_WITH),
  NOT_ENDING_WITH(Reason.NOT_ENDING_WITH),
  NOT_LIKE(Reason.NOT_LIKE),
  NOT_IN(Reason.NOT_IN),
  IN(Reason.IN),
  NESTED_MISMATCH(Reason.NESTED_MISMATCH);

  /** The explanation's reason; {@code null} for {@link #HOLDS}. */
  final Reason reason;

  Outcome(Reason reason) {
    this.reason = reason;
  }
}
