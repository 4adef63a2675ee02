package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The comparison rules of the semantics table, between an event node and a compiled constant.
 * With {@code fold} ({@code ignoreCase}) the constant was read from the folded fieldValue and the
 * node's strings are compared folded ({@link CaseFold}): the same rules on folded strings.
 */
final class Values {
  static final int INCOMPARABLE = Integer.MIN_VALUE;

  private Values() {}

  /** {@code eq}: same type and equal (numbers by value), number vs numeric string, boolean vs "true"/"false", arrays element-wise. */
  static boolean eq(JsonModel m, Object node, Constant c) {
    return eq(m, node, c, false);
  }

  /** {@link #eq(JsonModel, Object, Constant)}, the node's strings folded when {@code fold}. */
  static boolean eq(JsonModel m, Object node, Constant c, boolean fold) {
    switch (m.kind(node)) {
      case NULL:
        return c.kind == Kind.NULL;
      case BOOLEAN:
        return c.bool != null && (c.kind == Kind.BOOLEAN || c.kind == Kind.STRING) && c.bool == m.booleanValue(node);
      case NUMBER:
        return c.number != null && (c.kind == Kind.NUMBER || c.kind == Kind.STRING) && compareNumber(m, node, c) == 0;
      case STRING: {
        String s = m.text(node);
        if (c.kind == Kind.STRING) {
          return fold ? CaseFold.equalsFolded(c.string, s) : s.equals(c.string);
        }
        if (c.kind == Kind.NUMBER) { // digits have no case: numeric text reads the same folded
          long v = c.isLong ? Numbers.plainLong(s) : Numbers.NONE;
          if (v != Numbers.NONE) {
            return v == c.longValue;
          }
          BigDecimal d = Numbers.parseNumber(s);
          return d != null && d.compareTo(c.number) == 0;
        }
        return c.kind == Kind.BOOLEAN && (fold ? CaseFold.equalsFolded(c.containsText, s) : s.equals(c.containsText));
      }
      case ARRAY: {
        if (c.kind != Kind.ARRAY || m.size(node) != c.elements.length) {
          return false;
        }
        for (int i = 0; i < c.elements.length; i++) {
          if (!eq(m, m.element(node, i), c.elements[i], fold)) {
            return false;
          }
        }
        return true;
      }
      case OBJECT: {
        if (c.kind != Kind.OBJECT || m.size(node) != c.keys.length) {
          return false;
        }
        for (int i = 0; i < c.keys.length; i++) {
          Object child = m.get(node, c.keys[i]);
          if (child == null || !eq(m, child, c.values[i], fold)) {
            return false;
          }
        }
        return true;
      }
      default:
        throw new AssertionError("unhandled kind");
    }
  }

  /**
   * Whether {@code eq} could hold between this node's type and the constant's: what makes a false
   * {@code eq} a {@link Outcome#NOT_EQUAL} rather than a {@link Outcome#TYPE_MISMATCH}.
   */
  static boolean comparable(JsonModel m, Object node, Constant c, boolean fold) {
    switch (m.kind(node)) {
      case NULL:
        return true; // null against a value: simply not equal
      case BOOLEAN:
        return c.bool != null || c.kind == Kind.NULL;
      case NUMBER:
        return c.number != null || c.kind == Kind.NULL;
      case STRING: {
        if (c.kind == Kind.STRING || c.kind == Kind.NULL) {
          return true;
        }
        String s = m.text(node);
        if (c.kind == Kind.NUMBER) {
          return Numbers.parseNumber(s) != null;
        }
        return c.kind == Kind.BOOLEAN && (fold ? CaseFold.equalsFolded("true", s) || CaseFold.equalsFolded("false", s)
            : s.equals("true") || s.equals("false"));
      }
      case ARRAY:
        return c.kind == Kind.ARRAY;
      default:
        return c.kind == Kind.OBJECT;
    }
  }

  /** {@link #eq} as an outcome. */
  static Outcome eqOutcome(JsonModel m, Object node, Constant c, boolean fold) {
    return eq(m, node, c, fold) ? Outcome.HOLDS : comparable(m, node, c, fold) ? Outcome.NOT_EQUAL : Outcome.TYPE_MISMATCH;
  }

  /** Whether a string field can be searched for {@code c}: it (every element of an array) has a text. */
  static boolean hasText(Constant c) {
    if (c.kind == Kind.ARRAY) {
      for (Constant el : c.elements) {
        if (el.containsText == null) {
          return false;
        }
      }
      return true;
    }
    return c.containsText != null;
  }

  /** {@link #contains} as an outcome: a field that is neither a string nor an array, or a string searched for no text, is a type mismatch. */
  static Outcome containsOutcome(JsonModel m, Object node, Constant c, boolean fold) {
    if (contains(m, node, c, fold)) {
      return Outcome.HOLDS;
    }
    Kind k = m.kind(node);
    return k == Kind.ARRAY || (k == Kind.STRING && hasText(c)) ? Outcome.NOT_CONTAINED : Outcome.TYPE_MISMATCH;
  }

  /** {@link #containsOnly} as an outcome: an object field is a type mismatch. */
  static Outcome containsOnlyOutcome(JsonModel m, Object node, Constant c, boolean fold) {
    if (containsOnly(m, node, c, fold)) {
      return Outcome.HOLDS;
    }
    return m.kind(node) == Kind.OBJECT ? Outcome.TYPE_MISMATCH : Outcome.DIFFERENT_SET;
  }

