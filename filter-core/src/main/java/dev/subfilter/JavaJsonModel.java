package dev.subfilter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link JsonModel#JAVA}: maps with string keys are objects, lists are arrays, a {@code null} map
 * value or element is JSON null. Non-finite doubles read as the strings {@code "NaN"} and {@code
 * "Infinity"}; any other type reads as the string of its {@code toString()}.
 */
final class JavaJsonModel implements JsonModel {
  /** What {@link #get} returns for a key that is present with a {@code null} value. */
  private static final Object JSON_NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** Only {@link JsonModel#JAVA}. */
  JavaJsonModel() {}

  @Override
  public Kind kind(Object node) {
    if (node == null || node == JSON_NULL) {
      return Kind.NULL;
    }
    if (node instanceof String) {
      return Kind.STRING;
    }
    if (node instanceof Map) {
      return Kind.OBJECT;
    }
    if (node instanceof List) {
      return Kind.ARRAY;
    }
    if (node instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (node instanceof Number n) {
      return finite(n) ? Kind.NUMBER : Kind.STRING;
    }
    return Kind.STRING;
  }

  @Override
  public Object get(Object object, String key) {
    if (!(object instanceof Map<?, ?> m)) {
      return null;
    }
    Object v = m.get(key);
    if (v == null) {
      return m.containsKey(key) ? JSON_NULL : null;
    }
    return v;
  }

  @Override
  public int size(Object node) {
    if (node instanceof List<?> l) {
      return l.size();
    }
    return node instanceof Map<?, ?> m ? m.size() : 0;
  }

  @Override
  public Object element(Object array, int index) {
    Object v = ((List<?>) array).get(index);
    return v == null ? JSON_NULL : v;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterable<String> keys(Object object) {
    return ((Map<String, ?>) object).keySet();
  }

  @Override
  public String text(Object node) {
    return String.valueOf(node);
  }

  @Override
  public boolean booleanValue(Object node) {
    return (Boolean) node;
  }

  @Override
  public BigDecimal decimalValue(Object node) {
    return decimal((Number) node);
  }

  @Override
  public boolean isLong(Object node) {
    return node instanceof Integer || node instanceof Long || node instanceof Short || node instanceof Byte
        || node instanceof AtomicInteger || node instanceof AtomicLong;
  }

  @Override
  public long longValue(Object node) {
    return ((Number) node).longValue();
  }

  private static boolean finite(Number n) {
    if (n instanceof Double d) {
      return Double.isFinite(d);
    }
    return !(n instanceof Float f) || Float.isFinite(f);
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      if (!finite(n)) {
        throw new IllegalArgumentException("non-finite number " + n + " is not JSON");
      }
      return n instanceof Float ? new BigDecimal(n.toString()) : BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
