package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.util.Arrays;

/**
 * The subscriptions of one gate (eventType or vendor name, objCode) of a snapshot, each placed by
 * {@link Entry.Placement}: the pinned lists by objId, the postings ({@link IndexedField}: one per
 * kind, (state, path) and folding that its listings name) and the fallback list; plus the counts
 * of the values (eq, in) and texts (prefix, suffix) its subscriptions' conditions name, which
 * {@link KeyChooser} chooses listings with. Immutable: {@link #plus} and {@link #minus}
 * return a new bucket sharing what they do not change.
 */
final class Bucket {
  static final Bucket EMPTY = new Bucket(HashTrie.empty(), new IndexedField[0], Entry.NONE, 0, HashTrie.empty());

  final HashTrie<String, Entry[]> pinned;
  final IndexedField[] postings;
  final Entry[] fallback;
  final int size;
  /** The eq values and prefix/suffix texts of the unpinned subscriptions' conditions, counted per (kind, state, path, folding). */
  private final HashTrie<StatePath, ValueCounts> eqCounts;

  Bucket(HashTrie<String, Entry[]> pinned, IndexedField[] postings, Entry[] fallback, int size, HashTrie<StatePath, ValueCounts> eqCounts) {
    this.pinned = pinned;
    this.postings = postings;
    this.fallback = fallback;
    this.size = size;
    this.eqCounts = eqCounts;
  }

  MatchRun match(Event e, MatchRun run, IndexCounters counters) {
    String objId = e.objId();
    if (objId != null && !pinned.isEmpty()) {
      Entry[] l = pinned.get(objId);
      if (l != null) {
        run = MatchRun.evaluate(l, e, run, counters, MatchRun.Source.PINNED);
      }
    }
    if (postings.length > 0) {
      JsonModel m = e.model();
      for (IndexedField f : postings) {
        run = f.reach(e, m, run, counters);
      }
    }
    if (fallback.length > 0) {
      run = MatchRun.evaluate(fallback, e, run, counters, MatchRun.Source.FALLBACK);
    }
    return run;
  }

  /** {@code p}, or the equal path postings of this bucket already have: one copy per bucket, not one per subscription. */
  IndexPath shared(IndexPath p) {
    for (IndexedField f : postings) {
      if (f.path.equals(p)) {
        return f.path;
      }
    }
    return p;
  }

  /** The length of the eq list under {@code value} of (old, path, folded): a tie-break. */
  int postingSize(boolean old, IndexPath path, boolean folded, Object value) {
    for (IndexedField f : postings) {
      if (f.kind == Listing.Kind.EQ && f.old == old && f.folded == folded && f.path.equals(path)) {
        return ((EqPostings) f).listSize(value);
      }
    }
    return 0;
  }

  /**
   * The share of the conditions of listing kind {@code kind} on (old, path, folded) of this
   * bucket's unpinned subscriptions that name {@code value} (an eq value, a prefix or suffix text):
   * in (0, 1], and 1 when none is counted.
   */
  double share(Listing.Kind kind, boolean old, IndexPath path, boolean folded, Object value) {
    ValueCounts k = eqCounts.get(new StatePath(kind, old, path, folded));
    Integer n = k == null ? null : k.counts.get(value);
    return n == null ? 1.0 : n / (double) k.total;
  }

  /** How many conditions of listing kind {@code kind} on (old, path, folded) this bucket's unpinned subscriptions have counted. */
  int counted(Listing.Kind kind, boolean old, IndexPath path, boolean folded) {
    ValueCounts k = eqCounts.get(new StatePath(kind, old, path, folded));
    return k == null ? 0 : k.total;
  }

  /** The number of distinct values the eq conditions on (old, path, folded) of this bucket's unpinned subscriptions name. */
  int eqDistinct(boolean old, IndexPath path, boolean folded) {
    ValueCounts k = eqCounts.get(new StatePath(Listing.Kind.EQ, old, path, folded));
    return k == null ? 0 : k.counts.size();
  }

