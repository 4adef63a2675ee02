package dev.subfilter.internal;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.JsonModel;
import dev.subfilter.Subscription;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

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
 *       one bucket in each. Every subscription lives in exactly one bucket.
 *   <li>Within a bucket, a subscription is placed in the first of:
 *       <ol>
 *         <li><b>pinned</b>: it sets objId; the list under that objId (the gate compares it as text);
 *         <li><b>indexed</b>: its filters have a {@link KeyChooser cover}, a set of {@link Key}s of which
 *             every match has at least one: one required {@code eq} or {@code contains} condition
 *             on a scalar (a condition of the top-level AND or of AND groups in it), or, for an OR
 *             (top-level, or an OR group that every match requires), one such key per branch. The
 *             subscription is listed under each key: an eq key in the postings of its (state,
 *             field) under its {@link EqKeys key}; a contains key in its (state, field)'s {@link
 *             ContainsIndex} under its text (for string fields, found by an Aho–Corasick scan of
 *             the event's value) and its EqKeys key (for array fields, looked up per element).
 *             A leaf of a nested fieldValue is a key too, at its {@link IndexPath} (the field,
 *             then the members the nested test descends into): the event's value is looked up
 *             the same way, in each element for an {@code objects} step, and such a key, which
 *             an event may reach more than once, is deduplicated as a multi-key entry.
 *             {@link KeyChooser} says which cover is chosen: the most selective;
 *         <li><b>fallback</b>: everything else (no filters, only ranges, ne, changed, an OR with a
 *             branch without a key...).
 *       </ol>
 *   <li>An event's candidates are: the pinned list of its objId, for every eq-indexed (state,
 *       field) of the bucket the list under the key of the event's value of that field (looked up
 *       as {@code FieldRef} does: literally, then {@code DE:} names in {@code parameterValues}),
 *       for every contains-indexed one the lists of the texts occurring in its string value (or of
 *       the keys of its array's elements), and the fallback list. Every candidate is evaluated
 *       exactly with {@link CompiledSubscription#matches}; the index only has to never miss one,
 *       which holds because every match of a subscription has (in the event) the key of at least
 *       one of the lists it is in.
 *   <li>Evaluated once: a subscription with one key is in one list an event reads (a contains key
 *       is in two, of which an event's value, a string or an array, reads one; texts found twice and
 *       keys of equal elements are evaluated once). One with several keys ({@link Entry#multi}) may
 *       be reached through several: the first reach marks it in a small per-call table (allocated
 *       only when such a candidate is reached, and dropped before the answer is returned), later
 *       ones skip it. So no candidate is evaluated twice and no answer holds an id twice.
 * </ul>
 *
 * <h2>Costs</h2>
 *
 * Maps are {@link HashTrie}s, so an update creates O(log n) trie nodes per key of the subscription,
 * plus a copy of each list it changes (the subscriptions sharing its objId, one of its eq keys or
 * contains texts, or its bucket's fallback list), of its bucket's small arrays of indexed fields,
 * and O(log n) nodes per eq condition for the bucket's eq counts (what {@link KeyChooser} chooses with).
 * Matching costs two bucket lookups, one hash lookup per eq-indexed field of those buckets, one scan
 * of the value of each contains-indexed field, the exact evaluation of the candidates, and a sort
 * of the answer. A contains index builds its automaton lazily, on the first match after it changed:
 * O(total length of its texts), paid once per snapshot of that field.
 */
public final class SubscriptionIndex {
  /** The empty set. */
  public static final SubscriptionIndex EMPTY =
      new SubscriptionIndex(HashTrie.empty(), HashTrie.empty(), HashTrie.empty(), 0, HashTrie.empty(), Set.of());

  static final int PINNED = 0;
  static final int EQ = 1;
  static final int CONTAINS = 2;
  static final int FALLBACK = 3;
  /** Entry kind: listed under the keys of a cover (each key's kind is EQ or CONTAINS). */
  static final int INDEXED = 4;

  /** Statistics slot: candidates evaluated that are listed under several keys (an OR's branches). */
  public static final int STAT_MULTI = 8;
  /** Statistics slot: matches among {@link #STAT_MULTI}. */
  public static final int STAT_MULTI_MATCHES = 9;
  /** Statistics slot: reaches of an already evaluated multi-key candidate, skipped. */
  public static final int STAT_DEDUPED = 10;
  /** How many slots {@link #match(Event, long[])} fills in its statistics array (when it has them). */
  public static final int STATS = 11;

  private static final Entry[] NO_ENTRIES = new Entry[0];

  private final HashTrie<String, HashTrie<String, Bucket>> canonical;
  private final HashTrie<String, HashTrie<String, Bucket>> vendor;
  private final HashTrie<String, Entry> byId;
  private final long nextSeq;
  /** How many subscriptions read each state key. */
  private final HashTrie<String, Integer> keyCounts;
  /** The keys of {@link #keyCounts}; the same object in every snapshot until a key comes or goes. */
  private final Set<String> stateKeys;

  private SubscriptionIndex(HashTrie<String, HashTrie<String, Bucket>> canonical,
      HashTrie<String, HashTrie<String, Bucket>> vendor, HashTrie<String, Entry> byId, long nextSeq,
      HashTrie<String, Integer> keyCounts, Set<String> stateKeys) {
    this.canonical = canonical;
    this.vendor = vendor;
    this.byId = byId;
    this.nextSeq = nextSeq;
    this.keyCounts = keyCounts;
    this.stateKeys = stateKeys;
  }

  /**
   * The union of the held subscriptions' {@link CompiledSubscription#stateKeys()}: an event whose
   * states hold only these keys matches exactly what the full event matches. Unmodifiable; the
   * same object from one snapshot to the next while no key comes or goes (so a reader built for
   * it can be cached by identity).
   */
  public Set<String> stateKeys() {
    return stateKeys;
  }

  /** A snapshot of these parts whose key counts are this one's without {@code removed} and with {@code added} (either may be null). */
  private SubscriptionIndex withKeys(HashTrie<String, HashTrie<String, Bucket>> c, HashTrie<String, HashTrie<String, Bucket>> v,
      HashTrie<String, Entry> ids, long seq, Set<String> removed, Set<String> added) {
    HashTrie<String, Integer> counts = keyCounts;
    boolean changed = false;
    if (removed != null) {
      for (String k : removed) {
        int n = counts.get(k) - 1;
        counts = n == 0 ? counts.remove(k) : counts.put(k, n);
        changed |= n == 0;
      }
    }
    if (added != null) {
      for (String k : added) {
        Integer n = counts.get(k);
        counts = counts.put(k, n == null ? 1 : n + 1);
        changed |= n == null;
      }
    }
    Set<String> keys = stateKeys;
    if (changed) {
      List<String> all = new ArrayList<>(counts.size());
      counts.keys(all);
      Set<String> next = Set.copyOf(all);
      keys = next.equals(stateKeys) ? stateKeys : next; // a replacement may remove and re-add a key
    }
    return new SubscriptionIndex(c, v, ids, seq, counts, keys);
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
   * FIELD"}, {@code "contains newState FIELD"}, {@code "contains oldState FIELD"}, {@code "fallback"},
   * or for a subscription listed under several keys {@code "or(K1; K2; ...)"} with each key written
   * as above; {@code null} when there is no such id. For tests and statistics.
   */
  public String placement(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      return null;
    }
    switch (e.kind) {
      case PINNED:
        return "pinned";
      case FALLBACK:
        return "fallback";
      default:
        Key[] keys = e.keys();
        if (keys.length == 1) {
          return keys[0].toString();
        }
        StringBuilder b = new StringBuilder("or(");
        for (int i = 0; i < keys.length; i++) {
          b.append(i == 0 ? "" : "; ").append(keys[i]);
        }
        return b.append(')').toString();
    }
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
        v = withBucket(v, old.type(), old.objCode(), bucket(v, old.type(), old.objCode()).minus(old));
      } else {
        c = withBucket(c, old.type(), old.objCode(), bucket(c, old.type(), old.objCode()).minus(old));
      }
    }
    Subscription sub = s.subscription();
    boolean isVendor = !EventNames.isCanonical(sub.eventType());
    HashTrie<String, HashTrie<String, Bucket>> map = isVendor ? v : c;
    Bucket b = bucket(map, sub.eventType(), sub.objCode());
    Entry e;
    if (sub.objId() != null) {
      e = new Entry(id, s, seq, isVendor, PINNED, null);
    } else {
      Plan plan = Plan.of(sub);
      b = b.withCounts(plan, 1); // first: the choice counts this subscription's own conditions
      Key[] keys = KeyChooser.choose(b, plan);
      e = new Entry(id, s, seq, isVendor, keys == null ? FALLBACK : INDEXED, keys);
    }
    map = withBucket(map, sub.eventType(), sub.objCode(), b.plus(e));
    if (isVendor) {
      v = map;
    } else {
      c = map;
    }
    return withKeys(c, v, byId.put(id, e), old == null ? nextSeq + 1 : nextSeq, old == null ? null : old.sub.stateKeys(), s.stateKeys());
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
      v = withBucket(v, old.type(), old.objCode(), bucket(v, old.type(), old.objCode()).minus(old));
    } else {
      c = withBucket(c, old.type(), old.objCode(), bucket(c, old.type(), old.objCode()).minus(old));
    }
    return withKeys(c, v, byId.remove(id), nextSeq, old.sub.stateKeys(), null);
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

  // ------------------------------------------------------------------ matching

  /**
   * The ids of the subscriptions that match {@code e}, in the order the ids were first added.
   *
   * @param stats {@code null}, or an array of at least 8 counters to which this adds the candidates
   *     evaluated from pinned lists, eq postings, contains literals and fallback lists (slots 0-3),
   *     and the matches found in each (slots 4-7); when it has {@link #STATS} slots, also the
   *     candidates evaluated that are listed under several keys ({@link #STAT_MULTI}), their matches
   *     ({@link #STAT_MULTI_MATCHES}) and the reaches of such a candidate skipped because it was
   *     already evaluated for this event ({@link #STAT_DEDUPED})
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
    acc.seen = null; // the per-call table of evaluated multi-key candidates: not part of the answer
    if (acc.size == 0) {
      return List.of();
    }
    sortBySeq(acc.entries, acc.size);
    return acc;
  }

  /**
   * Evaluates every entry of {@code list} exactly, adding the matches to {@code acc} (created on the
   * first match, or on the first multi-key entry, which it marks as evaluated: such an entry reached
   * again through another of its keys is skipped).
   */
  static IdList evaluate(Entry[] list, Event e, IdList acc, long[] stats, int kind) {
    for (Entry x : list) {
      if (x.multi) {
        if (acc == null) {
          acc = new IdList();
        }
        if (!acc.firstReach(x)) {
          if (stats != null && stats.length >= STATS) {
            stats[STAT_DEDUPED]++;
          }
          continue;
        }
      }
      boolean matches = x.sub.matches(e);
      if (matches) {
        if (acc == null) {
          acc = new IdList();
        }
        acc.add(x);
      }
      if (stats != null) {
        count(stats, kind, x.multi, matches);
      }
    }
    return acc;
  }

  private static void count(long[] stats, int kind, boolean multi, boolean matches) {
    stats[kind]++;
    if (matches) {
      stats[4 + kind]++;
    }
    if (multi && stats.length >= STATS) {
      stats[STAT_MULTI]++;
      if (matches) {
        stats[STAT_MULTI_MATCHES]++;
      }
    }
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
    /** The id's place in the insertion order; unique among the entries of one snapshot. */
    final long seq;
    final boolean vendor;
    /** {@link #PINNED}, {@link #INDEXED} or {@link #FALLBACK}. */
    final byte kind;
    /** Listed under several keys: an event may reach it more than once, so matching dedupes it. */
    final boolean multi;
    /**
     * INDEXED: the keys it is listed under (no two with the same eq key or contains text), as the
     * one {@link Key} most subscriptions have or a {@code Key[]} (no array per entry in the usual
     * case; a set holds one entry per subscription); else {@code null}.
     */
    private final Object keys;

    Entry(String id, CompiledSubscription sub, long seq, boolean vendor, int kind, Key[] keys) {
      this.id = id;
      this.sub = sub;
      this.seq = seq;
      this.vendor = vendor;
      this.kind = (byte) kind;
      this.keys = keys == null ? null : keys.length == 1 ? keys[0] : keys;
      this.multi = keys != null && (keys.length > 1 || keys[0].path.mayRepeat());
    }

    /** The keys it is listed under (a new array for a one-key entry: for updates, not matching), or {@code null}. */
    Key[] keys() {
      return keys instanceof Key k ? new Key[] {k} : (Key[]) keys;
    }

    /** PINNED: the objId. */
    String objId() {
      return sub.subscription().objId();
    }

    /** The eventType or vendor name of its bucket (read from the subscription: one field less per entry). */
    String type() {
      return sub.subscription().eventType();
    }

    String objCode() {
      return sub.subscription().objCode();
    }
  }

  /**
   * One list a subscription is indexed under: an {@code eq} key or a {@code contains} text of one
   * (state, path): a field, or a leaf of a nested fieldValue below it. Immutable.
   */
  static final class Key {
    /** {@link #EQ} or {@link #CONTAINS}. */
    final int kind;
    /** Whether the condition reads oldState. */
    final boolean old;
    final IndexPath path;
    /** The {@link EqKeys} key of the fieldValue (for contains: looked up per element of array fields). */
    final Object key;
    /** CONTAINS: the text looked for in a string field (it determines {@link #key}); EQ: {@code null}. */
    final String literal;

    Key(int kind, boolean old, IndexPath path, Object key, String literal) {
      this.kind = kind;
      this.old = old;
      this.path = path;
      this.key = key;
      this.literal = literal;
    }

    /** Whether {@code o} names the same list (then a subscription is listed once for both). */
    boolean sameList(Key o) {
      return kind == o.kind && old == o.old && path.equals(o.path)
          && (kind == EQ ? key.equals(o.key) : literal.equals(o.literal));
    }

    /** {@code "eq newState FIELD"}, {@code "contains oldState FIELD[] → member"}, ... (see {@link IndexPath#toString}) */
    @Override
    public String toString() {
      return (kind == EQ ? "eq " : "contains ") + (old ? "oldState " : "newState ") + path;
    }
  }

  /** A (state, path) as a map key. */
  private record FieldKey(boolean old, IndexPath path) {}

  /** How many eq conditions of a bucket's unpinned subscriptions name each key of one (state, field). Immutable. */
  private static final class KeyCounts {
    final HashTrie<Object, Integer> counts;
    final int total;

    KeyCounts(HashTrie<Object, Integer> counts, int total) {
      this.counts = counts;
      this.total = total;
    }
  }

  /** The subscriptions of one gate (eventType or vendor name, objCode). Immutable. */
  static final class Bucket {
    static final Bucket EMPTY = new Bucket(HashTrie.empty(), new FieldIndex[0], new ContainsIndex[0], NO_ENTRIES, 0, HashTrie.empty());

    final HashTrie<String, Entry[]> pinned;
    final FieldIndex[] fields;
    final ContainsIndex[] contains;
    final Entry[] fallback;
    final int size;
    /** The eq keys of the unpinned subscriptions, counted per (state, field): what {@link KeyChooser} chooses with. */
    private final HashTrie<FieldKey, KeyCounts> eqCounts;

    Bucket(HashTrie<String, Entry[]> pinned, FieldIndex[] fields, ContainsIndex[] contains, Entry[] fallback, int size,
        HashTrie<FieldKey, KeyCounts> eqCounts) {
      this.pinned = pinned;
      this.fields = fields;
      this.contains = contains;
      this.fallback = fallback;
      this.size = size;
      this.eqCounts = eqCounts;
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
          acc = f.path.nested() ? f.walk(e, m, node, 0, acc, stats) : f.atLeaf(e, m, node, acc, stats);
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
            acc = f.path.nested() ? f.walk(e, m, node, 0, acc, stats) : f.atLeaf(e, m, node, acc, stats);
          }
        }
      }
      if (fallback.length > 0) {
        acc = evaluate(fallback, e, acc, stats, FALLBACK);
      }
      return acc;
    }

    /** {@code p}, or the equal path an index of this bucket already has: one copy per bucket, not one per subscription. */
    IndexPath shared(IndexPath p) {
      for (Field f : fields) {
        if (f.path.equals(p)) {
          return f.path;
        }
      }
      for (Field f : contains) {
        if (f.path.equals(p)) {
          return f.path;
        }
      }
      return p;
    }

    /** The length of the eq list under {@code key} of (old, field). */
    int postingSize(boolean old, IndexPath path, Object key) {
      int i = find(fields, old, path);
      if (i < 0) {
        return 0;
      }
      Entry[] l = fields[i].postings.get(key);
      return l == null ? 0 : l.length;
    }

    /**
     * The share of the eq conditions on (old, field) of this bucket's unpinned subscriptions that
     * name {@code key}: in (0, 1], and 1 when none is counted.
     */
    double eqShare(boolean old, IndexPath path, Object key) {
      KeyCounts k = eqCounts.get(new FieldKey(old, path));
      Integer n = k == null ? null : k.counts.get(key);
      return n == null ? 1.0 : n / (double) k.total;
    }

    /** The number of distinct keys the eq conditions on (old, field) of this bucket's unpinned subscriptions name. */
    int eqDistinct(boolean old, IndexPath path) {
      KeyCounts k = eqCounts.get(new FieldKey(old, path));
      return k == null ? 0 : k.counts.size();
    }

    /** This bucket with the eq conditions of {@code sub} counted {@code delta} (+1 or -1) more times. */
    Bucket withCounts(Plan plan, int delta) {
      Counting c = new Counting(eqCounts, delta);
      KeyChooser.eqConditions(plan, c);
      return c.counts == eqCounts ? this : new Bucket(pinned, fields, contains, fallback, size, c.counts);
    }

    /** Applies one subscription's eq conditions to a bucket's counts. */
    private static final class Counting implements KeyChooser.EqSink {
      HashTrie<FieldKey, KeyCounts> counts;
      final int delta;

      Counting(HashTrie<FieldKey, KeyCounts> counts, int delta) {
        this.counts = counts;
        this.delta = delta;
      }

      @Override
      public void accept(boolean old, IndexPath path, Object key) {
        FieldKey f = new FieldKey(old, path);
        KeyCounts k = counts.get(f);
        HashTrie<Object, Integer> m = k == null ? HashTrie.empty() : k.counts;
        Integer n = m.get(key);
        int c = (n == null ? 0 : n) + delta;
        m = c == 0 ? m.remove(key) : m.put(key, c);
        int total = (k == null ? 0 : k.total) + delta;
        counts = total == 0 ? counts.remove(f) : counts.put(f, new KeyCounts(m, total));
      }
    }

    Bucket plus(Entry e) {
      switch (e.kind) {
        case PINNED:
          return new Bucket(pinned.put(e.objId(), append(pinned.get(e.objId()), e)), fields, contains, fallback, size + 1, eqCounts);
        case FALLBACK:
          return new Bucket(pinned, fields, contains, append(fallback, e), size + 1, eqCounts);
        default: {
          FieldIndex[] fs = fields;
          ContainsIndex[] cs = contains;
          for (Key k : e.keys()) {
            if (k.kind == EQ) {
              int i = find(fs, k.old, k.path);
              if (i < 0) {
                fs = Arrays.copyOf(fs, fs.length + 1);
                i = fs.length - 1;
                fs[i] = new FieldIndex(k.old, k.path, HashTrie.empty(), 0);
              } else if (fs == fields) {
                fs = fields.clone();
              }
              fs[i] = fs[i].plus(e, k);
            } else {
              int i = find(cs, k.old, k.path);
              if (i < 0) {
                cs = Arrays.copyOf(cs, cs.length + 1);
                i = cs.length - 1;
                cs[i] = new ContainsIndex(k.old, k.path, HashTrie.empty(), HashTrie.empty(), 0);
              } else if (cs == contains) {
                cs = contains.clone();
              }
              cs[i] = cs[i].plus(e, k);
            }
          }
          return new Bucket(pinned, fs, cs, fallback, size + 1, eqCounts);
        }
      }
    }

    /** This bucket without {@code e}, which it holds (and without its eq counts). */
    Bucket minus(Entry e) {
      switch (e.kind) {
        case PINNED: {
          Entry[] l = removeEntry(pinned.get(e.objId()), e);
          return new Bucket(l == null ? pinned.remove(e.objId()) : pinned.put(e.objId(), l), fields, contains, fallback, size - 1, eqCounts);
        }
        case FALLBACK: {
          Entry[] l = removeEntry(fallback, e);
          return new Bucket(pinned, fields, contains, l == null ? NO_ENTRIES : l, size - 1, eqCounts)
              .withCounts(Plan.of(e.sub.subscription()), -1);
        }
        default: {
          FieldIndex[] fs = fields;
          ContainsIndex[] cs = contains;
          for (Key k : e.keys()) {
            if (k.kind == EQ) {
              int i = find(fs, k.old, k.path);
              FieldIndex f = fs[i].minus(e, k);
              if (f.size == 0) {
                fs = without(fs, i, new FieldIndex[fs.length - 1]);
              } else {
                if (fs == fields) {
                  fs = fields.clone();
                }
                fs[i] = f;
              }
            } else {
              int i = find(cs, k.old, k.path);
              ContainsIndex f = cs[i].minus(e, k);
              if (f.size == 0) {
                cs = without(cs, i, new ContainsIndex[cs.length - 1]);
              } else {
                if (cs == contains) {
                  cs = contains.clone();
                }
                cs[i] = f;
              }
            }
          }
          return new Bucket(pinned, fs, cs, fallback, size - 1, eqCounts).withCounts(Plan.of(e.sub.subscription()), -1);
        }
      }
    }

    private static int find(Field[] fields, boolean old, IndexPath path) {
      for (int i = 0; i < fields.length; i++) {
        if (fields[i].old == old && fields[i].path.equals(path)) {
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

  /** One (state, path) of a bucket that some index reads. Immutable. */
  abstract static class Field {
    final boolean old;
    final IndexPath path;
    final int size;

    Field(boolean old, IndexPath path, int size) {
      this.old = old;
      this.path = path;
      this.size = size;
    }

    /** The field's node in {@code state}, or {@code null}: as {@code FieldRef}, DE: names fall back into parameterValues. */
    final Object lookup(JsonModel m, Object state) {
      return path.field(m, state);
    }

    /** Adds the candidates this index finds for {@code leaf}, a node its path reaches. */
    abstract IdList atLeaf(Event e, JsonModel m, Object leaf, IdList acc, long[] stats);

    /**
     * {@link #atLeaf} for every node the path reaches from the field's {@code node}, descending as
     * the compiled nested tests do (an object's member, or that member of each object element of
     * an array; absent members and other kinds reach nothing). Recursion depth is the path's
     * length, which maxValueDepth bounds.
     */
    final IdList walk(Event e, JsonModel m, Object node, int step, IdList acc, long[] stats) {
      if (step == path.depth()) {
        return atLeaf(e, m, node, acc, stats);
      }
      String name = path.step(step);
      if (!path.each(step)) {
        if (m.kind(node) == JsonModel.Kind.OBJECT) {
          Object c = m.get(node, name);
          if (c != null) {
            acc = walk(e, m, c, step + 1, acc, stats);
          }
        }
        return acc;
      }
      if (m.kind(node) == JsonModel.Kind.ARRAY) {
        int n = m.size(node);
        for (int i = 0; i < n; i++) {
          Object el = m.element(node, i);
          if (m.kind(el) == JsonModel.Kind.OBJECT) {
            Object c = m.get(el, name);
            if (c != null) {
              acc = walk(e, m, c, step + 1, acc, stats);
            }
          }
        }
      }
      return acc;
    }
  }

  /** The eq postings of one (state, field) of a bucket: key -> subscriptions. Immutable. */
  static final class FieldIndex extends Field {
    final HashTrie<Object, Entry[]> postings;

    FieldIndex(boolean old, IndexPath path, HashTrie<Object, Entry[]> postings, int size) {
      super(old, path, size);
      this.postings = postings;
    }

    @Override
    IdList atLeaf(Event e, JsonModel m, Object leaf, IdList acc, long[] stats) {
      Entry[] l = EqKeys.lookup(postings, m, leaf);
      return l == null ? acc : evaluate(l, e, acc, stats, EQ);
    }

    FieldIndex plus(Entry e, Key k) {
      return new FieldIndex(old, path, postings.put(k.key, append(postings.get(k.key), e)), size + 1);
    }

    FieldIndex minus(Entry e, Key k) {
      Entry[] l = removeEntry(postings.get(k.key), e);
      return new FieldIndex(old, path, l == null ? postings.remove(k.key) : postings.put(k.key, l), size - 1);
    }
  }

  /**
   * The contains index of one (state, field) of a bucket. {@code contains} with a scalar fieldValue
   * holds on a string field only when the fieldValue's text is a substring of it, and on an array
   * field only when some element {@code eq}s the fieldValue: so each subscription is listed under
   * its text ({@link #byLiteral}, scanned with an Aho–Corasick automaton) and under its {@link
   * EqKeys} key ({@link #byKey}, looked up for every element). Immutable; the automaton is built
   * lazily, on the first string this snapshot of the field is matched against, and cached.
   *
   * <p>A subscription with two contains keys of one field whose texts differ but whose EqKeys keys
   * are equal ({@code "2"} and {@code "2.0"}) is listed twice under that key: it is multi-key, so
   * matching evaluates it once, and each removal of one of its keys removes one of the two.
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

    ContainsIndex(boolean old, IndexPath path, HashTrie<String, Entry[]> byLiteral, HashTrie<Object, Entry[]> byKey, int size) {
      super(old, path, size);
      this.byLiteral = byLiteral;
      this.byKey = byKey;
    }

    ContainsIndex plus(Entry e, Key k) {
      return new ContainsIndex(old, path,
          byLiteral.put(k.literal, append(byLiteral.get(k.literal), e)),
          byKey.put(k.key, append(byKey.get(k.key), e)), size + 1);
    }

    ContainsIndex minus(Entry e, Key k) {
      Entry[] l = removeEntry(byLiteral.get(k.literal), e);
      Entry[] b = removeEntry(byKey.get(k.key), e);
      return new ContainsIndex(old, path,
          l == null ? byLiteral.remove(k.literal) : byLiteral.put(k.literal, l),
          b == null ? byKey.remove(k.key) : byKey.put(k.key, b), size - 1);
    }

    private Scanner scanner() {
      Scanner s = scanner;
      if (s == null) {
        s = Scanner.of(byLiteral);
        scanner = s;
      }
      return s;
    }

    @Override
    IdList atLeaf(Event e, JsonModel m, Object node, IdList acc, long[] stats) {
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
   * read as their ids. Unmodifiable once returned (it is never written again). While matching it
   * also holds {@link #seen}, the multi-key entries already evaluated.
   */
  static final class IdList extends AbstractList<String> implements RandomAccess {
    Entry[] entries = NO_ENTRIES;
    int size;
    /** Open-addressed by seq (a power-of-two length, at most half full), or {@code null}; cleared before returning. */
    Entry[] seen;
    private int seenCount;

    void add(Entry e) {
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, Math.max(4, size * 2));
      }
      entries[size++] = e;
    }

    /** Marks {@code e} as evaluated: whether it was not yet. */
    boolean firstReach(Entry e) {
      Entry[] t = seen;
      if (t == null) {
        t = seen = new Entry[16];
      } else if (2 * (seenCount + 1) > t.length) {
        t = seen = grow(t);
      }
      int mask = t.length - 1;
      int i = slot(e.seq) & mask;
      for (Entry x; (x = t[i]) != null; i = (i + 1) & mask) {
        if (x == e) {
          return false;
        }
      }
      t[i] = e;
      seenCount++;
      return true;
    }

    private static Entry[] grow(Entry[] t) {
      Entry[] out = new Entry[t.length * 2];
      int mask = out.length - 1;
      for (Entry x : t) {
        if (x != null) {
          int i = slot(x.seq) & mask;
          while (out[i] != null) {
            i = (i + 1) & mask;
          }
          out[i] = x;
        }
      }
      return out;
    }

    private static int slot(long seq) {
      long h = seq * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
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
