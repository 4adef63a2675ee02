package dev.subfilter.internal;

import dev.subfilter.Funnel;
import java.util.ArrayList;
import java.util.List;

/**
 * Values seen at one field, counted by their number in the field's dictionary ({@link
 * FunnelCounter}), so that counting is an array increment; -1 counts as other (a value first seen
 * after the dictionary filled up). Not thread-safe.
 */
final class FunnelTally {
  private long[] counts = new long[8];
  long other;

  void add(int value) {
    if (value < 0) {
      other++;
      return;
    }
    if (value >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(counts.length * 2, value + 1));
    }
    counts[value]++;
  }

  /** Adds what gate field {@code field} held at each event in {@code bits} (word {@code w} of the gate's batch). */
  void addAll(FunnelGate gate, int field, long bits, int w) {
    while (bits != 0) {
      int p = (w << 6) + Long.numberOfTrailingZeros(bits);
      add(gate.value(field, p));
      bits &= bits - 1;
    }
  }

  /**
   * The commonest {@code n} values (equal counts by value) after taking away {@code minus} (may be
   * null), named from {@code names}.
   */
  Funnel.Values top(int n, FunnelTally minus, List<String> names) {
    java.util.Map<String, Long> byName = new java.util.HashMap<>(); // two long texts may be shown alike, cut short
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      long c = counts[i] - (minus == null || i >= minus.counts.length ? 0 : minus.counts[i]);
      if (c > 0) {
        byName.merge(names.get(i), c, Long::sum);
        total += c;
      }
    }
    List<Funnel.Values.Count> all = new ArrayList<>();
    byName.forEach((v, c) -> all.add(new Funnel.Values.Count(v, c)));
    all.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
    List<Funnel.Values.Count> top = all.size() > n ? all.subList(0, n) : all;
    long shown = 0;
    for (Funnel.Values.Count c : top) {
      shown += c.count();
    }
    long others = other - (minus == null ? 0 : minus.other);
    return new Funnel.Values(top, total - shown + others);
  }
}