  /** This bucket with the counted conditions of {@code plan} counted {@code delta} (+1 or -1) more times. */
  Bucket withCounts(Plan plan, int delta) {
    Counting c = new Counting(eqCounts, delta);
    KeyChooser.countedKeys(plan, c);
    return c.counts == eqCounts ? this : new Bucket(pinned, postings, fallback, size, c.counts);
  }

  /** Applies one subscription's counted conditions to a bucket's counts. */
  private static final class Counting implements KeyChooser.KeySink {
    HashTrie<StatePath, ValueCounts> counts;
    final int delta;

    Counting(HashTrie<StatePath, ValueCounts> counts, int delta) {
      this.counts = counts;
      this.delta = delta;
    }

    @Override
    public void accept(Listing.Kind kind, boolean old, IndexPath path, boolean folded, Object value) {
      StatePath f = new StatePath(kind, old, path, folded);
      ValueCounts k = counts.get(f);
      HashTrie<Object, Integer> m = k == null ? HashTrie.empty() : k.counts;
      Integer n = m.get(value);
      int c = (n == null ? 0 : n) + delta;
      m = c == 0 ? m.remove(value) : m.put(value, c);
      int total = (k == null ? 0 : k.total) + delta;
      counts = total == 0 ? counts.remove(f) : counts.put(f, new ValueCounts(m, total));
    }
  }

  Bucket plus(Entry e) {
    switch (e.placement) {
      case PINNED:
        return new Bucket(pinned.put(e.objId(), Entry.append(pinned.get(e.objId()), e)), postings, fallback, size + 1, eqCounts);
      case FALLBACK:
        return new Bucket(pinned, postings, Entry.append(fallback, e), size + 1, eqCounts);
      default: {
        IndexedField[] fs = postings;
        for (Listing k : e.listings()) {
          int i = find(fs, k);
          if (i < 0) {
            fs = Arrays.copyOf(fs, fs.length + 1);
            i = fs.length - 1;
            fs[i] = IndexedField.empty(k);
          } else if (fs == postings) {
            fs = postings.clone();
          }
          fs[i] = fs[i].plus(e, k);
        }
        return new Bucket(pinned, fs, fallback, size + 1, eqCounts);
      }
    }
  }

  /** This bucket without {@code e}, which it holds (and without its eq counts). */
  Bucket minus(Entry e) {
    switch (e.placement) {
      case PINNED: {
        Entry[] l = Entry.remove(pinned.get(e.objId()), e);
        return new Bucket(l == null ? pinned.remove(e.objId()) : pinned.put(e.objId(), l), postings, fallback, size - 1, eqCounts);
      }
      case FALLBACK: {
        Entry[] l = Entry.remove(fallback, e);
        return new Bucket(pinned, postings, l == null ? Entry.NONE : l, size - 1, eqCounts)
            .withCounts(Plan.of(e.sub.subscription()), -1);
      }
      default: {
        IndexedField[] fs = postings;
        for (Listing k : e.listings()) {
          int i = find(fs, k);
          IndexedField f = fs[i].minus(e, k);
          if (f.size == 0) {
            IndexedField[] out = new IndexedField[fs.length - 1];
            System.arraycopy(fs, 0, out, 0, i);
            System.arraycopy(fs, i + 1, out, i, fs.length - i - 1);
            fs = out;
          } else {
            if (fs == postings) {
              fs = postings.clone();
            }
            fs[i] = f;
          }
        }
        return new Bucket(pinned, fs, fallback, size - 1, eqCounts).withCounts(Plan.of(e.sub.subscription()), -1);
      }
    }
  }

  private static int find(IndexedField[] fields, Listing k) {
    for (int i = 0; i < fields.length; i++) {
      if (k.in(fields[i])) {
        return i;
      }
    }
    return -1;
  }

  /** A (listing kind, state, path, folding) as a map key. */
  private record StatePath(Listing.Kind kind, boolean old, IndexPath path, boolean folded) {}

  /** How many conditions of a bucket's unpinned subscriptions name each value of one (kind, state, path, folding). Immutable. */
  private static final class ValueCounts {
    final HashTrie<Object, Integer> counts;
    final int total;

    ValueCounts(HashTrie<Object, Integer> counts, int total) {
      this.counts = counts;
      this.total = total;
    }
  }
}
