package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.event.ruler.Machine;

/**
 * Does the set hold up at 100,000 subscriptions (issue 14, part 3)? On the standard workload:
 * the time to parse and compile them and to build the set, bytes → matched ids in thread CPU time
 * at 100,000 and at 100 subscriptions (best of the rounds, as {@link CpuTime} does), and event-ruler
 * beside it on the translatable part when its machine is built within a minute (it says so when not).
 * Retained heap per subscription: {@code RetainedHeap 100000}. Before timing it checks that the
 * streaming path gives the tree path's ids on every event, and one-by-one evaluation's on 32 of them,
 * and that event-ruler's rules equal the set's on the translatable part; exits 1 otherwise.
 *
 * <p>Run: {@code java -Xms6g -Xmx6g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.LargeSetCpuTime [subscriptions]} (default 100,000).
 */
public final class LargeSetCpuTime {
  private static final int ROUNDS = 20;
  private static final int REPEATS = 8;

  private LargeSetCpuTime() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Workload w = Workload.standard();
    SubfilterJson json = SubfilterJson.create();
    Map<String, String> texts = w.subscriptions(n);
    byte[][] events = w.events(Fixture.BATCH).toArray(byte[][]::new);

    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Map<String, Subscription> parsed = Workload.parse(json, texts);
    Map<String, CompiledSubscription> compiled = new LinkedHashMap<>();
    parsed.forEach((id, s) -> compiled.put(id, s.compile()));
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(compiled);
    long t2 = System.nanoTime();
    long c2 = cpu.getCurrentThreadCpuTime();

    SubscriptionSet small = new SubscriptionSet();
    small.addAll(Workload.compile(json, w.subscriptions(100)));

    long matches = 0;
    for (int i = 0; i < events.length; i++) {
      List<String> ids = json.matchWorkfrontEvent(set, events[i]);
      matches += ids.size();
      if (!ids.equals(set.match(json.readWorkfrontEvent(events[i])))
          || (i < 32 && !ids.equals(Fixture.naive(compiled, json.readWorkfrontEvent(events[i]))))) {
        System.err.println("event " + i + ": the set's ids differ between paths");
        System.exit(1);
      }
    }

    double perEvent = REPEATS * (double) events.length;
    double large = Double.MAX_VALUE;
    double hundred = Double.MAX_VALUE;
    long sink = 0;
    for (int r = 0; r < ROUNDS; r++) {
      long a = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += json.matchWorkfrontEvent(set, e).size();
        }
      }
      long b = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += json.matchWorkfrontEvent(small, e).size();
        }
      }
      long c = cpu.getCurrentThreadCpuTime();
      large = Math.min(large, (b - a) / perEvent);
      hundred = Math.min(hundred, (c - b) / perEvent);
    }

    System.out.printf("| %,d subscriptions: parse + compile | %.2f s wall, %.2f s CPU |%n", n, (t1 - t0) / 1e9, (c1 - c0) / 1e9);
    System.out.printf("| %,d subscriptions: build the set (addAll) | %.2f s wall, %.2f s CPU (target < 1.5 s) |%n", n,
        (t2 - t1) / 1e9, (c2 - c1) / 1e9);
    System.out.printf("| bytes → ids, %,d subscriptions (%.2f matches/event) | %.0f ns CPU/event (%,.0f events/s; target ≥ 100,000) |%n",
        n, matches / (double) events.length, large, 1e9 / large);
    System.out.printf("| bytes → ids, 100 subscriptions | %.0f ns CPU/event | %,d ÷ 100 in events/s: %.2f (target ≥ 0.5) |%n",
        hundred, n, hundred / large);
    eventRuler(json, parsed, compiled, events, cpu);
    System.out.printf("OpenJDK %s, %d cores; load average %s%n", System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(), SummaryTiming.loadAverage());
    if (sink == 42) {
      System.out.println(); // keeps the loops' results alive
    }
  }

  private static void eventRuler(SubfilterJson json, Map<String, Subscription> parsed, Map<String, CompiledSubscription> compiled,
      byte[][] events, ThreadMXBean cpu) throws Exception {
    Map<String, String> patterns = EventRulerTranslation.translatable(parsed);
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "event-ruler build");
      t.setDaemon(true); // a build past the minute is abandoned with the JVM
      return t;
    });
    long t0 = System.nanoTime();
    Future<Machine> build = pool.submit(() -> EventRulerTranslation.machine(patterns));
    Machine machine;
    try {
      machine = build.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      System.out.printf("| event-ruler, %,d translatable rules | its machine was not built within a minute: not measured |%n",
          patterns.size());
      return;
    } finally {
      pool.shutdown();
    }
    double built = (System.nanoTime() - t0) / 1e9;
    Map<String, CompiledSubscription> translatable = new LinkedHashMap<>();
    patterns.keySet().forEach(id -> translatable.put(id, compiled.get(id)));
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(translatable);
    String[] strings = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      strings[i] = new String(events[i], StandardCharsets.UTF_8);
      if (!new HashSet<>(json.matchWorkfrontEvent(set, events[i])).equals(new HashSet<>(machine.rulesForJSONEvent(strings[i])))) {
        System.err.println("event " + i + ": event-ruler and the set differ on the translatable part");
        System.exit(1);
      }
    }
    double ours = Double.MAX_VALUE;
    double theirs = Double.MAX_VALUE;
    long sink = 0;
    for (int r = 0; r < ROUNDS / 4; r++) {
      long a = cpu.getCurrentThreadCpuTime();
      for (byte[] e : events) {
        sink += json.matchWorkfrontEvent(set, e).size();
      }
      long b = cpu.getCurrentThreadCpuTime();
      for (String s : strings) {
        sink += machine.rulesForJSONEvent(s).size();
      }
      long c = cpu.getCurrentThreadCpuTime();
      ours = Math.min(ours, (b - a) / (double) events.length);
      theirs = Math.min(theirs, (c - b) / (double) events.length);
    }
    System.out.printf("| translatable part, %,d rules: set, bytes → ids | %.0f ns CPU/event | event-ruler %.0f ns (machine built in %.1f s) | %.1f× |%n",
        patterns.size(), ours, theirs, built, theirs / ours);
    if (sink == 42) {
      System.out.println();
    }
  }
}
