package dev.subfilter.internal;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One immutable snapshot of a subscription set, and the index that answers "which of these match
 * this event" without evaluating all of them. Updates ({@link #with}, {@link #without}) return a new
 * snapshot that shares everything they do not touch. Not API: {@code dev.subfilter.SubscriptionSet}
 * is the public face.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>Buckets by gate: {@code eventType -> objCode -> bucket} for subscriptions whose eventType is
 *       CREATE/UPDATE/DELETE, and {@code vendor name -> objCode -> bucket} for the others (compared
 *       with {@link Event#name()}, as {@link CompiledSubscription#matches} does). An event looks up
 *       one bucket in each. Every subscription lives in exactly one bucket, and in one list of it
 *       (a contains entry in two: under its text and under its key, of which an event's value, a
 *       string or an array, reads only one; texts found twice and keys of equal elements are
 *       evaluated once), so no candidate is evaluated twice and no answer holds an id twice.
 *   <li>Within a bucket, a subscription is placed in the first of:
 *       <ol>
 *         <li><b>pinned</b>: it sets objId; the list under that objId (the gate compares it as text);
 *         <li><b>eq</b>: some {@code eq} condition with a scalar non-null fieldValue is required by
 *             every match (a top-level condition under AND, or the only top-level filter, or a
 *             condition of an AND group so reached, recursively); the list under that condition's
 *             {@link EqKeys key}, in the postings of its (state, field). Among several, a {@code
 *             newState} one is preferred, then the one whose list is shortest at the time;
 *         <li><b>contains</b>: else, some such required {@code contains} condition with a scalar
 *             non-null fieldValue (newState preferred, then the longest text); the entry is listed
 *             in its (state, field)'s {@link ContainsIndex} under the fieldValue's text (for string
 *             fields, found by an Aho–Corasick scan of the event's value) and under its {@link
 *             EqKeys} key (for array fields, looked up for each element);
 *         <li><b>fallback</b>: everything else (OR connectors, only ranges, ne, changed...).
 *       </ol>
 *   <li>An event's candidates are: the pinned list of its objId, for every eq-indexed (state,
 *       field) of the bucket the list under the key of the event's value of that field (looked up
 *       as {@code FieldRef} does: literally, then {@code DE:} names in {@code parameterValues}),
 *       for every contains-indexed one the lists of the texts occurring in its string value (or of
 *       the keys of its array's elements), and the fallback list. Every candidate is evaluated
 *       exactly with {@link CompiledSubscription#matches}; the index only has to never miss one,
 *       which holds because each placement names a condition that every match satisfies and whose
 *       key (or text) the event's value then has.
 * </ul>
 *
 * <h2>Costs</h2>
 *
 * Maps are {@link HashTrie}s, so an update creates O(log n) trie nodes, plus a copy of the one list
 * it changes (the subscriptions sharing its objId, its eq key or contains text, or its bucket's
 * fallback list) and of its bucket's small array of indexed fields. Matching costs two bucket
 * lookups, one hash lookup per eq-indexed field of those buckets, one scan of the value of each
 * contains-indexed field, the exact evaluation of the candidates, and a sort of the answer. A
 * contains index builds its automaton lazily, on the first match after it changed: O(total length
 * of its texts), paid once per snapshot of that field.
 */
public final class SubscriptionIndex {
  /** The empty set. */
  public static final SubscriptionIndex EMPTY =
      new SubscriptionIndex(HashTrie.empty(), HashTrie.empty(), HashTrie.empty(), 0);

  static final int PINNED = 0;
  static final int EQ = 1;
  static final int CONTAINS = 2;
  static final int FALLBACK = 3;

  /** How many slots {@link #match(Event, long[])} fills in its statistics array. */
  public static final int STATS = 8;

  private static final Entry[] NO_ENTRIES = new Entry[0];

  private final HashTrie<String, HashTrie<String, Bucket>> canonical;
  private final HashTrie<String, HashTrie<String, Bucket>> vendor;
  private final HashTrie<String, Entry> byId;
  private final long nextSeq;

  private SubscriptionIndex(HashTrie<String, HashTrie<String, Bucket>> canonical,
      HashTrie<String, HashTrie<String, Bucket>> vendor, HashTrie<String, Entry> byId, long nextSeq) {
    this.canonical = canonical;
    this.vendor = vendor;
    this.byId = byId;
    this.nextSeq = nextSeq;
  }

  /** The number of subscriptions. */
  public int size() {
    return byId.size();
  }

  /** The subscription held under {@code id}, or {@code null}. */
  public CompiledSubscription get(String id) {
    Entry e = byId.get(id);
    return e == null ? null : e.sub;
  }

  /** Every id, in the order the ids were first added (a replaced subscription keeps its place). O(n log n). */
  public List<String> ids() {
    List<Entry> all = new ArrayList<>(byId.size());
    byId.values(all);
    Entry[] sorted = all.toArray(NO_ENTRIES);
    sortBySeq(sorted, sorted.length);
    String[] ids = new String[sorted.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = sorted[i].id;
    }
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /**
   * Where {@code id} is indexed: {@code "pinned"}, {@code "eq newState FIELD"}, {@code "eq oldState
   * FIELD"}, {@code "contains newState FIELD"}, {@code "contains oldState FIELD"} or {@code
   * "fallback"}; {@code null} when there is no such id. For tests and statistics.
   */
  public String placement(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      return null;
    }
    return switch (e.kind) {
      case PINNED -> "pinned";
      case EQ -> "eq " + (e.old ? "oldState " : "newState ") + e.field;
      case CONTAINS -> "contains " + (e.old ? "oldState " : "newState ") + e.field;
      default -> "fallback";
    };
  }

  // ------------------------------------------------------------------ updates

  /** This set with {@code s} under {@code id}, replacing (in place: same order) any subscription held under it. */
  public SubscriptionIndex with(String id, CompiledSubscription s) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(s, "subscription");
    Entry old = byId.get(id);
    HashTrie<String, HashTrie<String, Bucket>> c = canonical;
    HashTrie<String, HashTrie<String, Bucket>> v = vendor;
    long seq = nextSeq;
    if (old != null) {
      seq = old.seq;
      if (old.vendor) {
        v = withBucket(v, old.type, old.objCode, bucket(v, old.type, old.objCode).minus(old));
      } else {
        c = withBucket(c, old.type, old.objCode, bucket(c, old.type, old.objCode).minus(old));
      }
    }
    Subscription sub = s.subscription();
    boolean isVendor = !EventNames.isCanonical(sub.eventType());
    HashTrie<String, HashTrie<String, Bucket>> map = isVendor ? v : c;
    Bucket b = bucket(map, sub.eventType(), sub.objCode());
    Entry e = place(id, s, seq, isVendor, b);
    map = withBucket(map, sub.eventType(), sub.objCode(), b.plus(e));
    if (isVendor) {
      v = map;
    } else {
      c = map;
    }
    return new SubscriptionIndex(c, v, byId.put(id, e), old == null ? nextSeq + 1 : nextSeq);
  }

  /** This set without {@code id}; this very snapshot when there is no such id. */
  public SubscriptionIndex without(String id) {
    Entry old = byId.get(Objects.requireNonNull(id, "id"));
    if (old == null) {
      return this;
    }
    HashTrie<String, HashTrie<String, Bucket>> c = canonical;
    HashTrie<String, HashTrie<String, Bucket>> v = vendor;
    if (old.vendor) {
      v = withBucket(v, old.type, old.objCode, bucket(v, old.type, old.objCode).minus(old));
    } else {
      c = withBucket(c, old.type, old.objCode, bucket(c, old.type, old.objCode).minus(old));
    }
    return new SubscriptionIndex(c, v, byId.remove(id), nextSeq);
  }

  private static Bucket bucket(HashTrie<String, HashTrie<String, Bucket>> map, String type, String objCode) {
    HashTrie<String, Bucket> codes = map.get(type);
    Bucket b = codes == null ? null : codes.get(objCode);
    return b == null ? Bucket.EMPTY : b;
  }

  private static HashTrie<String, HashTrie<String, Bucket>> withBucket(
      HashTrie<String, HashTrie<String, Bucket>> map, String type, String objCode, Bucket b) {
    HashTrie<String, Bucket> codes = map.get(type);
    if (codes == null) {
      codes = HashTrie.empty();
    }
    codes = b.size == 0 ? codes.remove(objCode) : codes.put(objCode, b);
    return codes.isEmpty() ? map.remove(type) : map.put(type, codes);
  }

  /** Decides where {@code s} goes in bucket {@code b}: pinned, under an eq key, under a contains literal, or fallback. */
  private static Entry place(String id, CompiledSubscription s, long seq, boolean isVendor, Bucket b) {
    Subscription sub = s.subscription();
    if (sub.objId() != null) {
      return new Entry(id, s, seq, isVendor, sub.eventType(), sub.objCode(), PINNED, false, null, sub.objId(), null);
    }
    List<Filter.Condition> required = required(sub.filterConnector(), sub.filters());
    Filter.Condition best = null;
    Object bestKey = null;
    int bestSize = Integer.MAX_VALUE;
    for (Filter.Condition c : required) {
      if (c.comparison() != Operator.EQ) {
        continue;
      }
      Object key = EqKeys.ofConstant(c.fieldValue());
      if (key == null) {
        continue; // null, array or nested object fieldValue
      }
      boolean old = c.state() == State.OLD_STATE;
      int size = b.postingSize(old, c.fieldName(), key);
      boolean bestOld = best != null && best.state() == State.OLD_STATE;
      if (best == null || (bestOld && !old) || (bestOld == old && size < bestSize)) {
        best = c;
        bestKey = key;
        bestSize = size;
      }
    }
    if (best != null) {
      return new Entry(id, s, seq, isVendor, sub.eventType(), sub.objCode(), EQ,
          best.state() == State.OLD_STATE, best.fieldName(), bestKey, null);
    }
    String bestLiteral = null;
    for (Filter.Condition c : required) {
      if (c.comparison() != Operator.CONTAINS) {
        continue;
      }
      Object key = EqKeys.ofConstant(c.fieldValue());
      if (key == null) {
        continue; // null, array or nested object fieldValue
      }
      String literal = containsText(c.fieldValue());
      boolean old = c.state() == State.OLD_STATE;
      boolean bestOld = best != null && best.state() == State.OLD_STATE;
      // newState first, then the longest literal: the rarest in text
      if (best == null || (bestOld && !old) || (bestOld == old && literal.length() > bestLiteral.length())) {
        best = c;
        bestKey = key;
        bestLiteral = literal;
      }
    }
    if (best != null) {
      return new Entry(id, s, seq, isVendor, sub.eventType(), sub.objCode(), CONTAINS,
          best.state() == State.OLD_STATE, best.fieldName(), bestKey, bestLiteral);
    }
    return new Entry(id, s, seq, isVendor, sub.eventType(), sub.objCode(), FALLBACK, false, null, null, null);
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
   * The conditions that every match of these filters satisfies: all conditions of an AND list (or
   * of a list of one filter), descending into AND groups of it. An OR group of two or more filters
   * requires none of its conditions on its own. Iterative: no nesting depth overflows the stack.
   */
  static List<Filter.Condition> required(Connector connector, List<Filter> filters) {
    List<Filter.Condition> out = new ArrayList<>();
    if (connector != Connector.AND && filters.size() != 1) {
      return out;
    }
    Deque<List<Filter>> todo = new ArrayDeque<>();
    todo.add(filters);
    while (!todo.isEmpty()) {
      for (Filter f : todo.poll()) {
        if (f instanceof Filter.Condition c) {
          out.add(c);
        } else if (f instanceof Filter.Group g && g.connector() == Connector.AND) {
          todo.add(g.filters());
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ matching

  /**
   * The ids of the subscriptions that match {@code e}, in the order the ids were first added.
   *
   * @param stats {@code null}, or an array of {@link #STATS} counters to which this adds the
   *     candidates evaluated from pinned lists, eq postings, contains literals and fallback lists
   *     (slots 0-3), and the matches found in each (slots 4-7)
   */
  public List<String> match(Event e, long[] stats) {
    IdList acc = null;
    HashTrie<String, Bucket> codes = canonical.get(e.eventType());
    if (codes != null) {
      Bucket b = codes.get(e.objCode());
      if (b != null) {
        acc = b.match(e, acc, stats);
      }
    }
    if (!vendor.isEmpty()) {
      codes = vendor.get(e.name());
      if (codes != null) {
        Bucket b = codes.get(e.objCode());
        if (b != null) {
          acc = b.match(e, acc, stats);
        }
      }
    }
    if (acc == null) {
      return List.of();
    }
    sortBySeq(acc.entries, acc.size);
    return acc;
  }

  /** Evaluates every entry of {@code list} exactly, adding the matches to {@code acc} (created on the first). */
  static IdList evaluate(Entry[] list, Event e, IdList acc, long[] stats, int kind) {
    for (Entry x : list) {
      if (x.sub.matches(e)) {
        if (acc == null) {
          acc = new IdList();
        }
        acc.add(x);
        if (stats != null) {
          stats[4 + kind]++;
        }
      }
    }
    if (stats != null) {
      stats[kind] += list.length;
    }
    return acc;
  }

  /** Sorts {@code a[0, n)} by seq: insertion sort for the usual handful, heapsort beyond. Allocates nothing. */
  static void sortBySeq(Entry[] a, int n) {
    if (n <= 24) {
      for (int i = 1; i < n; i++) {
        Entry x = a[i];
        int j = i - 1;
        while (j >= 0 && a[j].seq > x.seq) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      Entry t = a[0];
      a[0] = a[end];
      a[end] = t;
      siftDown(a, 0, end);
    }
  }

  private static void siftDown(Entry[] a, int i, int n) {
    Entry x = a[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && a[child + 1].seq > a[child].seq) {
        child++;
      }
      if (a[child].seq <= x.seq) {
        break;
      }
      a[i] = a[child];
      i = child;
    }
    a[i] = x;
  }

  // ------------------------------------------------------------------ structure

  /** A subscription and where it is indexed. Immutable. */
  static final class Entry {
    final String id;
    final CompiledSubscription sub;
    final long seq;
    final boolean vendor;
    final String type;
    final String objCode;
    final int kind;
    /** EQ and CONTAINS: whether the condition reads oldState. */
    final boolean old;
    /** EQ and CONTAINS: the condition's field. */
    final String field;
    /** PINNED: the objId; EQ and CONTAINS: the {@link EqKeys} key of the fieldValue. */
    final Object key;
    /** CONTAINS: the text looked for in a string field. */
    final String literal;

    Entry(String id, CompiledSubscription sub, long seq, boolean vendor, String type, String objCode,
        int kind, boolean old, String field, Object key, String literal) {
      this.id = id;
      this.sub = sub;
      this.seq = seq;
      this.vendor = vendor;
      this.type = type;
      this.objCode = objCode;
      this.kind = kind;
      this.old = old;
      this.field = field;
      this.key = key;
      this.literal = literal;
    }
  }

  /** The subscriptions of one gate (eventType or vendor name, objCode). Immutable. */
  static final class Bucket {
    static final Bucket EMPTY = new Bucket(HashTrie.empty(), new FieldIndex[0], new ContainsIndex[0], NO_ENTRIES, 0);

    final HashTrie<String, Entry[]> pinned;
    final FieldIndex[] fields;
    final ContainsIndex[] contains;
    final Entry[] fallback;
    final int size;

    Bucket(HashTrie<String, Entry[]> pinned, FieldIndex[] fields, ContainsIndex[] contains, Entry[] fallback, int size) {
      this.pinned = pinned;
      this.fields = fields;
      this.contains = contains;
      this.fallback = fallback;
      this.size = size;
    }

    IdList match(Event e, IdList acc, long[] stats) {
      String objId = e.objId();
      if (objId != null && !pinned.isEmpty()) {
        Entry[] l = pinned.get(objId);
        if (l != null) {
          acc = evaluate(l, e, acc, stats, PINNED);
        }
      }
      if (fields.length > 0) {
        JsonModel m = e.model();
        for (FieldIndex f : fields) {
          Object state = f.old ? e.oldState() : e.newState();
          if (state == null) {
            continue; // unknown old state: every oldState condition is false
          }
          Object node = f.lookup(m, state);
          if (node == null) {
            continue; // absent: eq is false
          }
          Entry[] l = EqKeys.lookup(f.postings, m, node);
          if (l != null) {
            acc = evaluate(l, e, acc, stats, EQ);
          }
        }
      }
      if (contains.length > 0) {
        JsonModel m = e.model();
        for (ContainsIndex f : contains) {
          Object state = f.old ? e.oldState() : e.newState();
          if (state == null) {
            continue;
          }
          Object node = f.lookup(m, state);
          if (node != null) {
            acc = f.match(e, m, node, acc, stats);
          }
        }
      }
      if (fallback.length > 0) {
        acc = evaluate(fallback, e, acc, stats, FALLBACK);
      }
      return acc;
    }

    int postingSize(boolean old, String field, Object key) {
      int i = find(fields, old, field);
      if (i < 0) {
        return 0;
      }
      Entry[] l = fields[i].postings.get(key);
      return l == null ? 0 : l.length;
    }

    Bucket plus(Entry e) {
      switch (e.kind) {
        case PINNED: {
          String objId = (String) e.key;
          return new Bucket(pinned.put(objId, append(pinned.get(objId), e)), fields, contains, fallback, size + 1);
        }
        case EQ: {
          int i = find(fields, e.old, e.field);
          FieldIndex[] fs;
          if (i < 0) {
            fs = Arrays.copyOf(fields, fields.length + 1);
            i = fields.length;
            fs[i] = new FieldIndex(e.old, e.field, HashTrie.empty(), 0);
          } else {
            fs = fields.clone();
          }
          fs[i] = fs[i].plus(e);
          return new Bucket(pinned, fs, contains, fallback, size + 1);
        }
        case CONTAINS: {
          int i = find(contains, e.old, e.field);
          ContainsIndex[] cs;
          if (i < 0) {
            cs = Arrays.copyOf(contains, contains.length + 1);
            i = contains.length;
            cs[i] = new ContainsIndex(e.old, e.field, HashTrie.empty(), HashTrie.empty(), 0);
          } else {
            cs = contains.clone();
          }
          cs[i] = cs[i].plus(e);
          return new Bucket(pinned, fields, cs, fallback, size + 1);
        }
        default:
          return new Bucket(pinned, fields, contains, append(fallback, e), size + 1);
      }
    }

    /** This bucket without {@code e}, which it holds. */
    Bucket minus(Entry e) {
      switch (e.kind) {
        case PINNED: {
          String objId = (String) e.key;
          Entry[] l = removeEntry(pinned.get(objId), e);
          return new Bucket(l == null ? pinned.remove(objId) : pinned.put(objId, l), fields, contains, fallback, size - 1);
        }
        case EQ: {
          int i = find(fields, e.old, e.field);
          FieldIndex f = fields[i].minus(e);
          FieldIndex[] fs = f.size == 0 ? without(fields, i, new FieldIndex[fields.length - 1]) : fields.clone();
          if (f.size != 0) {
            fs[i] = f;
          }
          return new Bucket(pinned, fs, contains, fallback, size - 1);
        }
        case CONTAINS: {
          int i = find(contains, e.old, e.field);
          ContainsIndex f = contains[i].minus(e);
          ContainsIndex[] cs = f.size == 0 ? without(contains, i, new ContainsIndex[contains.length - 1]) : contains.clone();
          if (f.size != 0) {
            cs[i] = f;
          }
          return new Bucket(pinned, fields, cs, fallback, size - 1);
        }
        default: {
          Entry[] l = removeEntry(fallback, e);
          return new Bucket(pinned, fields, contains, l == null ? NO_ENTRIES : l, size - 1);
        }
      }
    }

    private static int find(Field[] fields, boolean old, String name) {
      for (int i = 0; i < fields.length; i++) {
        if (fields[i].old == old && fields[i].name.equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private static <T> T[] without(T[] a, int i, T[] out) {
      System.arraycopy(a, 0, out, 0, i);
      System.arraycopy(a, i + 1, out, i, a.length - i - 1);
      return out;
    }
  }

  /** One (state, field) of a bucket that some index reads. Immutable. */
  abstract static class Field {
    final boolean old;
    final String name;
    final boolean custom;
    final int size;

    Field(boolean old, String name, int size) {
      this.old = old;
      this.name = name;
      this.custom = name.startsWith("DE:");
      this.size = size;
    }

    /** The field's node in {@code state}, or {@code null}: as {@code FieldRef}, DE: names fall back into parameterValues. */
    final Object lookup(JsonModel m, Object state) {
      Object v = m.get(state, name);
      if (v == null && custom) {
        Object pv = m.get(state, "parameterValues");
        if (pv != null && m.kind(pv) == JsonModel.Kind.OBJECT) {
          return m.get(pv, name);
        }
      }
      return v;
    }
  }

  /** The eq postings of one (state, field) of a bucket: key -> subscriptions. Immutable. */
  static final class FieldIndex extends Field {
    final HashTrie<Object, Entry[]> postings;

    FieldIndex(boolean old, String name, HashTrie<Object, Entry[]> postings, int size) {
      super(old, name, size);
      this.postings = postings;
    }

    FieldIndex plus(Entry e) {
      return new FieldIndex(old, name, postings.put(e.key, append(postings.get(e.key), e)), size + 1);
    }

    FieldIndex minus(Entry e) {
      Entry[] l = removeEntry(postings.get(e.key), e);
      return new FieldIndex(old, name, l == null ? postings.remove(e.key) : postings.put(e.key, l), size - 1);
    }
  }

  /**
   * The contains index of one (state, field) of a bucket. {@code contains} with a scalar fieldValue
   * holds on a string field only when the fieldValue's text is a substring of it, and on an array
   * field only when some element {@code eq}s the fieldValue: so each subscription is listed under
   * its text ({@link #byLiteral}, scanned with an Aho–Corasick automaton) and under its {@link
   * EqKeys} key ({@link #byKey}, looked up for every element). Immutable; the automaton is built
   * lazily, on the first string this snapshot of the field is matched against, and cached.
   */
  static final class ContainsIndex extends Field {
    final HashTrie<String, Entry[]> byLiteral;
    final HashTrie<Object, Entry[]> byKey;
    /**
     * Built on first use. A benign race (like {@link String#hashCode}): threads that both find it
     * null build equal scanners; a Scanner has only final fields, so any thread that reads a
     * non-null reference sees it complete.
     */
    private Scanner scanner;

    ContainsIndex(boolean old, String name, HashTrie<String, Entry[]> byLiteral, HashTrie<Object, Entry[]> byKey, int size) {
      super(old, name, size);
      this.byLiteral = byLiteral;
      this.byKey = byKey;
    }

    ContainsIndex plus(Entry e) {
      return new ContainsIndex(old, name,
          byLiteral.put(e.literal, append(byLiteral.get(e.literal), e)),
          byKey.put(e.key, append(byKey.get(e.key), e)), size + 1);
    }

    ContainsIndex minus(Entry e) {
      Entry[] l = removeEntry(byLiteral.get(e.literal), e);
      Entry[] k = removeEntry(byKey.get(e.key), e);
      return new ContainsIndex(old, name,
          l == null ? byLiteral.remove(e.literal) : byLiteral.put(e.literal, l),
          k == null ? byKey.remove(e.key) : byKey.put(e.key, k), size - 1);
    }

    private Scanner scanner() {
      Scanner s = scanner;
      if (s == null) {
        s = Scanner.of(byLiteral);
        scanner = s;
      }
      return s;
    }

    IdList match(Event e, JsonModel m, Object node, IdList acc, long[] stats) {
      JsonModel.Kind kind = m.kind(node);
      if (kind == JsonModel.Kind.STRING) {
        Scanner s = scanner();
        if (s.empty != null) {
          acc = evaluate(s.empty, e, acc, stats, CONTAINS); // "" is in every string
        }
        if (s.automaton != null) {
          int[] hits = s.automaton.scan(m.text(node));
          if (hits != null) {
            for (int i = 1; i <= hits[0]; i++) {
              acc = evaluate(s.outputs[hits[i]], e, acc, stats, CONTAINS);
            }
          }
        }
      } else if (kind == JsonModel.Kind.ARRAY) {
        int n = m.size(node);
        Entry[] first = null;
        Entry[][] more = null;
        int moreCount = 0;
        for (int i = 0; i < n; i++) {
          Entry[] l = EqKeys.lookup(byKey, m, m.element(node, i));
          if (l == null || l == first || seen(more, moreCount, l)) {
            continue; // each key maps to one list: equal elements find the same list
          }
          if (first == null) {
            first = l;
          } else {
            if (more == null) {
              more = new Entry[4][];
            } else if (moreCount == more.length) {
              more = Arrays.copyOf(more, moreCount * 2);
            }
            more[moreCount++] = l;
          }
          acc = evaluate(l, e, acc, stats, CONTAINS);
        }
      }
      return acc;
    }

    private static boolean seen(Entry[][] lists, int count, Entry[] l) {
      for (int i = 0; i < count; i++) {
        if (lists[i] == l) {
          return true;
        }
      }
      return false;
    }
  }

  /** The automaton over the non-empty literals of a contains index, with each literal's subscriptions. Immutable. */
  static final class Scanner {
    final ContainsAutomaton automaton;
    final Entry[][] outputs;
    final Entry[] empty;

    private Scanner(ContainsAutomaton automaton, Entry[][] outputs, Entry[] empty) {
      this.automaton = automaton;
      this.outputs = outputs;
      this.empty = empty;
    }

    static Scanner of(HashTrie<String, Entry[]> byLiteral) {
      List<String> all = new ArrayList<>(byLiteral.size());
      byLiteral.keys(all);
      all.remove("");
      String[] literals = all.toArray(new String[0]);
      Entry[][] outputs = new Entry[literals.length][];
      for (int i = 0; i < literals.length; i++) {
        outputs[i] = byLiteral.get(literals[i]);
      }
      ContainsAutomaton a = literals.length == 0 ? null : ContainsAutomaton.build(literals);
      return new Scanner(a, outputs, byLiteral.get(""));
    }
  }

  private static Entry[] append(Entry[] list, Entry e) {
    if (list == null) {
      return new Entry[] {e};
    }
    Entry[] out = Arrays.copyOf(list, list.length + 1);
    out[list.length] = e;
    return out;
  }

  /** {@code list} without {@code e} (by identity), or {@code null} when nothing is left. */
  private static Entry[] removeEntry(Entry[] list, Entry e) {
    int i = 0;
    while (list[i] != e) {
      i++;
    }
    if (list.length == 1) {
      return null;
    }
    Entry[] out = new Entry[list.length - 1];
    System.arraycopy(list, 0, out, 0, i);
    System.arraycopy(list, i + 1, out, i, list.length - i - 1);
    return out;
  }

  /**
   * The answer of one {@link #match}: the matching entries, sorted by seq before it is returned,
   * read as their ids. Unmodifiable once returned (it is never written again).
   */
  static final class IdList extends AbstractList<String> implements RandomAccess {
    Entry[] entries = new Entry[4];
    int size;

    void add(Entry e) {
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size * 2);
      }
      entries[size++] = e;
    }

    @Override
    public String get(int index) {
      Objects.checkIndex(index, size);
      return entries[index].id;
    }

    @Override
    public int size() {
      return size;
    }
  }
}
