package dev.subfilter;

/** How a list of filters combines: {@code AND} (the default) or {@code OR}. */
public enum Connector {
  AND,
  OR;

  /** The connector with this exact token ({@code "AND"} or {@code "OR"}), or {@code null}. */
  public static Connector fromToken(String token) {
    return "AND".equals(token) ? AND : "OR".equals(token) ? OR : null;
  }
}
