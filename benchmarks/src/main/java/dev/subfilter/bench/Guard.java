package dev.subfilter.bench;

import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The CI guard: measures the figures of {@code benchmarks/guard-baseline.tsv}, prints one table, and
 * exits 1 when any is outside its budget (one {@code guard: FAILED} line per figure).
 *
 * <ol>
 *   <li>Deterministic figures: index counters on the seeded workload ({@link
 *       SubscriptionSet#match(Event, SubscriptionSet.MatchCounters)} over 4,096 events, 10,000 and
 *       100 subscriptions, of the STANDARD and of the {@link Workload.Style#LOOSE} set): candidates
 *       evaluated per event, and fallback candidates per event (the subscriptions evaluated for every
 *       event of their gate); for LOOSE at 10,000 also candidates ÷ (2 × matches + 4), issue 14's
 *       target as a ratio.
 *   <li>Bytes allocated per event, JMH's {@code -prof gc} ({@code gc.alloc.rate.norm}) for {@link
 *       GuardBenchmark}'s paths: compiled evaluation, set matching on read events, the streaming
 *       read of one subscription and of the set.
 *   <li>Ratios measured in this one JVM, in thread CPU time (the best of {@link #ROUNDS}
 *       interleaved rounds of each path: wall-clock scores on a shared 2-core machine moved by
 *       ±50–150 % between JMH iterations, thread CPU time by far less): compiled ÷ reference
 *       interpreter, set ÷ naive loop at 10,000, streaming ÷ tree (one subscription, and the set).
 * </ol>
 *
 * A figure's kind says which way is worse: {@code max} (allocation, counters) fails above its
 * budget, {@code min} (ratios) below it. {@code --update} rewrites the baseline file with the
 * figures just measured and budgets recomputed from each line's margin ({@code 10%+8}: baseline ×
 * 1.10 + 8 for a max, baseline × 0.90 for a min), keeping the margins; a figure new to the file
 * gets its default margin.
 *
 * <p>Run: {@code bash benchmarks/run.sh --guard} (or {@code --guard --update}); alone {@code java
 * -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar dev.subfilter.bench.Guard
 * benchmarks/guard-baseline.tsv [--update]}.
 */
public final class Guard {
  static final int COUNTER_EVENTS = 4096;

  /** One figure: its name, kind, default margin and what it is. */
  record Figure(String name, boolean max, String defaultMargin, String what) {}

  static final List<Figure> FIGURES = List.of(
      new Figure("counters.10000.candidatesPerEvent", true, "5%+0.05", "candidates evaluated per event, 10,000 subscriptions"),
      new Figure("counters.10000.fallbackPerEvent", true, "5%+0.05", "fallback candidates per event (evaluated for every event of their gate), 10,000"),
      new Figure("counters.100.candidatesPerEvent", true, "5%+0.05", "candidates evaluated per event, 100 subscriptions"),
      new Figure("counters.100.fallbackPerEvent", true, "5%+0.05", "fallback candidates per event, 100"),
      new Figure("counters.loose.10000.candidatesPerEvent", true, "5%+0.05", "candidates evaluated per event, 10,000 LOOSE-style subscriptions"),
      new Figure("counters.loose.10000.fallbackPerEvent", true, "5%+0.05", "fallback candidates per event, 10,000 LOOSE-style"),
      new Figure("counters.loose.10000.overTarget", true, "5%+0.02", "candidates ÷ (2 × matches + 4) per event, 10,000 LOOSE-style (issue 14 target ≤ 1)"),
      new Figure("counters.loose.100.candidatesPerEvent", true, "5%+0.05", "candidates evaluated per event, 100 LOOSE-style"),
      new Figure("alloc.compiled.bytesPerEvent", true, "10%+8", "B/event, compiled evaluation of one subscription (read events)"),
      new Figure("alloc.setRead.bytesPerEvent", true, "10%+8", "B/event, 10,000-subscription set on read events"),
      new Figure("alloc.streamingOne.bytesPerEvent", true, "10%+64", "B/event, bytes → decision, streaming, one subscription"),
      new Figure("alloc.setStreaming.bytesPerEvent", true, "10%+64", "B/event, bytes → ids, streaming, 10,000"),
      new Figure("ratio.compiledOverReference", false, "50%", "compiled ÷ reference interpreter"),
      new Figure("ratio.setOverNaive.10000", false, "50%", "set (streaming) ÷ naive loop, 10,000"),
      new Figure("ratio.streamingOverTree.one", false, "30%", "bytes → decision: streaming ÷ tree, one subscription"),
      new Figure("ratio.streamingOverTree.10000", false, "30%", "bytes → ids: streaming ÷ tree, 10,000"));

  private Guard() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Guard BASELINE_FILE [--update]");
      System.exit(2);
    }
    Path baselineFile = Path.of(args[0]);
    boolean update = args.length > 1 && args[1].equals("--update");
    Map<String, Double> measured = new LinkedHashMap<>();
    Map<String, String> info = new LinkedHashMap<>();
    System.out.println("guard: index counters over " + COUNTER_EVENTS + " events");
    counters(measured, info);
    System.out.println("guard: bytes allocated per event (JMH -prof gc, " + ALLOCATING + ")");
    allocation(measured);
    System.out.println("guard: ratios in thread CPU time (" + ROUNDS + " interleaved rounds)");
    ratios(measured, info);

    Map<String, String[]> baseline = read(baselineFile);
    if (update) {
      write(baselineFile, baseline, measured);
      baseline = read(baselineFile);
    }
    System.out.println();
    System.out.println("| figure | measured | budget | baseline | |");
    System.out.println("|---|---|---|---|---|");
    List<String> failures = new ArrayList<>();
    for (Figure f : FIGURES) {
      double m = measured.get(f.name);
      String[] b = baseline.get(f.name);
      if (b == null) {
        failures.add(f.name + ": no budget in " + baselineFile + " (add it: bash benchmarks/run.sh --guard --update)");
        System.out.printf("| %s | %s | — | — | NO BUDGET |%n", f.name, fmt(m));
        continue;
      }
      double budget = Double.parseDouble(b[3]);
      boolean ok = f.max ? m <= budget : m >= budget;
      System.out.printf("| %s | %s | %s %s | %s | %s |%n", f.name, fmt(m), f.max ? "≤" : "≥", fmt(budget), b[2], ok ? "ok" : "FAILED");
      if (!ok) {
        failures.add(String.format(Locale.ROOT, "%s: %s %s budget %s (baseline %s) — %s", f.name, fmt(m),
            f.max ? ">" : "<", fmt(budget), b[2], f.what));
      }
    }
    System.out.println();
    System.out.println("| information (not budgeted) | value |");
    System.out.println("|---|---|");
    info.forEach((k, v) -> System.out.printf("| %s | %s |%n", k, v));
    if (update) {
      System.out.println();
      System.out.println("guard: baseline " + baselineFile + " updated");
    }
    for (String f : failures) {
      System.out.println("guard: FAILED " + f);
    }
    if (!failures.isEmpty()) {
      System.exit(1);
    }
    System.out.println("guard: all " + FIGURES.size() + " figures within budget");
  }

  private static void counters(Map<String, Double> measured, Map<String, String> info) {
    SubfilterJson json = SubfilterJson.create();
    Workload w = Workload.standard();
    List<Event> events = new ArrayList<>();
    for (byte[] b : w.events(COUNTER_EVENTS)) {
      events.add(json.readWorkfrontEvent(b));
    }
    for (int size : new int[] {10_000, 100}) {
      SubscriptionSet set = size == GuardBenchmark.SIZE ? GuardBenchmark.fixture().set : new Fixture(size, 1).set;
      SubscriptionSet.MatchCounters c = new SubscriptionSet.MatchCounters();
      for (Event e : events) {
        set.match(e, c);
      }
      double n = c.events();
      measured.put("counters." + size + ".candidatesPerEvent", c.candidates() / n);
      measured.put("counters." + size + ".fallbackPerEvent", c.fallbackCandidates() / n);
      info.put("matches per event, " + size + " subscriptions", fmt(c.matches() / n));
    }
    for (int size : new int[] {10_000, 100}) {
      SubscriptionSet set = new Fixture(size, 1, Workload.Style.LOOSE).set;
      SubscriptionSet.MatchCounters c = new SubscriptionSet.MatchCounters();
      for (Event e : events) {
        set.match(e, c);
      }
      double n = c.events();
      measured.put("counters.loose." + size + ".candidatesPerEvent", c.candidates() / n);
      if (size == 10_000) {
        measured.put("counters.loose.10000.fallbackPerEvent", c.fallbackCandidates() / n);
        measured.put("counters.loose.10000.overTarget", c.candidates() / (2 * c.matches() + 4 * n));
      }
      info.put("matches per event, " + size + " LOOSE-style subscriptions", fmt(c.matches() / n));
    }
  }

  /** Bytes allocated per event: JMH's {@code -prof gc} ({@code gc.alloc.rate.norm}), in this JVM. */
  private static void allocation(Map<String, Double> measured) throws Exception {
    Options opts = new OptionsBuilder()
        .include(GuardBenchmark.class.getName() + "\\.(" + String.join("|", ALLOCATING) + ")$")
        .forks(0)
        .warmupIterations(2)
        .warmupTime(TimeValue.milliseconds(300))
        .measurementIterations(3)
        .measurementTime(TimeValue.milliseconds(300))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    for (RunResult r : new Runner(opts).run()) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Result<?> a = r.getSecondaryResults().get("gc.alloc.rate.norm");
      measured.put("alloc." + name + ".bytesPerEvent", a == null ? Double.NaN : a.getScore());
    }
  }

  static final List<String> ALLOCATING = List.of("compiled", "setRead", "streamingOne", "setStreaming");

  /**
   * The ratios, in thread CPU time: every path timed once per round, {@link #ROUNDS} rounds
   * interleaved, each path's best round kept (the round least disturbed by other processes: the
   * time a path needs, not the time it was given).
   */
  private static void ratios(Map<String, Double> measured, Map<String, String> info) throws Exception {
    GuardBenchmark b = new GuardBenchmark();
    b.setup();
    Map<String, IntSupplier> paths = new LinkedHashMap<>();
    paths.put("compiled", b::compiled);
    paths.put("reference", b::reference);
    paths.put("streamingOne", b::streamingOne);
    paths.put("treeOne", b::treeOne);
    paths.put("setRead", b::setRead);
    paths.put("setStreaming", b::setStreaming);
    paths.put("setTree", b::setTree);
    paths.put("naiveLoop", b::naiveLoop);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Map<String, Integer> repeats = new LinkedHashMap<>();
    long sink = 0;
    for (Map.Entry<String, IntSupplier> p : paths.entrySet()) {
      int n = 1;
      while (true) { // calibrate: enough batches for a sample of at least SAMPLE_NANOS of CPU
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < n; k++) {
          sink += p.getValue().getAsInt();
        }
        if (cpu.getCurrentThreadCpuTime() - t0 >= SAMPLE_NANOS || n >= 1 << 16) {
          break;
        }
        n *= 2;
      }
      repeats.put(p.getKey(), n);
    }
    Map<String, double[]> perEvent = new LinkedHashMap<>();
    paths.keySet().forEach(k -> perEvent.put(k, new double[ROUNDS]));
    for (int r = 0; r < ROUNDS; r++) {
      for (Map.Entry<String, IntSupplier> p : paths.entrySet()) {
        int n = repeats.get(p.getKey());
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < n; k++) {
          sink += p.getValue().getAsInt();
        }
        perEvent.get(p.getKey())[r] = (cpu.getCurrentThreadCpuTime() - t0) / (double) (n * Fixture.BATCH);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
    Map<String, Double> best = new LinkedHashMap<>();
    perEvent.forEach((k, v) -> {
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      best.put(k, sorted[0]);
      info.put("CPU ns/event " + k + ": best, median of " + ROUNDS + " rounds",
          String.format(Locale.ROOT, "%.0f, %.0f (%,.0f events/s at best)", sorted[0], sorted[ROUNDS / 2], 1e9 / sorted[0]));
    });
    // a throughput ratio A ÷ B is B's time ÷ A's time
    measured.put("ratio.compiledOverReference", best.get("reference") / best.get("compiled"));
    measured.put("ratio.setOverNaive.10000", best.get("naiveLoop") / best.get("setStreaming"));
    measured.put("ratio.streamingOverTree.one", best.get("treeOne") / best.get("streamingOne"));
    measured.put("ratio.streamingOverTree.10000", best.get("setTree") / best.get("setStreaming"));
    info.put("bytes → ids ÷ matching read events, 10,000 (issue 14 part 4 target ≥ 0.6)", fmt(best.get("setRead") / best.get("setStreaming")));
  }

  static final int ROUNDS = 21;
  static final long SAMPLE_NANOS = 20_000_000;

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
  }

  /** name → {name, kind, baseline, budget, margin}. */
  static Map<String, String[]> read(Path file) throws IOException {
    Map<String, String[]> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] c = t.split("\\s+");
      if (c.length != 5) {
        throw new IllegalArgumentException(file + ": expected 5 columns (figure kind baseline budget margin): " + line);
      }
      out.put(c[0], c);
    }
    return out;
  }

  static double budget(boolean max, double baseline, String margin) {
    String[] p = margin.split("\\+");
    double rel = Double.parseDouble(p[0].replace("%", "")) / 100;
    double abs = p.length > 1 ? Double.parseDouble(p[1]) : 0;
    return max ? baseline * (1 + rel) + abs : baseline * (1 - rel);
  }

  private static void write(Path file, Map<String, String[]> old, Map<String, Double> measured) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# Budgets of the CI guard (bash benchmarks/run.sh --guard; benchmarks/README.md, \"The CI guard\").\n");
    b.append("# kind max: fails above budget; min: fails below. budget = baseline × (1 ± margin%) (+ the margin's absolute part for max).\n");
    b.append("# After a deliberate change, one line rewrites baselines and budgets (margins are kept): bash benchmarks/run.sh --guard --update\n");
    b.append("# Written ").append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append('\n');
    b.append(String.format(Locale.ROOT, "%-38s %-4s %12s %12s %s%n", "# figure", "kind", "baseline", "budget", "margin"));
    for (Figure f : FIGURES) {
      String[] o = old.get(f.name);
      String margin = o == null ? f.defaultMargin : o[4];
      double m = measured.get(f.name);
      b.append(String.format(Locale.ROOT, "%-38s %-4s %12s %12s %s%n", f.name, f.max ? "max" : "min", fmt(m),
          fmt(budget(f.max, m, margin)), margin));
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }
}
