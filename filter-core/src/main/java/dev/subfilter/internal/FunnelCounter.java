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
 * evaluated). Each subscription then reads its conditions' bits as one pattern and counts it; a
 * pattern's rows are worked out once ({@link FunnelShape#analyze}).
 *
 * <p>To keep the per-event cost below one step per subscription of the gate, a subscription whose
 * top-level AND has an eq or contains condition (its <em>anchor</em>, usually false) is counted in a
 * group with the subscriptions that share the rest of its filters: the group counts the rest's
 * patterns over every event of the gate, and the subscription itself only the events where its
 * anchor holds, which it takes away from the group's counts when reporting. Where the anchor is false
 * the subscription is false, the anchor rejected the event, and it alone did when the rest holds.
 *
 * <p>Not API: public only because {@code dev.subfilter.Funnel}, the public face, holds it. Not thread-safe.
 */
public final class FunnelCounter {
  /** Patterns are longs: subscriptions with more conditions are counted event by event. */
  private static final int MAX_PATTERN_BITS = 62;

  private final List<Member> members = new ArrayList<>();
  private final Map<String, Map<String, Gate>> canonical = new HashMap<>();
  private final Map<String, Map<String, Gate>> vendor = new HashMap<>();
  private final SubscriptionIndex conditions;
  private final Member[][] anchoredBy;
  private final long[] truth;
  private final List<FieldRef> fieldRefs = new ArrayList<>();
  private final List<Boolean> fieldOld = new ArrayList<>();
  private String[] fieldValues;
  private long[] fieldStamps;
  private final int maxValues;
  private long events;

  /** Conditions are shared by gate (type, objCode, objId) and value. */
  private record ConditionKey(String type, String objCode, String objId, Filter.Condition condition) {}

