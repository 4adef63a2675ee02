package dev.subfilter.internal;

import dev.subfilter.Event;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One call of {@link SubscriptionIndex#match}: the matching entries found so far (sorted by seq
 * and read as ids once it is the answer) and the multi-listed entries already evaluated. Created on
 * the first match, or the first multi-listed candidate, so that a call that matches nothing and
 * meets no such candidate allocates nothing. Unmodifiable once returned (never written again).
 */
final class MatchRun extends AbstractList<String> implements RandomAccess {
  /** Where a candidate came from, for {@link IndexCounters}. */
  enum Source {
    PINNED,
    EQ,
    CONTAINS,
    PREFIX,
    SUFFIX,
    SUBSTRING,
    PRESENT,
    RANGE,
    CHANGED,
    ABSENT,
    FALLBACK
  }

  private Entry[] entries = Entry.NONE;
  private int size;
  /** Open-addressed by seq (a power-of-two length, at most half full), or {@code null}; dropped before returning. */
  private Entry[] seen;
  private int seenCount;

  /**
   * Evaluates every entry of {@code list} exactly, adding the matches to {@code run} (created when
   * needed; a multi-listed entry is marked as evaluated, and skipped when reached again).
   *
   * @param counters {@code null}, or what to count this in
   * @return {@code run}, or the run created
   */
  static MatchRun evaluate(Entry[] list, Event e, MatchRun run, IndexCounters counters, Source source) {
    for (Entry x : list) {
      run = evaluate(x, e, run, counters, source);
    }
    return run;
  }

  /** {@link #evaluate(Entry[], Event, MatchRun, IndexCounters, Source)} of one entry. */
  static MatchRun evaluate(Entry x, Event e, MatchRun run, IndexCounters counters, Source source) {
    if (x.multi) {
      if (run == null) {
        run = new MatchRun();
      }
      if (!run.firstReach(x)) {
        if (counters != null) {
          counters.deduped++;
        }
        return run;
      }
    }
    boolean matches = x.sub.matches(e);
    if (matches) {
      if (run == null) {
        run = new MatchRun();
      }
      run.add(x);
    }
    if (counters != null) {
      counters.count(source, x, matches);
    }
    return run;
  }

  /** This run as the answer: the matches in insertion order; {@code null} when there are none. */
  MatchRun answer() {
    seen = null; // the table of evaluated multi-listed entries: not part of the answer
    if (size == 0) {
      return null;
    }
    Entry.sortBySeq(entries, size);
    return this;
  }

  private void add(Entry e) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, Math.max(4, size * 2));
    }
    entries[size++] = e;
  }

  /** Marks {@code e} as evaluated: whether it was not yet. */
  private boolean firstReach(Entry e) {
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

  /** The seq of matching entry {@code index} (in the order found, before {@link #answer} sorts them). */
  long seqAt(int index) {
    return entries[index].seq;
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
