package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Funnel;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long does {@code explain --summary}'s funnel take over a large corpus? Not a JMH benchmark
 * (one long pass is the question, not a rate at steady state): builds the workload's {@code n}
 * subscriptions, reads {@code events} workload payloads with {@link SubfilterJson#readWorkfrontEvent}
 * (the workload's first 100,000 events, cycled) and adds each to a {@link Funnel}, timing the
 * reading and the funnel apart. Before timing it checks, on the first 2,000 events, that the
 * funnel's matches per subscription equal {@link SubscriptionSet#match}'s, so the figure is of a
 * funnel that counts right.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.subfilter.bench.SummaryTiming
 * [subscriptions] [events]} (default 10,000 and 1,000,000).
 */
public final class SummaryTiming {
  private SummaryTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Workload w = Workload.standard();
    SubfilterJson json = SubfilterJson.create();
    Map<String, CompiledSubscription> subs = Workload.compile(json, w.subscriptions(n));
    List<byte[]> distinct = w.events(Math.min(total, 100_000));

    check(json, subs, distinct.subList(0, Math.min(2_000, distinct.size())));

    long t0 = System.nanoTime();
    Funnel funnel = Funnel.of(subs);
    long built = System.nanoTime() - t0;
    long reading = 0;
    long counting = 0;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < total; i++) {
      long a = System.nanoTime();
      Event e = json.readWorkfrontEvent(distinct.get(i % distinct.size()));
      long b = System.nanoTime();
      funnel.add(e);
      long c = System.nanoTime();
      reading += b - a;
      counting += c - b;
    }
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    long t1 = System.nanoTime();
    Funnel.Report report = funnel.report();
    long reported = System.nanoTime() - t1;
    long matched = report.subscriptions().stream().mapToLong(Funnel.Entry::matched).sum();
    System.out.printf(Locale.ROOT, "%,d subscriptions, %,d events (%,d distinct): %,d matches%n", n, total, distinct.size(), matched);
    System.out.printf(Locale.ROOT, "funnel built in %.2f s; reading events %.1f s; counting %.1f s (%.1f µs/event); report %.2f s; total %.1f s%n",
        built / 1e9, reading / 1e9, counting / 1e9, counting / 1e3 / total, reported / 1e9, (built + reading + counting + reported) / 1e9);
    System.out.printf(Locale.ROOT, "thread CPU time reading + counting: %.1f s (the wall times above include waiting for a core on a shared machine)%n", cpu / 1e9);
    System.out.printf(Locale.ROOT, "%s %s, %d cores; load average %s%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  /** The load average as /proc/loadavg says it (or the JVM's figure): every measured figure gives it. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void check(SubfilterJson json, Map<String, CompiledSubscription> subs, List<byte[]> events) {
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(subs);
    Funnel funnel = Funnel.of(subs);
    Map<String, long[]> want = new HashMap<>();
    for (byte[] b : events) {
      Event e = json.readWorkfrontEvent(b);
      funnel.add(e);
      for (String id : set.match(e)) {
        want.computeIfAbsent(id, k -> new long[1])[0]++;
      }
    }
    for (Funnel.Entry e : funnel.report().subscriptions()) {
      long expected = want.getOrDefault(e.id(), new long[1])[0];
      if (e.matched() != expected) {
        throw new IllegalStateException(e.id() + ": the funnel counts " + e.matched() + " matches, the set " + expected);
      }
    }
  }
}
