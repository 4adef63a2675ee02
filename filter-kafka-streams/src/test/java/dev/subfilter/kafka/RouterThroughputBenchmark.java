package dev.subfilter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionSet;
import dev.subfilter.bench.Workload;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The router's throughput, load time and memory, for the README's sizing note. Not part of {@code
 * ./mvnw verify} (its name matches neither {@code *Test} nor {@code *Properties}); run it with
 *
 * <pre>
 * nice -n 10 ./mvnw -B -ntp verify -pl filter-kafka-streams -am -Dtest=RouterThroughputBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.events=100000]
 * </pre>
 *
 * (one method: {@code -Dtest=RouterThroughputBenchmark#broker}). Figures are printed and appended
 * to {@code filter-kafka-streams/target/router-benchmark.md}. Every run checks its answers: the
 * router's delivery count (its {@code deliveries-written-total}) equals the library's. Questions:
 *
 * <ul>
 *   <li>{@link #topologyTestDriver}: events/s through a TopologyTestDriver with 10,000 subscriptions
 *       beside the library alone ({@code matchWorkfrontEvent}, and {@code readAndMatchWorkfrontEvent},
 *       which also gives the event the router's headers need, on the same set and bytes) in the same
 *       JVM, rounds alternating ({@code bench.rounds}, 12 by default, the first third warming up);
 *       the router reads events without a {@code subfilter-source} header and with one. The ratio
 *       of thread CPU time is the figure to watch (target &ge; 0.5).
 *   <li>{@link #broker}: time to load 10,000 subscriptions at start, then events/s through the
 *       in-process broker for {@code bench.events} events (100,000 by default) with exactly-once and
 *       at-least-once, one stream thread and two, everything (broker, producer, router) in one JVM.
 *   <li>{@link #memory}: heap retained by one instance holding 100,000 subscriptions, with each store kind.
 * </ul>
 */
class RouterThroughputBenchmark {
  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final int SUBSCRIPTIONS = 10_000;

  private static void report(String line) throws IOException {
    System.out.println(line);
    Path out = Path.of("target", "router-benchmark.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void header(String what) throws IOException {
    report("");
    report("### " + what + " (" + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", load average "
        + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + ")");
  }

  @Test
  void topologyTestDriver() throws Exception {
    Workload w = Workload.standard();
    Map<String, String> texts = w.subscriptions(SUBSCRIPTIONS);
    List<byte[]> events = w.events(5_000);
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(Workload.compile(JSON, texts));
    long expected = 0;
    for (byte[] e : events) {
      expected += JSON.matchWorkfrontEvent(set, e).size();
    }
    // the same bytes as records, once without a subfilter-source header (the router detects the vendor) and once naming it
    List<TestRecord<byte[], byte[]>> detected = new ArrayList<>();
    List<TestRecord<byte[], byte[]>> named = new ArrayList<>();
    for (byte[] e : events) {
      detected.add(new TestRecord<>(null, e));
      named.add(new TestRecord<>(null, e, new RecordHeaders().add(SubfilterRouter.SOURCE_HEADER, InProcessBroker.utf8("workfront"))));
    }
    SubfilterRouter router = SubfilterRouter.builder().json(JSON).build();
    Properties p = router.recommendedProperties("bench", "localhost:9");
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-ttd").toString());
    try (TopologyTestDriver d = new TopologyTestDriver(router.topology(), p)) {
      TestInputTopic<String, byte[]> subs = d.createInputTopic("subfilter-subscriptions", new StringSerializer(), new ByteArraySerializer());
      texts.forEach((id, text) -> subs.pipeInput(id, text.getBytes(StandardCharsets.UTF_8)));
      assertThat(router.subscriptions().size()).isEqualTo(SUBSCRIPTIONS);
      TestInputTopic<byte[], byte[]> in = d.createInputTopic("subfilter-events", new ByteArraySerializer(), new ByteArraySerializer());
      TestOutputTopic<String, byte[]> out = d.createOutputTopic("subfilter-deliveries", new StringDeserializer(), new ByteArrayDeserializer());
      int rounds = Integer.getInteger("bench.rounds", 12);
      int warmUp = rounds / 3;
      // events/s, wall and thread CPU, of: the library's ids; its event and ids; the driver detecting the vendor; the driver told it
      double[][][] r = new double[rounds][4][];
      for (int round = 0; round < rounds; round++) {
        r[round][0] = timed(events.size(), () -> {
          long n = 0;
          for (byte[] e : events) {
            n += JSON.matchWorkfrontEvent(set, e).size();
          }
          return n;
        }, expected);
        r[round][1] = timed(events.size(), () -> {
          long n = 0;
          for (byte[] e : events) {
            SubfilterJson.WorkfrontMatch m = JSON.readAndMatchWorkfrontEvent(set, e);
            n += m.ids().size();
            if (m.event().objCode() == null) { // the event is read, as the router's headers read it
              throw new AssertionError("no objCode");
            }
          }
          return n;
        }, expected);
        r[round][2] = timed(events.size(), () -> {
          in.pipeRecordList(detected);
          return out.readRecordsToList().size();
        }, expected);
        r[round][3] = timed(events.size(), () -> {
          in.pipeRecordList(named);
          return out.readRecordsToList().size();
        }, expected);
      }
      assertThat(metric(d.metrics(), "deliveries-written-total")).as("deliveries written").isEqualTo(2.0 * rounds * expected);
      header("TopologyTestDriver beside the library, " + SUBSCRIPTIONS + " subscriptions, " + events.size()
          + " workload events a round, " + String.format("%.2f", (double) expected / events.size()) + " deliveries per event");
      report("Events/s, wall / thread CPU. Library: `matchWorkfrontEvent` (the ids) and `readAndMatchWorkfrontEvent` (the ids and"
          + " the event whose gate the router's headers carry). Router through the driver: events without a `" + SubfilterRouter.SOURCE_HEADER
          + "` header (vendor detected) and with `" + SubfilterRouter.SOURCE_HEADER + ": workfront`; its deliveries read back. Ratios against"
          + " `matchWorkfrontEvent`, CPU time. Rounds 0-" + (warmUp - 1) + " warm up.");
      report("");
      report("| round | library, ids | library, event + ids | router, detected | router, named | ratio detected | ratio named |");
      report("|---|---|---|---|---|---|---|");
      List<Double> detectedRatios = new ArrayList<>();
      List<Double> namedRatios = new ArrayList<>();
      for (int round = warmUp; round < rounds; round++) {
        double[][] x = r[round];
        detectedRatios.add(x[2][1] / x[0][1]);
        namedRatios.add(x[3][1] / x[0][1]);
        report(String.format("| %d | %s | %s | %s | %s | %.2f | %.2f |", round, rates(x[0]), rates(x[1]), rates(x[2]), rates(x[3]),
            x[2][1] / x[0][1], x[3][1] / x[0][1]));
      }
      report(String.format("%nMedian ratio (CPU): detected %.2f, named %.2f; load average now %.1f.", median(detectedRatios), median(namedRatios),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }
  }

  /** Runs {@code work}, checks its count, and returns events/s in wall time and in this thread's CPU time. */
  private static double[] timed(int events, java.util.function.LongSupplier work, long expected) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    long n = work.getAsLong();
    double wall = events / ((System.nanoTime() - t0) / 1e9);
    double thread = events / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
    assertThat(n).isEqualTo(expected);
    return new double[] {wall, thread};
  }

  private static String rates(double[] wallAndCpu) {
    return String.format("%,.0f / %,.0f", wallAndCpu[0], wallAndCpu[1]);
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  @Test
  void broker() throws Exception {
    int n = Integer.getInteger("bench.events", 100_000);
    Workload w = Workload.standard();
    Map<String, String> texts = w.subscriptions(SUBSCRIPTIONS);
    List<byte[]> pool = w.events(5_000);
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(Workload.compile(JSON, texts));
    long expected = 0;
    for (int i = 0; i < n; i++) {
      expected += JSON.matchWorkfrontEvent(set, pool.get(i % pool.size())).size();
    }
    try (InProcessBroker broker = new InProcessBroker()) {
      SubfilterRouter shape = SubfilterRouter.builder().build();
      broker.createTopics(shape.newTopics(4, (short) 1));
      try (KafkaProducer<byte[], byte[]> p = broker.producer()) {
        texts.forEach((id, text) -> p.send(new ProducerRecord<>("subfilter-subscriptions", InProcessBroker.utf8(id), InProcessBroker.utf8(text))));
        for (int i = 0; i < n; i++) {
          p.send(new ProducerRecord<>("subfilter-events", InProcessBroker.utf8("obj-" + (i % 997)), pool.get(i % pool.size())));
        }
        p.flush();
      }
      header("In-process broker, " + SUBSCRIPTIONS + " subscriptions, " + n + " events (" + expected + " deliveries), 4 partitions");
      report("| guarantee | stream threads | load 10,000 subscriptions at start | events/s |");
      report("|---|---|---|---|");
      int run = 0;
      for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
        for (int threads : new int[] {1, 2}) {
          SubfilterRouter r = SubfilterRouter.builder().json(JSON).deliveriesTopic("subfilter-deliveries").build();
          Properties config = broker.streamsConfig(r, "bench-" + (run++), guarantee, threads);
          config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, guarantee.equals(StreamsConfig.AT_LEAST_ONCE) ? "30000" : "100");
          KafkaStreams s = new KafkaStreams(r.topology(), config);
          long t0 = System.nanoTime();
          s.start();
          InProcessBroker.await("10,000 subscriptions", Duration.ofSeconds(120), () -> r.subscriptions().size() == SUBSCRIPTIONS);
          double load = (System.nanoTime() - t0) / 1e9;
          InProcessBroker.awaitRunning(s);
          long t1 = System.nanoTime();
          InProcessBroker.await(n + " events", Duration.ofMinutes(10), () -> eventsRead(s) >= n);
          double rate = n / ((System.nanoTime() - t1) / 1e9);
          double written = metric(s, "deliveries-written-total");
          InProcessBroker.close(s);
          report(String.format("| %s | %d | %.2f s | %,.0f |", guarantee, threads, load, rate));
          assertThat(written).as("deliveries written").isEqualTo((double) expected);
        }
      }
    }
  }

  private static double eventsRead(KafkaStreams s) {
    return metric(s, "events-read-total");
  }

  private static double metric(KafkaStreams s, String name) {
    return metric(s.metrics(), name);
  }

  private static double metric(Map<MetricName, ? extends Metric> metrics, String name) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().group().equals(RouterMetrics.GROUP) && e.getKey().name().equals(name))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }

  @Test
  void memory() throws Exception {
    int n = 100_000;
    Map<String, String> texts = Workload.standard().subscriptions(n);
    header("Heap retained by one router instance holding " + n + " subscriptions (used heap after full GCs, texts counted out)");
    report("| subscription store | bytes per subscription | MB per 100,000 |");
    report("|---|---|---|");
    for (SubfilterRouter.SubscriptionStore store : SubfilterRouter.SubscriptionStore.values()) {
      long before = usedAfterGc();
      SubfilterRouter router = SubfilterRouter.builder().json(JSON).subscriptionStore(store).build();
      Properties p = router.recommendedProperties("bench-mem", "localhost:9");
      p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-mem").toString());
      try (TopologyTestDriver d = new TopologyTestDriver(router.topology(), p)) {
        TestInputTopic<String, byte[]> subs = d.createInputTopic("subfilter-subscriptions", new StringSerializer(), new ByteArraySerializer());
        List<String> ids = new ArrayList<>(texts.keySet());
        for (String id : ids) {
          subs.pipeInput(id, texts.get(id).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(router.subscriptions().size()).isEqualTo(n);
        long after = usedAfterGc();
        Reference.reachabilityFence(texts);
        report(String.format("| %s | %,d | %.0f |", store, (after - before) / n, (after - before) / 1e6 * 100_000 / n));
      }
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (u >= used && i >= 2) {
        return Math.min(u, used);
      }
      used = Math.min(used, u);
    }
    return used;
  }
}
