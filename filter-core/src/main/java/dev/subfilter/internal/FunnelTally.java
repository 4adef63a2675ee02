package dev.subfilter.internal;

import dev.subfilter.Funnel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values seen, counted: at most {@code max} distinct ones, later new values counted together as
 * other. Not thread-safe.
 */
final class FunnelTally {
  final LinkedHashMap<String, long[]> counts = new LinkedHashMap<>();
  long other;
  private final int max;

  FunnelTally(int max) {
    this.max = max;
  }

  void add(String value) {
    long[] c = counts.get(value);
    if (c != null) {
      c[0]++;
    } else if (counts.size() < max) {
      counts.put(value, new long[] {1});
    } else {
      other++;
    }
  }

  /** Whether {@code value} has a count of its own (else it is counted as other). */
  boolean tracks(String value) {
    return counts.containsKey(value);
  }

  /** The commonest {@code n} values (ties by value) after taking away {@code minus} (may be null). */
  Funnel.Values top(int n, FunnelTally minus) {
    List<Funnel.Values.Count> all = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long c = e.getValue()[0];
      if (minus != null) {
        long[] m = minus.counts.get(e.getKey());
        c -= m == null ? 0 : m[0];
      }
      if (c > 0) {
        all.add(new Funnel.Values.Count(e.getKey(), c));
        total += c;
      }
    }
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
