package dev.subfilter.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A real Kafka broker (one combined broker and KRaft controller, Kafka's own test kit) inside the
 * test JVM, and the clients the tests use on it. Settings that a single broker needs (replication
 * 1), and short group timeouts, so that a killed member is noticed in seconds.
 */
final class InProcessBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  final Path dir;

  InProcessBroker() throws Exception {
    dir = Files.createTempDirectory("subfilter-broker");
    cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
        .setNumControllerNodes(1).setBaseDirectory(dir).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "2")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("transaction.state.log.num.partitions", "2")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("group.min.session.timeout.ms", "1000")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    admin = cluster.admin();
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  void createTopics(Collection<NewTopic> topics) throws ExecutionException, InterruptedException {
    admin.createTopics(topics).all().get();
  }

  /** Kafka Streams settings for one test instance: the router's baseline, fast commits and group timeouts. */
  Properties streamsConfig(SubfilterRouter router, String applicationId, String guarantee, int threads) throws Exception {
    Properties p = router.recommendedProperties(applicationId, bootstrapServers());
    p.putAll(fastGroupSettings(guarantee, threads));
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(dir, "state").toString());
    return p;
  }

  static Map<String, String> fastGroupSettings(String guarantee, int threads) {
    return Map.of(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee,
        StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads),
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100",
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "2000",
        StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "500",
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "5000",
        StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), "1000");
  }

  KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A consumer of {@code topic} from its start, seeing committed records only. */
  KafkaConsumer<byte[], byte[]> committedReader(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(java.util.Locale.ROOT));
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime());
    KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  /** Polls until {@code count} records were read or {@code timeout} passed; then reads on for {@code settle} to see any extra. */
  static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> c, int count, Duration timeout, Duration settle) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    while (out.size() < count && System.nanoTime() < end) {
      c.poll(Duration.ofMillis(200)).forEach(out::add);
    }
    long settleEnd = System.nanoTime() + settle.toNanos();
    while (System.nanoTime() < settleEnd) {
      c.poll(Duration.ofMillis(100)).forEach(out::add);
    }
    return out;
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    await("the instance to run", Duration.ofSeconds(30), () -> {
      if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new AssertionError("the instance stopped: " + streams.state());
      }
      return streams.state() == KafkaStreams.State.RUNNING;
    });
  }

  /** Closes so that the instance leaves the group at once (else a successor waits out its session). */
  static void close(KafkaStreams streams) {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(15)));
  }

  static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    try {
      admin.close();
      cluster.close();
    } finally {
      deleteRecursively(dir);
    }
  }

  /** The broker's logs and the instances' state directories: gigabytes after a benchmark. */
  static void deleteRecursively(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
