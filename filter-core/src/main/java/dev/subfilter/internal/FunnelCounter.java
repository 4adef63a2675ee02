package dev.subfilter.internal;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Filter;
import dev.subfilter.Funnel;
import dev.subfilter.JsonModel;
import dev.subfilter.Operator;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Funnel} counts with. Every distinct condition of a gate is compiled once, as a
 * subscription of that gate with that one filter, into a {@link SubscriptionIndex} of them: one
 * match of an event gives exactly the conditions that hold (the index only narrows down which are
 * evaluated). Events are then batched by gate, {@link #BATCH} at a time, each condition's results
 * a bit per event, and every subscription's rows are worked out 64 events per word ({@link
 * FunnelShape#slice}): per event, counting costs a few word operations per subscription. The
 * conditions the index could only evaluate for every event of their gate are taken out of it and
 * evaluated by the gate's {@link FunnelDirect}, one field lookup per field.
 *
 * <p>A subscription whose top-level AND has an eq or contains condition (its <em>anchor</em>,
 * usually false) is counted in a group with the subscriptions of its gate that share the rest of its
 * filters: the group counts the rest over every event once, and each member only where its anchor
 * holds, taking that part away from the group's counts when reporting. Where the anchor is false the
 * subscription is false, the anchor rejected the event, and it alone did when the rest holds; the
 * values its field had then are the group's tally of that field where the rest held, less those at
 * the member's matches.
 *
 * <p>Made by {@link Plan#funnel}, for {@code dev.subfilter.Funnel}. Not thread-safe.
 */
final class FunnelCounter {
  /** Events per gate counted at once: a multiple of 64. */
  static final int BATCH = 1024;
  static final int WORDS = BATCH / 64;

  private final List<FunnelMember> members = new ArrayList<>();
  private final List<FunnelGate> gates = new ArrayList<>();
  private final Map<String, Map<String, FunnelGate>> canonical = new HashMap<>();
  private final Map<String, Map<String, FunnelGate>> vendor = new HashMap<>();
  private final SubscriptionIndex conditions;
  /** Per condition: its gate and its row in that gate's batch. */
  private final FunnelGate[] conditionGate;
  private final int[] conditionRow;
  private final List<FieldRef> fieldRefs = new ArrayList<>();
  private final List<Boolean> fieldOld = new ArrayList<>();
  /** Per field, the values seen so far, numbered (at most maxValues; later new ones are -1, other). */
  private final List<Map<Object, Integer>> dictionaries = new ArrayList<>();
  private final List<List<String>> names = new ArrayList<>();
  private final int maxValues;
  private long events;

  /** Conditions are shared by gate (type, objCode, objId) and value. */
  private record ConditionKey(String type, String objCode, String objId, Filter.Condition condition) {}

  /**
   * @param subscriptions by id, in report order
   * @param maxValues how many distinct values of one field are told apart
   */
  FunnelCounter(Map<String, CompiledSubscription> subscriptions, int maxValues) {
    this.maxValues = maxValues;
    Map<ConditionKey, Integer> ids = new LinkedHashMap<>();
    Map<Integer, Integer> uses = new HashMap<>();
    List<FunnelGate> byCondition = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    Map<String, Integer> fields = new HashMap<>();
    SubscriptionIndex index = SubscriptionIndex.EMPTY;
    List<Plan> plans = new ArrayList<>();
    List<int[]> conds = new ArrayList<>();
    for (CompiledSubscription cs : subscriptions.values()) {
      Subscription s = cs.subscription();
      FunnelGate gate = gate(s);
      Plan plan = Plan.of(s);
      plans.add(plan);
      int[] c = new int[plan.tests().size()];
      for (int i = 0; i < c.length; i++) {
        Filter.Condition f = plan.tests().get(i).source;
        ConditionKey k = new ConditionKey(s.eventType(), s.objCode(), s.objId(), f);
        Integer id = ids.get(k);
        if (id == null) {
          id = ids.size();
          ids.put(k, id);
          byCondition.add(gate);
          int row = gate.conditions++;
          rows.add(row);
          Subscription one = new Subscription(s.objCode(), s.eventType(), s.objId(), Connector.AND, List.of(f), Map.of());
          index = index.with("c" + id, one.compile()); // seq == id: ids are given in insertion order
          if ("fallback".equals(index.placement("c" + id))) { // the index would evaluate it for every event
            index = index.without("c" + id);
            gate.direct.add(Compiler.compile(Plan.of(one)), row);
          }
        }
        c[i] = id;
        uses.merge(id, 1, Integer::sum);
      }
      conds.add(c);
    }
    this.conditions = index;
    this.conditionGate = byCondition.toArray(new FunnelGate[0]);
    this.conditionRow = rows.stream().mapToInt(Integer::intValue).toArray();
    Map<String, FunnelGroup> groups = new HashMap<>();
    int at = 0;
    for (Map.Entry<String, CompiledSubscription> e : subscriptions.entrySet()) {
      Subscription s = e.getValue().subscription();
      Plan plan = plans.get(at);
      int[] c = conds.get(at++);
      int[] local = new int[c.length];
      for (int i = 0; i < c.length; i++) {
        local[i] = conditionRow[c[i]];
      }
      FunnelGate gate = gate(s);
      String gateText = s.objCode() + " " + s.eventType() + (s.objId() == null ? "" : " objId " + s.objId());
      Plan.Junction root = plan.filters();
      boolean topAnd = root.effective() == Connector.AND;
      FunnelShape shape = FunnelShape.of(root.children, topAnd, null);
      int[] rowField = new int[shape.rows()];
      for (int r = 0; r < rowField.length; r++) {
        rowField[r] = shape.nodes.get(r) instanceof Plan.Test t ? gate.field(field(fields, t)) : -1;
      }
      FunnelMember m = new FunnelMember(e.getKey(), gateText, shape, local, rowField, gate);
      members.add(m);
      Plan.Test anchor = s.objId() == null && topAnd ? anchor(root, plan, c, uses) : null;
      if (anchor == null) {
        if (s.objId() == null) {
          gate.alone.add(m);
        } else {
          gate.pinned.computeIfAbsent(s.objId(), k -> new ArrayList<>()).add(m);
        }
        continue;
      }
      int anchorTest = plan.tests().indexOf(anchor);
      int[] rest = new int[c.length - 1];
      for (int i = 0, j = 0; i < c.length; i++) {
        if (i != anchorTest) {
          rest[j++] = local[i];
        }
      }
      StringBuilder sig = new StringBuilder(gateText).append(" |");
      signature(sig, root.children, anchor, c, plan);
      FunnelGroup g = groups.get(sig.toString());
      if (g == null) {
        g = new FunnelGroup(FunnelShape.of(root.children, true, anchor), rest);
        groups.put(sig.toString(), g);
        gate.groups.add(g);
      }
      int anchorRow = shape.nodes.indexOf(anchor);
      m.anchor(anchorRow, local[anchorTest], g, g.field(rowField[anchorRow]));
      g.members.add(m);
    }
    for (int i = 0; i < fieldRefs.size(); i++) {
      dictionaries.add(new HashMap<>());
      names.add(new ArrayList<>());
    }
    for (FunnelGate g : gates) {
      g.allocate();
      g.direct.freeze();
    }
  }

  private FunnelGate gate(Subscription s) {
    boolean isVendor = !EventNames.isCanonical(s.eventType());
    Map<String, FunnelGate> codes = (isVendor ? vendor : canonical).computeIfAbsent(s.eventType(), k -> new HashMap<>());
    FunnelGate g = codes.get(s.objCode());
    if (g == null) {
      g = new FunnelGate(this);
      codes.put(s.objCode(), g);
      gates.add(g);
    }
    return g;
  }

  /** The field of a condition, numbered: conditions on one field and state share its value per event. */
  private int field(Map<String, Integer> fields, Plan.Test t) {
    boolean old = t.old && t.op != Operator.CHANGED;
    String key = (old ? "o:" : "n:") + t.field.name();
    Integer id = fields.get(key);
    if (id == null) {
      id = fieldRefs.size();
      fields.put(key, id);
      fieldRefs.add(t.field);
      fieldOld.add(old);
    }
    return id;
  }

  /**
   * The top-level condition to set apart: an eq or contains (most often false), preferring a
   * scalar eq, then a scalar contains, then a nested value; among those the one the fewest
   * subscriptions share. {@code null} when there is none.
   */
  private static Plan.Test anchor(Plan.Junction root, Plan plan, int[] c, Map<Integer, Integer> uses) {
    Plan.Test best = null;
    int bestRank = Integer.MAX_VALUE;
    int bestUses = Integer.MAX_VALUE;
    for (Plan.Node n : root.children) {
      if (!(n instanceof Plan.Test t) || (t.op != Operator.EQ && t.op != Operator.CONTAINS)) {
        continue;
      }
      int rank;
      if (t.operand instanceof Constant k) {
        if (EqValues.ofConstant(k) == null) {
          continue;
        }
        rank = t.op == Operator.EQ ? 0 : 1;
      } else {
        rank = 2;
      }
      int u = uses.get(c[plan.tests().indexOf(t)]);
      if (rank < bestRank || (rank == bestRank && u < bestUses)) {
        best = t;
        bestRank = rank;
        bestUses = u;
      }
    }
    return best;
  }

  /** The rest of the filters, written with their condition ids: equal signatures, equal rests. */
  private static void signature(StringBuilder b, List<Plan.Node> nodes, Plan.Test skip, int[] c, Plan plan) {
    for (Plan.Node n : nodes) {
      if (n == skip) {
        continue;
      }
      if (n instanceof Plan.Test t) {
        b.append(" t").append(c[plan.tests().indexOf(t)]);
      } else {
        Plan.Junction j = (Plan.Junction) n;
        b.append(' ').append(j.connector).append('(');
        signature(b, j.children, skip, c, plan);
        b.append(" )");
      }
    }
  }

  /** @return the events added */
  long events() {
    return events;
  }

  /** Counts {@code e}. */
  void add(Event e) {
    events++;
    FunnelGate a = null;
    FunnelGate b = null;
    Map<String, FunnelGate> codes = canonical.get(e.eventType());
    if (codes != null) {
      a = codes.get(e.objCode());
    }
    if (!vendor.isEmpty()) {
      codes = vendor.get(e.name());
      if (codes != null) {
        b = codes.get(e.objCode());
      }
    }
    if (a == null && b == null) {
      return; // no subscription's gate: nothing to count but the event
    }
    if (a != null) {
      a.enter(e);
      a.direct.evaluate(e, a);
    }
    if (b != null) {
      b.enter(e);
      b.direct.evaluate(e, b);
    }
    MatchRun run = conditions.run(e, null);
    int n = run == null ? 0 : run.size();
    for (int i = 0; i < n; i++) {
      int id = (int) run.seqAt(i);
      conditionGate[id].holds(conditionRow[id]);
    }
    if (a != null && a.size == BATCH) {
      a.flush();
    }
    if (b != null && b.size == BATCH) {
      b.flush();
    }
  }

  /**
   * What field {@code f} holds in {@code e}, as a dictionary key: a string's text, or what stands
   * for the value until it is numbered ({@link #number}).
   */
  Object key(Event e, int f) {
    Object state = fieldOld.get(f) ? e.oldState() : e.newState();
    if (state == null) {
      return UNKNOWN;
    }
    JsonModel m = e.model();
    Object node = fieldRefs.get(f).lookup(m, state);
    return node == null ? ABSENT : m.kind(node) == JsonModel.Kind.STRING ? m.text(node) : new Unshown(m, node);
  }

  /**
   * The number of {@code key} in field {@code f}'s dictionary (-1 once that is full). A string is
   * looked up by its text, so that no display text is made for a value seen before; others by what
   * explain shows.
   */
  int number(Object key, int f) {
    if (key instanceof Unshown u) {
      key = new Shown(cut(Explainer.value(u.model, u.node).toString()));
    }
    Map<Object, Integer> d = dictionaries.get(f);
    Integer id = d.get(key);
    if (id == null && d.size() < maxValues) {
      id = d.size();
      d.put(key, id);
      names.get(f).add(key instanceof String text ? cut(dev.subfilter.JsonValue.of(text).toString()) : ((Shown) key).text);
    }
    return id == null ? -1 : id;
  }

  /** A value that is not a string, until it is numbered. */
  private record Unshown(JsonModel model, Object node) {}

  /** A dictionary key that is not a string's text: what explain shows. */
  private record Shown(String text) {}

  private static final Shown UNKNOWN = new Shown("(old state unknown)");
  private static final Shown ABSENT = new Shown("(absent)");

  private static String cut(String s) {
    return s.length() <= 80 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(76)) ? 76 : 77) + "...";
  }

  /** The funnels so far (the events batched until now are counted first). */
  Funnel.Report report() {
    for (FunnelGate g : gates) {
      g.flush();
    }
    List<Funnel.Entry> out = new ArrayList<>(members.size());
    for (FunnelMember m : members) {
      out.add(m.report(names));
    }
    return new Funnel.Report(events, out);
  }
}
