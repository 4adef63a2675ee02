package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import dev.subfilter.Lint;
import dev.subfilter.Lint.Code;
import dev.subfilter.Mode;
import dev.subfilter.Operator;
import dev.subfilter.Subscription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What {@link Lint} checks with: the plans of the subscriptions, the compiled condition of each
 * filter it asks about, and what the samples held per objCode. Made by {@link Plan#lint},
 * for {@code dev.subfilter.Lint}. Not thread-safe.
 */
final class Linter {
  private static final int MAX_VALUES = 1_000;
  private static final int MAX_NAMES = 10_000;

  private final Mode mode;
  private final Map<String, Subscription> subscriptions;
  private final Map<String, Plan> plans = new LinkedHashMap<>();
  /** Per objCode, the compiled eq, contains and containsOnly conditions the samples are checked against. */
  private final Map<String, Map<Filter.Condition, ValueCheck>> checks = new HashMap<>();
  private final Map<String, Set<String>> namesByObjCode = new HashMap<>();
  private final Map<String, long[]> samplesByObjCode = new HashMap<>();
  /** Per gate (objCode eventType-or-name), {samples, with an old state}. */
  private final Map<String, long[]> oldStateByGate = new HashMap<>();
  private final Map<String, Map<String, long[]>> valuesByField = new HashMap<>();

  /** One condition checked against the samples: how often its field was present, and how often it held. */
  private static final class ValueCheck {
    final Predicate<Event> test;
    long present;
    long held;

    ValueCheck(Predicate<Event> test) {
      this.test = test;
    }
  }

  Linter(Mode mode, Map<String, Subscription> subscriptions) {
    this.mode = mode;
    this.subscriptions = subscriptions;
    subscriptions.forEach((id, s) -> {
      Plan p = Plan.of(s);
      plans.put(id, p);
      for (Plan.Test t : p.tests()) {
        if (t.op == Operator.EQ || t.op == Operator.CONTAINS || t.op == Operator.CONTAINS_ONLY) {
          checks.computeIfAbsent(s.objCode(), k -> new LinkedHashMap<>())
              .computeIfAbsent(t.source, c -> new ValueCheck(one(c)));
        }
      }
    });
  }

  /** The compiled filters of a subscription holding only {@code c}. */
  private static Predicate<Event> one(Filter.Condition c) {
    return Plan.of(Subscription.of("-", "UPDATE", c)).compile();
  }

  void sample(Event e) {
    JsonModel m = e.model();
    samplesByObjCode.computeIfAbsent(e.objCode(), k -> new long[1])[0]++;
    Set<String> names = namesByObjCode.computeIfAbsent(e.objCode(), k -> new HashSet<>());
    for (Object state : new Object[] {e.newState(), e.oldState()}) {
      if (state == null) {
        continue;
      }
      for (String k : m.keys(state)) {
        if (names.size() < MAX_NAMES) {
          names.add(k);
        }
      }
      Object pv = m.get(state, "parameterValues");
      if (pv != null && m.kind(pv) == JsonModel.Kind.OBJECT) {
        for (String k : m.keys(pv)) {
          if (names.size() < MAX_NAMES) {
            names.add(k);
          }
        }
      }
    }
    for (String gate : new LinkedHashSet<>(List.of(e.objCode() + " " + e.eventType(), e.objCode() + " " + e.name()))) {
      long[] c = oldStateByGate.computeIfAbsent(gate, k -> new long[2]);
      c[0]++;
      if (e.hasOldState()) {
        c[1]++;
      }
    }
    Map<Filter.Condition, ValueCheck> cs = checks.get(e.objCode());
    if (cs == null) {
      return;
    }
    Set<String> tallied = new HashSet<>(); // several conditions on one field: its value counts once per event
    for (Map.Entry<Filter.Condition, ValueCheck> x : cs.entrySet()) {
      Filter.Condition c = x.getKey();
      Object state = c.state() == dev.subfilter.State.OLD_STATE ? e.oldState() : e.newState();
      Object node = state == null ? null : FieldRef.of(c.fieldName()).lookup(m, state);
      if (node == null) {
        continue;
      }
      ValueCheck v = x.getValue();
      v.present++;
      if (v.test.test(e)) {
        v.held++;
      }
      String field = e.objCode() + " " + c.state().token() + " " + c.fieldName();
      if (!tallied.add(field)) {
        continue;
      }
      Map<String, long[]> seen = valuesByField.computeIfAbsent(field, k -> new LinkedHashMap<>());
      String shown = Explainer.value(m, node).toString();
      shown = shown.length() > 80 ? shown.substring(0, 77) + "..." : shown;
      long[] n = seen.get(shown);
      if (n != null) {
        n[0]++;
      } else if (seen.size() < MAX_VALUES) {
        seen.put(shown, new long[] {1});
      }
    }
  }

  List<Lint.Warning> warnings() {
    List<Lint.Warning> out = new ArrayList<>();
    Map<List<Object>, String> firstOf = new HashMap<>();
    Map<String, List<String>> byGate = new LinkedHashMap<>();
    for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
      String id = e.getKey();
      Subscription s = e.getValue();
      Plan plan = plans.get(id);
      List<Lint.Warning> ws = new ArrayList<>();
      contradictions(id, plan.filters(), ws);
      oldState(id, s, plan, ws);
      List<Object> key = List.of(s.objCode(), s.eventType(), String.valueOf(s.objId()), s.filterConnector(), s.filters());
      String first = firstOf.putIfAbsent(key, id);
      if (first != null) {
        ws.add(new Lint.Warning(Code.DUPLICATE_SUBSCRIPTION, id, "", "the same gate and filters as " + first
            + "; every event matches both or neither"));
      } else {
        redundant(id, s, byGate, ws);
      }
      samples(id, s, plan, ws);
      ws.sort((a, b) -> a.pointer().compareTo(b.pointer()));
      out.addAll(ws);
    }
    return Collections.unmodifiableList(out);
  }

  // ------------------------------------------------------------------ contradictions

  private void contradictions(String id, Plan.Junction j, List<Lint.Warning> out) {
    List<Plan.Node> terms = j.terms();
    if (j.effective() == Connector.AND) {
      List<Plan.Test> tests = new ArrayList<>();
      for (Plan.Node n : terms) {
        if (n instanceof Plan.Test t && t.op != Operator.CHANGED) {
          tests.add(t);
        }
      }
      for (int b = 1; b < tests.size(); b++) {
        for (int a = 0; a < b; a++) {
          String why = clash(tests.get(a), tests.get(b));
          if (why != null) {
            Plan.Test t = tests.get(b);
            String whole = j.source == null ? "this subscription never matches" : "group " + j.pointer + " never holds";
            out.add(new Lint.Warning(Code.CONTRADICTION, id, t.pointer, Explainer.describe(t.source) + " and "
                + tests.get(a).pointer + " " + Explainer.describe(tests.get(a).source) + " cannot both hold (" + why + "): " + whole));
            break;
          }
        }
      }
    }
    for (Plan.Node n : terms) {
      if (n instanceof Plan.Junction g) {
        contradictions(id, g, out);
      }
    }
  }

  /** Why two AND-ed conditions never both hold, or {@code null}. */
  private static String clash(Plan.Test x, Plan.Test y) {
    if (!x.field.name().equals(y.field.name()) || x.old != y.old) {
      return null;
    }
    if (x.op == Operator.NOT_EXISTS || y.op == Operator.NOT_EXISTS) {
      Plan.Test other = x.op == Operator.NOT_EXISTS ? y : x;
      return other.op == Operator.NOT_EXISTS ? null : "notExists needs the field absent, " + other.op.token() + " present";
    }
    for (Plan.Test[] p : new Plan.Test[][] {{x, y}, {y, x}}) {
      if (p[0].op == Operator.EQ && p[0].operand instanceof Constant k && EqValues.ofConstant(k) != null && p[1].op != Operator.EXISTS) {
        Predicate<Event> other = one(p[1].source);
        for (Object w : twins(k)) {
          Map<String, Object> state = Map.of(x.field.name(), w);
          Event e = Event.builder(JsonModel.JAVA).eventType("UPDATE").objCode("-").newState(state).oldState(state).build();
          if (other.test(e)) {
            return null;
          }
        }
        return "no value equal to " + p[0].source.fieldValue().toJson() + " satisfies " + p[1].op.token();
      }
    }
    BigDecimal lo = null;
    BigDecimal hi = null;
    boolean loStrict = false;
    boolean hiStrict = false;
    for (Plan.Test t : new Plan.Test[] {x, y}) {
      if (!(t.operand instanceof Constant k) || k.kind != JsonModel.Kind.NUMBER) {
        return null;
      }
      switch (t.op) {
        case GT, GTE -> {
          if (lo == null || k.number.compareTo(lo) > 0 || (k.number.compareTo(lo) == 0 && t.op == Operator.GT)) {
            lo = k.number;
            loStrict = t.op == Operator.GT;
          }
        }
        case LT, LTE -> {
          if (hi == null || k.number.compareTo(hi) < 0 || (k.number.compareTo(hi) == 0 && t.op == Operator.LT)) {
            hi = k.number;
            hiStrict = t.op == Operator.LT;
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (lo == null || hi == null) {
      return null;
    }
    int c = lo.compareTo(hi);
    return c > 0 || (c == 0 && (loStrict || hiStrict)) ? "no number is both " + (loStrict ? "> " : ">= ") + lo.toPlainString()
        + " and " + (hiStrict ? "< " : "<= ") + hi.toPlainString() : null;
  }

  /** The values eq takes as equal to a scalar constant: the value, and its number, string or boolean twin. */
  private static List<Object> twins(Constant k) {
    List<Object> out = new ArrayList<>();
    switch (k.kind) {
      case STRING -> {
        out.add(k.string);
        if (k.number != null) {
          out.add(k.number);
        }
        if (k.bool != null) {
          out.add(k.bool);
        }
      }
      case NUMBER -> {
        out.add(k.number);
        out.add(k.containsText);
      }
      case BOOLEAN -> {
        out.add(k.bool);
        out.add(k.bool.toString());
      }
      default -> { }
    }
    return out;
  }

  // ------------------------------------------------------------------ old state

  private void oldState(String id, Subscription s, Plan plan, List<Lint.Warning> out) {
    String type = s.eventType();
    boolean vendor = !EventNames.isCanonical(type);
    String suffix = vendor ? type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('_')) + 1) : "";
    boolean fourMe = vendor && type.contains(".");
    boolean created = type.equals("CREATE") || (fourMe && suffix.equals("create")) || (vendor && !fourMe && (suffix.equals("added") || suffix.equals("created")));
    for (Plan.Test t : plan.tests()) {
      boolean readsOld = t.old || t.op == Operator.CHANGED;
      if (!readsOld) {
        continue;
      }
      String what = Explainer.describe(t.source);
      if (created) {
        if (mode == Mode.EXTENDED || vendor) {
          out.add(new Lint.Warning(Code.OLD_STATE_ON_CREATE, id, t.pointer, t.op == Operator.CHANGED
              ? what + " on " + type + " holds whenever " + t.field.name() + " is in newState, as the old state is {}; exists says that plainly"
              : what + " on " + type + ": the old state is {}, so " + t.field.name() + " is always absent from it"));
        }
      } else if (fourMe && suffix.equals("status-changed")) {
        if (!t.field.name().equals("status")) {
          out.add(new Lint.Warning(Code.OLD_STATE_NEVER_SENT, id, t.pointer, what + ": 4me's " + type
              + " carries only the previous status; its old state is the new one with that status, so "
              + (t.op == Operator.CHANGED ? "this never holds" : t.field.name() + " reads the new value")));
        }
      } else if (vendor) {
        out.add(new Lint.Warning(Code.OLD_STATE_NEVER_SENT, id, t.pointer, what + ": " + (fourMe ? "4me" : "CMP") + " sends no old state with "
            + type + ", so every oldState filter and changed is false"));
      } else {
        long[] c = oldStateByGate.get(s.objCode() + " " + type);
        if (c != null && c[1] == 0) {
          out.add(new Lint.Warning(Code.OLD_STATE_NEVER_SENT, id, t.pointer, what + ": none of the " + c[0] + " sample events of "
              + s.objCode() + " " + type + " carries an old state (4me and CMP send none with most events), so this is false for them"));
        }
      }
    }
  }

  // ------------------------------------------------------------------ redundancy

  private void redundant(String id, Subscription s, Map<String, List<String>> byGate, List<Lint.Warning> out) {
    String gate = s.objCode() + " " + s.eventType();
    List<String> earlier = byGate.computeIfAbsent(gate, k -> new ArrayList<>());
    if (effectiveAnd(s)) {
      Set<Filter> mine = new HashSet<>(s.filters());
      for (String other : earlier) {
        Subscription o = subscriptions.get(other);
        if (effectiveAnd(o) && mine.containsAll(o.filters()) && o.filters().size() < mine.size()
            && (o.objId() == null || o.objId().equals(s.objId())) && java.util.Objects.equals(o.carried().get("url"), s.carried().get("url"))) {
          out.add(new Lint.Warning(Code.REDUNDANT_SUBSCRIPTION, id, "", "every event this matches, " + other
              + " matches too (its filters are a subset of these)" + (s.carried().get("url") == null ? "" : " and delivers to the same url")));
          break;
        }
      }
    }
    earlier.add(id);
  }

  private static boolean effectiveAnd(Subscription s) {
    return s.filterConnector() == Connector.AND || s.filters().size() <= 1;
  }

  // ------------------------------------------------------------------ samples

  private void samples(String id, Subscription s, Plan plan, List<Lint.Warning> out) {
    long[] n = samplesByObjCode.get(s.objCode());
    if (n == null) {
      return;
    }
    Set<String> names = namesByObjCode.get(s.objCode());
    Set<String> reported = new HashSet<>();
    for (Plan.Test t : plan.tests()) {
      String f = t.field.name();
      if (!names.contains(f)) {
        if (reported.add(f)) {
          out.add(new Lint.Warning(Code.UNKNOWN_FIELD, id, t.pointer + "/fieldName", JsonValue.of(f) + " is absent from all "
              + n[0] + " sample events of " + s.objCode() + suggest(f, names)));
        }
        continue;
      }
      ValueCheck v = checks.getOrDefault(s.objCode(), Map.of()).get(t.source);
      if (v != null && v.present > 0 && v.held == 0) {
        Map<String, long[]> seen = valuesByField.getOrDefault(s.objCode() + " " + t.source.state().token() + " " + f, Map.of());
        List<Map.Entry<String, long[]>> top = new ArrayList<>(seen.entrySet());
        top.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(5, top.size()); i++) {
          shown.add(top.get(i).getKey() + " (" + top.get(i).getValue()[0] + ")");
        }
        out.add(new Lint.Warning(Code.VALUE_NEVER_SEEN, id, t.pointer + "/fieldValue", Explainer.describe(t.source)
            + " holds for none of the " + v.present + " sample events of " + s.objCode() + " that have " + f + "; they have "
            + String.join(", ", shown) + (top.size() > 5 ? ", ..." : "")));
      }
    }
  }

  /** {@code ; did you mean "x" or "y"?}: names within a small edit distance, and the DE: form. */
  private static String suggest(String f, Set<String> names) {
    List<String> out = new ArrayList<>();
    if (!f.startsWith("DE:") && names.contains("DE:" + f)) {
      out.add("DE:" + f);
    }
    if (f.startsWith("DE:") && names.contains(f.substring(3))) {
      out.add(f.substring(3));
    }
    int max = Math.max(1, Math.min(3, f.length() / 3));
    List<String> near = new ArrayList<>();
    for (String n : names) {
      if (!out.contains(n) && (distance(f.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT)) <= max)) {
        near.add(n);
      }
    }
    near.sort((a, b) -> distance(f, a) != distance(f, b) ? Integer.compare(distance(f, a), distance(f, b)) : a.compareTo(b));
    out.addAll(near.subList(0, Math.min(3, near.size())));
    if (out.isEmpty()) {
      return "";
    }
    List<String> quoted = new ArrayList<>();
    out.forEach(x -> quoted.add(JsonValue.of(x).toString()));
    return "; did you mean " + String.join(" or ", quoted) + "?";
  }

  /** Edit distance, a swap of two neighbours counting as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[] prevPrev = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1); // a transposition counts once
        }
      }
      int[] t = prevPrev;
      prevPrev = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
