package dev.subfilter;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A filter's {@code comparison}, with its wire token. */
public enum Operator {
  EQ("eq"),
  NE("ne"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  CONTAINS("contains"),
  NOT_CONTAINS("notContains"),
  CONTAINS_ONLY("containsOnly"),
  CHANGED("changed"),
  /** Extension ({@link Mode#EXTENDED} only): the field is present, JSON null included. */
  EXISTS("exists"),
  /** Extension ({@link Mode#EXTENDED} only): the field is absent. */
  NOT_EXISTS("notExists"),
  /** Extension ({@link Mode#EXTENDED} only): a string (or some string element) begins with the fieldValue, a non-empty string. */
  STARTS_WITH("startsWith"),
  /** Extension ({@link Mode#EXTENDED} only): a string (or some string element) ends with the fieldValue, a non-empty string. */
  ENDS_WITH("endsWith"),
  /**
   * Extension ({@link Mode#EXTENDED} only): a string (or some string element) matches the pattern
   * as a whole; {@code *} is any run of characters, {@code \*} a star and {@code \\} a backslash.
   */
  LIKE("like"),
  /** Extension ({@link Mode#EXTENDED} only): the value (or some element) {@code eq}s one of a non-empty list of scalars. */
  IN("in"),
  /** Extension ({@link Mode#EXTENDED} only): the field is present and not {@code in} the list. */
  NOT_IN("notIn");

  private final String token;

  Operator(String token) {
    this.token = token;
  }

  /** The token as written in a subscription, e.g. {@code notContains}. */
  public String token() {
    return token;
  }

  /** Whether this operator reads {@code fieldValue}; {@code changed}, {@code exists} and {@code notExists} do not. */
  public boolean usesValue() {
    return this != CHANGED && this != EXISTS && this != NOT_EXISTS;
  }

  /** Whether Workfront itself accepts this operator. */
  public boolean isWorkfront() {
    return ordinal() <= CHANGED.ordinal();
  }

  /**
   * Whether a condition with this operator may set {@code ignoreCase} (extended mode): the
   * comparisons of strings, {@code eq ne contains notContains containsOnly startsWith endsWith like
   * in notIn}; not the orderings, {@code changed}, {@code exists} nor {@code notExists}.
   */
  public boolean allowsIgnoreCase() {
    return usesValue() && this != GT && this != GTE && this != LT && this != LTE;
  }

  /** The operator with this exact (case-sensitive) token, or {@code null}. */
  public static Operator fromToken(String token) {
    for (Operator o : values()) {
      if (o.token.equals(token)) {
        return o;
      }
    }
    return null;
  }

  static String tokens(Mode mode) {
    return Arrays.stream(values()).filter(o -> mode == Mode.EXTENDED || o.isWorkfront())
        .map(Operator::token).collect(Collectors.joining(", "));
  }
}
