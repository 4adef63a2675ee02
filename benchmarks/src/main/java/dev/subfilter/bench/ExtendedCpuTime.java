package dev.subfilter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * {@link ExtendedOperatorsBenchmark}'s paths in thread CPU time (best of 15 rounds of the same 256
 * events), which the other processes of a noisy machine disturb far less than JMH's wall-clock
 * scores: the 10,000-subscription set written with the extended operators, the same set written
 * with eq, subfilter and event-ruler on its translatable part. Not JMH: a cross-check of its ratios
 * (no forks, one JVM, warm-up = the first rounds).
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.ExtendedCpuTime}. Exits 1 when the sets disagree on any event.
 */
public final class ExtendedCpuTime {
  private static final int ROUNDS = 15;
  private static final int REPEATS = 20;

  private ExtendedCpuTime() {}

  public static void main(String[] args) throws Exception {
    Fixture ext = new Fixture(10_000, Fixture.BATCH, Workload.Style.EXTENDED);
    Fixture twin = new Fixture(10_000, Fixture.BATCH, Workload.Style.EQ_TWIN);
    Machine machine = ext.machine();
    byte[][] events = ext.events.toArray(byte[][]::new);
    String[] strings = ext.eventStrings.toArray(String[]::new);
    for (int i = 0; i < events.length; i++) {
      List<String> ids = ext.json.matchWorkfrontEvent(ext.set, events[i]);
      if (!ids.equals(twin.json.matchWorkfrontEvent(twin.set, events[i]))
          || !new HashSet<>(ext.json.matchWorkfrontEvent(ext.translatableSet, events[i])).equals(new HashSet<>(machine.rulesForJSONEvent(strings[i])))) {
        System.err.println("event " + i + ": the paths disagree");
        System.exit(1);
      }
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double extended = Double.MAX_VALUE;
    double eq = Double.MAX_VALUE;
    double translatable = Double.MAX_VALUE;
    double ruler = Double.MAX_VALUE;
    long sink = 0;
    double perEvent = REPEATS * events.length;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += ext.json.matchWorkfrontEvent(ext.set, e).size();
        }
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += twin.json.matchWorkfrontEvent(twin.set, e).size();
        }
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += ext.json.matchWorkfrontEvent(ext.translatableSet, e).size();
        }
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      for (byte[] e : events) { // event-ruler is slower: one pass per round
        sink += machine.rulesForJSONEvent(new String(e, StandardCharsets.UTF_8)).size();
      }
      long t4 = cpu.getCurrentThreadCpuTime();
      extended = Math.min(extended, (t1 - t0) / perEvent);
      eq = Math.min(eq, (t2 - t1) / perEvent);
      translatable = Math.min(translatable, (t3 - t2) / perEvent);
      ruler = Math.min(ruler, (t4 - t3) / (double) events.length);
    }
    System.out.printf("| 10,000 with the extended operators: set, streaming | %.0f ns (%.0f events/s) | the same set written with eq %.0f ns | %.2f× the cost |%n",
        extended, 1e9 / extended, eq, extended / eq);
    System.out.printf("| its translatable part: set, streaming | %.0f ns | event-ruler %.0f ns | %.1f× |%n", translatable, ruler, ruler / translatable);
    if (sink == 42) {
      System.out.println(); // keeps the loops' results alive
    }
  }
}
