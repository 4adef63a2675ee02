package dev.subfilter.jsonpath;

import static dev.subfilter.jsonpath.Examples.body;
import static dev.subfilter.jsonpath.Examples.event;
import static dev.subfilter.jsonpath.Examples.headers;
import static dev.subfilter.jsonpath.Examples.hex;
import static dev.subfilter.jsonpath.Examples.hmac;
import static dev.subfilter.jsonpath.Examples.subscription;
import static dev.subfilter.jsonpath.Examples.tree;
import static dev.subfilter.jsonpath.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.Event;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped stripe mapping on recorded Stripe event objects; Stripe-Signature made here with a whsec_ secret. */
class StripeMappingTest {
  private static final JsonPathAdapter UNSIGNED = JsonPathAdapter.builder().shipped("stripe").environment(n -> null).build();
  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private static Event read(String file) {
    return event(UNSIGNED.read(body("stripe/" + file), Map.of()));
  }

  @Test
  void read_created_customerCreate() {
    Event e = read("customer.created.json");
    assertThat(e.source()).isEqualTo("stripe");
    assertThat(e.objCode()).isEqualTo("CUSTOMER");
    assertThat(e.eventType()).isEqualTo("CREATE");
    assertThat(e.name()).isEqualTo("customer.created");
    assertThat(e.objId()).isEqualTo("cus_00000000000000");
    assertThat(e.deliveryId()).isEqualTo("evt_00000000000000");
    assertThat(e.eventTime()).isEqualTo(Instant.ofEpochSecond(1326853478));
    assertThat(tree(e.newState())).isEqualTo(tree("stripe/customer.created.json").at("/data/object"));
    assertThat(tree(e.oldState())).isEmpty();
  }

  @Test
  void read_deleted_delete() {
    Event e = read("customer.deleted.json");
    assertThat(e.eventType()).isEqualTo("DELETE");
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_updated_oldStateFromPreviousAttributes() {
    Event e = read("customer.subscription.updated.json");
    assertThat(e.objCode()).isEqualTo("SUBSCRIPTION");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.name()).isEqualTo("customer.subscription.updated");
    JsonNode old = tree(e.oldState());
    assertThat(old.get("status").textValue()).isEqualTo("active");
    assertThat(old.get("trial_end").isNull()).isTrue();
    assertThat(old.get("quantity").intValue()).isEqualTo(800); // unchanged fields as in the new state
    assertThat(tree(e.newState()).get("status").textValue()).isEqualTo("trialing");
    assertThat(subscription("""
        {"objCode": "SUBSCRIPTION", "eventType": "UPDATE", "filters": [
          {"fieldName": "status", "fieldValue": "trialing"},
          {"fieldName": "status", "fieldValue": "active", "state": "oldState"}]}""").matches(e)).isTrue();
    assertThat(subscription("""
        {"objCode": "SUBSCRIPTION", "eventType": "UPDATE", "filters": [{"fieldName": "quantity", "comparison": "changed"}]}""")
        .matches(e)).isFalse();
  }

  @Test
  void read_nullPreviousValue_isNullInTheOldState() {
    Event e = read("invoiceitem.updated.json");
    assertThat(e.objCode()).isEqualTo("INVOICEITEM");
    assertThat(tree(e.oldState()).get("description").isNull()).isTrue();
    assertThat(subscription("""
        {"objCode": "INVOICEITEM", "eventType": "invoiceitem.updated", "filters": [{"fieldName": "description", "comparison": "changed"}]}""")
        .matches(e)).isTrue();
  }

  // ------------------------------------------------------------------ Stripe-Signature

  private static String signature(long t, byte[] body, String... secrets) {
    StringBuilder b = new StringBuilder("t=").append(t);
    for (String s : secrets) {
      b.append(",v1=").append(hex(hmac("HmacSHA256", utf8(s), utf8(t + "."), body)));
    }
    return b.toString();
  }

  private static JsonPathAdapter stripe(String... secrets) {
    return JsonPathAdapter.builder().shipped("stripe").secrets(List.of(secrets)).clock(CLOCK).build();
  }

  private static Map<String, List<String>> h(String signature) {
    return headers("Stripe-Signature", signature);
  }

  @Test
  void verify_rightSignatureWithinTolerance_reads() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    assertThat(event(stripe(secret).read(body, h(signature(NOW - 299, body, secret)))).objId()).isEqualTo("cus_00000000000000");
    assertThat(event(stripe(secret).read(body, h(signature(NOW + 299, body, secret)))).objId()).isEqualTo("cus_00000000000000");
  }

  @Test
  void verify_staleTimestamp_expired() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    assertThatThrownBy(() -> stripe(secret).read(body, h(signature(NOW - 301, body, secret))))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
          assertThat(e.getMessage()).contains("301 s old").contains("tolerance of 300 s");
        });
  }

  @Test
  void verify_futureTimestamp_notYetValid() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    assertThatThrownBy(() -> stripe(secret).read(body, h(signature(NOW + 400, body, secret))))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_YET_VALID));
  }

  @Test
  void verify_timestampChangedAfterSigning_badSignature() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    String sig = signature(NOW - 10, body, secret).replace("t=" + (NOW - 10), "t=" + NOW);
    assertThatThrownBy(() -> stripe(secret).read(body, h(sig)))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void verify_tamperedBodyOrWrongSecret_badSignature() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.subscription.updated.json");
    String sig = signature(NOW, body, secret);
    for (Runnable r : List.<Runnable>of(
        () -> stripe(secret).read(Examples.tampered(body), h(sig)),
        () -> stripe("whsec_" + Examples.secret(24)).read(body, h(sig)))) {
      assertThatThrownBy(r::run)
          .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }
  }

  @Test
  void verify_missingHeader_unsignedAndMissingTimestamp_badSignature() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    assertThatThrownBy(() -> stripe(secret).read(body, Map.of()))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED));
    String noT = signature(NOW, body, secret).replaceFirst("^t=[0-9]+,", "");
    assertThatThrownBy(() -> stripe(secret).read(body, h(noT)))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
          assertThat(e.getMessage()).contains("no timestamp");
        });
  }

  @Test
  void verify_onlyAV0Signature_badSignature() {
    String secret = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    String v0 = signature(NOW, body, secret).replace("v1=", "v0=");
    assertThatThrownBy(() -> stripe(secret).read(body, h(v0)))
        .isInstanceOfSatisfying(UnauthenticDeliveryException.class, e -> assertThat(e.getMessage()).contains("holds no sha256 signature"));
  }

  @Test
  void verify_rollingSecret_anyV1SignatureOfAnyConfiguredSecret() {
    String old = "whsec_" + Examples.secret(24);
    String current = "whsec_" + Examples.secret(24);
    byte[] body = body("stripe/customer.created.json");
    String both = signature(NOW, body, Examples.secret(24), old); // the first v1 is by neither secret
    assertThat(event(stripe(current, old).read(body, h(both))).objCode()).isEqualTo("CUSTOMER");
    assertThatThrownBy(() -> stripe(current).read(body, h(both))).isInstanceOf(UnauthenticDeliveryException.class);
  }
}
