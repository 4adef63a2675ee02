package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.util.Arrays;

/**
 * The subscriptions of one gate (eventType or vendor name, objCode) of a snapshot, each placed by
 * {@link Entry.Placement}: the pinned lists by objId, the {@link EqPostings} and {@link
 * ContainsPostings} of the (state, path)s its listings name, and the fallback list; plus the eq
 * value counts {@link KeyChooser} chooses listings with. Immutable: {@link #plus} and {@link
 * #minus} return a new bucket sharing what they do not change.
 */
final class Bucket {
  static final Bucket EMPTY = new Bucket(HashTrie.empty(), new EqPostings[0], new ContainsPostings[0], Entry.NONE, 0, HashTrie.empty());

  final HashTrie<String, Entry[]> pinned;
  final EqPostings[] eq;
  final ContainsPostings[] contains;
  final Entry[] fallback;
  final int size;
  /** The eq values of the unpinned subscriptions' conditions, counted per (state, path): what {@link KeyChooser} chooses with. */
  private final HashTrie<StatePath, ValueCounts> eqCounts;

  Bucket(HashTrie<String, Entry[]> pinned, EqPostings[] eq, ContainsPostings[] contains, Entry[] fallback, int size,
      HashTrie<StatePath, ValueCounts> eqCounts) {
    this.pinned = pinned;
    this.eq = eq;
    this.contains = contains;
    this.fallback = fallback;
    this.size = size;
    this.eqCounts = eqCounts;
  }

  MatchRun match(Event e, MatchRun run, SubscriptionIndex.Counters counters) {
    String objId = e.objId();
    if (objId != null && !pinned.isEmpty()) {
      Entry[] l = pinned.get(objId);
      if (l != null) {
        run = MatchRun.evaluate(l, e, run, counters, MatchRun.Source.PINNED);
      }
    }
    if (eq.length > 0) {
      JsonModel m = e.model();
      for (EqPostings f : eq) {
        Object state = f.old ? e.oldState() : e.newState();
        if (state == null) {
          continue; // unknown old state: every oldState condition is false
        }
        Object node = f.lookup(m, state);
        if (node == null) {
          continue; // absent: eq is false
        }
        run = f.path.nested() ? f.walk(e, m, node, 0, run, counters) : f.atLeaf(e, m, node, run, counters);
      }
    }
    if (contains.length > 0) {
      JsonModel m = e.model();
      for (ContainsPostings f : contains) {
        Object state = f.old ? e.oldState() : e.newState();
        if (state == null) {
          continue;
        }
        Object node = f.lookup(m, state);
        if (node != null) {
          run = f.path.nested() ? f.walk(e, m, node, 0, run, counters) : f.atLeaf(e, m, node, run, counters);
        }
      }
    }
    if (fallback.length > 0) {
      run = MatchRun.evaluate(fallback, e, run, counters, MatchRun.Source.FALLBACK);
    }
    return run;
  }

  /** {@code p}, or the equal path an index of this bucket already has: one copy per bucket, not one per subscription. */
  IndexPath shared(IndexPath p) {
    for (IndexedField f : eq) {
      if (f.path.equals(p)) {
        return f.path;
      }
    }
    for (IndexedField f : contains) {
      if (f.path.equals(p)) {
        return f.path;
      }
    }
    return p;
  }

  /** The length of the eq list under {@code value} of (old, path). */
  int postingSize(boolean old, IndexPath path, Object value) {
    int i = find(eq, old, path);
    if (i < 0) {
      return 0;
    }
    Entry[] l = eq[i].postings.get(value);
    return l == null ? 0 : l.length;
  }

  /**
   * The share of the eq conditions on (old, path) of this bucket's unpinned subscriptions that
   * name {@code value}: in (0, 1], and 1 when none is counted.
   */
  double eqShare(boolean old, IndexPath path, Object value) {
    ValueCounts k = eqCounts.get(new StatePath(old, path));
    Integer n = k == null ? null : k.counts.get(value);
    return n == null ? 1.0 : n / (double) k.total;
  }

