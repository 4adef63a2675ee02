package dev.subfilter.internal;

import dev.subfilter.JsonValue;

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
