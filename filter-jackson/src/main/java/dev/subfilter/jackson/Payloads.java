package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Problem;
import java.math.BigDecimal;

/** Shape checks shared by the adapters; each failure is an {@link InvalidEventException} with a pointer. */
final class Payloads {
  /** The longest object ID accepted, written out. */
  static final int MAX_ID_LENGTH = 1_000;

  private Payloads() {}

  static ObjectNode object(JsonNode node, String pointer, String what) {
    if (node == null || !node.isObject()) {
      throw invalid(pointer, (node == null ? "missing" : "found " + describe(node)) + "; expected " + what);
    }
    return (ObjectNode) node;
  }

  static String string(JsonNode node, String pointer, String what) {
    if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
      throw invalid(pointer, (node == null ? "missing" : "found " + describe(node)) + "; expected " + what);
    }
    return node.textValue();
  }

  /** An ID as text: a string as is, a number in plain decimals; {@code null} when absent or null. */
  static String id(JsonNode node, String pointer) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() && !JacksonModel.nonFinite(node)) {
      BigDecimal d = node.decimalValue().stripTrailingZeros();
      long length = d.scale() <= 0 ? (long) d.precision() - d.scale() : d.precision() + 2L;
      if (length <= MAX_ID_LENGTH) {
        return d.signum() == 0 ? "0" : d.toPlainString();
      }
    }
    throw invalid(pointer, "found " + describe(node) + "; expected an ID (a string or a number of at most " + MAX_ID_LENGTH + " digits)");
  }

  static InvalidEventException invalid(String pointer, String message) {
    return new InvalidEventException(new Problem(pointer, message));
  }

  static String describe(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    return n.isNull() ? "null" : JsonValues.fromJackson(n).describe();
  }
}
