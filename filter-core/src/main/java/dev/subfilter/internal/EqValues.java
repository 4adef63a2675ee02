package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import java.math.BigDecimal;

/**
 * The values {@code eq} postings are filed under: one normalised value per scalar such that {@code
 * eq(node, constant)} implies equal values (the converse need not hold: an index hit is only a candidate).
 *
 * <ul>
 *   <li>numbers, and strings that are exactly a JSON number ({@link Numbers#parseNumber}), by numeric
 *       value: a {@link Long} when the value is an integer that fits a long, else the {@link
 *       BigDecimal} with trailing zeros stripped (so {@code 1}, {@code 1.0}, {@code "1"}, {@code
 *       "1E+0"} share the value {@code 1L});
 *   <li>booleans and the strings {@code "true"}/{@code "false"} by {@link Boolean};
 *   <li>any other string by its text;
 *   <li>JSON null by {@link #NULL} (an {@code in} list may hold null, and {@code eq null} is keyed too).
 * </ul>
 *
 * <p>Folded postings ({@code ignoreCase}) file folded constants the same way and look an event's
 * string up by its folded text ({@link #lookupFolded}): folding changes no number and makes
 * {@code "TRUE"} the boolean's text, so the same values stand.
 *
 * <p>Why that is enough: {@code eq} between a string node and a string constant is text equality,
 * and equal texts get equal values; a number against a number or a numeric string compares by value,
 * and equal numbers get equal canonical values; a boolean matches a boolean or "true"/"false" of the
 * same value; null equals only null. Arrays and objects never equal a scalar constant, so they have no value.
 *
 * <p>Looking up an event node ({@link #lookup}) allocates nothing for strings, booleans, numbers the
 * model reports as longs and integer strings of up to 18 digits; other numbers build their
 * canonical value.
 */
final class EqValues {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The value JSON null is filed under. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private EqValues() {}

  /** The value of a scalar non-null constant, or {@code null} when {@code k} is not one (null, array, object; {@link #NULL} is asked for apart). */
  static Object ofConstant(Constant k) {
    switch (k.kind) {
      case STRING:
        return k.number != null ? ofNumber(k.number) : k.bool != null ? k.bool : k.string; // as ofString reads the text
      case NUMBER:
        return ofNumber(k.number);
      case BOOLEAN:
        return k.bool;
      default:
        return null;
    }
  }

  /** The value of a string: its number, its boolean, or itself. */
  static Object ofString(String s) {
    BigDecimal d = Numbers.parseNumber(s);
    if (d != null) {
      return ofNumber(d);
    }
    if (s.equals("true")) {
      return Boolean.TRUE;
    }
    if (s.equals("false")) {
      return Boolean.FALSE;
    }
    return s;
  }

  /** The canonical value of a number: a Long when it is an integer within long range, else the stripped BigDecimal. */
  static Object ofNumber(BigDecimal d) {
    if (d.signum() == 0) {
      return Long.valueOf(0);
    }
    BigDecimal s = d.stripTrailingZeros();
    // an integer has scale <= 0 once stripped; precision - scale is its number of digits (in long: scale may be huge)
    if (s.scale() <= 0 && (long) s.precision() - s.scale() <= 19
        && s.compareTo(LONG_MIN) >= 0 && s.compareTo(LONG_MAX) <= 0) {
      return Long.valueOf(s.longValueExact());
    }
    return s;
  }

  /**
   * The value {@code map} holds under the eq value of event node {@code node}, or {@code null} (also for
   * arrays and objects, which equal no scalar constant).
   */
  static <V> V lookup(HashTrie<Object, V> map, JsonModel m, Object node) {
    switch (m.kind(node)) {
      case NULL:
        return map.get(NULL);
      case STRING:
        return lookupString(map, m.text(node));
      case NUMBER:
        if (m.isLong(node)) {
          return lookupLong(map, m.longValue(node));
        }
        return map.get(ofNumber(m.decimalValue(node)));
      case BOOLEAN:
        return map.get(m.booleanValue(node) ? Boolean.TRUE : Boolean.FALSE);
      default:
        return null;
    }
  }

  /** {@code map.get(ofString(s))}, without allocating for plain text, booleans and short integers. */
  static <V> V lookupString(HashTrie<Object, V> map, String s) {
    int n = s.length();
    if (n == 0) {
      return map.get(s);
    }
    char c0 = s.charAt(0);
    if (c0 == '-' || (c0 >= '0' && c0 <= '9')) {
      int i = c0 == '-' ? 1 : 0;
      int digits = n - i;
      if (digits >= 1 && digits <= 18 && allDigits(s, i) && (s.charAt(i) != '0' || digits == 1)) {
        long v = 0;
        for (int k = i; k < n; k++) {
          v = v * 10 + (s.charAt(k) - '0');
        }
        return lookupLong(map, c0 == '-' ? -v : v);
      }
      return map.get(ofString(s)); // a longer or non-integer number, or not a number at all (rare)
    }
    if (c0 == 't' && s.equals("true")) {
      return map.get(Boolean.TRUE);
    }
    if (c0 == 'f' && s.equals("false")) {
      return map.get(Boolean.FALSE);
    }
    return map.get(s);
  }

  /** {@link #lookup} of the node with its text folded, for postings of folded values: allocates no more than {@code lookup}. */
  static <V> V lookupFolded(HashTrie<Object, V> map, JsonModel m, Object node) {
    return m.kind(node) == JsonModel.Kind.STRING ? lookupStringFolded(map, m.text(node)) : lookup(map, m, node);
  }

  /** {@code map.get(ofString(CaseFold.fold(s)))}, without building the folded text. */
  static <V> V lookupStringFolded(HashTrie<Object, V> map, String s) {
    int n = s.length();
    if (n > 0) {
      char c0 = s.charAt(0);
      if (c0 == '-' || (c0 >= '0' && c0 <= '9')) {
        int i = c0 == '-' ? 1 : 0;
        int digits = n - i;
        if (digits >= 1 && digits <= 18 && allDigits(s, i) && (s.charAt(i) != '0' || digits == 1)) {
          return lookupString(map, s); // digits have no case
        }
        BigDecimal d = Numbers.parseNumber(s); // folding makes E e, the same number
        if (d != null) {
          return map.get(ofNumber(d));
        }
      } else if ((n == 4 || n == 5) && (c0 == 't' || c0 == 'T' || c0 == 'f' || c0 == 'F')) {
        if (CaseFold.equalsFolded("true", s)) {
          return map.get(Boolean.TRUE);
        }
        if (CaseFold.equalsFolded("false", s)) {
          return map.get(Boolean.FALSE);
        }
      }
    }
    for (HashTrie.Leaf<Object, V> l = map.chain(CaseFold.hash(s)); l != null; l = l.next()) {
      if (l.key() instanceof String k && CaseFold.equalsFolded(k, s)) {
        return l.value();
      }
    }
    return null;
  }

  /** {@code map.get(Long.valueOf(v))} without boxing. */
  static <V> V lookupLong(HashTrie<Object, V> map, long v) {
    HashTrie.Leaf<Object, V> l = map.chain(Long.hashCode(v));
    while (l != null) {
      if (l.key() instanceof Long k && k.longValue() == v) {
        return l.value();
      }
      l = l.next();
    }
    return null;
  }

  private static boolean allDigits(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
