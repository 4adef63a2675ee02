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
  NOT_EXISTS("notExists");

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
    return this != EXISTS && this != NOT_EXISTS;
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
