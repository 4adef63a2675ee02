package dev.subfilter;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The semantics table, written as plainly as possible over {@link JsonValue} states, for
 * differential testing of the compiler. It shares no code with {@code internal}: regular
 * expressions and java.time parse here what hand-written scanners parse there; {@code like} is a
 * table of prefixes here where the engine matches literal runs; {@code ignoreCase} folds both
 * sides' strings into new values here, where the engine compares folded chars in place.
 */
public final class ReferenceInterpreter {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter().withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private ReferenceInterpreter() {}

  /** An event: eventType, vendor name, objCode, objId (text or null), newState, oldState (null when unknown). */
  public record RefEvent(String eventType, String name, String objCode, String objId, JsonValue.Obj newState, JsonValue.Obj oldState) {
    /** The Workfront derivation: objCode and ID from newState, else oldState. */
    public static RefEvent workfront(String eventType, JsonValue.Obj newState, JsonValue.Obj oldState) {
      JsonValue code = pick(newState, oldState, "objCode");
      JsonValue id = pick(newState, oldState, "ID");
      String objId = id instanceof JsonValue.Str s ? s.value() : id instanceof JsonValue.Num n ? plain(n.value()) : null;
      return new RefEvent(eventType, eventType, code instanceof JsonValue.Str s ? s.value() : null, objId, newState, oldState);
    }

    private static JsonValue pick(JsonValue.Obj n, JsonValue.Obj o, String key) {
      JsonValue v = n.get(key);
      if ((v == null || v instanceof JsonValue.Null) && o != null) {
        v = o.get(key);
      }
      return v;
    }
  }

  public static boolean matches(Subscription s, RefEvent e) {
    boolean canonical = List.of("CREATE", "UPDATE", "DELETE").contains(s.eventType());
    if (!s.eventType().equals(canonical ? e.eventType() : e.name()) || !s.objCode().equals(e.objCode())) {
      return false;
    }
    if (s.objId() != null && !s.objId().equals(e.objId())) {
      return false;
    }
    return all(s.filterConnector(), s.filters(), e);
  }

  static boolean all(Connector c, List<Filter> filters, RefEvent e) {
    if (filters.isEmpty()) {
      return true;
    }
    boolean and = c == Connector.AND;
    for (Filter f : filters) {
      boolean r = filter(f, e);
      if (and && !r) {
        return false;
      }
      if (!and && r) {
        return true;
      }
    }
    return and;
  }

  public static boolean filter(Filter f, RefEvent e) {
    if (f instanceof Filter.Group g) {
      return all(g.connector(), g.filters(), e);
    }
    Filter.Condition c = (Filter.Condition) f;
    if (c.comparison() == Operator.CHANGED) {
      if (e.oldState() == null) {
        return false;
      }
      JsonValue now = lookup(e.newState(), c.fieldName());
      JsonValue before = lookup(e.oldState(), c.fieldName());
      if (now == null && before == null) {
        return false;
      }
      return now == null || before == null || !now.equals(before);
    }
    JsonValue.Obj state = c.state() == State.NEW_STATE ? e.newState() : e.oldState();
    if (state == null) {
      return false;
    }
    JsonValue field = lookup(state, c.fieldName());
    if (c.comparison() == Operator.EXISTS) {
      return field != null;
    }
    if (c.comparison() == Operator.NOT_EXISTS) {
      return field == null;
    }
    if (field == null) {
      return false;
    }
    JsonValue value = c.fieldValue().toJson();
    if (c.ignoreCase()) {
      // ignoreCase is the same comparison on both sides' strings folded
      field = fold(field);
      value = fold(value);
    }
    return compare(c.comparison(), field, value);
  }

