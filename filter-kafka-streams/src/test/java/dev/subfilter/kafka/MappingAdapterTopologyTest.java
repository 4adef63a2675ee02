package dev.subfilter.kafka;

import static dev.subfilter.kafka.Driver.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.jsonpath.JsonPathAdapter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** filter-jsonpath's adapters plug into the router like the hand-written ones (issue 12). */
class MappingAdapterTopologyTest {
  private static final String SECRET = "router-test-secret";
  private static final String BUG_ISSUES =
      "{\"objCode\":\"ISSUES\",\"eventType\":\"issues.opened\",\"filters\":[{\"fieldName\":\"labels\",\"fieldValue\":{\"objects\":{\"name\":\"bug\"}}}]}";

  private static String issueOpened(long id, String label) {
    return "{\"action\":\"opened\",\"issue\":{\"id\":" + id + ",\"title\":\"t" + id + "\",\"updated_at\":\"2026-12-01T10:00:00Z\","
        + "\"labels\":[{\"name\":\"" + label + "\"}]},\"repository\":{\"full_name\":\"o/r\"}}";
  }

  private static Map<String, String> signed(String body, String secret, String delivery) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    Map<String, String> h = new LinkedHashMap<>();
    h.put("subfilter-source", "github");
    h.put("X-GitHub-Event", "issues");
    h.put("X-GitHub-Delivery", delivery);
    h.put("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
    return h;
  }

  private static Driver github() {
    JsonPathAdapter adapter = JsonPathAdapter.builder().shipped("github").secret(SECRET).build();
    return Driver.of(SubfilterRouter.builder().adapter(adapter.source(), adapter).secretHeaders(List.of("X-Hub-Signature-256")));
  }

  @Test
  void shippedGithubMapping_signedIssues_deliveredWhenTheyMatch() throws Exception {
    try (Driver d = github()) {
      d.subscribe("bugs", BUG_ISSUES);
      assertThat(d.router.rejectedSubscriptions()).isEmpty();
      String bug = issueOpened(7, "bug");
      d.send(bug, signed(bug, SECRET, "d-7"));
      String docs = issueOpened(8, "docs");
      d.send(docs, signed(docs, SECRET, "d-8"));
      List<TestRecord<String, byte[]>> out = d.deliveries();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).key()).isEqualTo("bugs");
      assertThat(Driver.text(out.get(0).value())).isEqualTo(bug);
      assertThat(headers(out.get(0).headers()))
          .containsEntry("subfilter-source", List.of("github"))
          .containsEntry("subfilter-obj-code", List.of("ISSUES"))
          .containsEntry("subfilter-obj-id", List.of("7"))
          .containsEntry("subfilter-delivery-id", List.of("d-7"))
          .doesNotContainKey("X-Hub-Signature-256");
      assertThat(d.deadLetters()).isEmpty();
    }
  }

  @Test
  void shippedGithubMapping_wrongSecretOrTamperedBody_deadLetterWithoutTheSignature() throws Exception {
    try (Driver d = github()) {
      d.subscribe("bugs", BUG_ISSUES);
      String bug = issueOpened(7, "bug");
      d.send(bug, signed(bug, "not-the-secret", "d-1"));
      d.send(bug.replace("t7", "t8"), signed(bug, SECRET, "d-2"));
      assertThat(d.deliveries()).isEmpty();
      List<TestRecord<byte[], byte[]>> dead = d.deadLetters();
      assertThat(dead).hasSize(2);
      for (TestRecord<byte[], byte[]> r : dead) {
        Map<String, List<String>> h = headers(r.headers());
        assertThat(h.get("subfilter-error").get(0)).startsWith("unauthentic delivery");
        assertThat(h).doesNotContainKey("X-Hub-Signature-256").containsKey("X-GitHub-Delivery");
      }
    }
  }
}
