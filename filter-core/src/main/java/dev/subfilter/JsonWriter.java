package dev.subfilter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/** Writes {@link JsonValue}s as compact JSON without recursion, so any depth prints. */
final class JsonWriter {
  private JsonWriter() {}

  static String write(JsonValue root) {
    StringBuilder out = new StringBuilder();
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof String literal) {
        out.append(literal);
      } else if (top instanceof JsonValue.Obj o) {
        out.append('{');
        stack.push("}");
        pushMembers(stack, o.members().entrySet().iterator());
      } else if (top instanceof JsonValue.Arr a) {
        out.append('[');
        stack.push("]");
        for (int i = a.elements().size() - 1; i >= 0; i--) {
          stack.push(a.elements().get(i));
          if (i > 0) {
            stack.push(",");
          }
        }
      } else {
        out.append(top.toString());
      }
    }
    return out.toString();
  }

  private static void pushMembers(Deque<Object> stack, Iterator<Map.Entry<String, JsonValue>> it) {
    Deque<Object> tmp = new ArrayDeque<>();
    boolean first = true;
    while (it.hasNext()) {
      Map.Entry<String, JsonValue> e = it.next();
      if (!first) {
        tmp.push(",");
      }
      first = false;
      tmp.push(quote(e.getKey()) + ":");
      tmp.push(e.getValue());
    }
    while (!tmp.isEmpty()) {
      stack.push(tmp.pop());
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
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
}
