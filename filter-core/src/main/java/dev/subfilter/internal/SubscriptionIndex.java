package dev.subfilter.internal;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One immutable snapshot of a subscription set: its subscriptions by id and by gate, and what
 * they read. Updates ({@link #with}, {@link #without}) return a new snapshot that shares
 * everything they do not touch. Thread-safe: a snapshot may be matched from any number of threads
 * (a contains index's automaton is built on first use, in a benign race); {@link Counters} are not
 * thread-safe. Not API: public only because {@code dev.subfilter.SubscriptionSet},
 * the public face, holds it.
 *
 * <h2>Where things are</h2>
 *
 * <ul>
 *   <li>This class: buckets by gate ({@code eventType -> objCode -> Bucket} for CREATE/UPDATE/DELETE,
 *       {@code vendor name -> objCode -> Bucket} for the others, compared with {@link Event#name()}
 *       as {@link CompiledSubscription#matches} does), entries by id, insertion order (seq), and the
 *       state keys every held subscription reads. Every subscription lives in exactly one bucket.
 *   <li>{@link Bucket}: one gate's subscriptions, each placed by {@link Entry.Placement}: pinned by
 *       objId; indexed under the {@link Listing}s that {@link KeyChooser} chooses from its {@link
 *       Plan} (every match has, in the event, the value of at least one of them: an eq value in
 *       {@link EqPostings}, a contains text in {@link ContainsPostings}, at a field or at a leaf of
 *       a nested fieldValue, {@link IndexPath}); or in the fallback list.
 *   <li>{@link MatchRun}: one call of {@link #match}: candidates are evaluated exactly with {@link
 *       CompiledSubscription#matches} (the index only has to never miss one); a multi-listed entry
 *       is evaluated once however many of its lists the event reaches; the answer is sorted by seq.
 * </ul>
 *
 * <h2>Costs</h2>
 *
 * Maps are {@link HashTrie}s, so an update creates O(log n) trie nodes per listing of the
 * subscription, plus a copy of each list it changes (the subscriptions sharing its objId, one of
 * its eq values or contains texts, or its bucket's fallback list), of its bucket's small arrays of
 * postings, and O(log n) nodes per eq condition for the bucket's eq value counts. Matching costs two
 * bucket lookups, one hash lookup per eq-indexed path of those buckets, one scan of the value of
 * each contains-indexed path, the exact evaluation of the candidates, and a sort of the answer. A
 * contains index builds its automaton lazily, on the first match after it changed: O(total length
 * of its texts), paid once per snapshot of that path.
 */
public final class SubscriptionIndex {
  /** The empty set. */
  public static final SubscriptionIndex EMPTY =
      new SubscriptionIndex(HashTrie.empty(), HashTrie.empty(), HashTrie.empty(), 0, HashTrie.empty(), Set.of());

  private final HashTrie<String, HashTrie<String, Bucket>> canonical;
  private final HashTrie<String, HashTrie<String, Bucket>> vendor;
  private final HashTrie<String, Entry> byId;
  private final long nextSeq;
  /** How many subscriptions read each state key. */
  private final HashTrie<String, Integer> stateKeyCounts;
  /** The keys of {@link #stateKeyCounts}; the same object in every snapshot until a key comes or goes. */
  private final Set<String> stateKeys;

  private SubscriptionIndex(HashTrie<String, HashTrie<String, Bucket>> canonical,
      HashTrie<String, HashTrie<String, Bucket>> vendor, HashTrie<String, Entry> byId, long nextSeq,
      HashTrie<String, Integer> stateKeyCounts, Set<String> stateKeys) {
    this.canonical = canonical;
    this.vendor = vendor;
    this.byId = byId;
    this.nextSeq = nextSeq;
    this.stateKeyCounts = stateKeyCounts;
    this.stateKeys = stateKeys;
  }

  /**
   * The union of the held subscriptions' {@link CompiledSubscription#stateKeys()}: an event whose
   * states hold only these keys matches exactly what the full event matches. Unmodifiable; the
   * same object from one snapshot to the next while no key comes or goes (so a reader built for
   * it can be cached by identity).
   *
   * @return the keys
   */
  public Set<String> stateKeys() {
    return stateKeys;
  }

  /** A snapshot of these parts whose state key counts are this one's without {@code removed} and with {@code added} (either may be null). */
  private SubscriptionIndex withStateKeys(HashTrie<String, HashTrie<String, Bucket>> c, HashTrie<String, HashTrie<String, Bucket>> v,
      HashTrie<String, Entry> ids, long seq, Set<String> removed, Set<String> added) {
    HashTrie<String, Integer> counts = stateKeyCounts;
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

  /**
   * The number of subscriptions.
   *
   * @return the number of ids held, {@code 0} or more
   */
  public int size() {
    return byId.size();
  }

  /**
   * The subscription held under {@code id}.
   *
   * @param id an id; not {@code null}
   * @return the subscription, or {@code null} when none is held under {@code id}
   * @throws NullPointerException when {@code id} is {@code null}
   */
  public CompiledSubscription get(String id) {
    Entry e = byId.get(id);
    return e == null ? null : e.sub;
  }

  /**
   * Every id, in the order the ids were first added (a replaced subscription keeps its place). O(n log n).
   *
   * @return an unmodifiable list, a new one per call; empty for {@link #EMPTY}
   */
  public List<String> ids() {
    List<Entry> all = new ArrayList<>(byId.size());
    byId.values(all);
    Entry[] sorted = all.toArray(Entry.NONE);
    Entry.sortBySeq(sorted, sorted.length);
    String[] ids = new String[sorted.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = sorted[i].id;
    }
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /**
   * Where {@code id} is indexed: {@code "pinned"}, {@code "eq newState FIELD"}, {@code "eq oldState
   * FIELD"}, {@code "contains newState FIELD"}, {@code "contains oldState FIELD"}, {@code "fallback"},
   * or for a subscription listed in several lists {@code "or(L1; L2; ...)"} with each listing
   * written as above. For tests and statistics.
   *
   * @param id an id; not {@code null}
   * @return the placement, or {@code null} when there is no such id
   * @throws NullPointerException when {@code id} is {@code null}
   */
  public String placement(String id) {
    Entry e = byId.get(id);
    if (e == null) {
      return null;
    }
    switch (e.placement) {
      case PINNED:
        return "pinned";
      case FALLBACK:
        return "fallback";
      default:
        Listing[] listings = e.listings();
        if (listings.length == 1) {
          return listings[0].toString();
        }
        StringBuilder b = new StringBuilder("or(");
        for (int i = 0; i < listings.length; i++) {
          b.append(i == 0 ? "" : "; ").append(listings[i]);
        }
        return b.append(')').toString();
    }
  }

  /**
   * What this snapshot costs; see {@link dev.subfilter.SetStats} and {@link IndexStats}. Matches
   * {@code samples} (may be empty) against this snapshot, counting per subscription.
   *
   * @param samples events to match, or {@code null} for none
   * @return the statistics
   */
  public dev.subfilter.SetStats stats(Iterable<Event> samples) {
    return IndexStats.of(this, samples);
  }

  /** Every entry, in insertion order. */
  Entry[] entriesBySeq() {
    List<Entry> all = new ArrayList<>(byId.size());
    byId.values(all);
    Entry[] sorted = all.toArray(Entry.NONE);
    Entry.sortBySeq(sorted, sorted.length);
    return sorted;
  }

  /** The bucket {@code e} lives in. */
  Bucket bucketOf(Entry e) {
    return bucket(e.vendor ? vendor : canonical, e.type(), e.objCode());
  }

  /** The canonical gates' buckets, then the vendor names' (each {@code type -> objCode -> bucket}). */
  List<HashTrie<String, HashTrie<String, Bucket>>> gates() {
    return List.of(canonical, vendor);
  }

  // ------------------------------------------------------------------ updates

  /**
   * This set with {@code s} under {@code id}, replacing (in place: same order) any subscription held under it.
   *
   * @param id the id; not {@code null} (blank ids are {@code SubscriptionSet}'s to refuse)
   * @param s the compiled subscription; not {@code null}
   * @return the new snapshot; this one is unchanged
   * @throws NullPointerException when {@code id} or {@code s} is {@code null}
   */
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
      e = new Entry(id, s, seq, isVendor, Entry.Placement.PINNED, null);
    } else {
      Plan plan = Plan.of(sub);
      b = b.withCounts(plan, 1); // first: the choice counts this subscription's own conditions
      Listing[] listings = KeyChooser.choose(b, plan);
      e = new Entry(id, s, seq, isVendor, listings == null ? Entry.Placement.FALLBACK : Entry.Placement.INDEXED, listings);
    }
    map = withBucket(map, sub.eventType(), sub.objCode(), b.plus(e));
    if (isVendor) {
      v = map;
    } else {
      c = map;
    }
    return withStateKeys(c, v, byId.put(id, e), old == null ? nextSeq + 1 : nextSeq, old == null ? null : old.sub.stateKeys(), s.stateKeys());
  }

  /**
   * This set without {@code id}.
   *
   * @param id the id; not {@code null}
   * @return the new snapshot (this one is unchanged); this very snapshot when there is no such id
   * @throws NullPointerException when {@code id} is {@code null}
   */
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
    return withStateKeys(c, v, byId.remove(id), nextSeq, old.sub.stateKeys(), null);
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
   * @param e the event; not {@code null}
   * @param counters {@code null}, or counters this call adds to (not thread-safe: one per thread)
   * @return an unmodifiable list; empty when nothing matches
   * @throws NullPointerException when {@code e} is {@code null}
   */
  public List<String> match(Event e, Counters counters) {
    MatchRun run = run(e, counters);
    MatchRun answer = run == null ? null : run.answer();
    return answer == null ? List.of() : answer;
  }

  /** The matching entries of {@code e}, unsorted ({@link MatchRun#seqAt}), or {@code null} when none matches. */
  MatchRun run(Event e, IndexCounters counters) {
    MatchRun run = null;
    HashTrie<String, Bucket> codes = canonical.get(e.eventType());
    if (codes != null) {
      Bucket b = codes.get(e.objCode());
      if (b != null) {
        run = b.match(e, run, counters);
      }
    }
    if (!vendor.isEmpty()) {
      codes = vendor.get(e.name());
      if (codes != null) {
        Bucket b = codes.get(e.objCode());
        if (b != null) {
          run = b.match(e, run, counters);
        }
      }
    }
    return run;
  }

  /**
   * What {@link #match} calls evaluated (see {@link IndexCounters}, which holds them: the counters
   * are the match run's, not the snapshot's). Not API: for tests and statistics. Not thread-safe.
   */
  public static final class Counters extends IndexCounters {
    /** Counters at zero. */
    public Counters() {}
  }
}
