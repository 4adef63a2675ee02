package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled part of a mapping: where a value of the canonical event comes from. Built once by
 * {@link MappingReader} (every JSONPath and pattern compiled there), evaluated per delivery. A
 * value is <em>missing</em> ({@code null}) when its source has nothing there, or JSON null.
 * Immutable and thread-safe.
 */
sealed interface Value {

  /** The value for this delivery, or {@code null} when missing. */
  JsonNode eval(Input d);

  /** What it reads, for messages: {@code $.issue.id}, {@code header X-GitHub-Event}. */
  String describe();

  /** A JSON Pointer into the body where it reads, or {@code ""} when it is not one place. */
  default String pointer() {
    return "";
  }

  /** What a value is evaluated against: one delivery's body tree and headers, and the new state once known. */
  final class Input {
    final JsonNode root;
    final Map<String, List<String>> headers;
    JsonNode newState;

    Input(JsonNode root, Map<String, List<String>> headers) {
      this.root = root;
      this.headers = headers;
    }

    /** The first value of a header, names compared case-insensitively; {@code null} when absent. */
    String header(String name) {
      return header(headers, name);
    }

    static String header(Map<String, List<String>> headers, String name) {
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

  /** JSON null and Jackson's missing node are missing. */
  private static JsonNode present(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /**
   * {@code {"path": "$.issue.id"}}: a JSONPath on the body. A definite path of names and indexes
   * is walked directly ({@link SimplePath}); any other is evaluated by Jayway, and an indefinite
   * one yields the array of its matches (missing when it matches nothing).
   */
  record Path(String expr, JsonPath compiled, SimplePath simple, Configuration conf, ObjectMapper mapper) implements Value {
    @Override
    public JsonNode eval(Input d) {
      if (simple != null) {
        return present(simple.read(d.root));
      }
      Object r = compiled.read(d.root, conf);
      JsonNode n = r == null ? null : r instanceof JsonNode j ? j : mapper.valueToTree(r);
      if (n != null && n.isArray() && n.isEmpty() && !compiled.isDefinite()) {
        return null;
      }
      return present(n);
    }

    @Override
    public String describe() {
      return expr;
    }

    @Override
    public String pointer() {
      return simple == null ? "" : simple.pointer();
    }
  }

  /** {@code {"header": "X-GitHub-Event"}}: a request header's first value. */
  record Header(String name) implements Value {
    @Override
    public JsonNode eval(Input d) {
      String v = d.header(name);
      return v == null ? null : TextNode.valueOf(v);
    }

    @Override
    public String describe() {
      return "header " + name;
    }
  }

  /** {@code {"const": ...}}: a JSON value. */
  record Const(JsonNode value) implements Value {
    @Override
    public JsonNode eval(Input d) {
      return present(value);
    }

    @Override
    public String describe() {
      return "the constant " + value;
    }
  }

  /**
   * {@code {"template": "{header:X-GitHub-Event}.{$.action}"}}: text and the scalars of headers
   * and JSONPaths, joined; missing when any piece is missing or not a scalar.
   */
  record Template(String text, List<Value> pieces) implements Value {
    @Override
    public JsonNode eval(Input d) {
      StringBuilder b = new StringBuilder();
      for (Value p : pieces) {
        if (p instanceof Const c) {
          b.append(c.value().textValue());
          continue;
        }
        String s = Texts.scalar(p.eval(d));
        if (s == null) {
          return null;
        }
        b.append(s);
      }
      return TextNode.valueOf(b.toString());
    }

    @Override
    public String describe() {
      return "the template " + text;
    }
  }

  /** {@code {"firstOf": [...]}}: the first of these values that is not missing. */
  record FirstOf(List<Value> options) implements Value {
    @Override
    public JsonNode eval(Input d) {
      for (Value o : options) {
        JsonNode v = o.eval(d);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder("the first of ");
      for (int i = 0; i < options.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(options.get(i).describe());
      }
      return b.toString();
    }
  }

  /** {@code {"switch": value, "cases": {"issues": value, ...}}}: the case named by a value's text; missing when none is. */
  record Switch(Value on, Map<String, Value> cases) implements Value {
    @Override
    public JsonNode eval(Input d) {
      String key = Texts.scalar(on.eval(d));
      Value v = key == null ? null : cases.get(key);
      return v == null ? null : v.eval(d);
    }

    @Override
    public String describe() {
      return "the case of " + on.describe() + " among " + cases.keySet();
    }
  }

  /**
   * {@code {"changes": value, "from": "from"}}: the new state overlaid with a changes object.
   * With {@code from}, each member {@code {"<from>": old}} gives a field's old value and any other
   * object member descends into that field (GitHub's {@code changes.base.ref.from}); without it,
   * each member is the old value itself and objects merge member by member (Stripe's {@code
   * previous_attributes}). Missing when there is no changes object or no new state.
   */
  record Changes(Value changes, String from) implements Value {
    @Override
    public JsonNode eval(Input d) {
      JsonNode c = changes.eval(d);
      if (c == null || !c.isObject() || d.newState == null || !d.newState.isObject()) {
        return null;
      }
      ObjectNode old = d.newState.deepCopy();
      overlay(old, (ObjectNode) c);
      return old;
    }

    private void overlay(ObjectNode target, ObjectNode change) {
      for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode c = e.getValue();
        if (from != null) {
          if (!c.isObject()) {
            continue; // not a change record: nothing to take the old value from
          }
          if (c.has(from)) {
            target.set(e.getKey(), c.get(from));
          } else {
            overlay(childObject(target, e.getKey()), (ObjectNode) c);
          }
        } else if (c.isObject() && target.path(e.getKey()).isObject()) {
          overlay((ObjectNode) target.get(e.getKey()), (ObjectNode) c);
        } else {
          target.set(e.getKey(), c);
        }
      }
    }

    private static ObjectNode childObject(ObjectNode parent, String key) {
      JsonNode n = parent.get(key);
      if (n instanceof ObjectNode o) {
        return o;
      }
      return parent.putObject(key);
    }

    @Override
    public String describe() {
      return "the new state overlaid with " + changes.describe();
    }
  }

  /**
   * {@code {"changeList": value, "field": ["fieldId", "field"], "from": "fromString"}}: the new
   * state with, for each item of a change list (Jira's {@code changelog.items}), the field named by
   * the first of {@code fieldKeys} the item has set to the item's {@code from} member (null when
   * the item has none). Missing when there is no list or no new state.
   */
  record ChangeList(Value list, List<String> fieldKeys, String from) implements Value {
    @Override
    public JsonNode eval(Input d) {
      JsonNode items = list.eval(d);
      if (items == null || !items.isArray() || d.newState == null || !d.newState.isObject()) {
        return null;
      }
      ObjectNode old = d.newState.deepCopy();
      for (JsonNode item : (ArrayNode) items) {
        String field = null;
        for (String k : fieldKeys) {
          JsonNode f = item.get(k);
          if (f != null && f.isTextual() && !f.textValue().isEmpty()) {
            field = f.textValue();
            break;
          }
        }
        if (field != null) {
          JsonNode v = item.get(from);
          old.set(field, v == null ? JsonNodeFactory.instance.nullNode() : v);
        }
      }
      return old;
    }

    @Override
    public String describe() {
      return "the new state with the old values of " + list.describe();
    }
  }

  /** Letter case for {@link Modified}. */
  enum Case {
    UPPER, LOWER
  }

  /**
   * A value passed through, in this order: {@code regex} (the first match in its text, group 1
   * when the pattern has a group; missing when none), {@code case}, {@code map} (text to a JSON
   * value; missing when the text is not a key), then {@code default} when the result is missing.
   */
  record Modified(Value inner, Pattern regex, Case letterCase, Map<String, JsonNode> map, JsonNode fallback) implements Value {
    @Override
    public JsonNode eval(Input d) {
      JsonNode v = inner.eval(d);
      if (v != null && (regex != null || letterCase != null || map != null)) {
        String s = Texts.scalar(v);
        if (s != null && regex != null) {
          Matcher m = regex.matcher(s);
          s = !m.find() ? null : m.groupCount() >= 1 ? m.group(1) : m.group();
        }
        if (s != null && letterCase != null) {
          s = letterCase == Case.UPPER ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
        if (map != null) {
          v = s == null ? null : map.get(s);
        } else {
          v = s == null ? null : TextNode.valueOf(s);
        }
      }
      return v != null ? v : fallback;
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public String pointer() {
      return inner.pointer();
    }
  }
}
