package dev.subfilter.jackson;

import dev.subfilter.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON documents as plain Java data (LinkedHashMap, ArrayList, String, BigDecimal, Boolean, null)
 * that may also hold {@link Raw} tokens written verbatim (numbers no JsonValue can hold, such as
 * {@code 1e2147483648}, or broken text); a writer for them; and the mutations the robustness
 * properties apply. Test support.
 */
final class JsonText {
  private JsonText() {}

  /** Text written as is. */
  record Raw(String text) {
    @Override
    public String toString() {
      return text.length() > 80 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }
  }

  /** A duplicate of a key: written as a second member with the same name. */
  record Duplicate(String key, Object value) {}

  /** Mutable Java data of a JsonValue. */
  static Object data(JsonValue v) {
    return v.toJava();
  }

  /** Writes {@code data} as JSON text, without recursion (any depth). */
  static String write(Object root) {
    StringBuilder out = new StringBuilder();
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(root == null ? new Raw("null") : root);
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof Raw r) {
        out.append(r.text());
      } else if (top instanceof Duplicate d) { // a duplicated member moved out of its object: just its value
        stack.push(d.value() == null ? new Raw("null") : d.value());
      } else if (top instanceof String s) {
        out.append(quote(s));
      } else if (top instanceof BigDecimal d) {
        out.append(d.toString());
      } else if (top instanceof Number || top instanceof Boolean) {
        out.append(top);
      } else if (top instanceof Map<?, ?> m) {
        out.append('{');
        List<Object> parts = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          Object value = e.getValue();
          String key = (String) e.getKey();
          List<Object> values = new ArrayList<>();
          if (value instanceof Duplicate d) {
            values.add(d.value());
            values.add(d.value());
          } else {
            values.add(value);
          }
          for (Object v : values) {
            parts.add(new Raw((first ? "" : ",") + quote(key) + ":"));
            parts.add(v == null ? new Raw("null") : v);
            first = false;
          }
        }
        parts.add(new Raw("}"));
        for (int i = parts.size() - 1; i >= 0; i--) {
          stack.push(parts.get(i));
        }
      } else if (top instanceof List<?> l) {
        out.append('[');
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            parts.add(new Raw(","));
          }
          parts.add(l.get(i) == null ? new Raw("null") : l.get(i));
        }
        parts.add(new Raw("]"));
        for (int i = parts.size() - 1; i >= 0; i--) {
          stack.push(parts.get(i));
        }
      } else {
        throw new IllegalArgumentException("cannot write " + top.getClass());
      }
    }
    return out.toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A slot of a document: a member of an object or an element of an array. */
  record Slot(Object container, Object keyOrIndex) {}

  /** Every slot of {@code root}, depth first. */
  static List<Slot> slots(Object root) {
    List<Slot> out = new ArrayList<>();
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof Map<?, ?> m) {
        for (Object k : m.keySet()) {
          out.add(new Slot(m, k));
          stack.push(m.get(k) == null ? "" : m.get(k));
        }
      } else if (top instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          out.add(new Slot(l, i));
          stack.push(l.get(i) == null ? "" : l.get(i));
        }
      }
    }
    return out;
  }

  /** What a mutation does to a slot. */
  enum Mutation { REPLACE, REMOVE, DUPLICATE_KEY, ADD_UNKNOWN_KEY, WRAP_IN_ARRAY, WRAP_IN_OBJECT }

  /**
   * Applies {@code mutation} with {@code replacement} to slot number {@code index} (modulo the
   * number of slots; the root itself when there are none) of {@code root}, returning the new root.
   */
  @SuppressWarnings("unchecked")
  static Object mutate(Object root, int index, Mutation mutation, Object replacement) {
    List<Slot> slots = slots(root);
    if (slots.isEmpty()) {
      return replacement;
    }
    Slot slot = slots.get(Math.floorMod(index, slots.size()));
    if (slot.container() instanceof Map<?, ?> raw) {
      Map<String, Object> m = (Map<String, Object>) raw;
      String key = (String) slot.keyOrIndex();
      Object old = m.get(key);
      switch (mutation) {
        case REPLACE -> m.put(key, replacement);
        case REMOVE -> m.remove(key);
        case DUPLICATE_KEY -> m.put(key, new Duplicate(key, old));
        case ADD_UNKNOWN_KEY -> m.put(key + "X", replacement);
        case WRAP_IN_ARRAY -> m.put(key, new ArrayList<>(java.util.Arrays.asList(old)));
        case WRAP_IN_OBJECT -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put(key, old);
          m.put(key, o);
        }
      }
    } else {
      List<Object> l = (List<Object>) slot.container();
      int i = (Integer) slot.keyOrIndex();
      switch (mutation) {
        case REMOVE -> l.remove(i);
        case DUPLICATE_KEY, ADD_UNKNOWN_KEY -> l.add(i, replacement);
        case WRAP_IN_ARRAY -> l.set(i, new ArrayList<>(java.util.Arrays.asList(l.get(i))));
        case WRAP_IN_OBJECT -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("filters", l.get(i));
          l.set(i, o);
        }
        default -> l.set(i, replacement);
      }
    }
    return root;
  }

  /** Base64 of a JSON text, in one of four styles: padded, unpadded, MIME line breaks, LF line breaks. */
  static String base64(String json, int style) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return switch (Math.floorMod(style, 4)) {
      case 0 -> Base64.getEncoder().encodeToString(bytes);
      case 1 -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
      case 2 -> Base64.getMimeEncoder().encodeToString(bytes);
      default -> Base64.getMimeEncoder(20, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    };
  }

  /** A short description of a thrown error for assertion messages (no giant messages). */
  static String describe(Throwable t) {
    String m = String.valueOf(t.getMessage());
    StringBuilder b = new StringBuilder(t.getClass().getName()).append(": ")
        .append(m.length() > 300 ? m.substring(0, 300) + "..." : m);
    Iterator<StackTraceElement> it = List.of(t.getStackTrace()).iterator();
    for (int i = 0; i < 12 && it.hasNext(); i++) {
      b.append("\n    at ").append(it.next());
    }
    return b.toString();
  }
}
