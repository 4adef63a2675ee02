package dev.subfilter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A filter's {@code comparison}, with its wire token. On a field absent from the state read, every
 * operator but {@link #NOT_EXISTS} is false ({@code ne} and {@code notContains} included); JSON
 * null is a present value. The README's semantics table gives each rule in full.
 */
public enum Operator {
  /**
   * {@code eq}, the default: same type and equal, case-sensitive; numbers by value ({@code 1}
   * equals {@code 1.0}), a number also equals a string that is exactly that JSON number, a boolean
   * the string {@code "true"}/{@code "false"}; arrays element by element, in order.
   */
  EQ("eq"),
  /** {@code ne}: the field is present and not {@link #EQ equal}. */
  NE("ne"),
  /**
   * {@code gt}: greater. Numbers and numeric strings compare numerically, two date-times as
   * instants, other string pairs by Unicode code point; any other pair is false. Likewise
   * {@link #GTE}, {@link #LT} and {@link #LTE}.
   */
  GT("gt"),
  /** {@code gte}: greater or equal, ordered as {@link #GT}. */
  GTE("gte"),
  /** {@code lt}: less, ordered as {@link #GT}. */
  LT("lt"),
  /** {@code lte}: less or equal, ordered as {@link #GT}. */
  LTE("lte"),
  /**
   * {@code contains}: a string field holds the fieldValue (as plain text) as a substring,
   * case-sensitive; an array field holds it as an element (by {@link #EQ}). An array fieldValue:
   * every element of it is contained.
   */
  CONTAINS("contains"),
  /** {@code notContains}: the field is present and does not {@link #CONTAINS contain} the fieldValue. */
  NOT_CONTAINS("notContains"),
  /**
   * {@code containsOnly}: the set of the field's values (an array's elements, or the one scalar)
   * is exactly the fieldValue's, by {@link #EQ}, ignoring order and duplicates.
   */
  CONTAINS_ONLY("containsOnly"),
  /**
   * {@code changed}: the field's old and new values differ (deep equality, numbers by value), a
   * field absent on one side included; ignores fieldValue and state, and is false when the old
   * state is unknown.
   */
  CHANGED("changed"),
  /** Extension ({@link Mode#EXTENDED} only): the field is present, JSON null included. */
  EXISTS("exists"),
  /** Extension ({@link Mode#EXTENDED} only): the field is absent. */
  NOT_EXISTS("notExists");

  private final String token;

  Operator(String token) {
    this.token = token;
  }

  /**
   * The token as written in a subscription, e.g. {@code notContains}.
   *
   * @return the token, case-sensitive; never {@code null}
   */
  public String token() {
    return token;
  }

  /**
   * Whether this operator reads {@code fieldValue}; {@code changed}, {@code exists} and {@code notExists} do not.
   *
   * @return {@code true} when a condition with this operator needs a fieldValue; {@code false}
   *     when a given one is dropped
   */
  public boolean usesValue() {
    return this != CHANGED && this != EXISTS && this != NOT_EXISTS;
  }

  /**
   * Whether Workfront itself accepts this operator.
   *
   * @return {@code true} for the ten Workfront operators; {@code false} for the extensions allowed
   *     only in {@link Mode#EXTENDED}
   */
  public boolean isWorkfront() {
    return this != EXISTS && this != NOT_EXISTS;
  }

  /**
   * The operator with this exact (case-sensitive) token, or {@code null}.
   *
   * @param token the token as written in a subscription; may be {@code null}
   * @return the operator, or {@code null} if no operator has this token (or it is {@code null})
   */
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
