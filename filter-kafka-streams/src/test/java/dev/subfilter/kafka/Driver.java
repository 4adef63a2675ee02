package dev.subfilter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A router in a TopologyTestDriver, with its default topics as test topics. Close it. */
final class Driver implements AutoCloseable {
  final SubfilterRouter router;
  final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> subscriptions;
  private final TestInputTopic<byte[], byte[]> events;
  private final TestOutputTopic<String, byte[]> deliveries;
  private final TestOutputTopic<byte[], byte[]> handshakes;
  private final TestOutputTopic<byte[], byte[]> deadLetters;

  Driver(SubfilterRouter router) {
    this.router = router;
    Properties p = router.recommendedProperties("subfilter-test", "localhost:9");
    p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/subfilter-ttd-" + ProcessHandle.current().pid());
    this.driver = new TopologyTestDriver(router.topology(), p);
    subscriptions = driver.createInputTopic("subfilter-subscriptions", new StringSerializer(), new ByteArraySerializer());
    events = driver.createInputTopic("subfilter-events", new ByteArraySerializer(), new ByteArraySerializer());
    deliveries = driver.createOutputTopic("subfilter-deliveries", new StringDeserializer(), new ByteArrayDeserializer());
    handshakes = driver.createOutputTopic("subfilter-handshakes", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    deadLetters = driver.createOutputTopic("subfilter-dead-letters", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static Driver of(SubfilterRouter.Builder b) {
    return new Driver(b.build());
  }

  void subscribe(String id, String json) {
    subscriptions.pipeInput(id, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  void unsubscribe(String id) {
    subscriptions.pipeInput(id, null);
  }

  void subscriptionRecord(byte[] key, byte[] value) {
    driver.createInputTopic("subfilter-subscriptions", new ByteArraySerializer(), new ByteArraySerializer()).pipeInput(key, value);
  }

  void send(byte[] body, Map<String, String> headers) {
    RecordHeaders h = new RecordHeaders();
    headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
    events.pipeInput(new TestRecord<>("key-1".getBytes(StandardCharsets.UTF_8), body, h));
  }

  void send(String body, Map<String, String> headers) {
    send(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  void send(String body) {
    send(body, Map.of());
  }

  List<TestRecord<String, byte[]>> deliveries() {
    return deliveries.readRecordsToList();
  }

  List<String> deliveredIds() {
    List<String> ids = new ArrayList<>();
    for (TestRecord<String, byte[]> r : deliveries()) {
      ids.add(r.key());
    }
    return ids;
  }

  List<TestRecord<byte[], byte[]>> handshakes() {
    return handshakes.readRecordsToList();
  }

  List<TestRecord<byte[], byte[]>> deadLetters() {
    return deadLetters.readRecordsToList();
  }

  /** Header name to its values as text, in order. */
  static Map<String, List<String>> headers(org.apache.kafka.common.header.Headers headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Header h : headers) {
      out.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(new String(h.value(), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    driver.close();
  }
}
