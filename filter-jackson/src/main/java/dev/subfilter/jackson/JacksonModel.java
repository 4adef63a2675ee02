package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.JsonModel;
import java.math.BigDecimal;

/**
 * {@link JsonModel} over Jackson trees ({@link JsonNode}): events read with Jackson are evaluated
 * without copying. NaN and infinite doubles read as strings ({@code "NaN"}, {@code "Infinity"}).
 * Stateless and thread-safe; use {@link #INSTANCE}.
 */
public final class JacksonModel implements JsonModel {
  /** The one instance. */
  public static final JacksonModel INSTANCE = new JacksonModel();

  private JacksonModel() {}

  @Override
  public Kind kind(Object node) {
    JsonNode n = (JsonNode) node;
    switch (n.getNodeType()) {
      case OBJECT:
        return Kind.OBJECT;
      case ARRAY:
        return Kind.ARRAY;
      case STRING:
        return Kind.STRING;
      case NUMBER:
        return nonFinite(n) ? Kind.STRING : Kind.NUMBER;
      case BOOLEAN:
        return Kind.BOOLEAN;
      case NULL:
      case MISSING:
        return Kind.NULL;
      default:
        return Kind.STRING; // BINARY and POJO nodes never come from parsing JSON text
    }
  }

  /** NaN and infinite doubles (only in trees built by hand or by a lenient mapper) read as the strings Jackson prints. */
  static boolean nonFinite(JsonNode n) {
    return (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue());
  }

  @Override
  public Object get(Object object, String key) {
    return ((JsonNode) object).get(key);
  }

  @Override
  public int size(Object node) {
    return ((JsonNode) node).size();
  }

  @Override
  public Object element(Object array, int index) {
    return ((JsonNode) array).get(index);
  }

  @Override
  public Iterable<String> keys(Object object) {
    return ((JsonNode) object)::fieldNames;
  }

  @Override
  public String text(Object node) {
    return ((JsonNode) node).asText();
  }

  @Override
  public boolean booleanValue(Object node) {
    return ((JsonNode) node).booleanValue();
  }

  @Override
  public BigDecimal decimalValue(Object node) {
    return ((JsonNode) node).decimalValue();
  }

  @Override
  public boolean isLong(Object node) {
    JsonNode n = (JsonNode) node;
    return n.isInt() || n.isLong();
  }

  @Override
  public long longValue(Object node) {
    return ((JsonNode) node).longValue();
  }
}
