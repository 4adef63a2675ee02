package dev.subfilter;

/** What a subscription may use. */
public enum Mode {
  /**
   * Exactly what Workfront accepts: its ten operators, groups only at the top level, at most 10
   * groups of 2 to 5 filters, no {@code oldState} filter other than {@code changed} on CREATE.
   */
  WORKFRONT,
  /** The default: Workfront plus {@code exists}/{@code notExists}, nested groups and larger counts, within {@link Limits}. */
  EXTENDED
}