  /** Every string in {@code v} (not object keys) folded code point by code point: toLowerCase(toUpperCase(cp)). */
  public static JsonValue fold(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      StringBuilder b = new StringBuilder();
      s.value().codePoints().map(cp -> Character.toLowerCase(Character.toUpperCase(cp))).forEach(b::appendCodePoint);
      return new JsonValue.Str(b.toString());
    }
    if (v instanceof JsonValue.Arr a) {
      return new JsonValue.Arr(a.elements().stream().map(ReferenceInterpreter::fold).toList());
    }
    if (v instanceof JsonValue.Obj o) {
      Map<String, JsonValue> out = new java.util.LinkedHashMap<>();
      o.members().forEach((k, x) -> out.put(k, fold(x)));
      return new JsonValue.Obj(out);
    }
    return v;
  }

  static JsonValue lookup(JsonValue.Obj state, String name) {
    JsonValue v = state.get(name);
    if (v == null && name.startsWith("DE:") && state.get("parameterValues") instanceof JsonValue.Obj pv) {
      v = pv.get(name);
    }
    return v;
  }

  /** One present field against a fieldValue; nested object fieldValues descend. */
  static boolean compare(Operator op, JsonValue field, JsonValue value) {
    if (value instanceof JsonValue.Obj o) {
      boolean objects = o.members().size() == 1 && o.members().containsKey("objects");
      boolean fields = o.members().size() == 1 && o.members().containsKey("fields");
      JsonValue.Obj keys = objects || fields ? (JsonValue.Obj) o.get(objects ? "objects" : "fields") : o;
      if (objects) {
        if (!(field instanceof JsonValue.Arr a)) {
          return false;
        }
        for (JsonValue el : a.elements()) {
          if (allKeys(op, el, keys)) {
            return true;
          }
        }
        return false;
      }
      return allKeys(op, field, keys);
    }
    switch (op) {
      case EQ:
        return eq(field, value);
      case NE:
        return !eq(field, value);
      case GT:
        return order(field, value) == 1;
      case GTE:
        return order(field, value) == 1 || order(field, value) == 0;
      case LT:
        return order(field, value) == -1;
      case LTE:
        return order(field, value) == -1 || order(field, value) == 0;
      case CONTAINS:
        return contains(field, value);
      case NOT_CONTAINS:
        return !contains(field, value);
      case CONTAINS_ONLY:
        return containsOnly(field, value);
      case STARTS_WITH:
        return strings(field).stream().anyMatch(x -> x.startsWith(((JsonValue.Str) value).value()));
      case ENDS_WITH:
        return strings(field).stream().anyMatch(x -> x.endsWith(((JsonValue.Str) value).value()));
      case LIKE:
        return strings(field).stream().anyMatch(x -> like(x, ((JsonValue.Str) value).value()));
      case IN:
        return in(field, (JsonValue.Arr) value);
      case NOT_IN:
        return !in(field, (JsonValue.Arr) value);
      default:
        throw new AssertionError(op);
    }
  }

  /** The strings a string operator looks at: the field's string, or an array's string elements. */
  static List<String> strings(JsonValue field) {
    if (field instanceof JsonValue.Str s) {
      return List.of(s.value());
    }
    if (field instanceof JsonValue.Arr a) {
      return a.elements().stream().filter(e -> e instanceof JsonValue.Str).map(e -> ((JsonValue.Str) e).value()).toList();
    }
    return List.of();
  }

  /** A scalar eq one of the list; an array: some element does. */
  static boolean in(JsonValue field, JsonValue.Arr list) {
    if (field instanceof JsonValue.Arr a) {
      return a.elements().stream().anyMatch(x -> list.elements().stream().anyMatch(v -> eq(x, v)));
    }
    return list.elements().stream().anyMatch(v -> eq(field, v));
  }

  /**
   * Whether {@code s} matches the like pattern as a whole ({@code *} any run of chars, {@code \*}
   * a star, {@code \\} a backslash): the pattern's tokens against every prefix of {@code s}.
   */
  static boolean like(String s, String pattern) {
    List<Integer> tokens = new java.util.ArrayList<>(); // a char, or -1 for a star
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        tokens.add((int) pattern.charAt(++i));
      } else {
        tokens.add(c == '*' ? -1 : (int) c);
      }
    }
    boolean[] prefixes = new boolean[s.length() + 1]; // prefixes[j]: the tokens so far match s[0, j)
    prefixes[0] = true;
    for (int token : tokens) {
      boolean[] next = new boolean[s.length() + 1];
      for (int j = 0; j <= s.length(); j++) {
        next[j] = token == -1 ? prefixes[j] || (j > 0 && next[j - 1]) : j > 0 && prefixes[j - 1] && s.charAt(j - 1) == token;
      }
      prefixes = next;
    }
    return prefixes[s.length()];
  }

  private static boolean allKeys(Operator op, JsonValue field, JsonValue.Obj keys) {
    if (!(field instanceof JsonValue.Obj fo)) {
      return false;
    }
    for (Map.Entry<String, JsonValue> k : keys.members().entrySet()) {
      JsonValue child = fo.get(k.getKey());
      if (child == null || !compare(op, child, k.getValue())) {
        return false;
      }
    }
    return true;
  }

  static boolean eq(JsonValue a, JsonValue b) {
    if (a instanceof JsonValue.Arr x && b instanceof JsonValue.Arr y) {
      if (x.elements().size() != y.elements().size()) {
        return false;
      }
      for (int i = 0; i < x.elements().size(); i++) {
        if (!eq(x.elements().get(i), y.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonValue.Obj x && b instanceof JsonValue.Obj y) {
      if (!x.members().keySet().equals(y.members().keySet())) {
        return false;
      }
      for (String k : x.members().keySet()) {
        if (!eq(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass() == b.getClass()) {
      return a.equals(b); // Num compares by value
    }
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if ((a instanceof JsonValue.Num || b instanceof JsonValue.Num) && na != null && nb != null) {
      return na.compareTo(nb) == 0;
    }
    if (a instanceof JsonValue.Bool x && b instanceof JsonValue.Str y) {
      return y.value().equals(String.valueOf(x.value()));
    }
    if (a instanceof JsonValue.Str x && b instanceof JsonValue.Bool y) {
      return x.value().equals(String.valueOf(y.value()));
    }
    return false;
  }

  /** -1, 0, 1, or 2 when the pair does not order. */
  static int order(JsonValue a, JsonValue b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      return Integer.signum(na.compareTo(nb));
    }
    if (a instanceof JsonValue.Str x && b instanceof JsonValue.Str y) {
      OffsetDateTime dx = dateTime(x.value());
      OffsetDateTime dy = dateTime(y.value());
      if (dx != null && dy != null) {
        return Integer.signum(dx.toInstant().compareTo(dy.toInstant()));
      }
      int[] cx = x.value().codePoints().toArray();
      int[] cy = y.value().codePoints().toArray();
      return Integer.signum(java.util.Arrays.compare(cx, cy));
    }
    return 2;
  }

  static boolean contains(JsonValue field, JsonValue value) {
    if (field instanceof JsonValue.Str s) {
      if (value instanceof JsonValue.Arr a) {
        return a.elements().stream().allMatch(v -> text(v) != null && s.value().contains(text(v)));
      }
      return text(value) != null && s.value().contains(text(value));
    }
    if (field instanceof JsonValue.Arr a) {
      if (value instanceof JsonValue.Arr want) {
        return want.elements().stream().allMatch(w -> a.elements().stream().anyMatch(x -> eq(x, w)));
      }
      return a.elements().stream().anyMatch(x -> eq(x, value));
    }
    return false;
  }

  static boolean containsOnly(JsonValue field, JsonValue value) {
    List<JsonValue> have = field instanceof JsonValue.Arr a ? a.elements() : List.of(field);
    List<JsonValue> want = value instanceof JsonValue.Arr a ? a.elements() : List.of(value);
    if (field instanceof JsonValue.Obj) {
      return false;
    }
    if (!(field instanceof JsonValue.Arr) && !(value instanceof JsonValue.Arr)) {
      return eq(field, value);
    }
    if (!(field instanceof JsonValue.Arr) || !(value instanceof JsonValue.Arr)) {
      // one side a scalar: the other side's set is exactly that one value
      if (have.isEmpty() || want.isEmpty()) {
        return false;
      }
    }
    return have.stream().allMatch(h -> want.stream().anyMatch(w -> eq(h, w)))
        && want.stream().allMatch(w -> have.stream().anyMatch(h -> eq(h, w)));
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      return s.value();
    }
    if (v instanceof JsonValue.Num n) {
      return plain(n.value());
    }
    if (v instanceof JsonValue.Bool b) {
      return String.valueOf(b.value());
    }
    return null;
  }

  static BigDecimal number(JsonValue v) {
    if (v instanceof JsonValue.Num n) {
      return n.value();
    }
    if (v instanceof JsonValue.Str s && s.value().length() <= 1000 && JSON_NUMBER.matcher(s.value()).matches()) {
      try {
        return new BigDecimal(s.value());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static OffsetDateTime dateTime(String s) {
    if (!DATE_TIME.matcher(s).matches()) {
      return null;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s, FORMAT);
      return Math.abs(t.getOffset().getTotalSeconds()) <= 18 * 3600 ? t : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

}
