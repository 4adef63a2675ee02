package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Scalars as text, the one way every part of a mapping turns a value into a string. Stateless. */
final class Texts {
  /** The longest number accepted as text, written out: beyond it a number is no ID or code. */
  static final int MAX_NUMBER_LENGTH = 1_000;

  private Texts() {}

  /**
   * A string as is, a number in plain decimals ({@code 444500041}, {@code 1.5}), a boolean as
   * {@code true}/{@code false}; {@code null} for anything else (missing, JSON null, objects,
   * arrays, and numbers longer than {@link #MAX_NUMBER_LENGTH} digits written out).
   */
  static String scalar(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "true" : "false";
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return Long.toString(n.longValue());
    }
    if (n.isNumber()) {
      if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
        return null;
      }
      BigDecimal d = n.decimalValue().stripTrailingZeros();
      long length = d.scale() <= 0 ? (long) d.precision() - d.scale() : d.precision() + 2L;
      if (length > MAX_NUMBER_LENGTH) {
        return null;
      }
      return d.signum() == 0 ? "0" : d.toPlainString();
    }
    return null;
  }

  /** "an object", "a string \"x\"", ... for messages; short. */
  static String describe(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      String t = n.textValue();
      return "the string \"" + (t.length() > 60 ? t.substring(0, 60) + "…" : t) + "\"";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
