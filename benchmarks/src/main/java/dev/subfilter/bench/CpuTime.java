package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The two ratios that sit at the edge of their targets, timed in thread CPU time (best of 40
 * rounds of the same 256 events), which the other processes of a noisy machine disturb far less
 * than JMH's wall-clock scores: bytes → decision for {@link BytesToDecisionBenchmark}'s subscription
 * (streaming vs {@code readTree} + evaluate), and {@link SubfilterJson#matchWorkfrontEvent} for 10,000
 * against 100 subscriptions. Not JMH: a cross-check of its ratios, not a replacement (no forks, one
 * JVM, warm-up = the first rounds).
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.CpuTime} ({@code run.sh} runs it after the suite). Exits 1 when the paths
 * disagree on any event.
 */
public final class CpuTime {
  private static final int ROUNDS = 40;
  private static final int REPEATS = 40;

  private CpuTime() {}

  public static void main(String[] args) {
    SubfilterJson json = SubfilterJson.create();
    CompiledSubscription one = json.readSubscription(BytesToDecisionBenchmark.SUBSCRIPTION).compile();
    WorkfrontStreamReader reader = WorkfrontStreamReader.forSubscriptions(json, List.of(one));
    Fixture big = new Fixture(10_000, Fixture.BATCH);
    Fixture small = new Fixture(100, Fixture.BATCH);
    byte[][] events = big.events.toArray(byte[][]::new);
    for (byte[] e : events) {
      if (reader.matches(one, e) != one.matches(json.readWorkfrontEvent(e))
          || !big.json.matchWorkfrontEvent(big.set, e).equals(big.set.match(big.json.readWorkfrontEvent(e)))) {
        System.err.println("streaming and tree reads disagree");
        System.exit(1);
      }
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double stream = Double.MAX_VALUE;
    double tree = Double.MAX_VALUE;
    double set10k = Double.MAX_VALUE;
    double set100 = Double.MAX_VALUE;
    long sink = 0;
    double perEvent = REPEATS * events.length;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += reader.matches(one, e) ? 1 : 0;
        }
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += one.matches(json.readWorkfrontEvent(e)) ? 1 : 0;
        }
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += big.json.matchWorkfrontEvent(big.set, e).size();
        }
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      for (int k = 0; k < REPEATS; k++) {
        for (byte[] e : events) {
          sink += small.json.matchWorkfrontEvent(small.set, e).size();
        }
      }
      long t4 = cpu.getCurrentThreadCpuTime();
      stream = Math.min(stream, (t1 - t0) / perEvent);
      tree = Math.min(tree, (t2 - t1) / perEvent);
      set10k = Math.min(set10k, (t3 - t2) / perEvent);
      set100 = Math.min(set100, (t4 - t3) / perEvent);
    }
    System.out.printf("| bytes → decision, 1 subscription: streaming | %.0f ns | readTree + evaluate %.0f ns | %.2f× |%n", stream, tree, tree / stream);
    System.out.printf("| set, streaming: 10,000 subscriptions | %.0f ns | 100 subscriptions %.0f ns | %.2f (10,000 ÷ 100 in events/s) |%n", set10k, set100, set100 / set10k);
    if (sink == 42) {
      System.out.println(); // keeps the loops' results alive
    }
  }
}
