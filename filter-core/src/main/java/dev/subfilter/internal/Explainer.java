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
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Explanation}s: the compiled filters are evaluated once with a {@link Trace}, which
 * records every condition's {@link Outcome}; the tree is then laid out along the {@link Plan} and
 * each condition's reason put into plain words with the values it saw. Results and reasons come
 * from evaluation; only the words, and a written group's result from its children's, are made here.
 */
final class Explainer {
  /** Values shown in an explanation: at most this deep... */
  private static final int MAX_VALUE_DEPTH = 12;
  /** ...and this many nodes in all; beyond, a part is shown as {@code "..."}. */
  private static final int MAX_VALUE_NODES = 500;

  private Explainer() {}

  /** What a traced evaluation found, by the condition the matcher was compiled from. */
  private static final class Recorder implements Trace {
    final Map<Filter.Condition, Outcome> outcomes = new IdentityHashMap<>();
    final Map<Filter.Condition, Map<Integer, Object[]>> keys = new IdentityHashMap<>();

    @Override
    public void outcome(Filter.Condition source, Outcome outcome) {
      outcomes.put(source, outcome);
    }

    @Override
    public void nestedKey(Filter.Condition source, int index, Object child, Outcome outcome) {
      keys.computeIfAbsent(source, k -> new LinkedHashMap<>()).put(index, new Object[] {child, outcome});
    }
  }

  static Explanation explain(Plan plan, Matcher compiled, Event event) {
    Subscription s = plan.subscription();
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
    Recorder r = new Recorder();
    boolean result = compiled.trace(event, r);
    Plan.Junction top = plan.filters();
    List<Explanation.Node> children = new ArrayList<>();
    for (Plan.Node n : top.children) {
      children.add(node(n, r, event));
    }
    String description = top.children.isEmpty() ? "no filters" : "filters " + top.connector;
    Explanation.Group root = group(top.pointer, description, top.connector, children, result);
    boolean gatePassed = gate.stream().allMatch(GateCheck::passed);
    return new Explanation(gatePassed && result, gate, root);
  }

  private static GateCheck check(String name, String expected, String actual, Reason reason, String message) {
    boolean ok = expected.equals(actual);
    return new GateCheck(name, expected, actual, ok, ok ? null : reason, ok ? null : message);
  }

  private static Explanation.Node node(Plan.Node n, Recorder r, Event e) {
    if (n instanceof Plan.Junction j) {
      List<Explanation.Node> children = new ArrayList<>();
      boolean all = true;
      boolean any = false;
      for (Plan.Node c : j.children) {
        Explanation.Node x = node(c, r, e);
        children.add(x);
        all &= x.result();
        any |= x.result();
      }
      return group(j.pointer, "group " + j.connector, j.connector, children, j.connector == Connector.AND ? all : any);
    }
    Plan.Test t = (Plan.Test) n;
    Outcome o = r.outcomes.get(t.source);
    if (o == null) {
      throw new AssertionError("the trace did not reach " + t.pointer);
    }
    List<Seen> seen = seen(t, e);
    boolean result = o == Outcome.HOLDS;
    String message = result ? null : why(t, o, e, r.keys.get(t.source));
    return new Explanation.Condition(t.pointer, describe(t.source), t.source, seen, result, o.reason, message);
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

  /**
   * {@code status eq "CPL"}, {@code status changed}, {@code name contains "again" in oldState};
   * the extensions in words: {@code name starts with "Des" (ignoring case)}, {@code status is one
   * of ["CUR","NEW"]}.
   */
  static String describe(Filter.Condition c) {
    StringBuilder b = new StringBuilder(c.fieldName()).append(' ').append(words(c.comparison()));
    if (c.comparison().usesValue()) {
      b.append(' ').append(abbreviate(c.fieldValue().toJson().toString()));
    }
    if (c.state() == State.OLD_STATE && c.comparison() != Operator.CHANGED) {
      b.append(" in oldState");
    }
    if (c.ignoreCase()) {
      b.append(IGNORING_CASE);
    }
    return b.toString();
  }

  private static final String IGNORING_CASE = " (ignoring case)";

  /** The comparison as a description says it: Workfront's own by their token, the extensions in words. */
  private static String words(Operator op) {
    return switch (op) {
      case STARTS_WITH -> "starts with";
      case ENDS_WITH -> "ends with";
      case LIKE -> "is like";
      case IN -> "is one of";
      case NOT_IN -> "is not one of";
      default -> op.token();
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(196)) ? 196 : 197) + "...";
  }

