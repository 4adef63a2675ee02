package dev.subfilter.bench;

import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 14 part 2 on {@link Workload.Style#LOOSE} (an eighth of each set loose: only ranges,
 * {@code ne}, {@code changed}, {@code exists}/{@code notExists}, or ORs of those): candidates
 * evaluated per event against the target {@code 2 × matches per event + 4}, fallback candidates
 * per event, and bytes → ids ({@code SubfilterJson.matchWorkfrontEvent}, the streaming read) in
 * thread CPU time per event (best of {@link #ROUNDS} rounds of {@link Fixture#BATCH} events × {@link
 * #REPEATS}) and the events/s it gives, at 100 and 10,000 subscriptions. Not JMH (one JVM, warm-up
 * = the first rounds): thread CPU time is what a shared, noisy machine disturbs least.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.LooseCpuTime}. Exits 1 when the set and one-by-one evaluation disagree.
 */
public final class LooseCpuTime {
  static final int ROUNDS = 30;
  static final int REPEATS = 20;
  static final int COUNTER_EVENTS = 4096;

  private LooseCpuTime() {}

  public static void main(String[] args) {
    System.out.println("| loose workload | subscriptions | candidates/event | matches/event | target 2m+4 | met | fallback/event "
        + "| CPU ns/event bytes → ids | events/s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int size : new int[] {100, 10_000}) {
      Fixture f = new Fixture(size, Fixture.BATCH, Workload.Style.LOOSE);
      List<Event> events = new ArrayList<>();
      for (byte[] b : f.workload.events(COUNTER_EVENTS)) {
        events.add(f.json.readWorkfrontEvent(b));
      }
      SubscriptionSet.MatchCounters c = new SubscriptionSet.MatchCounters();
      for (Event e : events) {
        List<String> got = f.set.match(e, c);
        if (!got.equals(Fixture.naive(f.compiled, e))) {
          System.err.println("set and one-by-one disagree at " + size);
          System.exit(1);
        }
      }
      double n = c.events();
      double candidates = c.candidates() / n;
      double matches = c.matches() / n;
      double target = 2 * matches + 4;
      byte[][] batch = f.events.toArray(byte[][]::new);
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      long sink = 0;
      for (int r = 0; r < ROUNDS; r++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < REPEATS; k++) {
          for (byte[] b : batch) {
            sink += f.json.matchWorkfrontEvent(f.set, b).size();
          }
        }
        best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / (double) (REPEATS * batch.length));
      }
      System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %s | %.3f | %.0f | %,.0f |%n", "LOOSE", size, candidates, matches,
          target, candidates <= target ? "met" : "not met", c.fallbackCandidates() / n, best, 1e9 / best);
      if (sink == 42) {
        System.out.println(); // keeps the loop's results alive
      }
    }
  }
}