  /** The number of distinct values the eq conditions on (old, path) of this bucket's unpinned subscriptions name. */
  int eqDistinct(boolean old, IndexPath path) {
    ValueCounts k = eqCounts.get(new StatePath(old, path));
    return k == null ? 0 : k.counts.size();
  }

  /** This bucket with the eq conditions of {@code plan} counted {@code delta} (+1 or -1) more times. */
  Bucket withCounts(Plan plan, int delta) {
    Counting c = new Counting(eqCounts, delta);
    KeyChooser.eqConditions(plan, c);
    return c.counts == eqCounts ? this : new Bucket(pinned, eq, contains, fallback, size, c.counts);
  }

  /** Applies one subscription's eq conditions to a bucket's counts. */
  private static final class Counting implements KeyChooser.EqSink {
    HashTrie<StatePath, ValueCounts> counts;
    final int delta;

    Counting(HashTrie<StatePath, ValueCounts> counts, int delta) {
      this.counts = counts;
      this.delta = delta;
    }

    @Override
    public void accept(boolean old, IndexPath path, Object value) {
      StatePath f = new StatePath(old, path);
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
        return new Bucket(pinned.put(e.objId(), Entry.append(pinned.get(e.objId()), e)), eq, contains, fallback, size + 1, eqCounts);
      case FALLBACK:
        return new Bucket(pinned, eq, contains, Entry.append(fallback, e), size + 1, eqCounts);
      default: {
        EqPostings[] fs = eq;
        ContainsPostings[] cs = contains;
        for (Listing k : e.listings()) {
          if (k.kind == Listing.Kind.EQ) {
            int i = find(fs, k.old, k.path);
            if (i < 0) {
              fs = Arrays.copyOf(fs, fs.length + 1);
              i = fs.length - 1;
              fs[i] = new EqPostings(k.old, k.path, HashTrie.empty(), 0);
            } else if (fs == eq) {
              fs = eq.clone();
            }
            fs[i] = fs[i].plus(e, k);
          } else {
            int i = find(cs, k.old, k.path);
            if (i < 0) {
              cs = Arrays.copyOf(cs, cs.length + 1);
              i = cs.length - 1;
              cs[i] = new ContainsPostings(k.old, k.path, HashTrie.empty(), HashTrie.empty(), 0);
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
    switch (e.placement) {
      case PINNED: {
        Entry[] l = Entry.remove(pinned.get(e.objId()), e);
        return new Bucket(l == null ? pinned.remove(e.objId()) : pinned.put(e.objId(), l), eq, contains, fallback, size - 1, eqCounts);
      }
      case FALLBACK: {
        Entry[] l = Entry.remove(fallback, e);
        return new Bucket(pinned, eq, contains, l == null ? Entry.NONE : l, size - 1, eqCounts)
            .withCounts(Plan.of(e.sub.subscription()), -1);
      }
      default: {
        EqPostings[] fs = eq;
        ContainsPostings[] cs = contains;
        for (Listing k : e.listings()) {
          if (k.kind == Listing.Kind.EQ) {
            int i = find(fs, k.old, k.path);
            EqPostings f = fs[i].minus(e, k);
            if (f.size == 0) {
              fs = without(fs, i, new EqPostings[fs.length - 1]);
            } else {
              if (fs == eq) {
                fs = eq.clone();
              }
              fs[i] = f;
            }
          } else {
            int i = find(cs, k.old, k.path);
            ContainsPostings f = cs[i].minus(e, k);
            if (f.size == 0) {
              cs = without(cs, i, new ContainsPostings[cs.length - 1]);
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

  private static int find(IndexedField[] fields, boolean old, IndexPath path) {
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


  /** A (state, path) as a map key. */
  private record StatePath(boolean old, IndexPath path) {}

  /** How many eq conditions of a bucket's unpinned subscriptions name each value of one (state, path). Immutable. */
  private static final class ValueCounts {
    final HashTrie<Object, Integer> counts;
    final int total;

    ValueCounts(HashTrie<Object, Integer> counts, int total) {
      this.counts = counts;
      this.total = total;
    }
  }
}
