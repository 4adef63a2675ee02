package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Explanation;
import dev.subfilter.Explanation.GateCheck;
import dev.subfilter.Explanation.Presence;
import dev.subfilter.Explanation.Reason;
import dev.subfilter.Explanation.Seen;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.Problem;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Explanation}s. Every result in the tree comes from a {@link Matcher} compiled by
 * {@link Compiler} (each filter compiled alone, the top level exactly as {@code
 * CompiledSubscription} compiles it), so the tree never disagrees with {@code matches}; only the
 * plain-words reasons are worked out here. Not API.
 */
public final class Explainer {
  /** Values shown in an explanation: at most this deep... */
  private static final int MAX_VALUE_DEPTH = 12;
  /** ...and this many nodes in all; beyond, a part is shown as {@code "..."}. */
  private static final int MAX_VALUE_NODES = 500;

  private Explainer() {}

  /**
   * Explains {@code event} against {@code s}.
   *
   * @param filters the subscription's compiled top-level filters (as {@code matches} evaluates them)
   * @param matched what {@code matches} answered for this event
   */
  public static Explanation explain(Subscription s, Matcher filters, boolean matched, Event event) {
    List<GateCheck> gate = new ArrayList<>(3);
    boolean vendor = !EventNames.isCanonical(s.eventType());
    String type = vendor ? event.name() : event.eventType();
    gate.add(check("eventType", s.eventType(), type, Reason.EVENT_TYPE_MISMATCH,
        vendor ? "gate mismatch: the event is " + type + ", not " + s.eventType()
            : "gate mismatch: the event's eventType is " + type + ", not " + s.eventType()));
    gate.add(check("objCode", s.objCode(), event.objCode(), Reason.OBJ_CODE_MISMATCH,
        "gate mismatch: the event's objCode is " + event.objCode() + ", not " + s.objCode()));
    if (s.objId() != null) {
      gate.add(check("objId", s.objId(), event.objId(), Reason.OBJ_ID_MISMATCH, event.objId() == null
          ? "gate mismatch: the event carries no objId; the subscription follows only " + s.objId()
          : "gate mismatch: the event's objId is " + event.objId() + ", not " + s.objId()));
    }
    List<Explanation.Node> children = new ArrayList<>();
    for (int i = 0; i < s.filters().size(); i++) {
      children.add(node(s.filters().get(i), Problem.child("/filters", i), event));
    }
    boolean result = filters.matches(event);
    String description = s.filters().isEmpty() ? "no filters" : "filters " + s.filterConnector();
    Explanation.Group root = group("/filters", description, s.filterConnector(), children, result);
    return new Explanation(matched, gate, root);
  }

  private static GateCheck check(String name, String expected, String actual, Reason reason, String message) {
    boolean ok = expected.equals(actual);
    return new GateCheck(name, expected, actual, ok, ok ? null : reason, ok ? null : message);
  }

  private static Explanation.Node node(Filter f, String pointer, Event e) {
    boolean result = Compiler.compile(Connector.AND, List.of(f)).matches(e);
    if (f instanceof Filter.Group g) {
      List<Explanation.Node> children = new ArrayList<>();
      for (int i = 0; i < g.filters().size(); i++) {
        children.add(node(g.filters().get(i), Problem.child(Problem.child(pointer, "filters"), i), e));
      }
      return group(pointer, "group " + g.connector(), g.connector(), children, result);
    }
    Filter.Condition c = (Filter.Condition) f;
    List<Seen> seen = seen(c, e);
    Reason reason = null;
    String message = null;
    if (!result) {
      Why why = why(c, e);
      reason = why.reason();
      message = why.message();
    }
    return new Explanation.Condition(pointer, describe(c), c, seen, result, reason, message);
  }

