package dev.subfilter.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * {@link JsonPathAdapterBenchmark}'s question in thread CPU time (best of 40 rounds of its batches),
 * which the other processes of a noisy machine disturb far less than JMH's wall-clock scores: the
 * mapping adapter beside the hand-written {@code CmpAdapter} on the same deliveries, and the shipped
 * github mapping beside {@code readTree} of its payloads. Not JMH: a cross-check of its ratios (no
 * forks, one JVM, warm-up = the first rounds). The benchmark's {@code @Setup} checks the answers
 * first.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * dev.subfilter.bench.JsonPathCpuTime}
 */
public final class JsonPathCpuTime {
  private static final int ROUNDS = 40;
  private static final int REPEATS = 10;

  private JsonPathCpuTime() {}

  public static void main(String[] args) throws IOException {
    JsonPathAdapterBenchmark b = new JsonPathAdapterBenchmark();
    b.setup();
    String[] names = {"cmpHandWritten", "cmpMapping", "cmpHandWrittenSmall", "cmpMappingSmall", "githubMapping", "readTreeGithub"};
    IntSupplier[] paths = {b::cmpHandWritten, b::cmpMapping, b::cmpHandWrittenSmall, b::cmpMappingSmall, b::githubMapping, () -> {
      try {
        return b.readTreeGithub();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }};
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] best = new double[paths.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    long sink = 0;
    double perEvent = (double) REPEATS * Fixture.BATCH;
    for (int r = 0; r < ROUNDS; r++) {
      for (int p = 0; p < paths.length; p++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int k = 0; k < REPEATS; k++) {
          sink += paths[p].getAsInt();
        }
        best[p] = Math.min(best[p], (cpu.getCurrentThreadCpuTime() - t0) / perEvent);
      }
    }
    for (int p = 0; p < paths.length; p++) {
      System.out.printf("| %s | %.0f ns | %,.0f events/s |%n", names[p], best[p], 1e9 / best[p]);
    }
    System.out.printf("| mapping ÷ hand-written, 13.6 KB CMP deliveries | %.2f× the time |%n", best[1] / best[0]);
    System.out.printf("| mapping ÷ hand-written, 1.6 KB CMP deliveries | %.2f× the time |%n", best[3] / best[2]);
    System.out.printf("| github mapping ÷ hand-written CMP, same size | %.2f× the time |%n", best[4] / best[0]);
    System.out.printf("| github mapping ÷ readTree of the same payloads | %.2f× the time |%n", best[4] / best[5]);
    if (sink == 42) {
      System.out.println();
    }
  }
}
