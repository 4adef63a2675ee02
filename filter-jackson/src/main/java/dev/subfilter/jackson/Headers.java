package dev.subfilter.jackson;

import java.util.List;
import java.util.Map;

/** Case-insensitive header lookup over the common {@code Map<String, List<String>>} form. */
final class Headers {
  private Headers() {}

  /** The first value of header {@code name} (any case), or {@code null}. */
  static String first(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
