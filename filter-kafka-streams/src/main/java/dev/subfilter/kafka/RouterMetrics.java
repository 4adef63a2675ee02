package dev.subfilter.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.Sensor.RecordingLevel;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedSum;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The router's sensors, in Kafka Streams' own metrics registry (so JMX and every configured
 * reporter see them): group {@value #GROUP}, tagged with the stream thread. Sensors of one name
 * are shared by the tasks of one thread, so each figure is per thread.
 */
final class RouterMetrics {
  static final String GROUP = "stream-subfilter-metrics";
  private static final String SCOPE = "subfilter";

  final Sensor eventsRead;
  final Sensor eventsMatched;
  final Sensor deliveries;
  final Sensor deadLetters;
  final Sensor handshakes;
  /** Nanoseconds from a record's arrival to its deliveries being decided (reading, verifying, matching). */
  final Sensor match;

  private RouterMetrics(StreamsMetrics m) {
    eventsRead = m.addRateTotalSensor(SCOPE, "router", "events-read", RecordingLevel.INFO);
    eventsMatched = m.addRateTotalSensor(SCOPE, "router", "events-matched", RecordingLevel.INFO);
    deliveries = sumSensor(m, "deliveries-written", "delivery records written");
    deadLetters = m.addRateTotalSensor(SCOPE, "router", "dead-letters", RecordingLevel.INFO);
    handshakes = m.addRateTotalSensor(SCOPE, "router", "handshakes", RecordingLevel.INFO);
    match = m.addLatencyRateTotalSensor(SCOPE, "router", "match", RecordingLevel.INFO);
  }

  /**
   * A rate and total of recorded values, not of calls: one record per event however many
   * deliveries it makes. Named per thread, as Kafka Streams names its own thread-level sensors.
   */
  private static Sensor sumSensor(StreamsMetrics m, String name, String description) {
    String thread = Thread.currentThread().getName();
    Sensor s = m.addSensor("subfilter-" + name + "-" + thread, RecordingLevel.INFO);
    Map<String, String> tags = tags(thread, "router");
    s.add(new MetricName(name + "-total", GROUP, "the total number of " + description, tags), new CumulativeSum());
    s.add(new MetricName(name + "-rate", GROUP, "the number of " + description + " per second", tags),
        new Rate(TimeUnit.SECONDS, new WindowedSum()));
    return s;
  }

  static RouterMetrics forRouter(StreamsMetrics m) {
    return new RouterMetrics(m);
  }

  /** The updater's sensors: records applied and rejected, and the gauges of the live and rejected counts. */
  static Sensor[] forUpdater(StreamsMetrics m, RouterState state) {
    Sensor applied = m.addRateTotalSensor(SCOPE, "subscriptions", "subscription-records", RecordingLevel.INFO);
    Sensor rejections = m.addRateTotalSensor(SCOPE, "subscriptions", "subscription-rejections", RecordingLevel.INFO);
    Sensor gauges = m.addSensor("subfilter-subscription-gauges", RecordingLevel.INFO);
    Map<String, String> tags = tags(Thread.currentThread().getName(), "subscriptions");
    gauges.add(new MetricName("subscriptions-live", GROUP, "subscriptions live in this instance's set", tags),
        gauge(state.set::size));
    gauges.add(new MetricName("subscriptions-rejected", GROUP, "subscription records rejected and not live", tags),
        gauge(state.rejected::size));
    return new Sensor[] {applied, rejections};
  }

  /**
   * The tags of Kafka Streams' own {@code addRateTotalSensor} in its order (thread, then entity):
   * JMX shows one MBean per group and tags, and Kafka's reporter names it by the tags in their
   * order, so metrics of the same tags in another order would clash with Kafka's MBean and be
   * left out of JMX (with {@code Map.of}, on some JVM runs).
   */
  private static Map<String, String> tags(String thread, String entity) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("thread-id", thread);
    tags.put(SCOPE + "-id", entity);
    return tags;
  }

  private static MeasurableStat gauge(IntSupplier value) {
    return new MeasurableStat() {
      @Override
      public void record(MetricConfig config, double v, long timeMs) {
        // a gauge: measured when read, never recorded
      }

      @Override
      public double measure(MetricConfig config, long now) {
        return value.getAsInt();
      }
    };
  }
}
