package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.Event;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real delivery recorded from 4me's staging service (see fixtures/4me-signed-delivery/README.md):
 * RS256, issuer https://wdc.4me-staging.com, audience "integrations provided by wdc@4me-staging.com".
 */
class FourMeFixtureTest {
  private static final String DIR = "/fixtures/4me-signed-delivery/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ISSUER = "https://wdc.4me-staging.com";
  private static final String AUDIENCE = "integrations provided by wdc@4me-staging.com";
  private static final Instant IAT = Instant.ofEpochSecond(1614680638);
  private static final Clock AT_DELIVERY = Clock.fixed(IAT.plusSeconds(5), ZoneOffset.UTC);

  private static byte[] resource(String name) {
    try (InputStream in = FourMeFixtureTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as("test resource " + DIR + name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> headers() {
    try {
      JsonNode h = MAPPER.readTree(resource("headers.json"));
      Map<String, List<String>> out = new LinkedHashMap<>();
      h.fields().forEachRemaining(e -> out.put(e.getKey(), List.of(e.getValue().textValue())));
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static FourMeAdapter.Builder policy() {
    return FourMeAdapter.builder().publicKeyPem(text("policy-public-key.pem")).algorithm("RS256").issuer(ISSUER).audience(AUDIENCE);
  }

  private static FourMeAdapter adapter() {
    return policy().clock(AT_DELIVERY).build();
  }

  private static Event event(Delivery d) {
    assertThat(d).isInstanceOf(Delivery.Received.class);
    return ((Delivery.Received) d).event();
  }

  private static Reason reason(FourMeAdapter a, byte[] body) {
    Throwable t = catchThrowable(() -> a.read(body, headers()));
    assertThat(t).isInstanceOf(UnauthenticDeliveryException.class);
    return ((UnauthenticDeliveryException) t).reason();
  }

  /** body.json with one character of the token's payload segment changed. */
  private static byte[] tamperedBody() throws IOException {
    String token = MAPPER.readTree(resource("body.json")).get("jwt").textValue();
    int start = token.indexOf('.') + 1;
    int end = token.indexOf('.', start);
    int i = start + (end - start) / 2;
    char c = token.charAt(i);
    String tampered = token.substring(0, i) + (c == 'x' ? 'y' : 'x') + token.substring(i + 1);
    assertThat(tampered).hasSameSizeAs(token).isNotEqualTo(token);
    return ("{\"jwt\": \"" + tampered + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void read_recordedDelivery_verifiesAndMaps() throws IOException {
    Event e = event(adapter().read(resource("body.json"), headers()));

    assertThat(e.source()).isEqualTo("4me");
    assertThat(e.objCode()).isEqualTo("INTEGRATION_INSTANCE");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isEqualTo("1");
    assertThat(e.name()).isEqualTo("integration_instance.secrets-update");
    assertThat(e.deliveryId()).isEqualTo(MAPPER.readTree(resource("headers.json")).get("X-4me-Delivery").textValue())
        .isEqualTo("00c7bb4a-b3ba-4744-8126-1e7ef87ef90a");
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2021-03-02T10:23:58Z")).isEqualTo(IAT);
    assertThat(e.hasOldState()).isFalse();

    ObjectNode s = (ObjectNode) e.newState();
    assertThat(s.get("audit_line_id").intValue()).isEqualTo(48289);
    assertThat(s.get("customer_account_id").textValue()).isEqualTo("wdc");
    assertThat(s.at("/integration/reference").textValue()).isEqualTo("wdc_siebel");
    assertThat(s.get("application").isObject()).isTrue();
    assertThat(s.at("/application/client_id").isTextual()).isTrue();
    assertThat(s.get("account_id").textValue()).isEqualTo("wdc");
    assertThat(s.get("person_id").intValue()).isEqualTo(6);
    assertThat(s.get("person_name").textValue()).isEqualTo("Howard Tanner");
    assertThat(s.has("previous_status")).isFalse();
    assertThat(s.has("webhook_id")).isFalse();
  }

  @Test
  void read_recordedDeliveryWithSystemClock_verifies() {
    FourMeAdapter a = policy().build(); // the token has no exp; nbf is in 2021

    assertThat(event(a.read(resource("body.json"), headers())).objId()).isEqualTo("1");
  }

  @Test
  void read_recordedDeliveryMatchesSubscription_selectedByObjIdAndPerson() {
    Event e = event(adapter().read(resource("body.json"), headers()));
    SubfilterJson json = SubfilterJson.create();

    assertThat(json.readSubscription("""
        {"objCode":"INTEGRATION_INSTANCE","eventType":"UPDATE","objId":"1",
         "filters":[{"fieldName":"person_name","fieldValue":"Howard Tanner","comparison":"eq"}]}""").compile().matches(e)).isTrue();
    assertThat(json.readSubscription("""
        {"objCode":"INTEGRATION_INSTANCE","eventType":"integration_instance.secrets-update"}""").compile().matches(e)).isTrue();
    assertThat(json.readSubscription("""
        {"objCode":"INTEGRATION_INSTANCE","eventType":"UPDATE","filters":[{"fieldName":"status","comparison":"changed"}]}""")
        .compile().matches(e)).isFalse();
  }

  @Test
  void read_payloadCharacterChanged_badSignature() throws IOException {
    assertThat(reason(adapter(), tamperedBody())).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void read_deliveryOfOtherPolicy_badSignature() {
    assertThat(reason(adapter(), resource("body-other-policy.json"))).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void read_recordedDeliveryWithOtherIssuerOrAudience_rejectedAfterSignature() {
    FourMeAdapter xurrentIssuer = FourMeAdapter.builder().publicKeyPem(text("policy-public-key.pem")).algorithm("RS256")
        .issuer("https://wdc.xurrent-staging.com").audience(AUDIENCE).clock(AT_DELIVERY).build();
    FourMeAdapter otherAudience = FourMeAdapter.builder().publicKeyPem(text("policy-public-key.pem")).algorithm("RS256")
        .issuer(ISSUER).audience("integrations provided by other@4me-staging.com").clock(AT_DELIVERY).build();

    assertThat(reason(xurrentIssuer, resource("body.json"))).isEqualTo(Reason.WRONG_ISSUER);
    assertThat(reason(otherAudience, resource("body.json"))).isEqualTo(Reason.WRONG_AUDIENCE);
  }

  @Test
  void read_recordedDeliveryBeforeNbf_notYetValid() {
    FourMeAdapter early = policy().clock(Clock.fixed(IAT.minusSeconds(3600), ZoneOffset.UTC)).build();

    assertThat(reason(early, resource("body.json"))).isEqualTo(Reason.NOT_YET_VALID);
  }

  @Test
  void read_recordedDeliveryWithOtherPinnedAlgorithm_algorithmNotAllowed() {
    FourMeAdapter rs512 = FourMeAdapter.builder().publicKeyPem(text("policy-public-key.pem")).algorithm("RS512")
        .issuer(ISSUER).audience(AUDIENCE).clock(AT_DELIVERY).build();

    assertThat(reason(rs512, resource("body.json"))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
  }

  @Test
  void builder_policyKeyWithEs256_illegalArgument() {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKeyPem(text("policy-public-key.pem")).algorithm("ES256")
        .issuer(ISSUER).audience(AUDIENCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC");
  }

  @Test
  void read_recordedDeliveryWithoutKey_badSignature() {
    assertThat(reason(FourMeAdapter.create(), resource("body.json"))).isEqualTo(Reason.BAD_SIGNATURE);
  }
}