  private static Explanation.Group group(String pointer, String description, Connector connector,
      List<Explanation.Node> children, boolean result) {
    if (result) {
      return new Explanation.Group(pointer, description, connector, children, true, null, null);
    }
    long falses = children.stream().filter(n -> !n.result()).count();
    if (connector == Connector.OR) {
      String message = children.size() == 1 ? "its one filter is false"
          : children.size() == 2 ? "neither of the 2 filters holds" : "none of the " + children.size() + " filters holds";
      return new Explanation.Group(pointer, description, connector, children, false, Reason.NONE_TRUE, message);
    }
    String message = children.size() == 1 ? "its one filter is false"
        : falses + " of " + children.size() + " filters " + (falses == 1 ? "is" : "are") + " false";
    return new Explanation.Group(pointer, description, connector, children, false, Reason.SOME_FALSE, message);
  }

  /** {@code status eq "CPL"}, {@code status changed}, {@code name contains "again" in oldState}. */
  static String describe(Filter.Condition c) {
    StringBuilder b = new StringBuilder(c.fieldName()).append(' ').append(c.comparison().token());
    if (c.comparison().usesValue()) {
      b.append(' ').append(abbreviate(c.fieldValue().toString()));
    }
    if (c.state() == State.OLD_STATE && c.comparison() != Operator.CHANGED) {
      b.append(" in oldState");
    }
    return b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(196)) ? 196 : 197) + "...";
  }

  // ------------------------------------------------------------------ what was seen

  private static List<Seen> seen(Filter.Condition c, Event e) {
    if (c.comparison() == Operator.CHANGED) {
      return List.of(seen(State.OLD_STATE, c.fieldName(), e), seen(State.NEW_STATE, c.fieldName(), e));
    }
    return List.of(seen(c.state(), c.fieldName(), e));
  }

  private static Seen seen(State s, String field, Event e) {
    Object state = s == State.OLD_STATE ? e.oldState() : e.newState();
    if (state == null) {
      return new Seen(s, field, Presence.STATE_UNKNOWN, null);
    }
    JsonModel m = e.model();
    Object node = new FieldRef(field).lookup(m, state);
    if (node == null) {
      return new Seen(s, field, Presence.ABSENT, null);
    }
    String path = m.get(state, field) == null ? "parameterValues/" + field : field;
    return new Seen(s, path, Presence.PRESENT, value(m, node));
  }

  /** The node as a JsonValue, cut at {@link #MAX_VALUE_DEPTH} and {@link #MAX_VALUE_NODES}. */
  public static JsonValue value(JsonModel m, Object node) {
    return value(m, node, 0, new int[] {MAX_VALUE_NODES});
  }

  private static JsonValue value(JsonModel m, Object node, int depth, int[] budget) {
    if (--budget[0] < 0 || depth > MAX_VALUE_DEPTH) {
      return JsonValue.of("...");
    }
    switch (m.kind(node)) {
      case NULL:
        return JsonValue.NULL;
      case BOOLEAN:
        return JsonValue.of(m.booleanValue(node));
      case NUMBER:
        return new JsonValue.Num(m.decimalValue(node));
      case STRING:
        return JsonValue.of(m.text(node));
      case ARRAY: {
        List<JsonValue> out = new ArrayList<>();
        int n = m.size(node);
        for (int i = 0; i < n; i++) {
          if (budget[0] <= 0) {
            out.add(JsonValue.of("..."));
            break;
          }
          out.add(value(m, m.element(node, i), depth + 1, budget));
        }
        return new JsonValue.Arr(out);
      }
      case OBJECT: {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        for (String k : m.keys(node)) {
          if (budget[0] <= 0) {
            out.put("...", JsonValue.of("..."));
            break;
          }
          out.put(k, value(m, m.get(node, k), depth + 1, budget));
        }
        return new JsonValue.Obj(out);
      }
      default:
        throw new AssertionError("unhandled kind");
    }
  }

  // ------------------------------------------------------------------ why it is false

  /** The reason and message for a condition that is false. */
  private static Why why(Filter.Condition c, Event e) {
    JsonModel m = e.model();
    String f = c.fieldName();
    Operator op = c.comparison();
    if (op == Operator.CHANGED) {
      if (e.oldState() == null) {
        return r(Reason.OLD_STATE_UNKNOWN, "old state unknown: the event carries no oldState, so no field can be said to have changed");
      }
      FieldRef ref = new FieldRef(f);
      Object now = ref.lookup(m, e.newState());
      Object before = ref.lookup(m, e.oldState());
      if (now == null && before == null) {
        return r(Reason.ABSENT, f + " is absent from both oldState and newState");
      }
      return r(Reason.UNCHANGED, "unchanged: " + f + " is " + show(m, now) + " in both oldState and newState");
    }
    String stateName = c.state().token();
    Object state = c.state() == State.OLD_STATE ? e.oldState() : e.newState();
    if (state == null) {
      return r(Reason.OLD_STATE_UNKNOWN, "old state unknown: the event carries no oldState, and every oldState filter is false"
          + (op == Operator.NOT_EXISTS ? ", notExists included" : ""));
    }
    Object node = new FieldRef(f).lookup(m, state);
    if (op == Operator.NOT_EXISTS) {
      return r(Reason.PRESENT, f + " is present in " + stateName + " (" + show(m, node) + ")");
    }
    if (node == null || op == Operator.EXISTS) { // exists is false only when absent
      String also = f.startsWith("DE:") ? " and from its parameterValues" : "";
      String hint = op == Operator.NE || op == Operator.NOT_CONTAINS ? "; " + op.token() + " needs the field present (notExists asks for absence)" : "";
      return r(Reason.ABSENT, f + " is absent from " + stateName + also + hint);
    }
    JsonValue v = c.fieldValue();
    if (v instanceof JsonValue.Obj o) {
      return nested(c, o, node, e);
    }
    Constant k = Constant.of(v);
    Kind kind = m.kind(node);
    String shown = f + " is " + show(m, node);
    switch (op) {
      case EQ:
        return comparable(m, node, k)
            ? r(Reason.NOT_EQUAL, shown + ", not " + v)
            : r(Reason.TYPE_MISMATCH, "type mismatch: " + f + " is " + kindName(kind) + ", fieldValue is " + kindName(k.kind)
                + hint(kind, k));
      case NE:
        return r(Reason.EQUAL, shown + ", equal to the fieldValue " + v);
      case GT:
      case GTE:
      case LT:
      case LTE: {
        if (Values.compare(m, node, k) == Values.INCOMPARABLE) {
          return r(Reason.TYPE_MISMATCH, "type mismatch: cannot order " + show(m, node) + " against " + v
              + "; ordering compares numbers and numeric strings, date-times with offsets, or two strings");
        }
        String how = switch (op) {
          case GT -> "greater than";
          case GTE -> "greater than or equal to";
          case LT -> "less than";
          default -> "less than or equal to";
        };
        return r(Reason.OUT_OF_RANGE, shown + ", not " + how + " " + v);
      }
      case CONTAINS:
        if (kind != Kind.STRING && kind != Kind.ARRAY) {
          return r(Reason.TYPE_MISMATCH, "type mismatch: contains reads a string or an array, and " + f + " is " + kindName(kind));
        }
        if (kind == Kind.STRING && !textual(k)) {
          return r(Reason.TYPE_MISMATCH, "type mismatch: " + f + " is a string, and " + v + " has no text to look for in it");
        }
        return r(Reason.NOT_CONTAINED, shown + ", which does not contain " + v);
      case NOT_CONTAINS:
        return r(Reason.CONTAINED, shown + ", which contains " + v);
      case CONTAINS_ONLY:
        if (kind == Kind.OBJECT) {
          return r(Reason.TYPE_MISMATCH, "type mismatch: containsOnly reads an array or a scalar, and " + f + " is an object");
        }
        return r(Reason.DIFFERENT_SET, shown + ", not exactly the set " + v);
      default:
        throw new AssertionError("unhandled operator " + op);
    }
  }

  private static Why nested(Filter.Condition c, JsonValue.Obj o, Object node, Event e) {
    JsonModel m = e.model();
    String f = c.fieldName();
    Kind kind = m.kind(node);
    if ("objects".equals(NestedValue.keyword(o))) {
      if (kind != Kind.ARRAY) {
        return r(Reason.TYPE_MISMATCH, "type mismatch: {\"objects\": ...} looks into an array of objects, and " + f + " is " + kindName(kind));
      }
      return r(Reason.NESTED_MISMATCH, "no element of " + f + " has " + leaves(c.comparison(), NestedValue.members(o)));
    }
    if (kind != Kind.OBJECT) {
      return r(Reason.TYPE_MISMATCH, "type mismatch: a nested fieldValue looks into an object, and " + f + " is " + kindName(kind));
    }
    List<String> failing = new ArrayList<>();
    for (Map.Entry<String, JsonValue> leaf : NestedValue.members(o).entrySet()) {
      Filter.Condition one = new Filter.Condition(f, c.comparison(),
          new JsonValue.Obj(Map.of("fields", new JsonValue.Obj(Map.of(leaf.getKey(), leaf.getValue())))), c.state());
      if (!Compiler.compile(Connector.AND, List.of(one)).matches(e)) {
        Object child = m.get(node, leaf.getKey());
        String at = f + "." + leaf.getKey();
        failing.add(child == null ? at + " is absent"
            : at + " is " + show(m, child) + " (wanted " + c.comparison().token() + " " + abbreviate(leaf.getValue().toString()) + ")");
      }
    }
    return r(Reason.NESTED_MISMATCH, failing.isEmpty() ? "a nested key of " + f + " does not hold" : String.join("; ", failing));
  }

  private static String leaves(Operator op, Map<String, JsonValue> members) {
    List<String> out = new ArrayList<>();
    members.forEach((k, v) -> out.add(k + " " + op.token() + " " + abbreviate(v.toString())));
    return String.join(" and ", out);
  }

  /** Whether {@code eq} could hold between this node's type and the constant's (Values.eq's type rules). */
  private static boolean comparable(JsonModel m, Object node, Constant k) {
    switch (m.kind(node)) {
      case NULL:
        return true; // null against a value: simply not equal
      case BOOLEAN:
        return k.bool != null || k.kind == Kind.NULL;
      case NUMBER:
        return k.number != null || k.kind == Kind.NULL;
      case STRING: {
        if (k.kind == Kind.STRING || k.kind == Kind.NULL) {
          return true;
        }
        String s = m.text(node);
        if (k.kind == Kind.NUMBER) {
          return Text.parseNumber(s) != null;
        }
        return k.kind == Kind.BOOLEAN && (s.equals("true") || s.equals("false"));
      }
      case ARRAY:
        return k.kind == Kind.ARRAY;
      default:
        return k.kind == Kind.OBJECT;
    }
  }

  private static String hint(Kind field, Constant k) {
    if (field == Kind.ARRAY) {
      return " (a scalar never equals an array; contains tests membership)";
    }
    if (k.kind == Kind.ARRAY) {
      return " (a scalar never equals an array; containsOnly compares with a set)";
    }
    if (field == Kind.STRING && k.kind == Kind.NUMBER) {
      return " (the string is not exactly a JSON number)";
    }
    if (field == Kind.STRING && k.kind == Kind.BOOLEAN) {
      return " (the string is neither \"true\" nor \"false\")";
    }
    return "";
  }

  private static boolean textual(Constant k) {
    if (k.kind == Kind.ARRAY) {
      for (Constant el : k.elements) {
        if (el.containsText == null) {
          return false;
        }
      }
      return true;
    }
    return k.containsText != null;
  }

  private static String show(JsonModel m, Object node) {
    return node == null ? "absent" : abbreviate(value(m, node).toString());
  }

  static String kindName(Kind k) {
    return switch (k) {
      case NULL -> "null";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
    };
  }

  private static Why r(Reason reason, String message) {
    return new Why(reason, message);
  }

  private record Why(Reason reason, String message) {}
}
