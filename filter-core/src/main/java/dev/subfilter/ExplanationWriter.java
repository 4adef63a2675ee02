package dev.subfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How an {@link Explanation}'s nodes are written: as marked text lines and as JSON. */
final class ExplanationWriter {
  private ExplanationWriter() {}

  static String mark(Explanation.Style style, boolean ok) {
    return style.mark(ok, ok ? "pass" : "FAIL") + "  ";
  }

  static void node(List<String> out, Explanation.Style style, Explanation.Node n, String indent, boolean root) {
    StringBuilder b = new StringBuilder(indent).append(mark(style, n.result()));
    if (root) {
      b.append(n.description());
      if (!n.result()) {
        b.append(": ").append(n.message());
      }
    } else {
      b.append(n.pointer()).append("  ").append(n.description());
    }
    out.add(b.toString());
    String more = indent + "      ";
    if (n instanceof Explanation.Condition c) {
      if (!c.seen().isEmpty()) {
        StringBuilder saw = new StringBuilder(more).append(style.label("saw")).append(' ');
        for (int i = 0; i < c.seen().size(); i++) {
          saw.append(i == 0 ? "" : ", ").append(c.seen().get(i).describe());
        }
        out.add(saw.toString());
      }
      if (!c.result()) {
        out.add(more + style.label("why:") + " " + c.message());
      }
    } else if (n instanceof Explanation.Group g) {
      if (!root && !g.result()) {
        out.add(more + style.label("why:") + " " + g.message());
      }
      for (Explanation.Node child : g.children()) {
        node(out, style, child, indent + "  ", false);
      }
    }
  }

  static JsonValue nodeJson(Explanation.Node n) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("pointer", JsonValue.of(n.pointer()));
    m.put("description", JsonValue.of(n.description()));
    m.put("result", JsonValue.of(n.result()));
    if (!n.result()) {
      m.put("reason", JsonValue.of(n.reason().token()));
      m.put("message", JsonValue.of(n.message()));
    }
    if (n instanceof Explanation.Condition c) {
      List<JsonValue> seen = new ArrayList<>();
      for (Explanation.Seen s : c.seen()) {
        Map<String, JsonValue> v = new LinkedHashMap<>();
        v.put("state", JsonValue.of(s.state().token()));
        v.put("path", JsonValue.of(s.path()));
        v.put("presence", JsonValue.of(s.presence().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        if (s.value() != null) {
          v.put("value", s.value());
        }
        seen.add(new JsonValue.Obj(v));
      }
      m.put("seen", new JsonValue.Arr(seen));
    } else if (n instanceof Explanation.Group g) {
      m.put("connector", JsonValue.of(g.connector().name()));
      List<JsonValue> children = new ArrayList<>();
      g.children().forEach(c -> children.add(nodeJson(c)));
      m.put("children", new JsonValue.Arr(children));
    }
    return new JsonValue.Obj(m);
  }
}
