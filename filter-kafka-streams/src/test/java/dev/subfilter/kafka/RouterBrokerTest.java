package dev.subfilter.kafka;

import static dev.subfilter.kafka.InProcessBroker.await;
import static dev.subfilter.kafka.InProcessBroker.awaitRunning;
import static dev.subfilter.kafka.InProcessBroker.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionSet;
import dev.subfilter.bench.Workload;
import dev.subfilter.jackson.SubfilterJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The router against a real broker in this JVM (no mocks): restarts with both store kinds, live
 * subscription updates, exactly-once with a read_committed consumer, and an instance killed (a
 * separate JVM running the router's {@code Main}, SIGKILLed) while events flow. Every wait is bounded.
 */
class RouterBrokerTest {
  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final AtomicInteger RUN = new AtomicInteger();
  private static InProcessBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = new InProcessBroker();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  /** Topic names of one test, so that tests never read each other's records. */
  private record Topics(String prefix) {
    String subscriptions() {
      return prefix + "-subscriptions";
    }

    String events() {
      return prefix + "-events";
    }

    String deliveries() {
      return prefix + "-deliveries";
    }

    SubfilterRouter.Builder apply(SubfilterRouter.Builder b) {
      return b.subscriptionsTopic(subscriptions()).eventsTopic(events()).deliveriesTopic(deliveries())
          .handshakesTopic(prefix + "-handshakes").deadLetterTopic(prefix + "-dead-letters");
    }
  }

  private static Topics topics(int partitions) throws Exception {
    Topics t = new Topics("t" + RUN.incrementAndGet());
    broker.createTopics(t.apply(SubfilterRouter.builder()).build().newTopics(partitions, (short) 1));
    return t;
  }

  private static SubfilterRouter router(Topics t, SubfilterRouter.SubscriptionStore store) {
    return t.apply(SubfilterRouter.builder().json(JSON).subscriptionStore(store)).build();
  }

  private static void put(KafkaProducer<byte[], byte[]> p, Topics t, String id, String json) throws Exception {
    p.send(new ProducerRecord<>(t.subscriptions(), utf8(id), utf8(json))).get();
  }

  @ParameterizedTest
  @EnumSource(SubfilterRouter.SubscriptionStore.class)
  void restart_restoresTheSet(SubfilterRouter.SubscriptionStore store) throws Exception {
    Topics t = topics(2);
    Set<String> expected = new LinkedHashSet<>();
    try (KafkaProducer<byte[], byte[]> p = broker.producer()) {
      for (int i = 0; i < 20; i++) {
        put(p, t, "s" + i, "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":" + i + "}]}");
        expected.add("s" + i);
      }
      put(p, t, "s5", "{\"objCode\":\"TASK\"}");
      expected.remove("s5");
      put(p, t, "s6", null);
      expected.remove("s6");

      SubfilterRouter first = router(t, store);
      Properties config = broker.streamsConfig(first, t.prefix() + "-app", StreamsConfig.EXACTLY_ONCE_V2, 1);
      KafkaStreams a = new KafkaStreams(first.topology(), config);
      a.start();
      assertThat(Set.copyOf(first.subscriptions().ids())).as("start() returns with the global store loaded").isEqualTo(expected);
      awaitRunning(a);
      assertThat(first.rejectedSubscriptions()).containsOnlyKeys("s5");
      InProcessBroker.close(a);

      // while no instance runs: one new, one deleted, the rejected one fixed
      put(p, t, "s20", "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\"}");
      put(p, t, "s2", null);
      put(p, t, "s5", "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\"}");
      expected.add("s20");
      expected.remove("s2");
      expected.add("s5");

      SubfilterRouter second = router(t, store);
      KafkaStreams b = new KafkaStreams(second.topology(), config); // same state directory
      b.start();
      try {
        assertThat(Set.copyOf(second.subscriptions().ids())).as("start() returns with the global store loaded").isEqualTo(expected);
        awaitRunning(b);
        assertThat(second.rejectedSubscriptions()).isEmpty();
        double replayed = records(b);
        if (store == SubfilterRouter.SubscriptionStore.PERSISTENT) {
          assertThat(replayed).as("a persistent store is loaded from disk; only the 3 new records are read").isEqualTo(3.0);
        } else {
          assertThat(replayed).as("an in-memory store replays the whole topic").isEqualTo(25.0);
        }
      } finally {
        InProcessBroker.close(b);
      }
    }
  }

  private static double records(KafkaStreams s) {
    return s.metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals(RouterMetrics.GROUP) && e.getKey().name().equals("subscription-records-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }

  @Test
  void liveUpdates_reachTheRunningInstanceWithinABoundedTime() throws Exception {
    Topics t = topics(1);
    SubfilterRouter r = router(t, SubfilterRouter.SubscriptionStore.IN_MEMORY);
    KafkaStreams s = new KafkaStreams(r.topology(), broker.streamsConfig(r, t.prefix() + "-app", StreamsConfig.EXACTLY_ONCE_V2, 1));
    s.start();
    awaitRunning(s);
    try (KafkaProducer<byte[], byte[]> p = broker.producer(); KafkaConsumer<byte[], byte[]> c = broker.committedReader(t.deliveries())) {
      long t0 = System.nanoTime();
      put(p, t, "all-tasks", Payloads.ANY_TASK_UPDATE);
      await("the new subscription", Duration.ofSeconds(10), () -> r.subscriptions().get("all-tasks") != null);
      long added = System.nanoTime() - t0;
      p.send(new ProducerRecord<>(t.events(), utf8("k"), utf8(Payloads.taskUpdate("t1", "CUR", "CPL")))).get();
      List<ConsumerRecord<byte[], byte[]>> out = InProcessBroker.read(c, 1, Duration.ofSeconds(20), Duration.ZERO);
      assertThat(out).hasSize(1);
      assertThat(new String(out.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("all-tasks");

      long t1 = System.nanoTime();
      put(p, t, "all-tasks", null);
      await("the delete", Duration.ofSeconds(10), () -> r.subscriptions().get("all-tasks") == null);
      long removed = System.nanoTime() - t1;
      System.out.printf("live update: add visible %.1f ms, delete %.1f ms after the producer's send (acknowledged, acks=all)%n",
          added / 1e6, removed / 1e6);
    } finally {
      InProcessBroker.close(s);
    }
  }

  /** Events of the workload produced to {@code t}, with what the library matches for each, by the delivery id the router will give it. */
  private record Expected(Map<String, Integer> deliveries) {
    static Expected of(SubscriptionSet set, List<byte[]> events, List<RecordMetadata> sent) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < events.size(); i++) {
        RecordMetadata md = sent.get(i);
        String deliveryId = md.topic() + "-" + md.partition() + "@" + md.offset();
        for (String id : JSON.matchWorkfrontEvent(set, events.get(i))) {
          m.merge(id + " " + deliveryId, 1, Integer::sum);
        }
      }
      return new Expected(m);
    }
  }

  private static Map<String, Integer> delivered(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Integer> m = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      Header h = r.headers().lastHeader(SubfilterRouter.DELIVERY_ID_HEADER);
      m.merge(new String(r.key(), StandardCharsets.UTF_8) + " " + new String(h.value(), StandardCharsets.UTF_8), 1, Integer::sum);
    }
    return m;
  }

  private static SubscriptionSet load(KafkaProducer<byte[], byte[]> p, Topics t, Map<String, String> subscriptions) throws Exception {
    for (Map.Entry<String, String> e : subscriptions.entrySet()) {
      p.send(new ProducerRecord<>(t.subscriptions(), utf8(e.getKey()), utf8(e.getValue())));
    }
    p.flush();
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(Workload.compile(JSON, subscriptions));
    return set;
  }

  @Test
  void exactlyOnce_readCommittedConsumer_seesEveryExpectedDeliveryOnce() throws Exception {
    Topics t = topics(4);
    Workload w = Workload.standard();
    List<byte[]> events = w.events(1_000);
    try (KafkaProducer<byte[], byte[]> p = broker.producer(); KafkaConsumer<byte[], byte[]> c = broker.committedReader(t.deliveries())) {
      SubscriptionSet set = load(p, t, w.subscriptions(1_000));
      SubfilterRouter r = router(t, SubfilterRouter.SubscriptionStore.IN_MEMORY);
      KafkaStreams s = new KafkaStreams(r.topology(), broker.streamsConfig(r, t.prefix() + "-app", StreamsConfig.EXACTLY_ONCE_V2, 2));
      s.start();
      try {
        awaitRunning(s);
        assertThat(r.subscriptions().size()).isEqualTo(1_000);
        List<RecordMetadata> sent = send(p, t, events);
        Expected expected = Expected.of(set, events, sent);
        int total = expected.deliveries().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("the workload matches").isGreaterThan(200);
        // read returns once every expected delivery arrived; the bound is for a starved machine
        List<ConsumerRecord<byte[], byte[]>> out = InProcessBroker.read(c, total, Duration.ofSeconds(120), Duration.ofSeconds(1));
        assertThat(delivered(out)).isEqualTo(expected.deliveries());
      } finally {
        InProcessBroker.close(s);
      }
    }
  }

  private static List<RecordMetadata> send(KafkaProducer<byte[], byte[]> p, Topics t, List<byte[]> events) throws Exception {
    List<java.util.concurrent.Future<RecordMetadata>> futures = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      futures.add(p.send(new ProducerRecord<>(t.events(), utf8("obj-" + (i % 97)), events.get(i))));
    }
    List<RecordMetadata> out = new ArrayList<>();
    for (java.util.concurrent.Future<RecordMetadata> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void twoInstances_oneKilledWhileEventsFlow_everyExpectedDeliveryExactlyOnce() throws Exception {
    Topics t = topics(4);
    Workload w = Workload.standard();
    List<byte[]> events = w.events(1_500);
    String app = t.prefix() + "-app";
    Process other = null;
    try (KafkaProducer<byte[], byte[]> p = broker.producer(); KafkaConsumer<byte[], byte[]> c = broker.committedReader(t.deliveries())) {
      SubscriptionSet set = load(p, t, w.subscriptions(1_000));
      SubfilterRouter r = router(t, SubfilterRouter.SubscriptionStore.IN_MEMORY);
      KafkaStreams a = new KafkaStreams(r.topology(), broker.streamsConfig(r, app, StreamsConfig.EXACTLY_ONCE_V2, 1));
      a.start();
      try {
        awaitRunning(a);
        other = startRouterProcess(t, app);
        Process b = other;
        await("the second instance to take some partitions", Duration.ofSeconds(40), () -> {
          if (!b.isAlive()) {
            throw new AssertionError("the router process exited: " + b.exitValue());
          }
          return a.state() == KafkaStreams.State.RUNNING && activeTasks(a) > 0 && activeTasks(a) < 4;
        });
        // events flow at a steady pace from another thread; the other instance is killed (SIGKILL) 40 % of the way in
        List<java.util.concurrent.Future<RecordMetadata>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread flow = new Thread(() -> {
          for (int i = 0; i < events.size(); i++) {
            futures.add(p.send(new ProducerRecord<>(t.events(), utf8("obj-" + (i % 97)), events.get(i))));
            if (i % 10 == 9) {
              try {
                Thread.sleep(5);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          }
        }, "event-flow");
        flow.start();
        await("40 % of the events to be sent", Duration.ofSeconds(30), () -> futures.size() >= events.size() * 2 / 5);
        other.destroyForcibly().waitFor();
        flow.join(60_000);
        assertThat(futures).hasSize(events.size());
        List<RecordMetadata> sent = new ArrayList<>();
        for (java.util.concurrent.Future<RecordMetadata> f : futures) {
          sent.add(f.get());
        }
        Expected expected = Expected.of(set, events, sent);
        int total = expected.deliveries().values().stream().mapToInt(Integer::intValue).sum();
        // returns once every expected delivery arrived; at load average 25 the takeover needed more than 60 s
        List<ConsumerRecord<byte[], byte[]>> out = InProcessBroker.read(c, total, Duration.ofSeconds(180), Duration.ofSeconds(1));
        assertThat(activeTasks(a)).as("the survivor took every partition over").isEqualTo(4);
        assertThat(delivered(out)).isEqualTo(expected.deliveries());
      } finally {
        InProcessBroker.close(a);
      }
    } finally {
      if (other != null) {
        other.destroyForcibly().waitFor();
      }
    }
  }

  private static int activeTasks(KafkaStreams s) {
    int n = 0;
    for (ThreadMetadata m : s.metadataForLocalThreads()) {
      n += m.activeTasks().size();
    }
    return n;
  }

  /** The router's own entry point in another JVM, on this test's class path, configured for topics {@code t}. */
  private static Process startRouterProcess(Topics t, String app) throws Exception {
    Path dir = Files.createTempDirectory(broker.dir, "router-process");
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", broker.bootstrapServers());
    p.setProperty("application.id", app);
    p.setProperty("state.dir", dir.resolve("state").toString());
    p.putAll(InProcessBroker.fastGroupSettings(StreamsConfig.EXACTLY_ONCE_V2, 1));
    p.setProperty("subfilter.topic.subscriptions", t.subscriptions());
    p.setProperty("subfilter.topic.events", t.events());
    p.setProperty("subfilter.topic.deliveries", t.deliveries());
    p.setProperty("subfilter.topic.handshakes", t.prefix() + "-handshakes");
    p.setProperty("subfilter.topic.dead-letters", t.prefix() + "-dead-letters");
    Path config = dir.resolve("router.properties");
    try (var out = Files.newBufferedWriter(config)) {
      p.store(out, "RouterBrokerTest");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), "dev.subfilter.kafka.app.Main", config.toString());
    File log = dir.resolve("router.log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    Process proc = pb.start();
    await("the router process to run", Duration.ofSeconds(40), () -> {
      if (!proc.isAlive()) {
        throw new AssertionError("the router process exited " + proc.exitValue() + ": " + readQuietly(log));
      }
      return readQuietly(log).contains("subfilter-router: running");
    });
    return proc;
  }

  private static String readQuietly(File f) {
    try {
      return Files.readString(f.toPath());
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void recommendedProperties_aRecordWhoseProcessingThrows_isDeadLetteredByKafkaStreams_andTheRouterGoesOn_metricsInJmx() throws Exception {
    Topics t = topics(1);
    String app = t.prefix() + "-app";
    // a per-subscriber extractor that fails for one subscription: the exception leaves the router's processor, so
    // Kafka Streams' processing handler (recommendedProperties: log and continue, KIP-1034 dead-letter topic) takes it
    SubfilterRouter r = t.apply(SubfilterRouter.builder().json(JSON).secretHeaders(List.of("X-Api-Key"))).deliveriesTopic((id, value, context) -> {
      if (id.equals("boom")) {
        throw new IllegalStateException("no topic for boom");
      }
      return t.deliveries();
    }).build();
    KafkaStreams s = new KafkaStreams(r.topology(), broker.streamsConfig(r, app, StreamsConfig.EXACTLY_ONCE_V2, 1));
    try (KafkaProducer<byte[], byte[]> p = broker.producer();
        KafkaConsumer<byte[], byte[]> dead = broker.committedReader(t.prefix() + "-dead-letters");
        KafkaConsumer<byte[], byte[]> deliveries = broker.committedReader(t.deliveries())) {
      put(p, t, "ok", Payloads.ANY_TASK_UPDATE);
      put(p, t, "boom", Payloads.TASK_DONE);
      s.start();
      awaitRunning(s);
      ProducerRecord<byte[], byte[]> failing = new ProducerRecord<>(t.events(), utf8("k1"), utf8(Payloads.taskUpdate("t1", "CUR", "CPL")));
      failing.headers().add("X-Trace", utf8("trace-1")).add("Authorization", utf8("Bearer s3cret")).add("x-api-key", utf8("k"));
      p.send(failing).get();
      p.send(new ProducerRecord<>(t.events(), utf8("k2"), utf8(Payloads.taskUpdate("t2", "CUR", "NEW")))).get();

      List<ConsumerRecord<byte[], byte[]>> d = InProcessBroker.read(deliveries, 2, Duration.ofSeconds(20), Duration.ofMillis(500));
      assertThat(d).as("ok's delivery of the failing event was forwarded before boom's failed; the next event is routed")
          .extracting(c -> new String(c.key(), StandardCharsets.UTF_8) + " " + new String(c.headers().lastHeader(SubfilterRouter.OBJ_ID_HEADER).value(),
              StandardCharsets.UTF_8))
          .containsExactly("ok t1", "ok t2");
      List<ConsumerRecord<byte[], byte[]>> dl = InProcessBroker.read(dead, 1, Duration.ofSeconds(20), Duration.ofMillis(500));
      assertThat(dl).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = dl.get(0);
      assertThat(letter.key()).isEqualTo(utf8("k1"));
      assertThat(letter.value()).isEqualTo(failing.value());
      Map<String, String> h = new java.util.LinkedHashMap<>();
      letter.headers().forEach(x -> h.put(x.key(), x.value() == null ? null : new String(x.value(), StandardCharsets.UTF_8)));
      assertThat(h).containsEntry("X-Trace", "trace-1").containsKey("__streams.errors.exception")
          .containsEntry("__streams.errors.message", "no topic for boom")
          .as("Kafka's own handler would copy these (DeadLetterHandler drops them)").doesNotContainKeys("Authorization", "x-api-key");
      assertThat(h.get("__streams.errors.topic")).isEqualTo(t.events());

      // the router's sensors through JMX, as an operator sees them (Kafka Streams' JmxReporter, prefix kafka.streams)
      javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
      Set<javax.management.ObjectName> names = jmx.queryNames(new javax.management.ObjectName("kafka.streams:type=" + RouterMetrics.GROUP + ",*"), null);
      javax.management.ObjectName routerBean = names.stream()
          .filter(n -> "router".equals(n.getKeyProperty("subfilter-id")) && n.getKeyProperty("thread-id").startsWith(app))
          .findFirst().orElseThrow(() -> new AssertionError("no router MBean among " + names));
      await("events-read-total in JMX", Duration.ofSeconds(10), () -> jmxDouble(jmx, routerBean, "events-read-total") == 2.0);
      assertThat(jmxDouble(jmx, routerBean, "events-matched-total")).isEqualTo(2.0);
      assertThat(jmxDouble(jmx, routerBean, "deliveries-written-total")).as("ok's delivery of the failing event counts too").isEqualTo(2.0);
      assertThat(jmxDouble(jmx, routerBean, "match-latency-max")).isPositive();
      javax.management.ObjectName subscriptionsBean = names.stream()
          .filter(n -> "subscriptions".equals(n.getKeyProperty("subfilter-id")) && n.getKeyProperty("thread-id").startsWith(app))
          .findFirst().orElseThrow(() -> new AssertionError("no subscriptions MBean among " + names));
      assertThat(jmxDouble(jmx, subscriptionsBean, "subscriptions-live")).isEqualTo(2.0);
      assertThat(jmxDouble(jmx, subscriptionsBean, "subscription-records-total")).isEqualTo(2.0);
    } finally {
      InProcessBroker.close(s);
    }
  }

  private static double jmxDouble(javax.management.MBeanServer jmx, javax.management.ObjectName name, String attribute) {
    try {
      return ((Number) jmx.getAttribute(name, attribute)).doubleValue();
    } catch (javax.management.JMException e) {
      throw new AssertionError(name + " " + attribute, e);
    }
  }
}
