package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Filter;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.internal.SubscriptionIndex.Bucket;
import dev.subfilter.internal.SubscriptionIndex.Key;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Chooses the index keys of a subscription: a <em>cover</em>, a set of {@link Key}s such that every
 * event the filters match has (in the field a key names) a value under at least one of them. Not API.
 *
 * <ul>
 *   <li>A condition {@code eq} with a scalar non-null fieldValue is covered by its {@link EqKeys}
 *       key; {@code contains} with one by its text (and key). A nested fieldValue is covered by
 *       the cover of any one of its leaves (all must hold), keyed at that leaf's {@link IndexPath}.
 *       Any other condition has no cover.
 *   <li>An AND (top-level AND, a list of one filter, AND groups, flattened) is covered by the cover
 *       of <em>any one</em> of its children, since every match satisfies all of them: the cheapest
 *       is chosen (below).
 *   <li>An OR (top-level OR of two or more, OR groups, flattened) is covered by the union of the
 *       covers of <em>all</em> its branches, since every match satisfies one of them; when a branch
 *       has no cover, neither has the OR. Equal keys of two branches are listed once.
 * </ul>
 *
 * <h2>Choosing</h2>
 *
 * Each key is given the estimated share of the bucket's events that reach its list, and a cover the
 * sum of its keys' shares; the smallest sum wins. An eq key's share is the fraction of the bucket's
 * eq conditions on its (state, field) that have its key ({@link Bucket#eqShare}: subscription
 * counts of every eq condition of every unpinned subscription of the bucket, this one included, kept
 * up to date by add and remove): so a key of a field with many distinct values ({@code ownerID})
 * beats one of a field with few ({@code status}), and a popular key of a field beats a rare one less
 * easily. A contains key counts as 1, the worst eq share: an eq key is preferred over it, as before.
 * Ties go to the fewer keys, then (one key) eq over contains, the field with more distinct keys, the
 * shorter list at the time, newState over oldState, the longer contains text, and the first written.
 *
 * <p>Bounded: covers of more than {@link #MAX_KEYS} keys, and OR groups nested more than {@link
 * #MAX_DEPTH} deep, are not indexed (the subscription falls back to exact evaluation, still correct).
 * Costs O(filters) lookups in the bucket; allocates only at add time.
 */
final class Cover {
  /** The most keys one subscription is listed under. */
  static final int MAX_KEYS = 64;

  /** The deepest alternation of AND and OR groups looked into. */
  static final int MAX_DEPTH = 32;

  private Cover() {}

  /** A candidate cover: its keys, their summed share, and the tie-breaks of a one-key cover. */
  private static final class Choice {
    final List<Key> keys;
    final double cost;
    final int distinct;
    final int list;

    Choice(List<Key> keys, double cost, int distinct, int list) {
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
      Key a = keys.get(0);
      Key b = o.keys.get(0);
      if (a.kind != b.kind) {
        return a.kind == SubscriptionIndex.EQ;
      }
      if (a.kind == SubscriptionIndex.EQ) {
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
      return a.kind == SubscriptionIndex.CONTAINS && a.literal.length() > b.literal.length();
    }
  }

  /**
   * The keys to list a subscription with these top-level filters under in {@code b} (whose eq
   * counts already include the subscription's conditions), or {@code null} when its matches cannot
   * be covered: it goes to the fallback list.
   */
  static Key[] choose(Bucket b, Connector connector, List<Filter> filters) {
    if (filters.isEmpty()) {
      return null; // matches every event of the gate
    }
    Choice c = connector == Connector.AND || filters.size() == 1 ? and(b, filters, 0) : or(b, filters, 0);
    return c == null ? null : c.keys.toArray(new Key[0]);
  }

  /** The best cover among the children of an AND (nested AND groups flattened), or {@code null}. */
  private static Choice and(Bucket b, List<Filter> filters, int depth) {
    Choice best = null;
    Deque<List<Filter>> todo = new ArrayDeque<>();
    todo.add(filters);
    while (!todo.isEmpty()) {
      for (Filter f : todo.poll()) {
        Choice c = null;
        if (f instanceof Filter.Condition cond) {
          c = single(b, cond);
        } else if (f instanceof Filter.Group g) {
          if (g.connector() == Connector.AND) {
            todo.add(g.filters());
          } else if (depth < MAX_DEPTH) {
            c = or(b, g.filters(), depth + 1);
          }
        }
        if (c != null && (best == null || c.beats(best))) {
          best = c;
        }
      }
    }
    return best;
  }

  /** The union of the covers of every branch of an OR (nested OR groups flattened), or {@code null}. */
  private static Choice or(Bucket b, List<Filter> filters, int depth) {
    List<Key> keys = new ArrayList<>();
    Choice first = null;
    double cost = 0;
    Deque<List<Filter>> todo = new ArrayDeque<>();
    todo.add(filters);
    while (!todo.isEmpty()) {
      for (Filter f : todo.poll()) {
        if (f instanceof Filter.Group g && g.connector() == Connector.OR) {
          todo.add(g.filters());
          continue;
        }
        Choice c;
        if (f instanceof Filter.Condition cond) {
          c = single(b, cond);
        } else {
          c = depth < MAX_DEPTH ? and(b, ((Filter.Group) f).filters(), depth + 1) : null;
        }
        if (c == null) {
          return null; // a branch that may match with no key: nothing to look up covers it
        }
        if (first == null) {
          first = c;
        }
        for (Key k : c.keys) {
          if (!contains(keys, k)) {
            if (keys.size() == MAX_KEYS) {
              return null;
            }
            keys.add(k);
            cost += k.kind == SubscriptionIndex.EQ ? b.eqShare(k.old, k.path, k.key) : 1.0;
          }
        }
      }
    }
    if (keys.size() == first.keys.size()) {
      return first; // every branch has the first one's keys (or a subset)
    }
    return new Choice(keys, cost, 0, 0);
  }

  private static boolean contains(List<Key> keys, Key k) {
    for (Key x : keys) {
      if (x.sameList(k)) {
        return true;
      }
    }
    return false;
  }

  /** The one-key cover of a condition, or {@code null} when it has none. */
  private static Choice single(Bucket b, Filter.Condition c) {
    Operator op = c.comparison();
    if (op != Operator.EQ && op != Operator.CONTAINS) {
      return null;
    }
    return leaf(b, op, c.state() == State.OLD_STATE, IndexPath.of(c.fieldName()), c.fieldValue(), 0);
  }

  /**
   * The cover of an eq or contains test of {@code value} at {@code path}: a key for a scalar
   * non-null value; for a nested object, the best cover of any one of its members (every leaf must
   * hold, as in an AND), one step further down; else {@code null}.
   */
  private static Choice leaf(Bucket b, Operator op, boolean old, IndexPath path, JsonValue value, int depth) {
    if (value instanceof JsonValue.Obj o) {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      boolean objects = "objects".equals(NestedValue.keyword(o));
      Choice best = null;
      for (var m : NestedValue.members(o).entrySet()) {
        Choice c = leaf(b, op, old, path.then(m.getKey(), objects), m.getValue(), depth + 1);
        if (c != null && (best == null || c.beats(best))) {
          best = c;
        }
      }
      return best;
    }
    Object key = EqKeys.ofConstant(value);
    if (key == null) {
      return null; // null or array fieldValue
    }
    path = b.shared(path);
    if (op == Operator.EQ) {
      Key k = new Key(SubscriptionIndex.EQ, old, path, key, null);
      return new Choice(List.of(k), b.eqShare(old, path, key), b.eqDistinct(old, path), b.postingSize(old, path, key));
    }
    Key k = new Key(SubscriptionIndex.CONTAINS, old, path, key, containsText(value));
    return new Choice(List.of(k), 1.0, 0, 0);
  }

  /** The text {@code contains} looks for in a string field, as {@code Constant} computes it. */
  static String containsText(JsonValue v) {
    if (v instanceof JsonValue.Str s) {
      return s.value();
    }
    if (v instanceof JsonValue.Num n) {
      return Text.plain(n.value(), Limits.MAX_STRING_LENGTH);
    }
    return Boolean.toString(((JsonValue.Bool) v).value());
  }

  /**
   * Calls {@code out} with the field and key of every {@code eq} condition with a scalar non-null
   * fieldValue in these filters, at any depth (iterative): what {@link Bucket#withCounts} counts.
   */
  static void eqConditions(List<Filter> filters, EqSink out) {
    Deque<List<Filter>> todo = new ArrayDeque<>();
    todo.add(filters);
    while (!todo.isEmpty()) {
      for (Filter f : todo.poll()) {
        if (f instanceof Filter.Group g) {
          todo.add(g.filters());
        } else if (f instanceof Filter.Condition c && c.comparison() == Operator.EQ) {
          eqLeaves(c.state() == State.OLD_STATE, IndexPath.of(c.fieldName()), c.fieldValue(), 0, out);
        }
      }
    }
  }

  /** Reports the scalar non-null leaves of an eq fieldValue at {@code path}, nested objects descended. */
  private static void eqLeaves(boolean old, IndexPath path, JsonValue value, int depth, EqSink out) {
    if (value instanceof JsonValue.Obj o) {
      if (depth < MAX_DEPTH) {
        boolean objects = "objects".equals(NestedValue.keyword(o));
        for (var m : NestedValue.members(o).entrySet()) {
          eqLeaves(old, path.then(m.getKey(), objects), m.getValue(), depth + 1, out);
        }
      }
      return;
    }
    Object key = EqKeys.ofConstant(value);
    if (key != null) {
      out.accept(old, path, key);
    }
  }

  /** Receives eq conditions from {@link #eqConditions}. */
  interface EqSink {
    void accept(boolean old, IndexPath path, Object key);
  }
}
