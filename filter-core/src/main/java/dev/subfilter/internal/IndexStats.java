package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SubscriptionIndex#stats}: what a snapshot costs ({@link dev.subfilter.SetStats}), read
 * from its entries and buckets, and what matching sample events against it costs.
 */
final class IndexStats {
  private IndexStats() {}

  /** The statistics of {@code index}, with {@code samples} (or {@code null}) matched against it. */
  static dev.subfilter.SetStats of(SubscriptionIndex index, Iterable<Event> samples) {
    Entry[] sorted = index.entriesBySeq();
    int pinnedCount = 0;
    int eqCount = 0;
    int containsCount = 0;
    int several = 0;
    int loose = 0;
    long bytes = 0;
    List<dev.subfilter.SetStats.Unindexed> unindexed = new ArrayList<>();
    java.util.Map<String, Integer> unindexedByGate = new java.util.LinkedHashMap<>();
    for (Entry e : sorted) {
      Subscription s = e.sub.subscription();
      String gate = s.objCode() + " " + s.eventType();
      Plan plan = Plan.of(s);
      bytes += 360 + 170L * plan.tests().size();
      for (Plan.Test t : plan.tests()) {
        if (t.source.fieldValue() != null) {
          bytes += 2L * Math.min(t.source.fieldValue().toJson().toString().length(), 1 << 20);
        }
      }
      switch (e.placement) {
        case PINNED -> pinnedCount++;
        case FALLBACK -> {
          Bucket b = index.bucketOf(e);
          String[] why = KeyChooser.blocker(b, plan);
          unindexed.add(new dev.subfilter.SetStats.Unindexed(e.id, gate, why[0], why[1]));
          unindexedByGate.merge(gate, 1, Integer::sum);
        }
        default -> {
          if (e.multi) {
            several++;
          } else if (e.listings()[0].kind == Listing.Kind.EQ) {
            eqCount++;
          } else if (e.listings()[0].kind.compareTo(Listing.Kind.RANGE) >= 0) {
            loose++; // RANGE, CHANGED, ABSENT
          } else {
            containsCount++;
          }
          bytes += 48L * e.listings().length;
        }
      }
    }
    List<dev.subfilter.SetStats.IndexedField> fields = new ArrayList<>();
    for (HashTrie<String, HashTrie<String, Bucket>> map : index.gates()) {
      List<String> types = new ArrayList<>();
      map.keys(types);
      java.util.Collections.sort(types);
      for (String type : types) {
        HashTrie<String, Bucket> codes = map.get(type);
        List<String> objCodes = new ArrayList<>();
        codes.keys(objCodes);
        java.util.Collections.sort(objCodes);
        for (String code : objCodes) {
          Bucket b = codes.get(code);
          for (IndexedField f : b.postings) {
            int keys = f.distinctKeys();
            fields.add(new dev.subfilter.SetStats.IndexedField(code + " " + type, f.kind.word + (f.folded ? " ignoreCase" : ""),
                f.old ? "oldState" : "newState", f.path.toString(), keys, f.size));
            bytes += (f.kind == Listing.Kind.EQ ? 64L : 96L) * keys;
          }
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    unindexedByGate.forEach((gate, n) -> {
      if (n >= dev.subfilter.SetStats.MANY_UNINDEXED) {
        warnings.add(gate + ": " + n + " subscriptions are evaluated for every event of this gate; each costs what a loop over it "
            + "costs (an eq or contains condition on a value that every match has would index it)");
      }
    });
    dev.subfilter.SetStats.Samples sampled = null;
    if (samples != null) {
      SubscriptionIndex.Counters c = new SubscriptionIndex.Counters();
      c.perId = new java.util.HashMap<>();
      long n = 0;
      for (Event ev : samples) {
        index.match(ev, c);
        n++;
      }
      java.util.Map<String, Long> byList = new java.util.LinkedHashMap<>();
      byList.put("pinned", c.pinnedCandidates());
      byList.put("eq", c.eqCandidates());
      byList.put("contains", c.containsCandidates());
      byList.put("fallback", c.fallbackCandidates());
      putIfAny(byList, "range", c.rangeCandidates());
      putIfAny(byList, "changed", c.changedCandidates());
      putIfAny(byList, "absent", c.absentCandidates());
      List<dev.subfilter.SetStats.Evaluated> most = new ArrayList<>();
      for (Entry e : sorted) {
        long[] k = c.perId.get(e.id);
        if (k != null && k[0] > k[1]) {
          most.add(new dev.subfilter.SetStats.Evaluated(e.id, k[0], k[1]));
        }
      }
      most.sort((a, b) -> Long.compare(b.evaluated() - b.matched(), a.evaluated() - a.matched())); // stable: insertion order on ties
      sampled = new dev.subfilter.SetStats.Samples(n, c.candidates(), c.matches(), byList, most.subList(0, Math.min(10, most.size())));
    }
    return new dev.subfilter.SetStats(sorted.length, pinnedCount, eqCount, containsCount, several, unindexed, fields, bytes, warnings, sampled, loose);
  }

  private static void putIfAny(java.util.Map<String, Long> m, String key, long n) {
    if (n > 0) {
      m.put(key, n);
    }
  }
}
