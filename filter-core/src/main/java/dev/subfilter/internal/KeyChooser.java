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
 *   <li>A condition is covered by what its every match must have there:
 *       <ul>
 *         <li>{@code eq} with a scalar fieldValue (null included) by its {@link EqValues} value
 *             ({@link Listing.Kind#EQ}); {@code in} by each of its values (an OR of eqs: one
 *             subscription, several listings; an array field is looked up by element);
 *         <li>{@code contains} with a non-null scalar by its text and value ({@link Listing.Kind#CONTAINS});
 *         <li>{@code startsWith} by its text ({@link Listing.Kind#PREFIX}); {@code endsWith} by
 *             its text ({@link Listing.Kind#SUFFIX});
 *         <li>{@code like} by one literal of its pattern: the leading one as a prefix, else the
 *             trailing one as a suffix, else its longest run as a substring ({@link
 *             Listing.Kind#SUBSTRING}), whichever is longest (ties in that order); without
 *             a star its literal as a prefix (equality implies it); without any literal the empty
 *             prefix, which every string has;
 *         <li>{@code notIn} by the value's presence ({@link Listing.Kind#PRESENT});
 *         <li>{@code gt gte lt lte} on a number or a date-time by its bound ({@link
 *             Listing.Kind#RANGE}, {@link RangeCover}; a lower and an upper bound of one AND on
 *             one field as one band), on any other fieldValue by the field's presence;
 *         <li>{@code ne} and {@code exists} by the field's presence, {@code notExists} by its
 *             absence ({@link Listing.Kind#ABSENT}), {@code changed} by the field differing
 *             between the states ({@link Listing.Kind#CHANGED}).
 *       </ul>
 *       With {@code ignoreCase} the listing is folded: the values and texts are the folded
 *       fieldValue's, and events' strings are looked up folded. A nested fieldValue is covered by
 *       the cover of any one of its leaves (all must hold), at that leaf's {@link IndexPath}. Any
 *       other condition ({@code notContains}, {@code containsOnly}, {@code contains null} or an
 *       array) has no cover.
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
 * the bucket's eq conditions (and in values) on its (state, path, folding) that name its value
 * ({@link Bucket#share}: counts of every such condition of every unpinned subscription of the
 * bucket, this one included, kept up to date by add and remove): so a value of a field with many
 * distinct values ({@code ownerID}) beats one of a field with few ({@code status}), and a popular
 * value of a field beats a rare one less easily. A prefix or suffix listing's share is counted the
 * same way among the prefixes (suffixes) of its path, but is at least {@code 8^-length} (a short
 * text is reached by many strings, whatever the subscriptions say: {@code ""} by all), and is
 * {@code 8^-length} alone while fewer than {@link #MIN_COUNTED} are counted on the path. Contains,
 * substring and presence listings count as 1, the worst share: anything else is preferred over
 * them, and so do range, change and absence listings (no counts say how many events reach them).
 * Before any cost, a cover with fewer range, change, presence and absence listings wins (they say
 * the least about which events reach them). Ties go to the fewer listings, then (one listing) by kind: eq, then prefix, suffix, contains and
 * substring by the longer text, then a range (a band before a one-sided one), a change, then
 * presence and absence; among eq listings the path with more
 * distinct values, the shorter list at the time; newState over oldState; and the first written.
 *
 * <p>Bounded: covers of more listings than {@link #MAX_KEYS} plus the values of the subscription's
 * {@code in} lists (listing costs stay in proportion to what the subscription holds), and OR groups
 * nested more than {@link #MAX_DEPTH} deep, are not indexed (the subscription falls back to exact
 * evaluation, still correct). Costs O(filters) lookups in the bucket; allocates only at add time.
 */
final class KeyChooser {
  /** The most listings one subscription has, beyond the values of its in lists. */
  static final int MAX_KEYS = 64;

  /** The deepest alternation of AND and OR groups looked into. */
  static final int MAX_DEPTH = 32;

  /**
   * Below this many prefixes (suffixes) counted on a path, their counts say little (the first one
   * on a path would have a share of 1, worse than any eq): the share is then {@code 8^-length} alone.
   */
  static final int MIN_COUNTED = 8;

  private KeyChooser() {}

  /** A candidate cover: its listings, their summed share, and the tie-breaks of a one-listing cover. */
  private static final class Choice {
    final List<Listing> keys;
    final double cost;
    final int distinct;
    final int list;

    /** Its listings that say nothing selective: ranges, changes, presence, absence. */
    final int loose;

    Choice(List<Listing> keys, double cost, int distinct, int list) {
      this.keys = keys;
      this.cost = cost;
      this.distinct = distinct;
      this.list = list;
      int n = 0;
      for (Listing k : keys) {
        n += rank(k.kind) >= 2 ? 1 : 0;
      }
      this.loose = n;
    }

    /** Whether this is strictly better than {@code o}. */
    boolean beats(Choice o) {
      if (loose != o.loose) {
        return loose < o.loose; // a cover of values or texts, however wide, before one that reaches events by a range or a field's presence
      }
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
      if (rank(a.kind) != rank(b.kind)) {
        return rank(a.kind) < rank(b.kind);
      }
      if (a.kind == Listing.Kind.EQ) {
        if (distinct != o.distinct) {
          return distinct > o.distinct;
        }
        if (list != o.list) {
          return list < o.list;
        }
      } else if (a.literal != null && a.literal.length() != b.literal.length()) {
        return a.literal.length() > b.literal.length();
      } else if (a.kind == Listing.Kind.RANGE && band(a) != band(b)) {
        return band(a);
      }
      if (a.old != b.old) {
        return !a.old;
      }
      return a.kind.ordinal() < b.kind.ordinal();
    }
  }

  private static boolean band(Listing x) {
    return !Double.isInfinite(x.lo) && !Double.isInfinite(x.hi);
  }

  /** Eq first; then the listings under a text (the longer text first); a range (a band first); a change; presence and absence last. */
  private static int rank(Listing.Kind k) {
    return switch (k) {
      case EQ -> 0;
      case RANGE -> 2;
      case CHANGED -> 3;
      case PRESENT, ABSENT -> 4;
      default -> 1;
    };
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
    int cap = MAX_KEYS;
    for (Plan.Test t : plan.tests()) {
      cap += inValues(t.operand);
    }
    Choice c = cover(b, top, 0, cap);
    return c == null ? null : c.keys.toArray(new Listing[0]);
  }

  private static int inValues(Operand o) {
    if (o instanceof InList l) {
      return l.values.length;
    }
    int n = 0;
    if (o instanceof Operand.Nested nested) {
      for (Operand v : nested.values) {
        n += inValues(v);
      }
    }
    return n;
  }

  /** The cover of a junction: of its AND, or of its OR. */
  private static Choice cover(Bucket b, Plan.Junction j, int depth, int cap) {
    return j.effective() == Connector.AND ? and(b, j, depth, cap) : or(b, j, depth, cap);
  }

  /** The best cover among the terms of an AND (nested AND groups inlined), or {@code null}. */
  private static Choice and(Bucket b, Plan.Junction j, int depth, int cap) {
    Choice best = null;
    for (Plan.Node n : j.terms()) {
      Choice c = null;
      if (n instanceof Plan.Test t) {
        c = single(b, t);
      } else if (depth < MAX_DEPTH) {
        c = cover(b, (Plan.Junction) n, depth + 1, cap);
      }
      if (c != null && c.keys.size() <= cap && (best == null || c.beats(best))) {
        best = c;
      }
    }
    for (Listing x : RangeCover.bands(b, j.terms())) {
      Choice c = new Choice(List.of(x), share(b, x), 0, 0);
      if (best == null || c.beats(best)) {
        best = c;
      }
    }
    return best;
  }

  /** The union of the covers of every branch of an OR (nested OR groups inlined), or {@code null}. */
  private static Choice or(Bucket b, Plan.Junction j, int depth, int cap) {
    List<Listing> keys = new ArrayList<>();
    Choice first = null;
    double cost = 0;
    for (Plan.Node n : j.terms()) {
      Choice c;
      if (n instanceof Plan.Test t) {
        c = single(b, t);
      } else {
        c = depth < MAX_DEPTH ? cover(b, (Plan.Junction) n, depth + 1, cap) : null;
      }
      if (c == null) {
        return null; // a branch that may match with no key: nothing to look up covers it
      }
      if (first == null) {
        first = c;
      }
      for (Listing k : c.keys) {
        if (!contains(keys, k)) {
          if (keys.size() == cap) {
            return null;
          }
          keys.add(k);
          cost += share(b, k);
        }
      }
    }
    if (keys.size() == first.keys.size()) {
      return first; // every branch has the first one's keys (or a subset)
    }
    return new Choice(keys, cost, 0, 0);
  }

  private static double share(Bucket b, Listing k) {
    return switch (k.kind) {
      case EQ -> b.share(Listing.Kind.EQ, k.old, k.path, k.folded, k.eqValue);
      case PREFIX, SUFFIX -> {
        double prior = Math.pow(8, -k.literal.length());
        yield b.counted(k.kind, k.old, k.path, k.folded) < MIN_COUNTED ? prior : Math.max(b.share(k.kind, k.old, k.path, k.folded, k.literal), prior);
      }
      default -> 1.0;
    };
  }

  private static boolean contains(List<Listing> keys, Listing k) {
    for (Listing x : keys) {
      if (x.sameList(k)) {
        return true;
      }
    }
    return false;
  }

  /** The cover of a condition, or {@code null} when it has none. */
  private static Choice single(Bucket b, Plan.Test t) {
    switch (t.op) {
      case EQ, CONTAINS, IN, NOT_IN, STARTS_WITH, ENDS_WITH, LIKE, GT, GTE, LT, LTE:
        return leaf(b, t, IndexPath.of(t.field.name()), t.operand, 0);
      case NE, EXISTS:
        return whole(b, Listing.Kind.PRESENT, t.old, t.field.name()); // ne, like every value test, is false on an absent field
      case NOT_EXISTS:
        return whole(b, Listing.Kind.ABSENT, t.old, t.field.name());
      case CHANGED:
        return whole(b, Listing.Kind.CHANGED, false, t.field.name());
      default:
        return null;
    }
  }

  /** A one-listing cover of a field as a whole: its presence, absence or change. */
  private static Choice whole(Bucket b, Listing.Kind kind, boolean old, String field) {
    Listing x = new Listing(kind, old, b.shared(IndexPath.of(field)), false, null, null);
    return new Choice(List.of(x), share(b, x), 0, 0);
  }

  /**
   * The cover of {@code t}'s test of {@code operand} at {@code path}: the listing(s) of a leaf; for
   * a nested value, the best cover of any one of its members (every leaf must hold, as in an AND),
   * one step further down; else {@code null}.
   */
  private static Choice leaf(Bucket b, Plan.Test t, IndexPath path, Operand operand, int depth) {
    if (operand instanceof Operand.Nested n) {
      if (depth >= MAX_DEPTH) {
        return null;
      }
      Choice best = null;
      for (int i = 0; i < n.keys.length; i++) {
        Choice c = leaf(b, t, path.then(n.keys[i], n.each), n.values[i], depth + 1);
        if (c != null && (best == null || c.beats(best))) {
          best = c;
        }
      }
      return best;
    }
    path = b.shared(path);
    boolean old = t.old;
    boolean folded = t.fold;
    switch (t.op) {
      case EQ: {
        Object key = InList.key((Constant) operand);
        if (key == null) {
          return null; // an array fieldValue
        }
        Listing x = new Listing(Listing.Kind.EQ, old, path, folded, key, null);
        return new Choice(List.of(x), share(b, x), b.eqDistinct(old, path, folded), b.postingSize(old, path, folded, key));
      }
      case IN: {
        List<Listing> keys = new ArrayList<>();
        double cost = 0;
        for (Constant v : ((InList) operand).values) {
          Listing x = new Listing(Listing.Kind.EQ, old, path, folded, InList.key(v), null);
          if (!contains(keys, x)) {
            keys.add(x);
            cost += share(b, x);
          }
        }
        return keys.size() == 1 ? new Choice(keys, cost, b.eqDistinct(old, path, folded), b.postingSize(old, path, folded, keys.get(0).eqValue))
            : new Choice(keys, cost, 0, 0);
      }
      case CONTAINS: {
        Constant k = (Constant) operand;
        Object key = EqValues.ofConstant(k);
        if (key == null) {
          return null; // null or array fieldValue
        }
        return text(b, Listing.Kind.CONTAINS, old, path, folded, key, k.containsText);
      }
      case STARTS_WITH:
        return text(b, Listing.Kind.PREFIX, old, path, folded, null, ((Constant) operand).string);
      case ENDS_WITH:
        return text(b, Listing.Kind.SUFFIX, old, path, folded, null, ((Constant) operand).string);
      case LIKE: {
        LikePattern p = (LikePattern) operand;
        Listing.Kind kind = likeKind(p);
        return text(b, kind, old, path, folded, null, likeLiteral(p, kind));
      }
      case NOT_IN:
        return new Choice(List.of(new Listing(Listing.Kind.PRESENT, old, path, false, null, null)), 1.0, 0, 0);
      case GT, GTE, LT, LTE: {
        Listing x = RangeCover.of(old, path, t.op, (Constant) operand);
        if (x == null) {
          return whole(b, Listing.Kind.PRESENT, old, t.field.name()); // a string or boolean bound: the field must be there
        }
        return new Choice(List.of(x), share(b, x), 0, 0);
      }
      default:
        throw new AssertionError("no cover for " + t.op);
    }
  }

  private static Choice text(Bucket b, Listing.Kind kind, boolean old, IndexPath path, boolean folded, Object eqValue, String literal) {
    Listing x = new Listing(kind, old, path, folded, eqValue, literal);
    return new Choice(List.of(x), share(b, x), 0, 0);
  }

  /**
   * How a like pattern is listed: by its leading literal (a prefix; also without a star, and
   * without any literal, as the empty prefix), else its trailing one (a suffix), else its longest
   * run (a substring), whichever is longest, ties in that order.
   */
  private static Listing.Kind likeKind(LikePattern p) {
    String lead = p.leading();
    String trail = p.trailing();
    String run = p.longest();
    if (!p.hasStar() || lead.length() >= Math.max(trail.length(), run.length())) {
      return Listing.Kind.PREFIX;
    }
    return trail.length() >= run.length() ? Listing.Kind.SUFFIX : Listing.Kind.SUBSTRING;
  }

  private static String likeLiteral(LikePattern p, Listing.Kind kind) {
    return kind == Listing.Kind.PREFIX ? p.leading() : kind == Listing.Kind.SUFFIX ? p.trailing() : p.longest();
  }

  /**
   * Calls {@code out} with what the bucket counts of every condition in the plan, nested leaves
   * included: the value of an {@code eq} of a scalar and of each value of an {@code in} list
   * ({@link Listing.Kind#EQ}), the text of a {@code startsWith} and a like pattern's leading
   * literal ({@link Listing.Kind#PREFIX}), of an {@code endsWith} and a pattern's trailing literal
   * ({@link Listing.Kind#SUFFIX}), as their listings would be filed. What {@link Bucket#withCounts} counts.
   */
  static void countedKeys(Plan plan, KeySink out) {
    for (Plan.Test t : plan.tests()) {
      switch (t.op) {
        case EQ, IN, STARTS_WITH, ENDS_WITH, LIKE -> counted(t, IndexPath.of(t.field.name()), t.operand, 0, out);
        default -> { }
      }
    }
  }

  /** Reports the counted keys of {@code t}'s operand at {@code path}, nested values descended. */
  private static void counted(Plan.Test t, IndexPath path, Operand operand, int depth, KeySink out) {
    if (operand instanceof Operand.Nested n) {
      if (depth < MAX_DEPTH) {
        for (int i = 0; i < n.keys.length; i++) {
          counted(t, path.then(n.keys[i], n.each), n.values[i], depth + 1, out);
        }
      }
      return;
    }
    if (operand instanceof InList l) {
      for (Constant v : l.values) {
        out.accept(Listing.Kind.EQ, t.old, path, t.fold, InList.key(v));
      }
    } else if (operand instanceof LikePattern p) {
      Listing.Kind kind = likeKind(p);
      if (kind != Listing.Kind.SUBSTRING) {
        out.accept(kind, t.old, path, t.fold, likeLiteral(p, kind));
      }
    } else if (t.op == Operator.EQ) {
      Object key = InList.key((Constant) operand);
      if (key != null) {
        out.accept(Listing.Kind.EQ, t.old, path, t.fold, key);
      }
    } else {
      out.accept(t.op == Operator.STARTS_WITH ? Listing.Kind.PREFIX : Listing.Kind.SUFFIX, t.old, path, t.fold, ((Constant) operand).string);
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
            : depth < MAX_DEPTH && cover(b, (Plan.Junction) n, depth + 1, MAX_KEYS) == null ? blocker(b, (Plan.Junction) n, depth + 1) : null;
        if (w == null) {
          return null; // this term has a cover
        }
        why.add(w[0] + " " + w[1]);
      }
      return new String[] {j.pointer, "none of its filters is indexed (eq, in, contains, startsWith, endsWith, like, notIn, ne, ranges, "
          + "changed, exists or notExists): " + String.join("; ", why)};
    }
    for (Plan.Node n : j.terms()) {
      if (n instanceof Plan.Test t) {
        if (single(b, t) == null) {
          return new String[] {t.pointer, "an OR branch without an index key: " + reason(t)};
        }
      } else if (depth >= MAX_DEPTH || cover(b, (Plan.Junction) n, depth + 1, MAX_KEYS) == null) {
        String[] w = depth < MAX_DEPTH ? blocker(b, (Plan.Junction) n, depth + 1) : null;
        return w == null ? new String[] {n.pointer(), "an OR branch nested too deeply"} : w;
      }
    }
    return null;
  }

  private static String reason(Plan.Test t) {
    return Explainer.describe(t.source) + " (" + switch (t.op) {
      case EQ, CONTAINS, IN, NOT_IN, STARTS_WITH, ENDS_WITH, LIKE -> t.op.token() + " is indexed on a scalar value, not null or an array";
      case NE, GT, GTE, LT, LTE, CHANGED, EXISTS, NOT_EXISTS -> t.op.token() + " is indexed"; // single() always covers them
      case NOT_CONTAINS -> "notContains is not indexed";
      case CONTAINS_ONLY -> "containsOnly is not indexed";
    } + ")";
  }

  /** Receives counted keys from {@link #countedKeys}. */
  interface KeySink {
    void accept(Listing.Kind kind, boolean old, IndexPath path, boolean folded, Object key);
  }
}
