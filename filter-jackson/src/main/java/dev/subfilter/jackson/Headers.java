package dev.subfilter.jackson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Request headers in the form {@link Adapter#read} takes, {@code Map<String, List<String>>}: names
 * compare case-insensitively and the first value of a header counts. The JDK's {@code HttpServer}
 * gives such a map ({@code exchange.getRequestHeaders()}); {@link #of} adapts the single-valued maps
 * other frameworks give (Spring's {@code @RequestHeader Map<String, String>}, a servlet request's
 * headers copied into a map). Stateless.
 */
public final class Headers {
  private Headers() {}

  /**
   * The multi-valued form of single-valued headers. Names that differ only in case ({@code
   * Callback-Secret} and {@code callback-secret}) become one header under the first spelling, its
   * values in the map's iteration order, the way a repeated HTTP header is read.
   *
   * @param headers header names to values; not {@code null}, no {@code null} name or value
   * @return an unmodifiable map, each name's values in an unmodifiable list, in the map's
   *     iteration order
   * @throws NullPointerException when {@code headers}, a name or a value is {@code null}
   */
  public static Map<String, List<String>> of(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers");
    Map<String, String> spelling = new LinkedHashMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      Objects.requireNonNull(name, "headers: a null header name");
      Objects.requireNonNull(value, () -> "headers: a null value for " + name);
      String key = name.toLowerCase(Locale.ROOT);
      spelling.putIfAbsent(key, name);
      values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    });
    Map<String, List<String>> out = new LinkedHashMap<>();
    values.forEach((key, v) -> out.put(spelling.get(key), List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

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
