package dev.subfilter.internal;

import dev.subfilter.JsonValue;
import dev.subfilter.Limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** Not API. The rules for an object {@code fieldValue}: keyword forms {@code fields} and {@code objects}, or a bare object. */
public final class NestedValue {
  private NestedValue() {}

  /** The keyword of a keyword-form object ({@code "fields"} or {@code "objects"}), or {@code null} for a bare object. */
  public static String keyword(JsonValue.Obj o) {
    if (o.members().size() == 1) {
      String k = o.members().keySet().iterator().next();
      if (k.equals("fields") || k.equals("objects")) {
        return k;
      }
    }
    return null;
  }

  /** The keys that a nested value constrains: the keyword's object, or the bare object itself. */
  public static Map<String, JsonValue> members(JsonValue.Obj o) {
    String k = keyword(o);
    return k == null ? o.members() : ((JsonValue.Obj) o.get(k)).members();
  }

  /**
   * What no compiled filter can hold anywhere in a fieldValue (a bad nested shape, a number too
   * long to write out), or {@code null}; the parser reports the same with pointers first.
   */
  public static String problem(JsonValue root) {
    Deque<Map.Entry<JsonValue, Boolean>> stack = new ArrayDeque<>();
    stack.push(Map.entry(root, Boolean.TRUE));
    while (!stack.isEmpty()) {
      Map.Entry<JsonValue, Boolean> top = stack.pop();
      JsonValue v = top.getKey();
      if (v instanceof JsonValue.Num n && Text.plainLength(n.value()) > Limits.MAX_STRING_LENGTH) {
        return "the number " + n + " has more than " + Limits.MAX_STRING_LENGTH + " characters written out";
      }
      if (v instanceof JsonValue.Obj o && top.getValue()) {
        String shape = shapeProblem(o);
        if (shape != null) {
          return shape;
        }
        members(o).values().forEach(c -> stack.push(Map.entry(c, Boolean.TRUE)));
      } else if (v instanceof JsonValue.Obj o) {
        o.members().values().forEach(c -> stack.push(Map.entry(c, Boolean.FALSE)));
      } else if (v instanceof JsonValue.Arr a) {
        a.elements().forEach(c -> stack.push(Map.entry(c, Boolean.FALSE)));
      }
    }
    return null;
  }

  /** What is wrong with this level of a nested value, or {@code null}. */
  public static String shapeProblem(JsonValue.Obj o) {
    if (o.members().isEmpty()) {
      return "an empty object matches nothing; give the keys to match, e.g. {\"fields\": {\"key\": \"value\"}}";
    }
    String k = keyword(o);
    if (k == null) {
      return null;
    }
    JsonValue inner = o.get(k);
    if (!(inner instanceof JsonValue.Obj io)) {
      return "\"" + k + "\" must hold an object of keys to match, found " + inner.describe();
    }
    if (io.members().isEmpty()) {
      return "\"" + k + "\" holds an empty object; give the keys to match";
    }
    return null;
  }
}
