package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A definite JSONPath made only of member names and array indexes ({@code $.issue.id}, {@code
 * $['data']['object']}, {@code $.commits[0]}), walked directly on the tree. Jayway parses every
 * path; this is what its normalized form of the commonest paths compiles to, so that reading an
 * event does not pay Jayway's per-call evaluation context for a chain of lookups.
 * {@code SimplePathProperties} checks that it answers as Jayway does. Immutable.
 */
final class SimplePath {
  /** Each step: a {@link String} member name or an {@link Integer} index (negative from the end). */
  private final Object[] steps;

  private SimplePath(Object[] steps) {
    this.steps = steps;
  }

  /**
   * The walk of a normalized Jayway path such as {@code $['a']['b'][0]}, or {@code null} when it
   * has any other kind of step (wildcards, filters, slices, several names, functions, deep scan)
   * or a name with a quote or backslash.
   */
  static SimplePath of(String normalized) {
    if (!normalized.startsWith("$")) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    int i = 1;
    int n = normalized.length();
    while (i < n) {
      if (normalized.charAt(i) != '[' || i + 1 >= n) {
        return null;
      }
      if (normalized.charAt(i + 1) == '\'') {
        int end = normalized.indexOf('\'', i + 2);
        if (end < 0 || end + 1 >= n || normalized.charAt(end + 1) != ']') {
          return null;
        }
        String name = normalized.substring(i + 2, end);
        if (name.indexOf('\\') >= 0) {
          return null;
        }
        out.add(name);
        i = end + 2;
      } else {
        int end = normalized.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        String index = normalized.substring(i + 1, end);
        if (!index.matches("-?[0-9]{1,9}")) {
          return null;
        }
        out.add(Integer.valueOf(index));
        i = end + 1;
      }
    }
    return new SimplePath(out.toArray());
  }

  /** The node at this path, or {@code null} when some step finds nothing. */
  JsonNode read(JsonNode root) {
    JsonNode n = root;
    for (Object step : steps) {
      if (step instanceof String name) {
        if (!n.isObject()) {
          return null;
        }
        n = n.get(name);
      } else {
        if (!n.isArray()) {
          return null;
        }
        int i = (Integer) step;
        n = n.get(i < 0 ? n.size() + i : i);
      }
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** The JSON Pointer of this path ({@code /issue/id}), for messages; {@code ""} when it counts from an array's end. */
  String pointer() {
    StringBuilder b = new StringBuilder();
    for (Object step : steps) {
      b.append('/');
      if (step instanceof String name) {
        b.append(name.replace("~", "~0").replace("/", "~1"));
      } else if ((Integer) step < 0) {
        return "";
      } else {
        b.append(step);
      }
    }
    return b.toString();
  }
}
