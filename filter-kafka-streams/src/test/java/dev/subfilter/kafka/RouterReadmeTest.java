package dev.subfilter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Problem;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The README's "Outgrowing one JVM" Java snippet, verbatim between the marked lines, run in a TopologyTestDriver. */
class RouterReadmeTest {
  @Test
  void readme_routerSnippet_appearsVerbatim() throws Exception {
    String readme = Files.readString(Path.of("").toAbsolutePath().resolveSibling("README.md"));
    String source = Files.readString(Path.of("src/test/java/dev/subfilter/kafka/RouterReadmeTest.java"));
    Matcher m = Pattern.compile("(?s)\\n    // --- README ([^\\n]*)\\n(.*?)\\n    // ---\\n").matcher(source);
    assertThat(m.find()).isTrue();
    assertThat(readme).contains("## Outgrowing one JVM").contains(m.group(2).replaceAll("(?m)^    ", ""));
  }

  @Test
  void routerSnippet_routesACmpDeliveryInCanonicalForm() throws Exception {
    SubfilterJson json = SubfilterJson.create();
    FourMeAdapter fourMe = FourMeAdapter.create();
    String cmpSecret = "s3cret";
    String bootstrapServers = "localhost:9";
    // --- README router
    SubfilterRouter router = SubfilterRouter.builder()
        .fourMe(fourMe)                                          // e.g. with the webhook policy's key
        .cmp(CmpAdapter.create(json, cmpSecret))                 // checks each record's Callback-Secret
        .deliveryFormat(SubfilterRouter.DeliveryFormat.CANONICAL)
        .build();
    Topology topology = router.topology();                      // once per KafkaStreams instance
    Properties props = router.recommendedProperties("subfilter-router", bootstrapServers);
    // ---
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("readme").toString());
    try (TopologyTestDriver d = new TopologyTestDriver(topology, props)) {
      d.createInputTopic("subfilter-subscriptions", new StringSerializer(), new StringSerializer())
          .pipeInput("comments", "{\"objCode\":\"EXTERNAL_SUB_STEP_COMMENT\",\"eventType\":\"CREATE\"}");
      RecordHeaders h = new RecordHeaders();
      h.add("Callback-Secret", cmpSecret.getBytes(StandardCharsets.UTF_8));
      d.createInputTopic("subfilter-events", new ByteArraySerializer(), new ByteArraySerializer()).pipeInput(new TestRecord<>(null,
          "{\"event_name\":\"external_sub_step_comment_added\",\"data\":{\"comment\":{\"id\":\"c1\"}}}".getBytes(StandardCharsets.UTF_8), h));
      TestRecord<String, byte[]> r = d.createOutputTopic("subfilter-deliveries", new StringDeserializer(), new ByteArrayDeserializer()).readRecord();
      assertThat(r.key()).isEqualTo("comments");
      assertThat(new ObjectMapper().readTree(r.value()).get("objId").textValue()).isEqualTo("c1");
      int live = router.subscriptions().size();
      Map<String, List<Problem>> rejected = router.rejectedSubscriptions();
      assertThat(live).isEqualTo(1);
      assertThat(rejected).isEmpty();
    }
  }
}