  /** Ordering: numerically, else as instants, else by code point; {@link #INCOMPARABLE} for any other pair. */
  static int compare(JsonModel m, Object node, Constant c) {
    Kind k = m.kind(node);
    if (k == Kind.NUMBER) {
      return c.number == null || !(c.kind == Kind.NUMBER || c.kind == Kind.STRING) ? INCOMPARABLE : compareNumber(m, node, c);
    }
    if (k != Kind.STRING) {
      return INCOMPARABLE;
    }
    String s = m.text(node);
    if (c.number != null) {
      long v = c.isLong ? Numbers.plainLong(s) : Numbers.NONE;
      if (v != Numbers.NONE) {
        return Long.compare(v, c.longValue);
      }
      BigDecimal d = Numbers.parseNumber(s);
      if (d != null) {
        return Integer.signum(d.compareTo(c.number));
      }
    }
    if (c.kind != Kind.STRING) {
      return INCOMPARABLE;
    }
    if (c.instant != null) {
      int r = DateTimes.compareDateTime(s, c.instant);
      if (r != INCOMPARABLE) {
        return r;
      }
    }
    return Integer.signum(CodePoints.compare(s, c.string));
  }

  private static int compareNumber(JsonModel m, Object node, Constant c) {
    if (c.isLong && m.isLong(node)) {
      return Long.compare(m.longValue(node), c.longValue);
    }
    return Integer.signum(m.decimalValue(node).compareTo(c.number));
  }

  /** {@code contains}: substring of a string field, membership (or subset) of an array field. */
  static boolean contains(JsonModel m, Object node, Constant c, boolean fold) {
    Kind k = m.kind(node);
    if (k == Kind.STRING) {
      String s = m.text(node);
      if (c.kind != Kind.ARRAY) {
        return c.containsText != null && contains(s, c.containsText, fold);
      }
      for (Constant e : c.elements) {
        if (e.containsText == null || !contains(s, e.containsText, fold)) {
          return false;
        }
      }
      return true;
    }
    if (k != Kind.ARRAY) {
      return false;
    }
    if (c.kind != Kind.ARRAY) {
      return hasElement(m, node, c, fold);
    }
    for (Constant e : c.elements) {
      if (!hasElement(m, node, e, fold)) {
        return false;
      }
    }
    return true;
  }

  /** {@code containsOnly}: the field's set of values is exactly the fieldValue's. */
  /** Whether {@code text} (folded when {@code fold}) has {@code part} (folded already when {@code fold}) as a substring. */
  static boolean contains(String text, String part, boolean fold) {
    return fold ? CaseFold.indexOf(text, part, 0, text.length()) >= 0 : text.contains(part);
  }

  static boolean containsOnly(JsonModel m, Object node, Constant c, boolean fold) {
    Kind k = m.kind(node);
    if (k == Kind.OBJECT) {
      return false;
    }
    if (k == Kind.ARRAY) {
      int n = m.size(node);
      if (c.kind != Kind.ARRAY) {
        for (int i = 0; i < n; i++) {
          if (!eq(m, m.element(node, i), c, fold)) {
            return false;
          }
        }
        return n > 0;
      }
      for (int i = 0; i < n; i++) {
        Object el = m.element(node, i);
        boolean found = false;
        for (Constant e : c.elements) {
          if (eq(m, el, e, fold)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      for (Constant e : c.elements) {
        if (!hasElement(m, node, e, fold)) {
          return false;
        }
      }
      return true;
    }
    if (c.kind != Kind.ARRAY) {
      return eq(m, node, c, fold);
    }
    for (Constant e : c.elements) {
      if (!eq(m, node, e, fold)) {
        return false;
      }
    }
    return c.elements.length > 0;
  }

  private static boolean hasElement(JsonModel m, Object array, Constant c, boolean fold) {
    int n = m.size(array);
    for (int i = 0; i < n; i++) {
      if (eq(m, m.element(array, i), c, fold)) {
        return true;
      }
    }
    return false;
  }

  /** Deep JSON equality with numbers by value; iterative, so no event depth overflows the stack. */
  static boolean deepEquals(JsonModel m, Object a, Object b) {
    Kind ka = m.kind(a);
    if (ka != Kind.ARRAY && ka != Kind.OBJECT) {
      return ka == m.kind(b) && scalarEquals(m, ka, a, b); // the common case, without a stack
    }
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(a);
    stack.push(b);
    while (!stack.isEmpty()) {
      Object y = stack.pop();
      Object x = stack.pop();
      Kind kx = m.kind(x);
      if (kx != m.kind(y)) {
        return false;
      }
      switch (kx) {
        case NULL:
        case BOOLEAN:
        case NUMBER:
        case STRING:
          if (!scalarEquals(m, kx, x, y)) {
            return false;
          }
          break;
        case ARRAY: {
          int n = m.size(x);
          if (n != m.size(y)) {
            return false;
          }
          for (int i = 0; i < n; i++) {
            stack.push(m.element(x, i));
            stack.push(m.element(y, i));
          }
          break;
        }
        case OBJECT: {
          if (m.size(x) != m.size(y)) {
            return false;
          }
          for (String key : m.keys(x)) {
            Object yv = m.get(y, key);
            if (yv == null) {
              return false;
            }
            stack.push(m.get(x, key));
            stack.push(yv);
          }
          break;
        }
        default:
          throw new AssertionError("unhandled kind");
      }
    }
    return true;
  }

  /** Equality of two scalars of kind {@code k}, numbers by value. */
  private static boolean scalarEquals(JsonModel m, Kind k, Object x, Object y) {
    switch (k) {
      case NULL:
        return true;
      case BOOLEAN:
        return m.booleanValue(x) == m.booleanValue(y);
      case NUMBER:
        return m.isLong(x) && m.isLong(y) ? m.longValue(x) == m.longValue(y) : m.decimalValue(x).compareTo(m.decimalValue(y)) == 0;
      case STRING:
        return m.text(x).equals(m.text(y));
      default:
        throw new AssertionError("not a scalar: " + k);
    }
  }
}
