package dev.subfilter.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.subfilter.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void sameSeedSameWorkload() {
    Workload a = new Workload(Workload.SEED);
    Workload b = new Workload(Workload.SEED);
    List<byte[]> ea = a.events(200);
    List<byte[]> eb = b.events(200);
    for (int i = 0; i < ea.size(); i++) {
      assertArrayEquals(ea.get(i), eb.get(i), "event " + i);
    }
    assertEquals(a.subscriptions(500), b.subscriptions(500));
    // prefixes are stable: the 100-set is the first 100 of the 10,000-set
    Map<String, String> big = a.subscriptions(1000);
    a.subscriptions(100).forEach((id, text) -> assertEquals(text, big.get(id)));
  }

  @Test
  void eventsLookLikeWorkfront() {
    Fixture f = new Fixture(1, 2000);
    long bytes = 0;
    int create = 0, update = 0, delete = 0;
    for (byte[] b : f.events) {
      bytes += b.length;
      Event e = f.json.readWorkfrontEvent(b);
      switch (e.eventType()) {
        case "CREATE" -> create++;
        case "UPDATE" -> update++;
        default -> delete++;
      }
    }
    double avg = (double) bytes / f.events.size();
    assertTrue(avg > 1300 && avg < 1900, "average size " + avg);
    assertTrue(create > 300 && create < 500, "CREATE " + create);
    assertTrue(update > 1300 && update < 1500, "UPDATE " + update);
    assertTrue(delete > 120 && delete < 280, "DELETE " + delete);
  }

  @Test
  void aTypicalEventMatchesAHandfulOfTenThousand() {
    Fixture f = new Fixture(10_000, 500);
    int total = 0;
    int none = 0;
    for (byte[] b : f.events) {
      int n = f.set.match(f.json.readWorkfrontEvent(b)).size();
      total += n;
      if (n == 0) {
        none++;
      }
    }
    double mean = (double) total / f.events.size();
    System.out.printf("10,000 subscriptions: %.2f matches per event, %d of %d events match none, translatable share %.1f %%%n",
        mean, none, f.events.size(), 100 * f.translatableShare());
    assertTrue(mean >= 2 && mean <= 15, "mean matches per event " + mean);
    assertTrue(none < f.events.size() / 3, "events matching nothing: " + none);
  }

  @Test
  void looseStyle_aneighthOfEachSetIsLoose_restIsStandard() {
    Workload w = Workload.standard();
    java.util.Set<String> allowed = java.util.Set.of("gt", "gte", "lt", "lte", "ne", "changed", "exists", "notExists");
    for (int n : new int[] {100, 10_000}) {
      Map<String, String> loose = w.subscriptions(n, Workload.Style.LOOSE);
      Map<String, String> standard = w.subscriptions(n);
      int count = 0;
      for (Map.Entry<String, String> e : loose.entrySet()) {
        if (!Workload.loose(e.getKey())) {
          assertEquals(standard.get(e.getKey()), e.getValue(), e.getKey());
          continue;
        }
        count++;
        assertTrue(!e.getValue().contains("\"objId\""), e.getValue());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"comparison\":\"(\\w+)\"").matcher(e.getValue());
        int conditions = 0;
        while (m.find()) {
          conditions++;
          assertTrue(allowed.contains(m.group(1)), e.getValue());
        }
        assertTrue(conditions > 0, e.getValue());
      }
      assertTrue(count >= n / 10, n + ": " + count + " loose");
    }
  }
}
