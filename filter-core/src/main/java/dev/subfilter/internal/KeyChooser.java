package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link Listing}s of a subscription from its {@link Plan}: a <em>cover</em>, a set of
 * listings such that every event the filters match has (at the path a listing names) a value
 * filed under at least one of them.
 *
 * <ul>
 *   <li>A condition {@code eq} with a scalar non-null fieldValue is covered by its {@link EqValues}
 *       value; {@code contains} with one by its text (and value). A nested fieldValue is covered by
 *       the cover of any one of its leaves (all must hold), at that leaf's {@link IndexPath}. Any
 *       other condition has no cover.
 *   <li>An AND (top-level AND, a list of one filter, AND groups: {@link Plan.Junction#terms}) is
 *       covered by the cover of <em>any one</em> of its terms, since every match satisfies all of
 *       them: the cheapest is chosen (below).
 *   <li>An OR (top-level OR of two or more, OR groups, inlined the same way) is covered by the union
 *       of the covers of <em>all</em> its branches, since every match satisfies one of them; when a
 *       branch has no cover, neither has the OR. Equal listings of two branches are listed once.
 * </ul>
 *
 * <h2>Choosing</h2>
 *
 * Each listing is given the estimated share of the bucket's events that reach its list, and a cover
 * the sum of its listings' shares; the smallest sum wins. An eq listing's share is the fraction of
 * the bucket's eq conditions on its (state, path) that name its value ({@link Bucket#eqShare}: counts
 * of every eq condition of every unpinned subscription of the bucket, this one included, kept up to
 * date by add and remove): so a value of a field with many distinct values ({@code ownerID}) beats
 * one of a field with few ({@code status}), and a popular value of a field beats a rare one less
 * easily. A contains listing counts as 1, the worst eq share: an eq listing is preferred over it.
 * Ties go to the fewer listings, then (one listing) eq over contains, the path with more distinct
 * values, the shorter list at the time, newState over oldState, the longer contains text, and the
 * first written.
 *
 * <p>Bounded: covers of more than {@link #MAX_KEYS} listings, and OR groups nested more than {@link
 * #MAX_DEPTH} deep, are not indexed (the subscription falls back to exact evaluation, still correct).
 * Costs O(filters) lookups in the bucket; allocates only at add time.
 */
final class KeyChooser {
  /** The most listings one subscription has. */
  static final int MAX_KEYS = 64;

  /** The deepest alternation of AND and OR groups looked into. */
  static final int MAX_DEPTH = 32;

  private KeyChooser() {}

  /** A candidate cover: its listings, their summed share, and the tie-breaks of a one-listing cover. */
  private static final class Choice {
    final List<Listing> keys;
    final double cost;
    final int distinct;
    final int list;

    Choice(List<Listing> keys, double cost, int distinct, int list) {
      this.keys = keys;
      this.cost = cost;
      this.distinct = distinct;
      this.list = list;
    }

    /** Whether this is strictly better than {@code o}. */
    boolean beats(Choice o) {
      if (cost != o.cost) {
        return cost < o.cost;
      }
      if (keys.size() != o.keys.size()) {
        return keys.size() < o.keys.size();
      }
      if (keys.size() != 1) {
        return false;
      }
      Listing a = keys.get(0);
      Listing b = o.keys.get(0);
      if (a.kind != b.kind) {
        return a.kind == Listing.Kind.EQ;
      }
      if (a.kind == Listing.Kind.EQ) {
        if (distinct != o.distinct) {
          return distinct > o.distinct;
        }
        if (list != o.list) {
          return list < o.list;
        }
      }
      if (a.old != b.old) {
        return !a.old;
      }
      return a.kind == Listing.Kind.CONTAINS && a.literal.length() > b.literal.length();
    }
  }

  /**
   * The keys to list a subscription planned as {@code plan} under in {@code b} (whose eq counts
   * already include the subscription's conditions), or {@code null} when its matches cannot be
   * covered: it goes to the fallback list.
   */
  static Listing[] choose(Bucket b, Plan plan) {
    Plan.Junction top = plan.filters();
    if (top.children.isEmpty()) {
      return null; // matches every event of the gate
    }
    Choice c = cover(b, top, 0);
    return c == null ? null : c.keys.toArray(new Listing[0]);
  }

  /** The cover of a junction: of its AND, or of its OR. */
  private static Choice cover(Bucket b, Plan.Junction j, int depth) {
    return j.effective() == Connector.AND ? and(b, j, depth) : or(b, j, depth);
  }

  /** The best cover among the terms of an AND (nested AND groups inlined), or {@code null}. */
  private static Choice and(Bucket b, Plan.Junction j, int depth) {
    Choice best = null;
    for (Plan.Node n : j.terms()) {
      Choice c = null;
      if (n instanceof Plan.Test t) {
        c = single(b, t);
      } else if (depth < MAX_DEPTH) {
        c = cover(b, (Plan.Junction) n, depth + 1);
      }
      if (c != null && (best == null || c.beats(best))) {
        best = c;
      }
    }
    return best;
  }

  /** The union of the covers of every branch of an OR (nested OR groups inlined), or {@code null}. */
  private static Choice or(Bucket b, Plan.Junction j, int depth) {
    List<Listing> keys = new ArrayList<>();
    Choice first = null;
    double cost = 0;
    for (Plan.Node n : j.terms()) {
      Choice c;
      if (n instanceof Plan.Test t) {
        c = single(b, t);
      } else {
        c = depth < MAX_DEPTH ? cover(b, (Plan.Junction) n, depth + 1) : null;
      }
      if (c == null) {
        return null; // a branch that may match with no key: nothing to look up covers it
      }
      if (first == null) {
        first = c;
      }
      for (Listing k : c.keys) {
        if (!contains(keys, k)) {
          if (keys.size() == MAX_KEYS) {
            return null;
          }
          keys.add(k);
          cost += k.kind == Listing.Kind.EQ ? b.eqShare(k.old, k.path, k.eqValue) : 1.0;
        }
      }
    }
    if (keys.size() == first.keys.size()) {
      return first; // every branch has the first one's keys (or a subset)
    }
    return new Choice(keys, cost, 0, 0);
  }

  private static boolean contains(List<Listing> keys, Listing k) {
    for (Listing x : keys) {
      if (x.sameList(k)) {
        return true;
      }
    }
    return false;
  }

  /** The one-key cover of a condition, or {@code null} when it has none. */
  private static Choice single(Bucket b, Plan.Test t) {
    if (t.op != Operator.EQ && t.op != Operator.CONTAINS) {
      return null;
    }
    return leaf(b, t.op, t.old, IndexPath.of(t.field.name()), t.operand, 0);
  }

  /**
   * The cover of an eq or contains test of {@code operand} at {@code path}: a key for a scalar
   * non-null constant; for a nested value, the best cover of any one of its members (every leaf
   * must hold, as in an AND), one step further down; else {@code null}.
   */
  private static Choice leaf(Bucket b, Operator op, boolean old, IndexPath path, Operand operand, int depth) {
    if (operand instanceof Operand.Nested n) {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      Choice best = null;
      for (int i = 0; i < n.keys.length; i++) {
        Choice c = leaf(b, op, old, path.then(n.keys[i], n.each), n.values[i], depth + 1);
        if (c != null && (best == null || c.beats(best))) {
          best = c;
        }
      }
      return best;
    }
    Constant k = (Constant) operand;
    Object key = EqValues.ofConstant(k);
    if (key == null) {
      return null; // null or array fieldValue
    }
    path = b.shared(path);
    if (op == Operator.EQ) {
      Listing x = new Listing(Listing.Kind.EQ, old, path, key, null);
      return new Choice(List.of(x), b.eqShare(old, path, key), b.eqDistinct(old, path), b.postingSize(old, path, key));
    }
    Listing x = new Listing(Listing.Kind.CONTAINS, old, path, key, k.containsText);
    return new Choice(List.of(x), 1.0, 0, 0);
  }

  /**
   * Calls {@code out} with the field and key of every {@code eq} condition with a scalar non-null
   * fieldValue in the plan, nested leaves included: what {@link Bucket#withCounts} counts.
   */
  static void eqConditions(Plan plan, EqSink out) {
    for (Plan.Test t : plan.tests()) {
      if (t.op == Operator.EQ) {
        eqLeaves(t.old, IndexPath.of(t.field.name()), t.operand, 0, out);
      }
    }
  }

  /** Reports the scalar non-null leaves of an eq operand at {@code path}, nested values descended. */
  private static void eqLeaves(boolean old, IndexPath path, Operand operand, int depth, EqSink out) {
    if (operand instanceof Operand.Nested n) {
      if (depth < MAX_DEPTH) {
        for (int i = 0; i < n.keys.length; i++) {
          eqLeaves(old, path.then(n.keys[i], n.each), n.values[i], depth + 1, out);
        }
      }
      return;
    }
    Object key = EqValues.ofConstant((Constant) operand);
    if (key != null) {
      out.accept(old, path, key);
    }
  }

  /**
   * Why a subscription planned as {@code plan} has no cover (for one that {@link #choose} put in
   * the fallback list): {@code {pointer, reason}}, the filter that stops indexing and what it is.
   */
  static String[] blocker(Bucket b, Plan plan) {
    Plan.Junction top = plan.filters();
    if (top.children.isEmpty()) {
      return new String[] {"/filters", "no filters: every event of the gate matches"};
    }
    String[] w = blocker(b, top, 0);
    return w == null ? new String[] {"/filters", "more than " + MAX_KEYS + " index keys"} : w;
  }

  private static String[] blocker(Bucket b, Plan.Junction j, int depth) {
    if (j.effective() == Connector.AND) {
      List<String> why = new ArrayList<>();
      for (Plan.Node n : j.terms()) {
        String[] w = n instanceof Plan.Test t ? single(b, t) == null ? new String[] {t.pointer, reason(t)} : null
            : depth < MAX_DEPTH && cover(b, (Plan.Junction) n, depth + 1) == null ? blocker(b, (Plan.Junction) n, depth + 1) : null;
        if (w == null) {
          return null; // this term has a cover
        }
        why.add(w[0] + " " + w[1]);
      }
      return new String[] {j.pointer, "none of its filters is an eq or contains on one value: " + String.join("; ", why)};
    }
    for (Plan.Node n : j.terms()) {
      if (n instanceof Plan.Test t) {
        if (single(b, t) == null) {
          return new String[] {t.pointer, "an OR branch without an index key: " + reason(t)};
        }
      } else if (depth >= MAX_DEPTH || cover(b, (Plan.Junction) n, depth + 1) == null) {
        String[] w = depth < MAX_DEPTH ? blocker(b, (Plan.Junction) n, depth + 1) : null;
        return w == null ? new String[] {n.pointer(), "an OR branch nested too deeply"} : w;
      }
    }
    return null;
  }

  private static String reason(Plan.Test t) {
    return Explainer.describe(t.source) + " (" + switch (t.op) {
      case EQ, CONTAINS -> "eq and contains are indexed on a scalar value, not null or an array";
      case NE -> "ne is not indexed";
      case GT, GTE, LT, LTE -> "ranges are not indexed";
      case CHANGED -> "changed is not indexed";
      case EXISTS, NOT_EXISTS -> t.op.token() + " is not indexed";
      case NOT_CONTAINS -> "notContains is not indexed";
      case CONTAINS_ONLY -> "containsOnly is not indexed";
    } + ")";
  }

  /** Receives eq conditions from {@link #eqConditions}. */
  interface EqSink {
    void accept(boolean old, IndexPath path, Object key);
  }
}
