package dev.subfilter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small immutable JSON value: the values a subscription holds ({@code fieldValue}, carried keys).
 * Every kind but {@link Obj} is also a {@link FieldValue} leaf.
 *
 * <p>Numbers are {@link BigDecimal}s and compare by value ({@code 1} equals {@code 1.0}); objects
 * keep their key order for printing but compare as maps. Instances are immutable and thread-safe;
 * no component is ever {@code null} (JSON null is {@link #NULL}).
 */
public sealed interface JsonValue {

  /** JSON {@code null}. */
  JsonValue NULL = new Null();

  /** JSON {@code null}; use {@link #NULL}. */
  record Null() implements JsonValue, FieldValue {
    @Override
    public String toString() {
      return "null";
    }
  }

  /**
   * A JSON boolean.
   *
   * @param value {@code true} or {@code false}
   */
  record Bool(boolean value) implements JsonValue, FieldValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A JSON number; equality is by numeric value.
   *
   * @param value the exact value, scale as written (its {@code toString} is the JSON text)
   */
  record Num(BigDecimal value) implements JsonValue, FieldValue {
    /**
     * A number.
     *
     * @param value the exact value; not {@code null}
     * @throws NullPointerException when {@code value} is {@code null}
     */
    public Num {
      java.util.Objects.requireNonNull(value, "value"); // qualified: FieldValue.Objects is a member here
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num n && n.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
      return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A JSON string.
   *
   * @param value the text, unescaped
   */
  record Str(String value) implements JsonValue, FieldValue {
    /**
     * A string; short ones (16 characters or fewer) are interned.
     *
     * @param value the text, unescaped; not {@code null}
     * @throws NullPointerException when {@code value} is {@code null}
     */
    public Str {
      java.util.Objects.requireNonNull(value, "value"); // qualified: FieldValue.Objects is a member here
      if (value.length() <= 16) {
        value = value.intern(); // statuses, regions, codes: thousands of subscriptions share a few short values
      }
    }

    @Override
    public String toString() {
      return JsonWriter.quote(value);
    }
  }

  /**
   * A JSON array; the list is an unmodifiable copy.
   *
   * @param elements the elements in order, possibly none
   */
  record Arr(List<JsonValue> elements) implements JsonValue, FieldValue {
    /**
     * An array; {@code elements} is copied.
     *
     * @param elements the elements in order; not {@code null}, nor any of them (JSON null is {@link #NULL})
     * @throws NullPointerException when {@code elements} or an element is {@code null}
     */
    public Arr {
      elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
      return JsonWriter.write(this);
    }
  }

  /**
   * A JSON object; the map is an unmodifiable copy that keeps insertion order.
   *
   * @param members the members by name, in insertion order, possibly none
   */
  record Obj(Map<String, JsonValue> members) implements JsonValue {
    /**
     * An object; {@code members} is copied in its iteration order.
     *
     * @param members the members by name; not {@code null}, nor any key or value (JSON null is
     *     {@link #NULL})
     * @throws NullPointerException when {@code members}, a key or a value is {@code null}
     */
    public Obj {
      members = SmallMap.copyOf(members);
    }

    /**
     * The member named {@code key}, or {@code null} when there is none.
     *
     * @param key the member name, exact
     * @return the member's value ({@link #NULL} for a JSON null), or {@code null} when absent
     */
    public JsonValue get(String key) {
      return members.get(key);
    }

    @Override
    public String toString() {
      return JsonWriter.write(this);
    }
  }

  /**
   * A string value.
   *
   * @param s the text; not {@code null}
   * @return a {@link Str}
   * @throws NullPointerException when {@code s} is {@code null}
   */
  static JsonValue of(String s) {
    return new Str(s);
  }

  /**
   * A number value.
   *
   * @param n the number
   * @return a {@link Num}
   */
  static JsonValue of(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  /**
   * A boolean value.
   *
   * @param b the boolean
   * @return a {@link Bool}
   */
  static JsonValue of(boolean b) {
    return new Bool(b);
  }

  /**
   * Converts plain Java data ({@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code
   * Number}, {@code Boolean}, {@code null}, or a {@code JsonValue}) to a {@code JsonValue}.
   * Collections are copied (deeply); a {@code JsonValue} is returned as is.
   *
   * @param value the data, possibly {@code null}
   * @return the value; {@link #NULL} for {@code null}, never {@code null}
   * @throws IllegalArgumentException for any other type, a non-string (or {@code null}) map key or
   *     a non-finite number
   */
  static JsonValue fromJava(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof JsonValue v) {
      return v;
    }
    if (value instanceof String s) {
      return new Str(s);
    }
    if (value instanceof Boolean b) {
      return new Bool(b);
    }
    if (value instanceof Number n) {
      return new Num(JavaJsonModel.decimal(n));
    }
    if (value instanceof Map<?, ?> m) {
      LinkedHashMap<String, JsonValue> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException("map key " + e.getKey() + " is not a string");
        }
        out.put(k, fromJava(e.getValue()));
      }
      return new Obj(out);
    }
    if (value instanceof List<?> l) {
      List<JsonValue> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(fromJava(o));
      }
      return new Arr(out);
    }
    throw new IllegalArgumentException("cannot convert " + value.getClass().getName() + " to JSON");
  }

  /**
   * Converts to plain Java data: {@code LinkedHashMap}, {@code ArrayList}, String, BigDecimal, Boolean, null.
   *
   * @return new, modifiable collections for objects and arrays; {@code null} for {@link #NULL}
   */
  default Object toJava() {
    if (this instanceof Str s) {
      return s.value();
    }
    if (this instanceof Num n) {
      return n.value();
    }
    if (this instanceof Bool b) {
      return b.value();
    }
    if (this instanceof Arr a) {
      List<Object> out = new ArrayList<>(a.elements().size());
      a.elements().forEach(e -> out.add(e.toJava()));
      return out;
    }
    if (this instanceof Obj o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.members().forEach((k, v) -> out.put(k, v.toJava()));
      return out;
    }
    return null;
  }

  /**
   * A short description for error messages: the JSON type and, for scalars, the value.
   *
   * @return e.g. {@code the string "CPL"}, {@code the number 2}, {@code an object} or {@code null};
   *     strings are cut to 60 characters
   */
  default String describe() {
    if (this instanceof Obj) {
      return "an object";
    }
    if (this instanceof Arr) {
      return "an array";
    }
    if (this instanceof Str s) {
      String q = JsonWriter.quote(s.value());
      return "the string " + (q.length() > 60 ? q.substring(0, 57) + "...\"" : q);
    }
    if (this instanceof Num n) {
      return "the number " + n;
    }
    if (this instanceof Bool b) {
      return "the boolean " + b;
    }
    return "null";
  }
}
