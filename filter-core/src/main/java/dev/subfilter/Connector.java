package dev.subfilter;

/**
 * How a list of filters combines: {@code AND} (the default) or {@code OR}. The subscription's
 * {@code filterConnector} and each group's {@code connector} hold one.
 */
public enum Connector {
  /** Every filter of the list must match; an empty list matches. Token {@code "AND"}. */
  AND,
  /** At least one filter of the list must match. Token {@code "OR"}. */
  OR;

  /**
   * The connector with this exact token ({@code "AND"} or {@code "OR"}), or {@code null}.
   *
   * @param token the token as written in a subscription, case-sensitive; may be {@code null}
   * @return the connector, or {@code null} if {@code token} is neither (or is {@code null})
   */
  public static Connector fromToken(String token) {
    return "AND".equals(token) ? AND : "OR".equals(token) ? OR : null;
  }
}
