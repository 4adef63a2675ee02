package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: builds JsonValues tersely. obj("k", v, "k2", v2), arr(v...). */
final class Json {
  private Json() {}

  static JsonValue.Obj obj(Object... kv) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], JsonValue.fromJava(kv[i + 1]));
    }
    return new JsonValue.Obj(m);
  }

  static JsonValue.Arr arr(Object... vs) {
    List<JsonValue> l = new ArrayList<>();
    for (Object v : vs) {
      l.add(JsonValue.fromJava(v));
    }
    return new JsonValue.Arr(l);
  }

  static JsonValue.Obj filter(String field, Object value, String comparison) {
    return obj("fieldName", field, "fieldValue", value, "comparison", comparison);
  }

  static JsonValue.Obj sub(Object... filters) {
    return obj("objCode", "TASK", "eventType", "UPDATE", "filters", arr(filters));
  }
}