  /**
   * @param subscriptions by id, in report order
   * @param maxValues how many distinct values each tally keeps
   */
  public FunnelCounter(Map<String, CompiledSubscription> subscriptions, int maxValues) {
    this.maxValues = maxValues;
    Map<ConditionKey, Integer> ids = new LinkedHashMap<>();
    Map<Integer, Integer> uses = new HashMap<>();
    Map<String, Integer> fields = new HashMap<>();
    List<Plan> plans = new ArrayList<>();
    List<int[]> conds = new ArrayList<>();
    SubscriptionIndex index = SubscriptionIndex.EMPTY;
    for (CompiledSubscription cs : subscriptions.values()) {
      Subscription s = cs.subscription();
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
          Subscription one = new Subscription(s.objCode(), s.eventType(), s.objId(), Connector.AND, List.of(f), Map.of());
          index = index.with("c" + id, one.compile()); // seq == id: ids are given in insertion order
        }
        c[i] = id;
        uses.merge(id, 1, Integer::sum);
      }
      conds.add(c);
    }
    this.conditions = index;
    this.truth = new long[(ids.size() + 63) / 64 + 1];
    List<List<Member>> anchored = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      anchored.add(null);
    }
    Map<String, Group> groups = new HashMap<>();
    int at = 0;
    for (Map.Entry<String, CompiledSubscription> e : subscriptions.entrySet()) {
      Subscription s = e.getValue().subscription();
      Plan plan = plans.get(at);
      int[] c = conds.get(at++);
      boolean isVendor = !EventNames.isCanonical(s.eventType());
      Gate gate = (isVendor ? vendor : canonical).computeIfAbsent(s.eventType(), k -> new HashMap<>())
          .computeIfAbsent(s.objCode(), k -> new Gate());
      String gateText = s.objCode() + " " + s.eventType() + (s.objId() == null ? "" : " objId " + s.objId());
      Plan.Junction root = plan.filters();
      boolean topAnd = root.effective() == Connector.AND;
      FunnelShape shape = FunnelShape.of(root.children, topAnd, null);
      int[] rowField = new int[shape.rows()];
      for (int r = 0; r < rowField.length; r++) {
        rowField[r] = shape.nodes.get(r) instanceof Plan.Test t ? field(fields, t) : -1;
      }
      Plan.Test anchor = s.objId() == null && topAnd && c.length <= MAX_PATTERN_BITS + 1 ? anchor(root, plan, c, uses) : null;
      Member m = new Member(e.getKey(), gateText, shape, c, rowField, gate, maxValues);
      members.add(m);
      if (anchor == null) {
        if (s.objId() == null) {
          gate.individuals.add(m);
        } else {
          gate.pinned.computeIfAbsent(s.objId(), k -> new ArrayList<>()).add(m);
        }
        continue;
      }
      int anchorTest = plan.tests().indexOf(anchor);
      int[] rest = new int[c.length - 1];
      StringBuilder sig = new StringBuilder(isVendor ? "v " : "c ").append(s.eventType()).append(' ').append(s.objCode()).append(" |");
      for (int i = 0, j = 0; i < c.length; i++) {
        if (i != anchorTest) {
          rest[j++] = c[i];
        }
      }
      signature(sig, root.children, anchor, c, plan);
      Group g = groups.get(sig.toString());
      if (g == null) {
        g = new Group(FunnelShape.of(root.children, true, anchor), rest);
        groups.put(sig.toString(), g);
        gate.groups.add(g);
      }
      m.anchor(shape.nodes.indexOf(anchor), c[anchorTest], g, g.field(field(fields, anchor), maxValues));
      List<Member> l = anchored.get(c[anchorTest]);
      if (l == null) {
        anchored.set(c[anchorTest], l = new ArrayList<>());
      }
      l.add(m);
    }
    this.anchoredBy = new Member[ids.size()][];
    for (int i = 0; i < anchoredBy.length; i++) {
      List<Member> l = anchored.get(i);
      anchoredBy[i] = l == null ? null : l.toArray(new Member[0]);
    }
    this.fieldValues = new String[fieldRefs.size()];
    this.fieldStamps = new long[fieldRefs.size()];
  }

  /** The field of a condition row, numbered: conditions on one field and state share its value per event. */
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
  public long events() {
    return events;
  }

  /** Counts {@code e}. */
  public void add(Event e) {
    events++;
    MatchRun run = conditions.run(e, null);
    int n = run == null ? 0 : run.size();
    for (int i = 0; i < n; i++) {
      int id = (int) run.seqAt(i);
      truth[id >>> 6] |= 1L << id;
    }
    Map<String, Gate> codes = canonical.get(e.eventType());
    if (codes != null) {
      Gate g = codes.get(e.objCode());
      if (g != null) {
        g.observe(this, e);
      }
    }
    if (!vendor.isEmpty()) {
      codes = vendor.get(e.name());
      if (codes != null) {
        Gate g = codes.get(e.objCode());
        if (g != null) {
          g.observe(this, e);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Member[] ms = anchoredBy[(int) run.seqAt(i)];
      if (ms != null) {
        for (Member m : ms) {
          m.observeAnchorHolds(this, e);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int id = (int) run.seqAt(i);
      truth[id >>> 6] = 0;
    }
  }

  long pattern(int[] conds) {
    long p = 0;
    for (int i = 0; i < conds.length; i++) {
      int id = conds[i];
      p |= (truth[id >>> 6] >>> id & 1L) << i;
    }
    return p;
  }

  long[] words(int[] conds) {
    long[] w = new long[(conds.length + 63) / 64];
    for (int i = 0; i < conds.length; i++) {
      int id = conds[i];
      w[i >>> 6] |= (truth[id >>> 6] >>> id & 1L) << i;
    }
    return w;
  }

  /** What field {@code f} holds in {@code e}, as explain shows it; worked out once per event. */
  String value(Event e, int f) {
    if (fieldStamps[f] == events) {
      return fieldValues[f];
    }
    Object state = fieldOld.get(f) ? e.oldState() : e.newState();
    String v;
    if (state == null) {
      v = "(old state unknown)";
    } else {
      JsonModel m = e.model();
      Object node = fieldRefs.get(f).lookup(m, state);
      v = node == null ? "(absent)" : cut(Explainer.value(m, node).toString());
    }
    fieldValues[f] = v;
    fieldStamps[f] = events;
    return v;
  }

  private static String cut(String s) {
    return s.length() <= 80 ? s : s.substring(0, Character.isHighSurrogate(s.charAt(76)) ? 76 : 77) + "...";
  }

  /** The funnels so far. */
  public Funnel.Report report() {
    List<Funnel.Entry> out = new ArrayList<>(members.size());
    for (Member m : members) {
      out.add(m.report());
    }
    return new Funnel.Report(events, out);
  }

  /** The subscriptions of one gate (eventType or vendor name, objCode). */
  private static final class Gate {
    long events;
    final List<Member> individuals = new ArrayList<>();
    final Map<String, List<Member>> pinned = new HashMap<>();
    final List<Group> groups = new ArrayList<>();

    void observe(FunnelCounter c, Event e) {
      events++;
      for (Group g : groups) {
        g.observe(c, e);
      }
      for (Member m : individuals) {
        m.gatePassed++;
        m.observe(c, e);
      }
      if (!pinned.isEmpty() && e.objId() != null) {
        List<Member> l = pinned.get(e.objId());
        if (l != null) {
          for (Member m : l) {
            m.gatePassed++;
            m.observe(c, e);
          }
        }
      }
    }
  }

  /** Subscriptions of one gate sharing the filters besides their anchor: counted once per event. */
  private static final class Group {
    final FunnelShape shape;
    final int[] conds;
    final FunnelPatterns patterns = new FunnelPatterns();
    /** The members' anchor fields, and the values each had whenever the rest held. */
    final List<Integer> fields = new ArrayList<>();
    final List<FunnelTally> values = new ArrayList<>();
    private int[] fieldIds = {};
    private FunnelTally[] tallies = {};

    Group(FunnelShape shape, int[] conds) {
      this.shape = shape;
      this.conds = conds;
    }

    FunnelTally field(int f, int max) {
      int i = fields.indexOf(f);
      if (i < 0) {
        fields.add(f);
        values.add(new FunnelTally(max));
        fieldIds = fields.stream().mapToInt(Integer::intValue).toArray();
        tallies = values.toArray(new FunnelTally[0]);
        i = fields.size() - 1;
      }
      return values.get(i);
    }

    void observe(FunnelCounter c, Event e) {
      long p = c.pattern(conds);
      int s = patterns.slot(p);
      patterns.counts[s]++;
      FunnelShape.Info info = patterns.info[s];
      if (info == null) {
        info = patterns.info[s] = shape.analyze(new long[] {p}, true);
      }
      if (info.holds) {
        for (int i = 0; i < fieldIds.length; i++) {
          tallies[i].add(c.value(e, fieldIds[i]));
        }
      }
    }
  }

  /** One subscription: its counts, alone or (anchored) beside its group's. */
  private static final class Member {
    final String id;
    final String gateText;
    final FunnelShape shape;
    final int[] conds;
    final int[] rowField;
    final Gate gate;
    final boolean big;
    final FunnelPatterns patterns;
    final FunnelTally[] near;
    final int maxValues;
    long gatePassed;
    /** Counted event by event when the pattern does not fit a long. */
    long bigMatched;
    long[] bigRejected;
    long[] bigNear;
    // anchored
    int anchorRow = -1;
    Group group;
    FunnelTally groupValues;
    FunnelPatterns restWhenHolds;
    FunnelTally matchValues;

    Member(String id, String gateText, FunnelShape shape, int[] conds, int[] rowField, Gate gate, int maxValues) {
      this.id = id;
      this.gateText = gateText;
      this.shape = shape;
      this.conds = conds;
      this.rowField = rowField;
      this.gate = gate;
      this.maxValues = maxValues;
      this.big = conds.length > MAX_PATTERN_BITS;
      this.patterns = big ? null : new FunnelPatterns();
      this.near = new FunnelTally[shape.rows()];
      if (big) {
        bigRejected = new long[shape.rows()];
        bigNear = new long[shape.rows()];
      }
    }

    void anchor(int row, int cond, Group g, FunnelTally values) {
      this.anchorRow = row;
      this.group = g;
      this.groupValues = values;
      this.restWhenHolds = new FunnelPatterns();
      this.matchValues = new FunnelTally(Integer.MAX_VALUE); // holds only values the group's tally tracks
    }

    /** One event of its gate, counted alone. */
    void observe(FunnelCounter c, Event e) {
      if (big) {
        FunnelShape.Info info = shape.analyze(c.words(conds), false);
        if (info.holds) {
          bigMatched++;
        }
        for (int r : info.rejected) {
          bigRejected[r]++;
        }
        for (int r : info.nearMisses) {
          bigNear[r]++;
          tallyNear(c, e, r);
        }
        return;
      }
      FunnelShape.Info info = count(c.pattern(conds));
      for (int r : info.nearMisses) {
        tallyNear(c, e, r);
      }
    }

    /** An event of its gate in which its anchor holds (the group counted it as one where it is false). */
    void observeAnchorHolds(FunnelCounter c, Event e) {
      FunnelShape.Info info = count(c.pattern(conds));
      for (int r : info.nearMisses) {
        tallyNear(c, e, r);
      }
      restWhenHolds.counts[restWhenHolds.slot(c.pattern(group.conds))]++;
      if (info.holds) {
        String v = c.value(e, rowField[anchorRow]);
        if (groupValues.tracks(v)) {
          matchValues.add(v);
        } else {
          matchValues.other++;
        }
      }
    }

    private FunnelShape.Info count(long p) {
      int s = patterns.slot(p);
      patterns.counts[s]++;
      FunnelShape.Info info = patterns.info[s];
      if (info == null) {
        info = patterns.info[s] = shape.analyze(new long[] {p}, false);
      }
      return info;
    }

    private void tallyNear(FunnelCounter c, Event e, int r) {
      if (rowField[r] < 0) {
        return; // a group: no one field
      }
      if (near[r] == null) {
        near[r] = new FunnelTally(maxValues);
      }
      near[r].add(c.value(e, rowField[r]));
    }

    Funnel.Entry report() {
      int n = shape.rows();
      long[] rejected = new long[n];
      long[] nearMisses = new long[n];
      long matched = 0;
      if (big) {
        matched = bigMatched;
        System.arraycopy(bigRejected, 0, rejected, 0, n);
        System.arraycopy(bigNear, 0, nearMisses, 0, n);
      } else {
        for (int s = 0; s < patterns.capacity(); s++) {
          if (patterns.key(s) == -1L) {
            continue;
          }
          long k = patterns.counts[s];
          FunnelShape.Info info = patterns.info[s];
          if (info.holds) {
            matched += k;
          }
          for (int r : info.rejected) {
            rejected[r] += k;
          }
          for (int r : info.nearMisses) {
            nearMisses[r] += k;
          }
        }
      }
      long passed = gatePassed;
      if (group != null) {
        passed = gate.events;
        FunnelPatterns gp = group.patterns;
        for (int s = 0; s < gp.capacity(); s++) {
          long p = gp.key(s);
          if (p == -1L) {
            continue;
          }
          long k = gp.counts[s] - restWhenHolds.count(p); // the events of this rest pattern where the anchor is false
          if (k == 0) {
            continue;
          }
          FunnelShape.Info info = gp.info[s];
          rejected[anchorRow] += k;
          if (info.holds) {
            nearMisses[anchorRow] += k;
          }
          for (int j : info.rejected) {
            rejected[j < anchorRow ? j : j + 1] += k;
          }
        }
      }
      List<Funnel.FilterRow> rows = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        Plan.Node node = shape.nodes.get(r);
        List<Funnel.Values.Count> top = List.of();
        long other = 0;
        if (node instanceof Plan.Test) {
          Funnel.Values v = r == anchorRow ? groupValues.top(Funnel.TOP_VALUES, matchValues)
              : near[r] == null ? null : near[r].top(Funnel.TOP_VALUES, null);
          if (v != null) {
            top = v.top();
            other = v.other();
          }
        }
        String description = node instanceof Plan.Test t ? Explainer.describe(t.source) : "group " + ((Plan.Junction) node).connector;
        rows.add(new Funnel.FilterRow(node.pointer(), description, node instanceof Plan.Junction, rejected[r], nearMisses[r], top, other));
      }
      return new Funnel.Entry(id, gateText, passed, matched, rows);
    }
  }
}
