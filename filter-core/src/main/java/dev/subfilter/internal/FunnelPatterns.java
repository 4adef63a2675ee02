package dev.subfilter.internal;

/**
 * Counts of condition-result patterns (a long of bits, at most 62 conditions), each with its
 * {@link FunnelShape.Info} worked out once: open addressing, no boxing. Not thread-safe.
 */
final class FunnelPatterns {
  private long[] keys = empty(8);
  long[] counts = new long[8];
  FunnelShape.Info[] info = new FunnelShape.Info[8];
  private int size;

  private static long[] empty(int n) {
    long[] k = new long[n];
    java.util.Arrays.fill(k, -1L);
    return k;
  }

  /** The slot of {@code pattern}, added with count 0 when new. */
  int slot(long pattern) {
    int mask = keys.length - 1;
    int i = hash(pattern) & mask;
    while (true) {
      long k = keys[i];
      if (k == pattern) {
        return i;
      }
      if (k == -1L) {
        if (2 * (size + 1) > keys.length) {
          grow();
          return slot(pattern);
        }
        keys[i] = pattern;
        size++;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /** The count of {@code pattern}; 0 when never seen. */
  long count(long pattern) {
    int mask = keys.length - 1;
    for (int i = hash(pattern) & mask; keys[i] != -1L; i = (i + 1) & mask) {
      if (keys[i] == pattern) {
        return counts[i];
      }
    }
    return 0;
  }

  /** The pattern in slot {@code i}, or -1 for an empty slot. */
  long key(int i) {
    return keys[i];
  }

  int capacity() {
    return keys.length;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    FunnelShape.Info[] oldInfo = info;
    keys = empty(oldKeys.length * 2);
    counts = new long[keys.length];
    info = new FunnelShape.Info[keys.length];
    size = 0;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != -1L) {
        int s = slot(oldKeys[j]);
        counts[s] = oldCounts[j];
        info[s] = oldInfo[j];
      }
    }
  }

  private static int hash(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
