package dev.subfilter.jsonpath;

import static dev.subfilter.jsonpath.Examples.b64;
import static dev.subfilter.jsonpath.Examples.body;
import static dev.subfilter.jsonpath.Examples.event;
import static dev.subfilter.jsonpath.Examples.hmac;
import static dev.subfilter.jsonpath.Examples.tree;
import static dev.subfilter.jsonpath.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The shipped standard-webhooks mapping: the specification's test vector and the scenarios of its
 * reference library's tests ({@code libraries/python/tests/test_webhooks.py}), then the
 * specification's example payload signed with a secret made here.
 */
class StandardWebhooksMappingTest {
  // the specification repository's vector: sign(whsec_MfKQ…, msg_p5jX…, 1614265330, {"test": 2432232314})
  private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long VECTOR_TIME = 1614265330L;
  private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIME), ZoneOffset.UTC);

  private static JsonPathAdapter adapter(Clock clock, String... secrets) {
    return JsonPathAdapter.builder().shipped("standard-webhooks").secrets(List.of(secrets)).clock(clock).build();
  }

  private static Map<String, List<String>> headers(String id, long t, String signature) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (id != null) {
      h.put("webhook-id", List.of(id));
    }
    if (t >= 0) {
      h.put("webhook-timestamp", List.of(Long.toString(t)));
    }
    if (signature != null) {
      h.put("webhook-signature", List.of(signature));
    }
    return h;
  }

  private static Consumer<Throwable> reason(Reason r) {
    return t -> assertThat(((UnauthenticDeliveryException) t).reason()).isEqualTo(r);
  }

  @Test
  void testVector_signatureVerifies_thenTheBodyIsRead() {
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    // the signature is authentic: what fails is the shape ({"test": …} has no type), not the signature
    assertThatThrownBy(() -> adapter(AT_VECTOR, VECTOR_SECRET).read(payload, headers(VECTOR_ID, VECTOR_TIME, VECTOR_SIGNATURE)))
        .isInstanceOf(InvalidEventException.class).isNotInstanceOf(UnauthenticDeliveryException.class)
        .hasMessageContaining("objCode");
  }

  @Test
  void testVector_invalidSignature_badSignature() {
    // the reference tests' test_invalid_signature_raises_error: the last base64 digit changed
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    assertThatThrownBy(() -> adapter(AT_VECTOR, VECTOR_SECRET).read(payload,
        headers(VECTOR_ID, VECTOR_TIME, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=")))
        .satisfies(reason(Reason.BAD_SIGNATURE));
  }

  @Test
  void testVector_secretWithoutPrefix_verifiesToo() {
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    assertThatThrownBy(() -> adapter(AT_VECTOR, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").read(payload, headers(VECTOR_ID, VECTOR_TIME, VECTOR_SIGNATURE)))
        .isNotInstanceOf(UnauthenticDeliveryException.class);
  }

  @Test
  void testVector_missingIdTimestampOrSignature_rejected() {
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    JsonPathAdapter a = adapter(AT_VECTOR, VECTOR_SECRET);
    assertThatThrownBy(() -> a.read(payload, headers(null, VECTOR_TIME, VECTOR_SIGNATURE))).satisfies(reason(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> a.read(payload, headers(VECTOR_ID, -1, VECTOR_SIGNATURE))).satisfies(reason(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> a.read(payload, headers(VECTOR_ID, VECTOR_TIME, null))).satisfies(reason(Reason.UNSIGNED));
    Map<String, List<String>> hello = headers(VECTOR_ID, VECTOR_TIME, VECTOR_SIGNATURE);
    hello.put("webhook-timestamp", List.of("hello"));
    assertThatThrownBy(() -> a.read(payload, hello)).satisfies(reason(Reason.BAD_SIGNATURE));
  }

  @Test
  void testVector_outsideTheTolerance_expiredOrNotYetValid() {
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    Clock later = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIME + 301), ZoneOffset.UTC);
    Clock earlier = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIME - 301), ZoneOffset.UTC);
    assertThatThrownBy(() -> adapter(later, VECTOR_SECRET).read(payload, headers(VECTOR_ID, VECTOR_TIME, VECTOR_SIGNATURE)))
        .satisfies(reason(Reason.EXPIRED));
    assertThatThrownBy(() -> adapter(earlier, VECTOR_SECRET).read(payload, headers(VECTOR_ID, VECTOR_TIME, VECTOR_SIGNATURE)))
        .satisfies(reason(Reason.NOT_YET_VALID));
  }

  @Test
  void testVector_multipleSignatures_oneValidIsEnough() {
    byte[] payload = body("standard-webhooks/test-vector.payload.json");
    String sigs = String.join(" ", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
        VECTOR_SIGNATURE, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
    assertThatThrownBy(() -> adapter(AT_VECTOR, VECTOR_SECRET).read(payload, headers(VECTOR_ID, VECTOR_TIME, sigs)))
        .isNotInstanceOf(UnauthenticDeliveryException.class);
  }

  @Test
  void unpaddedSecrets_decode() {
    // the reference tests' secrets that need zero, one and two '=' of padding
    byte[] payload = utf8("{\"type\":\"contact.updated\",\"data\":{\"id\":\"c1\"}}");
    for (String secret : List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr")) {
      byte[] key = Base64.getDecoder().decode(secret);
      String sig = "v1," + b64(hmac("HmacSHA256", key, utf8("msg_1." + VECTOR_TIME + "."), payload));
      Event e = event(adapter(AT_VECTOR, secret).read(payload, headers("msg_1", VECTOR_TIME, sig)));
      assertThat(e.objId()).isEqualTo("c1");
      assertThat(event(adapter(AT_VECTOR, "whsec_" + secret).read(payload, headers("msg_1", VECTOR_TIME, sig))).objId()).isEqualTo("c1");
    }
  }

  // ------------------------------------------------------------------ the specification's payloads

  @Test
  void specExample_signedWithASecretMadeHere_readsTheEvent() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String secret = "whsec_" + b64(key);
    long now = Instant.now().getEpochSecond();
    byte[] payload = body("standard-webhooks/contact.created.json");
    String sig = "v1," + b64(hmac("HmacSHA256", key, utf8("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W." + now + "."), payload));
    Event e = event(adapter(Clock.systemUTC(), secret).read(payload, headers("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", now, sig)));
    assertThat(e.source()).isEqualTo("standard-webhooks");
    assertThat(e.objCode()).isEqualTo("CONTACT");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.name()).isEqualTo("contact.created");
    assertThat(e.objId()).isEqualTo("1f81eb52-5198-4599-803e-771906343485");
    assertThat(e.deliveryId()).isEqualTo("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W");
    assertThat(e.eventTime()).isEqualTo(Instant.parse("2022-11-03T20:26:10.344522Z"));
    assertThat(tree(e.newState()).get("fullName").textValue()).isEqualTo("John Smith");
    assertThatThrownBy(() -> adapter(Clock.systemUTC(), secret).read(Examples.tampered(payload), headers("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", now, sig)))
        .satisfies(reason(Reason.BAD_SIGNATURE));
    assertThatThrownBy(() -> adapter(Clock.systemUTC(), secret).read(payload, headers("msg_other", now, sig)))
        .satisfies(reason(Reason.BAD_SIGNATURE));
  }

  @Test
  void thinPayload_unsigned_readsWithoutVerification() {
    JsonPathAdapter a = JsonPathAdapter.builder().shipped("standard-webhooks").environment(n -> null).build();
    Event e = event(a.read(body("standard-webhooks/contact.created.thin.json"), Map.of("webhook-id", List.of("msg_1"))));
    assertThat(e.objId()).isEqualTo("1f81eb52-5198-4599-803e-771906343485");
    assertThat(e.deliveryId()).isEqualTo("msg_1");
  }

  @Test
  void secretNotBase64_rejectedWhenBuilt() {
    assertThatThrownBy(() -> adapter(AT_VECTOR, "whsec_not base64!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64").hasMessageNotContaining("not base64!");
  }
}
