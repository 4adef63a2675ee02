package dev.subfilter.kafka;

import static dev.subfilter.kafka.Driver.headers;
import static dev.subfilter.kafka.Driver.text;
import static dev.subfilter.kafka.Payloads.ANY_TASK_UPDATE;
import static dev.subfilter.kafka.Payloads.taskUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Events in, deliveries, handshakes and dead letters out, per vendor, in a TopologyTestDriver. */
class DeliveriesTopologyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FIXTURE = "/fixtures/4me-signed-delivery/";
  private static final String SECRET = "cmp-secret-1";
  private static final String CMP_COMPLETED = """
      {"event_name":"external_sub_step_completed","data":{"task":{"id":"t9"},"sub_step":{"id":"ss1"},
       "external_work":{"external_system":"Jira"}}}""";
  private static final String CMP_SUBSCRIPTION = """
      {"objCode":"EXTERNAL_SUB_STEP","eventType":"external_sub_step_completed",
       "filters":[{"fieldName":"external_work","fieldValue":{"fields":{"external_system":"Jira"}}}]}""";

  private static FourMeAdapter fixtureFourMe() {
    return FourMeAdapter.builder().publicKeyPem(Payloads.resourceText(FIXTURE + "policy-public-key.pem")).algorithm("RS256")
        .issuer("https://wdc.4me-staging.com").audience("integrations provided by wdc@4me-staging.com")
        .clock(Clock.fixed(Instant.ofEpochSecond(1614680638 + 5), ZoneOffset.UTC)).build();
  }

  private static Map<String, String> fixtureHeaders() throws Exception {
    Map<String, String> h = new LinkedHashMap<>();
    MAPPER.readTree(Payloads.resource(FIXTURE + "headers.json")).fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().textValue()));
    return h;
  }

  private static JsonNode json(byte[] b) throws Exception {
    return MAPPER.readTree(b);
  }

  @Test
  void workfront_originalFormat_bodyAsReceivedWithNamingHeaders_noSecrets() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      d.subscribe("all", ANY_TASK_UPDATE);
      String body = taskUpdate("t1", "CUR", "CPL");
      d.send(body, Map.of("Authorization", "Bearer x", "X-Request-Id", "r-1", "subfilter-subscription", "forged"));
      TestRecord<String, byte[]> r = d.deliveries().get(0);
      assertThat(r.key()).isEqualTo("all");
      assertThat(text(r.value())).isEqualTo(body);
      Map<String, List<String>> h = headers(r.headers());
      assertThat(h).containsEntry("X-Request-Id", List.of("r-1"))
          .containsEntry("subfilter-subscription", List.of("all"))
          .containsEntry("subfilter-source", List.of("workfront"))
          .containsEntry("subfilter-name", List.of("UPDATE"))
          .containsEntry("subfilter-event-type", List.of("UPDATE"))
          .containsEntry("subfilter-obj-code", List.of("TASK"))
          .containsEntry("subfilter-obj-id", List.of("t1"))
          .containsEntry("subfilter-delivery-id", List.of("subfilter-events-0@0"))
          .doesNotContainKey("Authorization");
    }
  }

  @Test
  void canonicalFormat_workfrontShapedJson() throws Exception {
    try (Driver d = Driver.of(SubfilterRouter.builder().deliveryFormat(SubfilterRouter.DeliveryFormat.CANONICAL))) {
      d.subscribe("all", ANY_TASK_UPDATE);
      d.subscribe("a \"quoted\" id", ANY_TASK_UPDATE);
      d.send(taskUpdate("t1", "CUR", "CPL"));
      List<TestRecord<String, byte[]>> out = d.deliveries();
      assertThat(out).hasSize(2);
      JsonNode v = json(out.get(0).value());
      assertThat(v.get("subscriptionId").textValue()).isEqualTo("all");
      assertThat(json(out.get(1).value()).get("subscriptionId").textValue()).isEqualTo("a \"quoted\" id");
      List<String> names = new java.util.ArrayList<>();
      v.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("subscriptionId", "eventType", "eventTime", "newState", "oldState", "source", "name", "objCode", "objId");
      assertThat(v.get("eventTime").textValue()).isEqualTo("2022-12-02T16:53:20.000000005Z");
      assertThat(v.get("newState")).isEqualTo(MAPPER.readTree("{\"ID\":\"t1\",\"objCode\":\"TASK\",\"name\":\"Launch\",\"status\":\"CPL\"}"));
      assertThat(v.get("oldState").get("status").textValue()).isEqualTo("CUR");
      assertThat(v.get("source").textValue()).isEqualTo("workfront");
      assertThat(v.get("objId").textValue()).isEqualTo("t1");
    }
  }

  @Test
  void fourMe_signedFixture_verifiedWithAndWithoutTheSourceHeader() throws Exception {
    try (Driver d = Driver.of(SubfilterRouter.builder().fourMe(fixtureFourMe()).deliveryFormat(SubfilterRouter.DeliveryFormat.CANONICAL))) {
      d.subscribe("secrets", "{\"objCode\":\"INTEGRATION_INSTANCE\",\"eventType\":\"integration_instance.secrets-update\"}");
      byte[] body = Payloads.resource(FIXTURE + "body.json");
      Map<String, String> h = new LinkedHashMap<>(fixtureHeaders());
      d.send(body, h);
      h.put("subfilter-source", "4me");
      d.send(body, h);
      List<TestRecord<String, byte[]>> out = d.deliveries();
      assertThat(out).hasSize(2).allSatisfy(r -> {
        assertThat(r.key()).isEqualTo("secrets");
        assertThat(headers(r.headers())).containsEntry("subfilter-delivery-id", List.of("00c7bb4a-b3ba-4744-8126-1e7ef87ef90a"))
            .containsEntry("subfilter-source", List.of("4me"))
            .containsEntry("subfilter-name", List.of("integration_instance.secrets-update"))
            .containsEntry("subfilter-obj-id", List.of("1"))
            .containsEntry("X-4me-Delivery", List.of("00c7bb4a-b3ba-4744-8126-1e7ef87ef90a"));
      });
      JsonNode v = json(out.get(0).value());
      assertThat(v.get("eventTime").textValue()).isEqualTo("2021-03-02T10:23:58Z");
      assertThat(v.get("oldState").isNull()).as("4me sends no old state").isTrue();
      assertThat(v.get("newState").get("person_name").textValue()).isEqualTo("Howard Tanner");
      assertThat(d.deadLetters()).isEmpty();
    }
  }

  @Test
  void fourMe_otherPolicysSignature_isADeadLetterWithItsReason() throws Exception {
    try (Driver d = Driver.of(SubfilterRouter.builder().fourMe(fixtureFourMe()))) {
      d.subscribe("all", "{\"objCode\":\"WEBHOOK\",\"eventType\":\"UPDATE\"}");
      Map<String, String> h = new LinkedHashMap<>(fixtureHeaders());
      h.put("Authorization", "Bearer s3cret");
      byte[] body = Payloads.resource(FIXTURE + "body-other-policy.json");
      d.send(body, h);
      assertThat(d.deliveries()).isEmpty();
      assertThat(d.handshakes()).as("a verify signed by another key is no handshake").isEmpty();
      TestRecord<byte[], byte[]> dead = d.deadLetters().get(0);
      assertThat(dead.value()).isEqualTo(body);
      Map<String, List<String>> dh = headers(dead.headers());
      assertThat(dh.get("subfilter-error")).singleElement().asString().startsWith("unauthentic delivery (BAD_SIGNATURE)").doesNotContain("\n");
      assertThat(dh).containsEntry("X-4me-Delivery", List.of("00c7bb4a-b3ba-4744-8126-1e7ef87ef90a")).doesNotContainKey("Authorization");
    }
  }

  @Test
  void fourMe_unsignedVerify_isAHandshakeWithTheCallbackUrl() throws Exception {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      String body = "{\"event\":\"webhook.verify\",\"object_id\":1,\"payload\":{\"callback\":\"https://wdc.4me.com/webhooks/1/verify?code=abc\"}}";
      d.send(body, Map.of("X-4me-Delivery", "v-1", "Cookie", "session=1"));
      TestRecord<byte[], byte[]> h = d.handshakes().get(0);
      assertThat(text(h.key())).isEqualTo("key-1");
      assertThat(json(h.value())).isEqualTo(MAPPER.readTree("{\"source\":\"4me\",\"callbackUrl\":\"https://wdc.4me.com/webhooks/1/verify?code=abc\"}"));
      assertThat(headers(h.headers())).containsEntry("subfilter-callback-url", List.of("https://wdc.4me.com/webhooks/1/verify?code=abc"))
          .containsEntry("subfilter-source", List.of("4me")).containsEntry("X-4me-Delivery", List.of("v-1")).doesNotContainKey("Cookie");
      assertThat(d.deliveries()).isEmpty();
      assertThat(d.deadLetters()).isEmpty();
    }
  }

  @Test
  void cmp_secretFromTheRecordHeader_checked_andNeverWritten() {
    try (Driver d = Driver.of(SubfilterRouter.builder().cmp(CmpAdapter.create(SubfilterJson.create(), SECRET)))) {
      d.subscribe("jira", CMP_SUBSCRIPTION);
      d.send(CMP_COMPLETED, Map.of("Callback-Secret", SECRET, "subfilter-source", "cmp"));
      TestRecord<String, byte[]> r = d.deliveries().get(0);
      assertThat(r.key()).isEqualTo("jira");
      assertThat(headers(r.headers())).containsEntry("subfilter-obj-code", List.of("EXTERNAL_SUB_STEP"))
          .containsEntry("subfilter-obj-id", List.of("ss1")).containsEntry("subfilter-delivery-id", List.of("subfilter-events-0@0"))
          .doesNotContainKey("Callback-Secret");

      d.send(CMP_COMPLETED, Map.of("callback-secret", "wrong"));
      d.send(CMP_COMPLETED, Map.of());
      assertThat(d.deliveries()).isEmpty();
      List<TestRecord<byte[], byte[]>> dead = d.deadLetters();
      assertThat(dead).hasSize(2);
      assertThat(headers(dead.get(0).headers())).doesNotContainKey("callback-secret").doesNotContainKey("Callback-Secret");
      assertThat(headers(dead.get(0).headers()).get("subfilter-error")).singleElement().asString().startsWith("unauthentic delivery (WRONG_SECRET)");
      assertThat(headers(dead.get(1).headers()).get("subfilter-error")).singleElement().asString().startsWith("unauthentic delivery (MISSING_SECRET)");
    }
  }

  @Test
  void deadLetters_invalidOrUnknownOrEmpty_eachWithAReason() {
    try (Driver d = Driver.of(SubfilterRouter.builder().withoutAdapter("cmp").secretHeaders(List.of("X-Api-Key")))) {
      d.subscribe("all", ANY_TASK_UPDATE);
      d.send("{\"eventType\":\"UPDATE\",\"newState\":{\"ID\":\"t1\"}}", Map.of("x-api-key", "k", "X-Trace", "1"));
      d.send("not json", Map.of());
      d.send("{\"hello\":1}", Map.of());
      d.send(taskUpdate("t1", "CUR", "CPL"), Map.of("subfilter-source", "jira"));
      d.send(CMP_COMPLETED, Map.of());
      d.send((byte[]) null, Map.of());
      List<String> reasons = d.deadLetters().stream().map(r -> headers(r.headers()).get("subfilter-error").get(0)).toList();
      assertThat(reasons).hasSize(6);
      assertThat(reasons.get(0)).isEqualTo("invalid event: /newState/objCode: missing; a Workfront state carries its objCode (in newState, or in oldState for a DELETE)");
      assertThat(reasons.get(1)).startsWith("invalid event: (root): not valid JSON");
      assertThat(reasons.get(2)).startsWith("invalid event: (root): cannot tell the vendor (no subfilter-source header)")
          .endsWith("this one has hello; name the vendor in a subfilter-source header (workfront, 4me)");
      assertThat(reasons.get(3)).isEqualTo("unknown subfilter-source \"jira\"; this router reads workfront, 4me, or detects the vendor when the header is absent");
      assertThat(reasons.get(4)).isEqualTo("invalid event: (root): a cmp delivery, but this router has no cmp adapter");
      assertThat(reasons.get(5)).startsWith("no body");
      assertThat(d.deliveries()).isEmpty();
    }
  }

  @Test
  void deadLetter_keepsHeadersButSecrets() {
    try (Driver d = Driver.of(SubfilterRouter.builder().secretHeaders(List.of("X-Api-Key")))) {
      d.send("{\"eventType\":\"UPDATE\",\"newState\":{\"ID\":\"t1\"}}", Map.of("x-api-key", "k", "X-Trace", "1", "Authorization", "a"));
      Map<String, List<String>> h = headers(d.deadLetters().get(0).headers());
      assertThat(h.keySet()).containsExactlyInAnyOrder("X-Trace", "subfilter-error");
    }
  }

  @Test
  void perSubscriberTopics_eachDeliveryToItsSubscribersTopic() {
    SubfilterRouter.Builder b = SubfilterRouter.builder().deliveriesTopic((id, value, ctx) -> "deliveries-" + id)
        .forwardHeaders(List.of("x-keep"));
    try (Driver d = Driver.of(b)) {
      d.subscribe("a", ANY_TASK_UPDATE);
      d.subscribe("b", ANY_TASK_UPDATE);
      d.send(taskUpdate("t1", "CUR", "CPL"), Map.of("X-Keep", "1", "X-Drop", "2"));
      TestOutputTopic<String, byte[]> ta = d.driver.createOutputTopic("deliveries-a", new StringDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<String, byte[]> tb = d.driver.createOutputTopic("deliveries-b", new StringDeserializer(), new ByteArrayDeserializer());
      assertThat(ta.readRecordsToList()).extracting(TestRecord::key).containsExactly("a");
      TestRecord<String, byte[]> rb = tb.readRecord();
      assertThat(rb.key()).isEqualTo("b");
      assertThat(headers(rb.headers())).containsKey("X-Keep").doesNotContainKey("X-Drop");
      assertThat(d.deliveries()).isEmpty();
    }
  }

  @Test
  void addedAdapter_underItsSourceName_plugsIn() throws Exception {
    // a mapping adapter of the caller's, building its event from plain Java maps
    dev.subfilter.jackson.Adapter acme = new dev.subfilter.jackson.Adapter() {
      @Override
      public String source() {
        return "acme";
      }

      @Override
      public Delivery read(byte[] body, Map<String, List<String>> headers) {
        Map<String, Object> state = Map.of("ticket", text(body), "tags", List.of("x", 2));
        return new Delivery.Received(Event.builder(JsonModel.JAVA).source("acme").eventType("CREATE").objCode("TICKET")
            .objId("42").newState(state).oldState(Map.of()).build());
      }
    };
    try (Driver d = Driver.of(SubfilterRouter.builder().adapter("ACME", acme).deliveryFormat(SubfilterRouter.DeliveryFormat.CANONICAL))) {
      d.subscribe("tickets", "{\"objCode\":\"TICKET\",\"eventType\":\"CREATE\",\"filters\":[{\"fieldName\":\"ticket\",\"fieldValue\":\"T-1\"}]}");
      d.send("T-1", Map.of("subfilter-source", "acme"));
      d.send("T-2", Map.of("subfilter-source", "Acme"));
      List<TestRecord<String, byte[]>> out = d.deliveries();
      assertThat(out).hasSize(1);
      JsonNode v = json(out.get(0).value());
      assertThat(v.get("newState").get("ticket").textValue()).isEqualTo("T-1");
      assertThat(v.get("newState").get("tags")).isEqualTo(MAPPER.readTree("[\"x\",2]"));
      assertThat(v.get("oldState")).isEqualTo(MAPPER.createObjectNode());
      assertThat(v.get("eventTime").isNull()).isTrue();
      assertThat(headers(out.get(0).headers())).containsEntry("subfilter-source", List.of("acme"));
    }
  }

  @Test
  void deliveries_comeInTheSetsOrder_oneRecordPerMatch() {
    try (Driver d = Driver.of(SubfilterRouter.builder())) {
      for (int i = 9; i >= 0; i--) {
        d.subscribe("s" + i, ANY_TASK_UPDATE);
      }
      d.send(taskUpdate("t1", "CUR", "CPL"));
      assertThat(d.deliveredIds()).containsExactly("s9", "s8", "s7", "s6", "s5", "s4", "s3", "s2", "s1", "s0");
    }
  }

  @Test
  void workfront_whenMostOrFewEventsMatch_deliversWhatTheLibraryMatches() {
    // the router reads the tree first while most events match, and streams first while few do: both must answer alike
    dev.subfilter.bench.Workload w = dev.subfilter.bench.Workload.standard();
    SubfilterJson json = SubfilterJson.create();
    dev.subfilter.SubscriptionSet oracle = new dev.subfilter.SubscriptionSet();
    try (Driver d = Driver.of(SubfilterRouter.builder().json(json))) {
      w.subscriptions(500).forEach((id, text) -> {
        d.subscribe(id, text);
        oracle.add(id, json.readSubscription(text).compile());
      });
      List<byte[]> events = w.events(150);
      for (int phase = 0; phase < 3; phase++) {
        boolean broad = phase == 1;
        for (String code : List.of("TASK", "OPTASK", "PROJ")) {
          for (String type : List.of("CREATE", "UPDATE", "DELETE")) {
            String id = "every-" + code + "-" + type;
            if (broad) {
              String text = "{\"objCode\":\"" + code + "\",\"eventType\":\"" + type + "\"}";
              d.subscribe(id, text);
              oracle.replace(id, json.readSubscription(text).compile());
            } else {
              d.unsubscribe(id);
              oracle.remove(id);
            }
          }
        }
        int matched = 0;
        for (byte[] e : events) {
          List<String> expected = json.matchWorkfrontEvent(oracle, e);
          d.send(e, Map.of());
          assertThat(d.deliveredIds()).isEqualTo(expected);
          matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("phase " + phase).isBetween(broad ? events.size() : 1, broad ? events.size() : events.size() / 2);
      }
    }
  }

  @Test
  void noSourceHeader_whileMostAreWorkfront_sameRecordsAsDetectingFirst() throws Exception {
    // after 40 Workfront events without the header the router reads such events as Workfront first (its moving
    // average is 1 - 0.97^40 = 0.70, still 0.60 after the five other bodies below); a router whose 40 events named
    // the vendor detects first. Every body, of every vendor or none, must give both the same records.
    byte[] fourMeSigned = Payloads.resource(FIXTURE + "body.json");
    Map<String, String> fourMeHeaders = fixtureHeaders();
    String fourMeVerify = "{\"event\":\"webhook.verify\",\"object_id\":1,\"payload\":{\"callback\":\"https://x.example/verify\"}}";
    for (SubfilterRouter.DeliveryFormat format : SubfilterRouter.DeliveryFormat.values()) {
      List<List<String>> outcomes = new java.util.ArrayList<>();
      for (boolean named : new boolean[] {false, true}) {
        try (Driver d = Driver.of(SubfilterRouter.builder().fourMe(fixtureFourMe()).cmp(CmpAdapter.create(SubfilterJson.create(), SECRET))
            .deliveryFormat(format))) {
          d.subscribe("all", ANY_TASK_UPDATE);
          d.subscribe("jira", CMP_SUBSCRIPTION);
          d.subscribe("secrets", "{\"objCode\":\"INTEGRATION_INSTANCE\",\"eventType\":\"integration_instance.secrets-update\"}");
          for (int i = 0; i < 40; i++) {
            d.send(taskUpdate("t" + i, "CUR", i % 2 == 0 ? "CPL" : "CUR"), named ? Map.of("subfilter-source", "workfront") : Map.of());
          }
          d.send(CMP_COMPLETED, Map.of("Callback-Secret", SECRET));
          d.send(fourMeSigned, fourMeHeaders);
          d.send(fourMeVerify, Map.of());
          d.send("{\"hello\":1}", Map.of());
          d.send("not json", Map.of());
          d.send("{\"eventType\":\"UPDATE\",\"newState\":{\"ID\":\"t1\"}}", Map.of());
          d.send(taskUpdate("t99", "CUR", "CPL"), Map.of());
          List<String> out = new java.util.ArrayList<>();
          d.deliveries().forEach(r -> out.add("delivery " + r.key() + " " + text(r.value()) + " " + headers(r.headers())));
          d.handshakes().forEach(r -> out.add("handshake " + text(r.value()) + " " + headers(r.headers())));
          d.deadLetters().forEach(r -> out.add("dead letter " + text(r.value()) + " " + headers(r.headers())));
          outcomes.add(out);
        }
      }
      assertThat(outcomes.get(0)).as(format.toString()).hasSize(43 + 4).isEqualTo(outcomes.get(1));
      assertThat(outcomes.get(0)).filteredOn(o -> o.startsWith("delivery jira") || o.startsWith("delivery secrets")).hasSize(2);
      assertThat(outcomes.get(0)).filteredOn(o -> o.startsWith("dead letter")).hasSize(4)
          .anySatisfy(o -> assertThat(o).contains("unauthentic delivery (UNSIGNED)")) // this router's 4me adapter has a key
          .anySatisfy(o -> assertThat(o).contains("cannot tell the vendor"))
          .anySatisfy(o -> assertThat(o).contains("not valid JSON"))
          .anySatisfy(o -> assertThat(o).contains("/newState/objCode: missing"));
    }
  }
}
