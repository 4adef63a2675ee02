package dev.subfilter.kafka;

import static dev.subfilter.kafka.Payloads.ANY_TASK_UPDATE;
import static dev.subfilter.kafka.Payloads.TASK_DONE;
import static dev.subfilter.kafka.Payloads.TASK_NEW;
import static dev.subfilter.kafka.Payloads.taskUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The subscriptions topic applied live through the global store, in a TopologyTestDriver. */
class SubscriptionsTopologyTest {

  @Test
  void subscriptions_addReplaceDelete_areAppliedLive() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).isEmpty();

      d.subscribe("done", TASK_DONE);
      d.subscribe("all", ANY_TASK_UPDATE);
      assertThat(d.router.subscriptions().ids()).containsExactly("done", "all");
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).containsExactly("done", "all");

      d.subscribe("done", TASK_NEW); // replaced: keeps its place
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).containsExactly("all");
      d.send(taskUpdate("t1", "CUR", "NEW"));
      assertThat(d.deliveredIds()).containsExactly("done", "all");

      d.unsubscribe("done");
      d.send(taskUpdate("t1", "CUR", "NEW"));
      assertThat(d.deliveredIds()).containsExactly("all");
      assertThat(d.router.subscriptions().size()).isEqualTo(1);
      assertThat(d.router.subscriptions().get("done")).isNull();
      d.unsubscribe("never-there"); // a delete of an unknown id is nothing
      assertThat(d.router.subscriptions().ids()).containsExactly("all");
    }
  }

  @Test
  void invalidSubscription_isRejectedWithdrawsThePreviousVersion_andTheRouterGoesOn() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      d.subscribe("done", TASK_DONE);
      d.subscribe("done", """
          {"objCode":"TASK","eventType":"update","filters":[{"fieldName":"status","comparison":"eqq","fieldValue":1}]}""");
      Map<String, List<Problem>> rejected = d.router.rejectedSubscriptions();
      assertThat(rejected).containsOnlyKeys("done");
      assertThat(rejected.get("done")).extracting(Problem::pointer).containsExactly("/eventType", "/filters/0/comparison");
      assertThat(d.router.subscriptions().get("done")).as("withdrawn, not kept").isNull();

      d.subscribe("broken", "{not json");
      assertThat(d.router.rejectedSubscriptions().get("broken")).singleElement()
          .satisfies(p -> assertThat(p.message()).startsWith("not valid JSON"));

      d.subscribe("all", ANY_TASK_UPDATE);
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).containsExactly("all");

      d.subscribe("done", TASK_DONE); // fixed: live again, no longer rejected
      assertThat(d.router.rejectedSubscriptions()).containsOnlyKeys("broken");
      d.unsubscribe("broken"); // deleted: forgotten
      assertThat(d.router.rejectedSubscriptions()).isEmpty();
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).containsExactly("all", "done");
    }
  }

  @Test
  void subscriptionRecord_badKeys_areReportedAndSkipped() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      d.subscriptionRecord(null, ANY_TASK_UPDATE.getBytes(StandardCharsets.UTF_8));
      d.subscriptionRecord(" ".getBytes(StandardCharsets.UTF_8), ANY_TASK_UPDATE.getBytes(StandardCharsets.UTF_8));
      d.subscriptionRecord(new byte[] {(byte) 0xC3, (byte) 0x28}, ANY_TASK_UPDATE.getBytes(StandardCharsets.UTF_8));
      assertThat(d.router.subscriptions().size()).isZero();
      assertThat(d.router.rejectedSubscriptions()).hasSize(2);
      assertThat(d.router.rejectedSubscriptions().get(" ")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("is blank"));
      assertThat(metric(d, "subscription-rejections-total")).isEqualTo(3.0);
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).isEmpty();
    }
  }

  @Test
  void metrics_countEventsDeliveriesAndSubscriptions() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      d.subscribe("done", TASK_DONE);
      d.subscribe("all", ANY_TASK_UPDATE);
      d.subscribe("bad", "[]");
      d.send(taskUpdate("t1", "CUR", "CPL"));
      d.send(taskUpdate("t1", "CUR", "INP"));
      d.send("{\"eventType\":\"UPDATE\"}");
      assertThat(d.deliveredIds()).containsExactly("done", "all", "all");
      assertThat(metric(d, "events-read-total")).isEqualTo(3.0);
      assertThat(metric(d, "events-matched-total")).isEqualTo(2.0);
      assertThat(metric(d, "deliveries-written-total")).isEqualTo(3.0);
      assertThat(metric(d, "dead-letters-total")).isEqualTo(1.0);
      assertThat(metric(d, "handshakes-total")).isEqualTo(0.0);
      assertThat(metric(d, "match-total")).isEqualTo(2.0);
      assertThat(metric(d, "match-latency-max")).isPositive();
      assertThat(metric(d, "subscriptions-live")).isEqualTo(2.0);
      assertThat(metric(d, "subscriptions-rejected")).isEqualTo(1.0);
      assertThat(metric(d, "subscription-records-total")).isEqualTo(3.0);
      assertThat(d.driver.metrics().keySet()).filteredOn(n -> n.group().equals(RouterMetrics.GROUP))
          .allSatisfy(n -> assertThat(n.tags()).containsKey("thread-id"));
    }
  }

  static double metric(Driver d, String name) {
    for (Map.Entry<MetricName, ? extends Metric> e : d.driver.metrics().entrySet()) {
      if (e.getKey().group().equals(RouterMetrics.GROUP) && e.getKey().name().equals(name)) {
        return ((Number) e.getValue().metricValue()).doubleValue();
      }
    }
    throw new AssertionError("no metric " + name + " in " + d.driver.metrics().keySet());
  }

  @Test
  void topology_calledTwice_isRefused() {
    SubfilterRouter r = SubfilterRouter.builder().build();
    r.topology();
    assertThatThrownBy(r::topology).isInstanceOf(IllegalStateException.class).hasMessageContaining("one router per KafkaStreams");
  }

  @Test
  void recommendedProperties_exactlyOnceWithTheRoutersDeadLetterTopic() {
    Properties p = SubfilterRouter.builder().deadLetterTopic("dlq").build().recommendedProperties("app", "b:9092");
    assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092");
    assertThat(new StreamsConfig(p).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
  }

  @Test
  void builder_blankNames_areRefused() {
    assertThatThrownBy(() -> SubfilterRouter.builder().eventsTopic(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the events topic must not be blank");
    assertThatThrownBy(() -> SubfilterRouter.builder().adapter("", new dev.subfilter.jackson.WorkfrontAdapter()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
