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
 *
 * <p>Errors follow {@link SubfilterException}'s contract: bad input is an {@link
 * InvalidSubscriptionException}, a {@code null} argument a {@link NullPointerException} naming it.
 */
public final class SubscriptionParser {
  static final int WORKFRONT_MAX_GROUPS = 10;
  static final int WORKFRONT_MAX_GROUP_FILTERS = 5;
  /** Problems listed at most; the rest are counted (200,000 unknown keys must not take 100 MB of messages). */
  static final int MAX_PROBLEMS = 100;
  static final Set<String> EVENT_TYPES = EventNames.CANONICAL;
  private static final Set<String> TOP_KEYS = Set.of("objCode", "eventType", "objId", "filters", "filterConnector");
  private static final List<String> CONDITION_KEYS = List.of("fieldName", "fieldValue", "comparison", "state", "ignoreCase");
  private static final List<String> GROUP_KEYS = List.of("type", "connector", "filters");
  private static final List<String> EVENT_TYPE_TOKENS = List.of("CREATE", "UPDATE", "DELETE");

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
    String objCode;

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
          carriedKey(k, e.getValue());
          carried.put(k, e.getValue());
        } else if (!TOP_KEYS.contains(k)) {
          List<String> keys = new ArrayList<>(List.of("objCode", "eventType", "objId", "filters", "filterConnector"));
          keys.addAll(sorted(Subscription.CARRIED_KEYS));
          problem(Problem.child("", k), "unknown key " + JsonWriter.quote(k) + "; a subscription has objCode, eventType, objId, filters, filterConnector and the carried keys "
              + String.join(", ", sorted(Subscription.CARRIED_KEYS)) + Suggestions.hint(k, keys));
        }
      }
      String objCode = requiredString(o, "", "objCode", "an object code such as \"TASK\" or \"PROJ\"");
      if (objCode != null) {
        objCode = objCode(objCode);
      }
      this.objCode = objCode;
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
        problem(Problem.child(pointer, "type"), "unknown filter type: found " + type.describe() + "; the only type is \"group\""
            + (type instanceof JsonValue.Str s ? Suggestions.hint(s.value(), List.of("group")) : ""));
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
      unknownKeys(o, pointer, CONDITION_KEYS,
          "a filter has fieldName, fieldValue, comparison, state and (extended mode) ignoreCase (a group has \"type\": \"group\")");
      String fieldName = requiredString(o, pointer, "fieldName", "the name of a field of the state");
      if (fieldName != null && mode == Mode.WORKFRONT && objCode != null && WorkfrontSeed.NOT_FILTERABLE.contains(objCode + "." + fieldName)) {
        problem(Problem.child(pointer, "fieldName"), JsonWriter.quote(fieldName) + " of " + objCode + " is not filterable; Workfront: "
            + "\"The following fields are not filterable: " + String.join(", ", WorkfrontSeed.NOT_FILTERABLE) + "\" (extended mode allows it)");
      }
      String cp = Problem.child(pointer, "comparison");
      Operator op = token(o.get("comparison"), cp, "comparison", Operator::fromToken, "one of " + Operator.tokens(mode), Operator.EQ,
          List.of(Operator.tokens(Mode.EXTENDED).split(", ")));
      if (op != null && mode == Mode.WORKFRONT && !op.isWorkfront()) {
        problem(cp, "comparison \"" + op.token() + "\" is an extended-mode feature; Workfront accepts " + Operator.tokens(Mode.WORKFRONT) + " (use extended mode)");
      }
      String sp = Problem.child(pointer, "state");
      State state = token(o.get("state"), sp, "state", State::fromToken, "newState or oldState", State.NEW_STATE, List.of("newState", "oldState"));
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
        if (typed != null && (mode == Mode.EXTENDED || op.isWorkfront())) {
          FieldValueReader.leafProblems(op, typed, vp, limits, this::problem);
        }
      }
      boolean ignoreCase = ignoreCase(o.get("ignoreCase"), Problem.child(pointer, "ignoreCase"), op);
      if (problems.size() > before || op == null || state == null) {
        return null;
      }
      return new Filter.Condition(fieldName, op, typed, state, ignoreCase);
    }

    /** A condition's ignoreCase: absent is false; anything but a boolean on a comparison of strings, in extended mode, is a problem. */
    boolean ignoreCase(JsonValue v, String pointer, Operator op) {
      if (v == null) {
        return false;
      }
      if (mode == Mode.WORKFRONT) {
        problem(pointer, "ignoreCase is an extended-mode feature; Workfront compares strings case-sensitively (use extended mode)");
      } else if (!(v instanceof JsonValue.Bool b)) {
        problem(pointer, "expected true or false, found " + v.describe());
      } else if (op != null && !op.allowsIgnoreCase()) {
        problem(pointer, "ignoreCase applies to eq, ne, contains, notContains, containsOnly, startsWith, endsWith, like, in and notIn, not to "
            + op.token());
      } else {
        return b.value();
      }
      return false;
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
        problem("/eventType", "unknown eventType " + found + "; expected one of CREATE, UPDATE, DELETE (vendor event names need extended mode)"
            + Suggestions.hint(t, EVENT_TYPE_TOKENS));
      } else if (!EventNames.isVendorName(t)) {
        problem("/eventType", "unknown eventType " + found + "; expected one of CREATE, UPDATE, DELETE, or a vendor event name "
            + "such as task.status-changed or external_sub_step_completed (lower case letters, digits, '_', '.', '-')"
            + Suggestions.hint(t, EVENT_TYPE_TOKENS));
      } else {
        return EventNames.normalise(t);
      }
      return null;
    }

    /**
     * Workfront mode: one of seed 003's codes; extended mode: upper case, as every adapter makes
     * codes. {@code null} after a problem.
     */
    String objCode(String code) {
      String upper = code.toUpperCase(java.util.Locale.ROOT);
      String found = JsonWriter.quote(code);
      if (mode == Mode.WORKFRONT) {
        if (WorkfrontSeed.WORKFRONT_OBJ_CODES.contains(code)) {
          return code;
        }
        String near = WorkfrontSeed.WORKFRONT_OBJ_CODES.contains(upper) ? upper : Suggestions.nearest(code, WorkfrontSeed.WORKFRONT_OBJ_CODES);
        problem("/objCode", "unknown objCode " + found + "; Workfront's object codes are " + String.join(", ", WorkfrontSeed.WORKFRONT_OBJ_CODES)
            + (near == null ? "" : "; did you mean " + JsonWriter.quote(near) + "?") + " (other codes need extended mode)");
        return null;
      }
      if (!code.equals(upper)) {
        problem("/objCode", "objCode " + found + " is not upper case, and events carry upper-case codes: " + JsonWriter.quote(upper));
        return null;
      }
      return code;
    }

    /** The type each carried key must have; {@code null} always means not set. */
    void carriedKey(String key, JsonValue v) {
      if (v instanceof JsonValue.Null) {
        return;
      }
      String p = Problem.child("", key);
      switch (key) {
        case "url" -> {
          String problem = v instanceof JsonValue.Str s ? urlProblem(s.value()) : "expected an absolute http(s) URL string, found " + v.describe();
          if (problem != null) {
            problem(p, problem);
          }
        }
        case "subscription_url" -> { // seed 003's query responses: an object of the URL's delivery status
          String problem = v instanceof JsonValue.Obj ? null : v instanceof JsonValue.Str s ? urlProblem(s.value())
              : "expected the object Workfront returns or a URL string, found " + v.describe();
          if (problem != null) {
            problem(p, problem);
          }
        }
        case "base64Encoding" -> { // seed 003: "the possible values are: true, false, and \" \" (blank)"; its example writes "true"
          boolean ok = v instanceof JsonValue.Bool || v instanceof JsonValue.Str s && WorkfrontSeed.BASE64_ENCODING_TEXTS.contains(s.value());
          if (!ok) {
            problem(p, "expected true, false or blank (also as the strings \"true\", \"false\", \" \"), found " + v.describe());
          }
        }
        case "id" -> {
          boolean ok = v instanceof JsonValue.Str s ? !s.value().isBlank()
              : v instanceof JsonValue.Num n && Numbers.plainLength(n.value()) <= limits.maxStringLength();
          if (!ok) {
            problem(p, "found " + idDescription(v) + "; an id must be a non-blank string or a number (of at most "
                + limits.maxStringLength() + " digits; Limits.maxStringLength)");
          }
        }
        case "version", "subscriptionVersion" -> {
          if (!(v instanceof JsonValue.Str || v instanceof JsonValue.Num)) {
            problem(p, "expected a string or a number, found " + v.describe());
          }
        }
        default -> { // authToken, customerId, date_created, date_modified
          if (!(v instanceof JsonValue.Str)) {
            problem(p, "expected a string, found " + v.describe());
          }
        }
      }
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
      return token(v, pointer, name, Connector::fromToken, "\"AND\" or \"OR\"", Connector.AND, List.of("AND", "OR"));
    }

    /**
     * A case-sensitive token: {@code absent} when the key is missing, {@code null} (and a problem,
     * with the nearest of {@code candidates} as a hint) when unknown.
     */
    <T> T token(JsonValue v, String pointer, String what, Function<String, T> lookup, String expected, T absent, List<String> candidates) {
      if (v == null) {
        return absent;
      }
      T t = v instanceof JsonValue.Str s ? lookup.apply(s.value()) : null;
      if (t == null) {
        String found = v instanceof JsonValue.Str s ? JsonWriter.quote(s.value()) : v.describe();
        problem(pointer, "unknown " + what + " " + found + "; expected " + expected
            + (v instanceof JsonValue.Str s ? Suggestions.hint(s.value(), candidates) : ""));
      }
      return t;
    }

    void unknownKeys(JsonValue.Obj o, String pointer, List<String> allowed, String hint) {
      for (String k : o.members().keySet()) {
        if (!allowed.contains(k)) {
          problem(Problem.child(pointer, k), "unknown key " + JsonWriter.quote(k) + "; " + hint + Suggestions.hint(k, allowed));
        }
      }
    }
  }

  /** What is wrong with {@code url} as an absolute http(s) URL with a host, or {@code null}. */
  private static String urlProblem(String url) {
    String found = JsonWriter.quote(url.length() > 60 ? url.substring(0, 57) + "..." : url);
    try {
      java.net.URI u = new java.net.URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()) {
        return null;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    return "expected an absolute http(s) URL such as \"https://example.com/hook\", found " + found;
  }

  /** As the subscription loader describes an id (it checks ids of the subscriptions it reads alike). */
  private static String idDescription(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      return s.value().isBlank() ? "a blank string" : "a string";
    }
    return v instanceof JsonValue.Num ? "a number" : v instanceof JsonValue.Bool ? "a boolean" : v instanceof JsonValue.Obj ? "an object" : "an array";
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }
}
