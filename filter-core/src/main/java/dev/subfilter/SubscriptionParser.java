package dev.subfilter;

import dev.subfilter.internal.Numbers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a subscription's JSON (as a {@link JsonValue}) into a validated {@link Subscription},
 * reporting every problem at once. Immutable and thread-safe.
 */
public final class SubscriptionParser {
  static final int WORKFRONT_MAX_GROUPS = 10;
  static final int WORKFRONT_MAX_GROUP_FILTERS = 5;
  /** Problems listed at most; the rest are counted (200,000 unknown keys must not take 100 MB of messages). */
  static final int MAX_PROBLEMS = 100;
  static final Set<String> EVENT_TYPES = EventNames.CANONICAL;
  private static final Set<String> TOP_KEYS = Set.of("objCode", "eventType", "objId", "filters", "filterConnector");
  private static final Set<String> CONDITION_KEYS = Set.of("fieldName", "fieldValue", "comparison", "state");
  private static final Set<String> GROUP_KEYS = Set.of("type", "connector", "filters");

  private final Mode mode;
  private final Limits limits;

  private SubscriptionParser(Mode mode, Limits limits) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * A parser in {@link Mode#EXTENDED} with {@link Limits#DEFAULTS}.
   *
   * @return the parser; never {@code null}
   */
  public static SubscriptionParser extended() {
    return new SubscriptionParser(Mode.EXTENDED, Limits.DEFAULTS);
  }

  /**
   * A parser with this mode and these limits.
   *
   * @param mode what subscriptions may use; not {@code null}
   * @param limits the bounds on what is read; not {@code null}
   * @return the parser
   * @throws NullPointerException when {@code mode} or {@code limits} is {@code null}
   */
  public static SubscriptionParser of(Mode mode, Limits limits) {
    return new SubscriptionParser(mode, limits);
  }

  /**
   * What the subscriptions this parser accepts may use.
   *
   * @return the mode; never {@code null}
   */
  public Mode mode() {
    return mode;
  }

  /**
   * The bounds this parser enforces.
   *
   * @return the limits; never {@code null}
   */
  public Limits limits() {
    return limits;
  }

  /**
   * Parses and validates.
   *
   * @param json the subscription object; not {@code null}
   * @return the subscription, its filters and carried keys as written; never {@code null}
   * @throws NullPointerException when {@code json} is {@code null}
   * @throws InvalidSubscriptionException with every problem found, each with a JSON Pointer (the
   *     first 100, then one at {@code ""} counting the others; a {@code json} that is not an object
   *     is one problem at the root)
   */
  public Subscription parse(JsonValue json) {
    Objects.requireNonNull(json, "json");
    Run run = new Run();
    Subscription s = run.subscription(json);
    if (!run.problems.isEmpty()) {
      if (run.unlisted > 0) {
        run.problems.add(new Problem("", run.unlisted + " more problems not listed (only the first " + MAX_PROBLEMS + " are)"));
      }
      throw new InvalidSubscriptionException(run.problems);
    }
    return s;
  }

  /** One parse: the problems found so far and the counts the limits need. */
  private final class Run {
    final List<Problem> problems = new ArrayList<>();
    int unlisted;
    int filterCount;
    int groupCount;
    boolean create;

    void problem(String pointer, String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(new Problem(pointer, message));
      } else {
        unlisted++;
      }
    }

    Subscription subscription(JsonValue json) {
      if (!(json instanceof JsonValue.Obj o)) {
        problem("", "expected a subscription object, found " + json.describe());
        return null;
      }
      checkStrings(json);
      Map<String, JsonValue> carried = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        String k = e.getKey();
        if (Subscription.CARRIED_KEYS.contains(k)) {
          carried.put(k, e.getValue());
        } else if (!TOP_KEYS.contains(k)) {
          problem(Problem.child("", k), "unknown key " + JsonWriter.quote(k) + "; a subscription has objCode, eventType, objId, filters, filterConnector and the carried keys "
              + String.join(", ", sorted(Subscription.CARRIED_KEYS)));
        }
      }
      String objCode = requiredString(o, "", "objCode", "an object code such as \"TASK\" or \"PROJ\"");
      String eventType = requiredString(o, "", "eventType", "one of CREATE, UPDATE, DELETE");
      if (eventType != null) {
        eventType = eventType(eventType);
      }
      create = "CREATE".equals(eventType);
      String objId = objId(o.get("objId"));
      Connector connector = connector(o.get("filterConnector"), "/filterConnector", "filterConnector");
      List<Filter> filters = List.of();
      JsonValue fs = o.get("filters");
      if (fs != null && !(fs instanceof JsonValue.Null)) {
        filters = filterList(fs, "/filters", 0);
      }
      if (filterCount > limits.maxFilters()) {
        problem("/filters", filterCount + " filters and groups exceed the limit of " + limits.maxFilters() + "; raise Limits.maxFilters");
      }
      if (mode == Mode.WORKFRONT && groupCount > WORKFRONT_MAX_GROUPS) {
        problem("/filters", groupCount + " groups; Workfront allows at most " + WORKFRONT_MAX_GROUPS + " (use extended mode for more)");
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return new Subscription(objCode, eventType, objId, connector, filters, carried);
    }

    /** Parses a filters array of a subscription (depth 0) or of a group (depth = the group's). */
    List<Filter> filterList(JsonValue fs, String pointer, int depth) {
      if (!(fs instanceof JsonValue.Arr a)) {
        problem(pointer, "expected an array of filters, found " + fs.describe());
        return List.of();
      }
      List<Filter> out = new ArrayList<>(a.elements().size());
      for (int i = 0; i < a.elements().size(); i++) {
        Filter f = filter(a.elements().get(i), Problem.child(pointer, i), depth);
        if (f != null) {
          out.add(f);
        }
      }
      return out;
    }

    Filter filter(JsonValue json, String pointer, int depth) {
      filterCount++;
      if (!(json instanceof JsonValue.Obj o)) {
        problem(pointer, "expected a filter object, found " + json.describe());
        return null;
      }
      if (o.get("type") != null) {
        return group(o, pointer, depth + 1);
      }
      return condition(o, pointer);
    }

    Filter group(JsonValue.Obj o, String pointer, int depth) {
      groupCount++;
      int before = problems.size();
      JsonValue type = o.get("type");
      if (!(type instanceof JsonValue.Str s && s.value().equals("group"))) {
        problem(Problem.child(pointer, "type"), "unknown filter type: found " + type.describe() + "; the only type is \"group\"");
      }
      unknownKeys(o, pointer, GROUP_KEYS, "a group has type, connector and filters");
      Connector connector = connector(o.get("connector"), Problem.child(pointer, "connector"), "connector");
      if (mode == Mode.WORKFRONT && depth > 1) {
        problem(pointer, "a group inside a group; Workfront allows groups only in the top-level filters (use extended mode to nest)");
        return null;
      }
      if (depth > limits.maxGroupDepth()) {
        problem(pointer, "groups nested " + depth + " deep exceed the limit of " + limits.maxGroupDepth() + "; raise Limits.maxGroupDepth");
        return null;
      }
      JsonValue fs = o.get("filters");
      String fp = Problem.child(pointer, "filters");
      if (fs == null) {
        problem(fp, "missing; a group needs a \"filters\" array of at least 2 filters");
        return null;
      }
      List<Filter> children = filterList(fs, fp, depth);
      if (fs instanceof JsonValue.Arr a) {
        int n = a.elements().size();
        if (n < 2) {
          problem(fp, "a group needs at least 2 filters, found " + n);
        } else if (mode == Mode.WORKFRONT && n > WORKFRONT_MAX_GROUP_FILTERS) {
          problem(fp, n + " filters in a group; Workfront allows at most " + WORKFRONT_MAX_GROUP_FILTERS + " (use extended mode for more)");
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return new Filter.Group(connector, children);
    }

    Filter condition(JsonValue.Obj o, String pointer) {
      int before = problems.size();
      unknownKeys(o, pointer, CONDITION_KEYS, "a filter has fieldName, fieldValue, comparison and state (a group has \"type\": \"group\")");
      String fieldName = requiredString(o, pointer, "fieldName", "the name of a field of the state");
      String cp = Problem.child(pointer, "comparison");
      Operator op = token(o.get("comparison"), cp, "comparison", Operator::fromToken, "one of " + Operator.tokens(mode), Operator.EQ);
      if (op != null && mode == Mode.WORKFRONT && !op.isWorkfront()) {
        problem(cp, "comparison \"" + op.token() + "\" is an extension; Workfront accepts " + Operator.tokens(Mode.WORKFRONT) + " (use extended mode)");
      }
      String sp = Problem.child(pointer, "state");
      State state = token(o.get("state"), sp, "state", State::fromToken, "newState or oldState", State.NEW_STATE);
      if (mode == Mode.WORKFRONT && create && state == State.OLD_STATE && op != null && op != Operator.CHANGED) {
        problem(sp, "a filter on oldState in a CREATE subscription; Workfront allows oldState on CREATE only with changed");
      }
      JsonValue value = o.get("fieldValue");
      String vp = Problem.child(pointer, "fieldValue");
      if (value == null && op != null && op.usesValue()) {
        problem(vp, "missing; comparison \"" + op.token() + "\" needs a fieldValue (only changed, exists and notExists go without)");
      }
      FieldValue typed = null;
      if (value != null && op != null && op.usesValue()) {
        typed = FieldValueReader.read(value, vp, limits, this::problem);
      }
      if (problems.size() > before || op == null || state == null) {
        return null;
      }
      return new Filter.Condition(fieldName, op, typed, state);
    }

    /** Every string and key of the document within Limits.maxStringLength, checked once up front. */
    void checkStrings(JsonValue root) {
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {root, ""});
      int max = limits.maxStringLength();
      while (!stack.isEmpty()) {
        Object[] top = stack.pop();
        JsonValue v = (JsonValue) top[0];
        String p = (String) top[1];
        if (v instanceof JsonValue.Str s && s.value().length() > max) {
          problem(p, "a string of " + s.value().length() + " characters exceeds the limit of " + max + "; raise Limits.maxStringLength");
        } else if (v instanceof JsonValue.Obj o) {
          for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            if (e.getKey().length() > max) {
              problem(p, "a key of " + e.getKey().length() + " characters exceeds the limit of " + max + "; raise Limits.maxStringLength");
            } else {
              stack.push(new Object[] {e.getValue(), Problem.child(p, e.getKey())});
            }
          }
        } else if (v instanceof JsonValue.Arr a) {
          for (int i = 0; i < a.elements().size(); i++) {
            stack.push(new Object[] {a.elements().get(i), Problem.child(p, i)});
          }
        }
      }
    }

    String requiredString(JsonValue.Obj o, String pointer, String key, String expected) {
      JsonValue v = o.get(key);
      String p = Problem.child(pointer, key);
      if (v == null) {
        problem(p, "missing; expected " + expected);
        return null;
      }
      if (!(v instanceof JsonValue.Str s) || s.value().isEmpty()) {
        problem(p, "expected " + expected + ", found " + (v instanceof JsonValue.Str ? "an empty string" : v.describe()));
        return null;
      }
      return s.value();
    }

    /** A canonical type, or in extended mode a vendor event name (normalised); {@code null} after a problem. */
    String eventType(String t) {
      if (EVENT_TYPES.contains(t)) {
        return t;
      }
      String found = JsonWriter.quote(t);
      if (EVENT_TYPES.contains(t.toUpperCase(java.util.Locale.ROOT))) {
        problem("/eventType", "unknown eventType " + found + "; event types are upper case: " + t.toUpperCase(java.util.Locale.ROOT));
      } else if (mode == Mode.WORKFRONT) {
        problem("/eventType", "unknown eventType " + found + "; expected one of CREATE, UPDATE, DELETE (vendor event names need extended mode)");
      } else if (!EventNames.isVendorName(t)) {
        problem("/eventType", "unknown eventType " + found + "; expected one of CREATE, UPDATE, DELETE, or a vendor event name "
            + "such as task.status-changed or external_sub_step_completed (lower case letters, digits, '_', '.', '-')");
      } else {
        return EventNames.normalise(t);
      }
      return null;
    }

    String objId(JsonValue v) {
      if (v == null || v instanceof JsonValue.Null) {
        return null;
      }
      if (v instanceof JsonValue.Str s && !s.value().isEmpty()) {
        return s.value();
      }
      if (v instanceof JsonValue.Num n && Numbers.plainLength(n.value()) <= limits.maxStringLength()) {
        return Numbers.plain(n.value(), limits.maxStringLength());
      }
      problem("/objId", v instanceof JsonValue.Num
          ? "the number " + v + " is longer than " + limits.maxStringLength() + " characters written out; raise Limits.maxStringLength"
          : "expected an object ID (a string or a number) or null, found " + (v instanceof JsonValue.Str ? "an empty string" : v.describe()));
      return null;
    }

    Connector connector(JsonValue v, String pointer, String name) {
      return token(v, pointer, name, Connector::fromToken, "\"AND\" or \"OR\"", Connector.AND);
    }

    /** A case-sensitive token: {@code absent} when the key is missing, {@code null} (and a problem) when unknown. */
    <T> T token(JsonValue v, String pointer, String what, Function<String, T> lookup, String expected, T absent) {
      if (v == null) {
        return absent;
      }
      T t = v instanceof JsonValue.Str s ? lookup.apply(s.value()) : null;
      if (t == null) {
        String found = v instanceof JsonValue.Str s ? JsonWriter.quote(s.value()) : v.describe();
        problem(pointer, "unknown " + what + " " + found + "; expected " + expected);
      }
      return t;
    }

    void unknownKeys(JsonValue.Obj o, String pointer, Set<String> allowed, String hint) {
      for (String k : o.members().keySet()) {
        if (!allowed.contains(k)) {
          problem(Problem.child(pointer, k), "unknown key " + JsonWriter.quote(k) + "; " + hint);
        }
      }
    }
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }
}