  // ------------------------------------------------------------------ what was seen

  private static List<Seen> seen(Plan.Test t, Event e) {
    if (t.op == Operator.CHANGED) {
      return List.of(seen(State.OLD_STATE, t.field, e), seen(State.NEW_STATE, t.field, e));
    }
    return List.of(seen(t.source.state(), t.field, e));
  }

  private static Seen seen(State s, FieldRef field, Event e) {
    Object state = s == State.OLD_STATE ? e.oldState() : e.newState();
    if (state == null) {
      return new Seen(s, field.name(), Presence.STATE_UNKNOWN, null);
    }
    JsonModel m = e.model();
    Object node = field.lookup(m, state);
    if (node == null) {
      return new Seen(s, field.name(), Presence.ABSENT, null);
    }
    String path = m.get(state, field.name()) == null ? "parameterValues/" + field.name() : field.name();
    return new Seen(s, path, Presence.PRESENT, value(m, node));
  }

  /** The node as a JsonValue, cut at {@link #MAX_VALUE_DEPTH} and {@link #MAX_VALUE_NODES}. */
  static JsonValue value(JsonModel m, Object node) {
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

  /** The message for a condition whose outcome {@code o} is not {@link Outcome#HOLDS}, in the words of its reason. */
  private static String why(Plan.Test t, Outcome o, Event e, Map<Integer, Object[]> keys) {
    JsonModel m = e.model();
    String f = t.field.name();
    Operator op = t.op;
    if (op == Operator.CHANGED) {
      Object now = t.field.lookup(m, e.newState());
      return switch (o) {
        case OLD_STATE_UNKNOWN -> "old state unknown: the event carries no oldState, so no field can be said to have changed";
        case ABSENT -> f + " is absent from both oldState and newState";
        default -> "unchanged: " + f + " is " + show(m, now) + " in both oldState and newState";
      };
    }
    String stateName = t.source.state().token();
    if (o == Outcome.OLD_STATE_UNKNOWN) {
      return "old state unknown: the event carries no oldState, and every oldState filter is false"
          + (op == Operator.NOT_EXISTS ? ", notExists included" : "");
    }
    Object node = t.field.lookup(m, t.old ? e.oldState() : e.newState());
    if (o == Outcome.PRESENT) {
      return f + " is present in " + stateName + " (" + show(m, node) + ")";
    }
    if (o == Outcome.ABSENT) {
      String also = t.field.custom() ? " and from its parameterValues" : "";
      String hint = op == Operator.NE || op == Operator.NOT_CONTAINS || op == Operator.NOT_IN ? "; " + op.token() + " needs the field present (notExists asks for absence)" : "";
      return f + " is absent from " + stateName + also + hint;
    }
    if (t.operand instanceof Operand.Nested n) {
      return nested(t, n, o, m, node, keys);
    }
    String v = t.source.fieldValue().toJson().toString() + (t.fold ? IGNORING_CASE : "");
    Kind kind = m.kind(node);
    String shown = f + " is " + show(m, node);
    boolean array = kind == Kind.ARRAY;
    switch (o) {
      case NOT_STARTING_WITH:
        return shown + (array ? ", none of whose strings starts with " : ", which does not start with ") + v;
      case NOT_ENDING_WITH:
        return shown + (array ? ", none of whose strings ends with " : ", which does not end with ") + v;
      case NOT_LIKE:
        return shown + (array ? ", none of whose strings is like " : ", which is not like ") + v;
      case NOT_IN:
        return shown + (array ? ", no element of which is one of " : ", not one of ") + v;
      case IN:
        return shown + (array ? ", an element of which is one of " : ", which is one of ") + v;
      case TYPE_MISMATCH:
        if (op == Operator.STARTS_WITH || op == Operator.ENDS_WITH || op == Operator.LIKE) {
          return "type mismatch: " + op.token() + " reads a string or an array of strings, and " + f + " is " + kindName(kind);
        }
        if (op == Operator.IN) {
          return "type mismatch: in compares a scalar or the elements of an array with the list, and " + f + " is " + kindName(kind);
        }
        break;
      default:
        break;
    }
    Constant k = (Constant) t.operand;
    switch (o) {
      case NOT_EQUAL:
        return shown + ", not " + v;
      case EQUAL:
        return shown + ", equal to the fieldValue " + v;
      case OUT_OF_RANGE: {
        String how = switch (op) {
          case GT -> "greater than";
          case GTE -> "greater than or equal to";
          case LT -> "less than";
          default -> "less than or equal to";
        };
        return shown + ", not " + how + " " + v;
      }
      case NOT_CONTAINED:
        return shown + ", which does not contain " + v;
      case CONTAINED:
        return shown + ", which contains " + v;
      case DIFFERENT_SET:
        return shown + ", not exactly the set " + v;
      case TYPE_MISMATCH:
        return switch (op) {
          case EQ -> "type mismatch: " + f + " is " + kindName(kind) + ", fieldValue is " + kindName(k.kind) + hint(kind, k);
          case GT, GTE, LT, LTE -> "type mismatch: cannot order " + show(m, node) + " against " + v
              + "; ordering compares numbers and numeric strings, date-times with offsets, or two strings";
          case CONTAINS -> kind == Kind.STRING
              ? "type mismatch: " + f + " is a string, and " + v + " has no text to look for in it"
              : "type mismatch: contains reads a string or an array, and " + f + " is " + kindName(kind);
          case CONTAINS_ONLY -> "type mismatch: containsOnly reads an array or a scalar, and " + f + " is an object";
          default -> throw new AssertionError("no type mismatch for " + op);
        };
      default:
        throw new AssertionError("unhandled outcome " + o + " of " + op);
    }
  }

  private static String nested(Plan.Test t, Operand.Nested n, Outcome o, JsonModel m, Object node, Map<Integer, Object[]> keys) {
    String f = t.field.name();
    Kind kind = m.kind(node);
    if (n.each) {
      if (o == Outcome.TYPE_MISMATCH) {
        return "type mismatch: {\"objects\": ...} looks into an array of objects, and " + f + " is " + kindName(kind);
      }
      return "no element of " + f + " has " + leaves(t, n);
    }
    if (o == Outcome.TYPE_MISMATCH) {
      return "type mismatch: a nested fieldValue looks into an object, and " + f + " is " + kindName(kind);
    }
    List<String> failing = new ArrayList<>();
    Map<String, dev.subfilter.FieldValue> members = members(t);
    for (int i = 0; i < n.keys.length; i++) {
      Object[] seen = keys == null ? null : keys.get(i);
      if (seen == null || seen[1] == Outcome.HOLDS) {
        continue;
      }
      Object child = seen[0];
      String at = f + "." + n.keys[i];
      failing.add(child == null ? at + " is absent"
          : at + " is " + show(m, child) + " (wanted " + words(t.op) + " " + abbreviate(members.get(n.keys[i]).toJson().toString()) + ")");
    }
    return failing.isEmpty() ? "a nested key of " + f + " does not hold" : String.join("; ", failing);
  }

  private static Map<String, dev.subfilter.FieldValue> members(Plan.Test t) {
    dev.subfilter.FieldValue v = t.source.fieldValue();
    return v instanceof dev.subfilter.FieldValue.Fields fs ? fs.members() : ((dev.subfilter.FieldValue.Objects) v).members();
  }

  private static String leaves(Plan.Test t, Operand.Nested n) {
    Map<String, dev.subfilter.FieldValue> members = members(t);
    List<String> out = new ArrayList<>();
    for (String k : n.keys) {
      out.add(k + " " + words(t.op) + " " + abbreviate(members.get(k).toJson().toString()));
    }
    return String.join(" and ", out);
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
}
