package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The range postings of one (state, path) of a bucket, of numbers or of date-times: subscriptions
 * whose condition needs the value there within bounds ({@code gt gte lt lte}, a lower and an upper
 * bound of one AND as one band). Bounds are doubles (a number's, or a date-time's epoch seconds),
 * and an event's value is converted the same way; both conversions are monotone, so comparing them
 * with {@code <=} never drops a value the exact comparison keeps (a tie between two values that
 * round alike only adds a candidate, which exact evaluation then rejects).
 *
 * <p>Two sorted sections, searched by binary search per event value: the listings with a lower
 * bound by that bound (the prefix at or below the value, each band's upper bound checked before
 * it is evaluated), and those with only an upper bound by it (the suffix at or above the value).
 * A string that is no number (no date-time) compares with a string bound by code points: it
 * reaches the {@link Listing#text} listings, all of them. Immutable: updates copy the arrays.
 */
final class RangePostings extends IndexedField {
  final boolean dates;
  /** Lower-bounded listings, by lower bound; their upper bounds ({@code +Infinity} when open) and entries alongside. */
  private final double[] lows;
  private final double[] lowsHigh;
  private final Entry[] lowEntries;
  /** Listings with only an upper bound, by it. */
  private final double[] highs;
  private final Entry[] highEntries;
  /** The entries of {@link Listing#text} listings (one per listing). */
  private final Entry[] text;

  private RangePostings(boolean old, IndexPath path, boolean dates, double[] lows, double[] lowsHigh, Entry[] lowEntries,
      double[] highs, Entry[] highEntries, Entry[] text) {
    super(Listing.Kind.RANGE, old, path, false, lowEntries.length + highEntries.length);
    this.dates = dates;
    this.lows = lows;
    this.lowsHigh = lowsHigh;
    this.lowEntries = lowEntries;
    this.highs = highs;
    this.highEntries = highEntries;
    this.text = text;
  }

  private static final double[] NO_BOUNDS = {};

  static RangePostings empty(boolean old, IndexPath path, boolean dates) {
    return new RangePostings(old, path, dates, NO_BOUNDS, NO_BOUNDS, Entry.NONE, NO_BOUNDS, Entry.NONE, Entry.NONE);
  }

  @Override
  int distinctKeys() {
    return size;
  }

  @Override
  MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters) {
    JsonModel.Kind kind = m.kind(leaf);
    double key;
    if (dates) {
      if (kind != JsonModel.Kind.STRING) {
        return run; // a date-time bound compares with strings only
      }
      key = DateTimes.epochSeconds(m.text(leaf));
    } else if (kind == JsonModel.Kind.NUMBER) {
      key = m.isLong(leaf) ? (double) m.longValue(leaf) : m.decimalValue(leaf).doubleValue();
    } else if (kind == JsonModel.Kind.STRING) {
      String s = m.text(leaf);
      long v = Numbers.plainLong(s);
      if (v != Numbers.NONE) {
        key = v;
      } else {
        BigDecimal d = Numbers.parseNumber(s);
        key = d == null ? Double.NaN : d.doubleValue();
      }
    } else {
      return run; // booleans, null, arrays and objects are not ordered
    }
    if (Double.isNaN(key)) {
      return text.length == 0 ? run : MatchRun.evaluate(text, e, run, counters, MatchRun.Source.RANGE);
    }
    int n = upTo(lows, key);
    for (int i = 0; i < n; i++) {
      if (lowsHigh[i] >= key) {
        run = MatchRun.evaluate(lowEntries[i], e, run, counters, MatchRun.Source.RANGE);
      }
    }
    for (int i = from(highs, key); i < highs.length; i++) {
      run = MatchRun.evaluate(highEntries[i], e, run, counters, MatchRun.Source.RANGE);
    }
    return run;
  }

  /** The number of bounds {@code <= key} (bounds sorted ascending). */
  static int upTo(double[] bounds, double key) {
    int lo = 0;
    int hi = bounds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bounds[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the first bound {@code >= key}. */
  static int from(double[] bounds, double key) {
    int lo = 0;
    int hi = bounds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bounds[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  RangePostings plus(Entry e, Listing k) {
    Entry[] t = k.text ? Entry.append(text, e) : text;
    if (k.lo == Double.NEGATIVE_INFINITY) {
      int i = upTo(highs, k.hi);
      return new RangePostings(old, path, dates, lows, lowsHigh, lowEntries, insert(highs, i, k.hi), insert(highEntries, i, e), t);
    }
    int i = upTo(lows, k.lo);
    return new RangePostings(old, path, dates, insert(lows, i, k.lo), insert(lowsHigh, i, k.hi), insert(lowEntries, i, e),
        highs, highEntries, t);
  }

  @Override
  RangePostings minus(Entry e, Listing k) {
    Entry[] t = k.text ? orNone(Entry.remove(text, e)) : text;
    if (k.lo == Double.NEGATIVE_INFINITY) {
      int i = find(highEntries, highs, null, e, k.hi, 0);
      return new RangePostings(old, path, dates, lows, lowsHigh, lowEntries, delete(highs, i), delete(highEntries, i), t);
    }
    int i = find(lowEntries, lows, lowsHigh, e, k.lo, k.hi);
    return new RangePostings(old, path, dates, delete(lows, i), delete(lowsHigh, i), delete(lowEntries, i), highs, highEntries, t);
  }

  /** Where {@code e} is filed under {@code bound} (and {@code high}, when {@code highs} is given). */
  private static int find(Entry[] entries, double[] bounds, double[] highs, Entry e, double bound, double high) {
    for (int i = from(bounds, bound); i < entries.length; i++) {
      if (entries[i] == e && (highs == null || Double.compare(highs[i], high) == 0)) {
        return i;
      }
    }
    throw new AssertionError("not filed: " + e.id);
  }

  private static Entry[] orNone(Entry[] l) {
    return l == null ? Entry.NONE : l;
  }

  private static double[] insert(double[] a, int i, double v) {
    double[] out = new double[a.length + 1];
    System.arraycopy(a, 0, out, 0, i);
    out[i] = v;
    System.arraycopy(a, i, out, i + 1, a.length - i);
    return out;
  }

  private static Entry[] insert(Entry[] a, int i, Entry v) {
    Entry[] out = new Entry[a.length + 1];
    System.arraycopy(a, 0, out, 0, i);
    out[i] = v;
    System.arraycopy(a, i, out, i + 1, a.length - i);
    return out;
  }

  private static double[] delete(double[] a, int i) {
    double[] out = Arrays.copyOf(a, a.length - 1);
    System.arraycopy(a, i + 1, out, i, a.length - i - 1);
    return out;
  }

  private static Entry[] delete(Entry[] a, int i) {
    Entry[] out = Arrays.copyOf(a, a.length - 1);
    System.arraycopy(a, i + 1, out, i, a.length - i - 1);
    return out;
  }
}
