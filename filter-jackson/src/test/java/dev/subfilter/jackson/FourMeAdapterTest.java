package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 4me deliveries: unsigned and JWS-signed envelopes, with keys generated here and a fixed clock. */
class FourMeAdapterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant IAT = NOW.minusSeconds(30);
  private static final String ISSUER = "https://wdc.xurrent.com";
  private static final String AUDIENCE = "integrations provided by wdc@xurrent.com";
  private static final Map<String, List<String>> HEADERS = Map.of("X-4me-Delivery", List.of("d-4me-1"));

  private static final String STATUS_CHANGED = """
      {"webhook_id":18,"account_id":"wdc","account":"https://wdc.xurrent.com","name":"Task status changed",
       "event":"task.status-changed","object_id":5231,"person_id":336,"person_name":"Joseph Coleman",
       "payload":{"status":"completed","previous_status":"in_progress",
         "team":{"id":14,"name":"End-User Support, Houston","account":{"id":"wdc","name":"Widget Data Center"}},
         "member":{"id":336,"name":"Joseph Coleman"},
         "audit_line_id":71988}}""";

  private static final String EXPECTED_NEW_STATE = """
      {"status":"completed",
       "team":{"id":14,"name":"End-User Support, Houston","account":{"id":"wdc","name":"Widget Data Center"}},
       "member":{"id":336,"name":"Joseph Coleman"},
       "audit_line_id":71988,
       "account_id":"wdc","person_id":336,"person_name":"Joseph Coleman"}""";

  private static RSAKey rsa;
  private static RSAKey rsaOther;
  private static ECKey ec;
  private static ECKey ecOther;

  @BeforeAll
  static void generateKeys() throws JOSEException {
    rsa = new RSAKeyGenerator(2048).generate();
    rsaOther = new RSAKeyGenerator(2048).generate();
    ec = new ECKeyGenerator(Curve.P_256).generate();
    ecOther = new ECKeyGenerator(Curve.P_256).generate();
  }

  // ---------------------------------------------------------------- helpers

  private static JWSSigner signer(String alg) throws JOSEException {
    return alg.startsWith("RS") ? new RSASSASigner(rsa) : new ECDSASigner(ec);
  }

  private static JWSSigner otherSigner(String alg) throws JOSEException {
    return alg.startsWith("RS") ? new RSASSASigner(rsaOther) : new ECDSASigner(ecOther);
  }

  private static PublicKey publicKey(String alg) throws JOSEException {
    return alg.startsWith("RS") ? rsa.toRSAPublicKey() : ec.toECPublicKey();
  }

  /** The other allowed family's algorithm and a signer for it. */
  private static String otherFamily(String alg) {
    return alg.startsWith("RS") ? "ES256" : "RS256";
  }

  private static FourMeAdapter.Builder configured(String alg) throws JOSEException {
    return FourMeAdapter.builder().publicKey(publicKey(alg)).algorithm(alg).issuer(ISSUER).audience(AUDIENCE).clock(CLOCK);
  }

  private static FourMeAdapter adapter(String alg) throws JOSEException {
    return configured(alg).build();
  }

  private static Date date(Instant i) {
    return Date.from(i);
  }

  private static Map<String, Object> map(String json) {
    try {
      return JSONObjectUtils.parse(json);
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Claims as 4me sends them: data, iss, aud, nbf, iat, exp; {@code edit} changes them. */
  private static JWTClaimsSet claims(String envelope, UnaryOperator<JWTClaimsSet.Builder> edit) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
        .claim("data", map(envelope))
        .jwtID("jti-1")
        .subject("18")
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .notBeforeTime(date(IAT))
        .issueTime(date(IAT))
        .expirationTime(date(NOW.plusSeconds(600)));
    return edit.apply(b).build();
  }

  private static String sign(String alg, JWSSigner signer, String kid, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String token(String alg, UnaryOperator<JWTClaimsSet.Builder> edit) throws JOSEException {
    return sign(alg, signer(alg), null, claims(STATUS_CHANGED, edit));
  }

  private static byte[] body(String token) {
    return ("{\"jwt\": \"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String s) {
    return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static JsonNode json(String s) {
    try {
      return MAPPER.readTree(s);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Event event(Delivery d) {
    assertThat(d).isInstanceOf(Delivery.Received.class);
    return ((Delivery.Received) d).event();
  }

  private static UnauthenticDeliveryException rejection(FourMeAdapter a, byte[] body) {
    Throwable t = catchThrowable(() -> a.read(body, HEADERS));
    assertThat(t).isInstanceOf(UnauthenticDeliveryException.class);
    return (UnauthenticDeliveryException) t;
  }

  private static void assertRejected(FourMeAdapter a, byte[] body, Reason reason) {
    UnauthenticDeliveryException e = rejection(a, body);
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    assertThat(e.problem().pointer()).isEqualTo("/jwt");
    assertThat(e.getMessage()).startsWith("unauthentic delivery (" + reason + "): /jwt: ");
  }

  private static InvalidEventException shapeError(FourMeAdapter a, byte[] body) {
    Throwable t = catchThrowable(() -> a.read(body, HEADERS));
    assertThat(t).isExactlyInstanceOf(InvalidEventException.class);
    return (InvalidEventException) t;
  }

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  // ---------------------------------------------------------------- signed, accepted

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_signedStatusChanged_mapsToCanonicalEvent(String alg) throws JOSEException {
    Event e = event(adapter(alg).read(body(token(alg, b -> b)), HEADERS));

    assertThat(e.source()).isEqualTo("4me");
    assertThat(e.name()).isEqualTo("task.status-changed");
    assertThat(e.objCode()).isEqualTo("TASK");
    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.objId()).isEqualTo("5231");
    assertThat((JsonNode) e.newState()).isEqualTo(json(EXPECTED_NEW_STATE));
    JsonNode old = json(EXPECTED_NEW_STATE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) old).put("status", "in_progress");
    assertThat((JsonNode) e.oldState()).isEqualTo(old);
    assertThat(e.eventTime()).isEqualTo(IAT);
    assertThat(e.deliveryId()).isEqualTo("d-4me-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_publicKeyPemConfigured_verifiesSignedDelivery(String alg) throws JOSEException {
    FourMeAdapter a = FourMeAdapter.builder().publicKeyPem(pem(publicKey(alg))).algorithm(alg).issuer(ISSUER)
        .audience(AUDIENCE).clock(CLOCK).build();

    assertThat(event(a.read(body(token(alg, b -> b)), HEADERS)).objId()).isEqualTo("5231");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS384", "RS512"})
  void read_otherRsaSizePinned_verifiesWithThatAlgorithm(String alg) throws JOSEException {
    FourMeAdapter a = adapter(alg);

    assertThat(event(a.read(body(token(alg, b -> b)), HEADERS)).objCode()).isEqualTo("TASK");
    assertRejected(a, body(token("RS256", b -> b)), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @CsvSource({"X-4me-Delivery", "x-4me-delivery", "X-4ME-DELIVERY", "X-Xurrent-Delivery", "x-xurrent-delivery", "X-XURRENT-DELIVERY", "x-XuRrEnT-dElIvErY"})
  void read_deliveryHeaderInAnyCase_setsDeliveryId(String header) throws JOSEException {
    Event e = event(adapter("RS256").read(body(token("RS256", b -> b)), Map.of(header, List.of("uuid-7", "second"))));

    assertThat(e.deliveryId()).isEqualTo("uuid-7");
  }

  @Test
  void read_both4meAndXurrentDeliveryHeaders_prefers4me() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-xurrent-delivery", List.of("xurrent"));
    headers.put("X-4me-Delivery", List.of("4me"));

    Event e = event(FourMeAdapter.create().read(bytes(STATUS_CHANGED), headers));

    assertThat(e.deliveryId()).isEqualTo("4me");
  }

  @Test
  void read_noDeliveryHeader_deliveryIdAbsent() {
    assertThat(event(FourMeAdapter.create().read(bytes(STATUS_CHANGED), Map.of())).deliveryId()).isNull();
    assertThat(event(FourMeAdapter.create().read(bytes(STATUS_CHANGED), null)).deliveryId()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_expiredWithinSkew_accepted(String alg) throws JOSEException {
    FourMeAdapter a = adapter(alg);

    assertThat(event(a.read(body(token(alg, b -> b.expirationTime(date(NOW.minusSeconds(59))))), HEADERS))).isNotNull();
    assertThat(event(a.read(body(token(alg, b -> b.expirationTime(date(NOW.minusSeconds(60))))), HEADERS))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_notBeforeWithinSkew_accepted(String alg) throws JOSEException {
    assertThat(event(adapter(alg).read(body(token(alg, b -> b.notBeforeTime(date(NOW.plusSeconds(59))))), HEADERS))).isNotNull();
  }

  @Test
  void read_noExpClaim_accepted() throws JOSEException {
    assertThat(event(adapter("RS256").read(body(token("RS256", b -> b.expirationTime(null))), HEADERS)).objId()).isEqualTo("5231");
  }

  @Test
  void read_audienceListIncludingConfigured_accepted() throws JOSEException {
    String t = token("RS256", b -> b.audience(List.of("someone else", AUDIENCE)));

    assertThat(event(adapter("RS256").read(body(t), HEADERS)).objId()).isEqualTo("5231");
  }

  @Test
  void read_customClockSkew_appliesToExp() throws JOSEException {
    FourMeAdapter strict = configured("RS256").clockSkew(Duration.ZERO).build();
    FourMeAdapter loose = configured("RS256").clockSkew(Duration.ofMinutes(10)).build();
    String expired = token("RS256", b -> b.expirationTime(date(NOW.minusSeconds(5))));

    assertRejected(strict, body(expired), Reason.EXPIRED);
    assertThat(event(loose.read(body(expired), HEADERS))).isNotNull();
  }

  @Test
  void read_noIatClaim_eventTimeAbsent() throws JOSEException {
    assertThat(event(adapter("ES256").read(body(token("ES256", b -> b.issueTime(null))), HEADERS)).eventTime()).isNull();
  }

  // ---------------------------------------------------------------- signed, rejected

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_tamperedPayload_badSignature(String alg) throws JOSEException {
    String[] parts = token(alg, b -> b).split("\\.");
    String claims = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8);
    assertThat(claims).contains("\"completed\"");
    String tampered = parts[0] + "." + b64(claims.replace("\"completed\"", "\"cancelled\"")) + "." + parts[2];

    assertRejected(adapter(alg), body(tampered), Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_tamperedSignatureByte_badSignature(String alg) throws JOSEException {
    String t = token(alg, b -> b);
    int i = t.lastIndexOf('.') + 5;
    String tampered = t.substring(0, i) + (t.charAt(i) == 'A' ? 'B' : 'A') + t.substring(i + 1);

    assertRejected(adapter(alg), body(tampered), Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_signedWithOtherKey_badSignature(String alg) throws JOSEException {
    String t = sign(alg, otherSigner(alg), null, claims(STATUS_CHANGED, b -> b));

    assertRejected(adapter(alg), body(t), Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_algNone_algorithmNotAllowed(String alg) throws JOSEException {
    String t = new PlainJWT(claims(STATUS_CHANGED, b -> b)).serialize();
    assertThat(t).endsWith(".");

    assertRejected(adapter(alg), body(t), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_algNoneHeaderKeepingSignatureSegment_algorithmNotAllowed(String alg) throws JOSEException {
    // the classic alg-none forgery: the header rewritten to none, the signature segment left in place
    String signed = token(alg, b -> b);
    String t = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + signed.substring(signed.indexOf('.'));

    assertRejected(adapter(alg), body(t), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"None", "NONE"})
  void read_algNoneOtherCase_algorithmNotAllowed(String none) throws JOSEException {
    String signed = token("RS256", b -> b);
    String t = b64("{\"alg\":\"" + none + "\"}") + signed.substring(signed.indexOf('.'));

    assertRejected(adapter("RS256"), body(t), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_attackerKeyEmbeddedInHeader_badSignature(String alg) throws JOSEException {
    JWK attacker = alg.startsWith("RS") ? rsaOther.toPublicJWK() : ecOther.toPublicJWK();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).jwk(attacker).keyID("attacker").build(),
        claims(STATUS_CHANGED, b -> b));
    jwt.sign(otherSigner(alg));

    assertRejected(adapter(alg), body(jwt.serialize()), Reason.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_hs256SignedWithPublicKeyBytes_algorithmNotAllowed(String alg) throws JOSEException {
    byte[] secret = publicKey(alg).getEncoded();
    String t = sign("HS256", new MACSigner(secret), null, claims(STATUS_CHANGED, b -> b));

    assertRejected(adapter(alg), body(t), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_hs256SignedWithPublicKeyPem_algorithmNotAllowed(String alg) throws JOSEException {
    byte[] secret = pem(publicKey(alg)).getBytes(StandardCharsets.US_ASCII);
    String t = sign("HS256", new MACSigner(secret), null, claims(STATUS_CHANGED, b -> b));

    assertRejected(adapter(alg), body(t), Reason.ALGORITHM_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_otherAllowedFamilyAlg_algorithmNotAllowed(String alg) throws JOSEException {
    String other = otherFamily(alg);
    String t = sign(other, signer(other), null, claims(STATUS_CHANGED, b -> b));

    UnauthenticDeliveryException e = rejection(adapter(alg), body(t));
    assertThat(e.reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    assertThat(e.getMessage()).contains(other).contains(alg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_expiredBeyondSkew_expired(String alg) throws JOSEException {
    String t = token(alg, b -> b.expirationTime(date(NOW.minusSeconds(61))));

    assertRejected(adapter(alg), body(t), Reason.EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_notBeforeBeyondSkew_notYetValid(String alg) throws JOSEException {
    String t = token(alg, b -> b.notBeforeTime(date(NOW.plusSeconds(61))));

    assertRejected(adapter(alg), body(t), Reason.NOT_YET_VALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_wrongIssuer_wrongIssuer(String alg) throws JOSEException {
    UnauthenticDeliveryException e = rejection(adapter(alg), body(token(alg, b -> b.issuer("https://evil.xurrent.com"))));

    assertThat(e.reason()).isEqualTo(Reason.WRONG_ISSUER);
    assertThat(e.getMessage()).contains("https://evil.xurrent.com").contains(ISSUER);
  }

  @Test
  void read_missingIssuer_wrongIssuer() throws JOSEException {
    assertRejected(adapter("RS256"), body(token("RS256", b -> b.issuer(null))), Reason.WRONG_ISSUER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_wrongAudience_wrongAudience(String alg) throws JOSEException {
    assertRejected(adapter(alg), body(token(alg, b -> b.audience("integrations provided by other@xurrent.com"))), Reason.WRONG_AUDIENCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_missingAudience_wrongAudience(String alg) throws JOSEException {
    UnauthenticDeliveryException e = rejection(adapter(alg), body(token(alg, b -> b.audience((String) null))));

    assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE);
    assertThat(e.getMessage()).contains("missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void read_unsignedBodyWithKeyConfigured_unsigned(String alg) throws JOSEException {
    Throwable t = catchThrowable(() -> adapter(alg).read(bytes(STATUS_CHANGED), HEADERS));

    assertThat(t).isInstanceOf(UnauthenticDeliveryException.class);
    assertThat(((UnauthenticDeliveryException) t).reason()).isEqualTo(Reason.UNSIGNED);
    assertThat(t.getMessage()).startsWith("unauthentic delivery (UNSIGNED): (root): ");
  }

  @Test
  void read_unsignedBodyWithRequireSignatureFalse_accepted() throws JOSEException {
    FourMeAdapter a = configured("RS256").requireSignature(false).build();

    assertThat(event(a.read(bytes(STATUS_CHANGED), HEADERS)).objId()).isEqualTo("5231");
    assertThat(event(a.read(body(token("RS256", b -> b)), HEADERS)).objId()).isEqualTo("5231");
    assertRejected(a, body(sign("RS256", otherSigner("RS256"), null, claims(STATUS_CHANGED, b -> b))), Reason.BAD_SIGNATURE);
  }

  @Test
  void read_signedBodyWithNoKeyConfigured_badSignature() throws JOSEException {
    UnauthenticDeliveryException e = rejection(FourMeAdapter.create(), body(token("RS256", b -> b)));

    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.problem().pointer()).isEqualTo("/jwt");
    assertThat(e.getMessage()).contains("no public key");
  }

  // ---------------------------------------------------------------- JWKS

  @Test
  void read_jwksWithTwoKeys_picksKeyByKid() throws JOSEException {
    RSAKey k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
    RSAKey k2 = new RSAKeyGenerator(2048).keyID("k2").generate();
    String jwks = new JWKSet(List.<JWK>of(k1.toPublicJWK(), k2.toPublicJWK())).toString();
    assertThat(jwks).doesNotContain("\"d\"");
    FourMeAdapter a = FourMeAdapter.builder().jwks(jwks).algorithm("RS256").issuer(ISSUER).audience(AUDIENCE).clock(CLOCK).build();

    assertThat(event(a.read(body(sign("RS256", new RSASSASigner(k1), "k1", claims(STATUS_CHANGED, b -> b))), HEADERS))).isNotNull();
    assertThat(event(a.read(body(sign("RS256", new RSASSASigner(k2), "k2", claims(STATUS_CHANGED, b -> b))), HEADERS))).isNotNull();
    // signed by k1 but claiming kid k2: only k2 is tried
    UnauthenticDeliveryException e = rejection(a, body(sign("RS256", new RSASSASigner(k1), "k2", claims(STATUS_CHANGED, b -> b))));
    assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(e.getMessage()).contains("k2");
    // a kid the set does not have
    assertRejected(a, body(sign("RS256", new RSASSASigner(k1), "k3", claims(STATUS_CHANGED, b -> b))), Reason.BAD_SIGNATURE);
  }

  @Test
  void read_jwksWithEcKeys_picksKeyByKid() throws JOSEException {
    ECKey k1 = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
    ECKey k2 = new ECKeyGenerator(Curve.P_256).keyID("e2").generate();
    String jwks = new JWKSet(List.<JWK>of(k1.toPublicJWK(), k2.toPublicJWK())).toString();
    FourMeAdapter a = FourMeAdapter.builder().jwks(jwks).algorithm("ES256").issuer(ISSUER).audience(AUDIENCE).clock(CLOCK).build();

    assertThat(event(a.read(body(sign("ES256", new ECDSASigner(k2), "e2", claims(STATUS_CHANGED, b -> b))), HEADERS))).isNotNull();
    assertRejected(a, body(sign("ES256", new ECDSASigner(k2), "e1", claims(STATUS_CHANGED, b -> b))), Reason.BAD_SIGNATURE);
  }

  // ---------------------------------------------------------------- builder

  @Test
  void builder_hmacAlgorithm_illegalArgumentNamingAllowedOnes() {
    assertThatThrownBy(() -> FourMeAdapter.builder().algorithm("HS256"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256").hasMessageContaining("RS256")
        .hasMessageContaining("ES256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS384", "PS256", "EdDSA", "rs256"})
  void builder_otherDisallowedAlgorithm_illegalArgument(String alg) {
    assertThatThrownBy(() -> FourMeAdapter.builder().algorithm(alg))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(alg).hasMessageContaining("not allowed");
  }

  @Test
  void builder_keyWithoutIssuer_illegalArgumentNamingIssuer() {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKey(rsa.toRSAPublicKey()).algorithm("RS256").audience(AUDIENCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuer");
  }

  @Test
  void builder_keyWithoutAudienceOrAlgorithm_illegalArgument() {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKey(rsa.toRSAPublicKey()).algorithm("RS256").issuer(ISSUER).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audience");
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKey(rsa.toRSAPublicKey()).issuer(ISSUER).audience(AUDIENCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("algorithm");
  }

  @Test
  void builder_issuerWithoutKey_illegalArgument() {
    assertThatThrownBy(() -> FourMeAdapter.builder().issuer(ISSUER).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public key");
  }

  @Test
  void builder_rsaKeyWithEs256_illegalArgumentNamingKeyType() {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKey(rsa.toRSAPublicKey()).algorithm("ES256").issuer(ISSUER).audience(AUDIENCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ES256").hasMessageContaining("EC").hasMessageContaining("RSA");
  }

  @Test
  void builder_ecKeyWithRs256_illegalArgumentNamingKeyType() {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKey(ec.toECPublicKey()).algorithm("RS256").issuer(ISSUER).audience(AUDIENCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RS256").hasMessageContaining("RSA");
  }

  @Test
  void builder_requireSignatureWithoutKey_illegalArgument() {
    assertThatThrownBy(() -> FourMeAdapter.builder().requireSignature(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requireSignature").hasMessageContaining("key");
  }

  @Test
  void builder_requireSignatureFalseWithoutKey_buildsUnsignedAdapter() {
    assertThatCode(() -> FourMeAdapter.builder().requireSignature(false).build()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----",
      "-----BEGIN PUBLIC KEY-----\nAAAABBBBCCCC\n-----END PUBLIC KEY-----",
      "",
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"})
  void builder_badPem_illegalArgumentNamingPublicKeyPem(String pem) {
    assertThatThrownBy(() -> FourMeAdapter.builder().publicKeyPem(pem))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publicKeyPem");
  }

  @Test
  void builder_badJwks_illegalArgumentNamingJwks() {
    assertThatThrownBy(() -> FourMeAdapter.builder().jwks("{\"keys\": 5}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwks");
    assertThatThrownBy(() -> FourMeAdapter.builder().jwks("not json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwks");
  }

  @Test
  void builder_negativeClockSkew_illegalArgument() {
    assertThatThrownBy(() -> FourMeAdapter.builder().clockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clockSkew");
  }

  // ---------------------------------------------------------------- unsigned mapping

  @ParameterizedTest
  @CsvSource({
      "task.create, TASK, CREATE, empty",
      "project_task.create, PROJECT_TASK, CREATE, empty",
      "project_task.delete, PROJECT_TASK, DELETE, unknown",
      "task.update, TASK, UPDATE, unknown",
      "task.member-changed, TASK, UPDATE, unknown",
      "task.team-changed, TASK, UPDATE, unknown",
      "task.note-added, TASK, UPDATE, unknown",
      "project_task.note-added, PROJECT_TASK, UPDATE, unknown",
      "request.update, REQUEST, UPDATE, unknown",
      "integration_instance.secrets-update, INTEGRATION_INSTANCE, UPDATE, unknown",
      "time_entry.create, TIME_ENTRY, CREATE, empty",
      "automation_rule, AUTOMATION_RULE, UPDATE, unknown"})
  void read_unsignedEvent_mapsByPrefixAndAction(String name, String objCode, String eventType, String oldState) {
    String body = """
        {"webhook_id":17,"account_id":"wdc","event":"%s","object_id":5231,"person_id":6,"person_name":"Howard Tanner",
         "payload":{"status":"assigned","team":{"id":14,"name":"End-User Support, Houston"},"audit_line_id":71960}}"""
        .formatted(name);

    Event e = event(FourMeAdapter.create().read(bytes(body), Map.of("X-Xurrent-Delivery", List.of("00c7bb4a"))));

    assertThat(e.source()).isEqualTo("4me");
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.objCode()).isEqualTo(objCode);
    assertThat(e.eventType()).isEqualTo(eventType);
    assertThat(e.objId()).isEqualTo("5231");
    assertThat(e.deliveryId()).isEqualTo("00c7bb4a");
    assertThat(e.eventTime()).isNull();
    assertThat((JsonNode) e.newState()).isEqualTo(json("""
        {"status":"assigned","team":{"id":14,"name":"End-User Support, Houston"},"audit_line_id":71960,
         "account_id":"wdc","person_id":6,"person_name":"Howard Tanner"}"""));
    if (oldState.equals("empty")) {
      assertThat((JsonNode) e.oldState()).isEqualTo(json("{}"));
    } else {
      assertThat(e.hasOldState()).isFalse();
    }
  }

  @Test
  void read_statusChangedWithoutPreviousStatus_oldStateUnknown() {
    String body = "{\"event\":\"task.status-changed\",\"object_id\":1,\"payload\":{\"status\":\"completed\"}}";

    Event e = event(FourMeAdapter.create().read(bytes(body), Map.of()));

    assertThat(e.eventType()).isEqualTo("UPDATE");
    assertThat(e.hasOldState()).isFalse();
  }

  @Test
  void read_statusChangedWithNullPreviousStatus_oldStatusNull() {
    String body = "{\"event\":\"project_task.status-changed\",\"object_id\":881,\"payload\":{\"status\":\"assigned\",\"previous_status\":null}}";

    Event e = event(FourMeAdapter.create().read(bytes(body), Map.of()));

    assertThat((JsonNode) e.oldState()).isEqualTo(json("{\"status\":null}"));
    assertThat((JsonNode) e.newState()).isEqualTo(json("{\"status\":\"assigned\"}"));
  }

  @Test
  void read_payloadHasEnvelopeKeys_payloadValuesWin() {
    String body = """
        {"event":"time_entry.update","object_id":"77","account_id":"wdc","person_id":6,"person_name":"Howard Tanner",
         "payload":{"person_id":99,"account_id":"widget"}}""";

    Event e = event(FourMeAdapter.create().read(bytes(body), Map.of()));

    assertThat((JsonNode) e.newState()).isEqualTo(json("{\"person_id\":99,\"account_id\":\"widget\",\"person_name\":\"Howard Tanner\"}"));
    assertThat(e.objId()).isEqualTo("77");
  }

  @Test
  void read_payloadMissingOrNull_newStateHoldsOnlyEnvelopeKeys() {
    Event missing = event(FourMeAdapter.create().read(bytes("{\"event\":\"task.update\",\"person_id\":6}"), Map.of()));
    Event nul = event(FourMeAdapter.create().read(bytes("{\"event\":\"task.update\",\"payload\":null}"), Map.of()));

    assertThat((JsonNode) missing.newState()).isEqualTo(json("{\"person_id\":6}"));
    assertThat(missing.objId()).isNull();
    assertThat((JsonNode) nul.newState()).isEqualTo(json("{}"));
  }

  @Test
  void read_objectIdNull_objIdAbsent() {
    assertThat(event(FourMeAdapter.create().read(bytes("{\"event\":\"task.update\",\"object_id\":null}"), Map.of())).objId()).isNull();
  }

  // ---------------------------------------------------------------- handshake

  @Test
  void read_webhookVerify_handshakeWithCallback() {
    String body = """
        {"webhook_id":1,"account_id":"wdc","event":"webhook.verify","object_id":1,"person_id":591,
         "payload":{"callback":"https://wdc.4me-staging.com/webhooks/1/verify?code=FThErZe2Rr8wVBns-7lalATP&expires_at=1614686831"}}""";

    Delivery d = FourMeAdapter.create().read(bytes(body), HEADERS);

    assertThat(d).isEqualTo(new Delivery.Handshake("4me",
        "https://wdc.4me-staging.com/webhooks/1/verify?code=FThErZe2Rr8wVBns-7lalATP&expires_at=1614686831"));
  }

  @Test
  void read_signedWebhookVerify_handshakeWithCallback() throws JOSEException {
    String envelope = "{\"event\":\"webhook.verify\",\"object_id\":1,\"payload\":{\"callback\":\"https://wdc.xurrent.com/webhooks/1/verify?code=x\"}}";
    String t = sign("ES256", signer("ES256"), null, claims(envelope, b -> b));

    assertThat(adapter("ES256").read(body(t), HEADERS)).isEqualTo(new Delivery.Handshake("4me", "https://wdc.xurrent.com/webhooks/1/verify?code=x"));
  }

  @Test
  void read_webhookVerifyWithoutCallback_invalidEventAtCallback() {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{\"event\":\"webhook.verify\",\"payload\":{}}"));

    assertThat(e.problem().pointer()).isEqualTo("/payload/callback");
    assertThat(e.getMessage()).startsWith("invalid event: /payload/callback: ");
  }

  // ---------------------------------------------------------------- shape errors

  @Test
  void read_eventMissing_invalidEventAtEvent() {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{\"object_id\":1,\"payload\":{}}"));

    assertThat(e.problem().pointer()).isEqualTo("/event");
    assertThat(e.getMessage()).startsWith("invalid event: /event: missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "5", "null", "{}", "[\"task.update\"]"})
  void read_eventNotANonEmptyString_invalidEventAtEvent(String value) {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{\"event\":" + value + "}"));

    assertThat(e.getMessage()).startsWith("invalid event: /event: ");
  }

  @Test
  void read_payloadAnArray_invalidEventAtPayload() {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{\"event\":\"task.update\",\"payload\":[1,2]}"));

    assertThat(e.problem().pointer()).isEqualTo("/payload");
    assertThat(e.getMessage()).startsWith("invalid event: /payload: found an array");
  }

  @Test
  void read_objectIdAnObject_invalidEventAtObjectId() {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{\"event\":\"task.update\",\"object_id\":{\"id\":1}}"));

    assertThat(e.problem().pointer()).isEqualTo("/object_id");
    assertThat(e.getMessage()).startsWith("invalid event: /object_id: found an object");
  }

  @Test
  void read_signedEnvelopeShapeErrors_invalidEventUnderJwtData() throws JOSEException {
    FourMeAdapter a = adapter("RS256");

    InvalidEventException noEvent = shapeError(a, body(sign("RS256", signer("RS256"), null, claims("{\"payload\":{}}", b -> b))));
    assertThat(noEvent.problem().pointer()).isEqualTo("/jwt/data/event");

    InvalidEventException arrayPayload = shapeError(a, body(sign("RS256", signer("RS256"), null,
        claims("{\"event\":\"task.update\",\"payload\":[]}", b -> b))));
    assertThat(arrayPayload.problem().pointer()).isEqualTo("/jwt/data/payload");

    InvalidEventException objectId = shapeError(a, body(sign("RS256", signer("RS256"), null,
        claims("{\"event\":\"task.update\",\"object_id\":{}}", b -> b))));
    assertThat(objectId.problem().pointer()).isEqualTo("/jwt/data/object_id");
  }

  @Test
  void read_signedTokenWithoutDataClaim_invalidEventAtJwtData() throws JOSEException {
    JWTClaimsSet noData = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).issueTime(date(IAT)).build();

    InvalidEventException e = shapeError(adapter("ES256"), body(sign("ES256", signer("ES256"), null, noData)));

    assertThat(e.problem().pointer()).isEqualTo("/jwt/data");
    assertThat(e.getMessage()).startsWith("invalid event: /jwt/data: missing");
  }

  @Test
  void read_jwtNotAString_invalidEventAtJwt() {
    InvalidEventException e = shapeError(adapter0(), bytes("{\"jwt\":5}"));

    assertThat(e.problem().pointer()).isEqualTo("/jwt");
  }

  private static FourMeAdapter adapter0() {
    try {
      return adapter("RS256");
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> garbage() {
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    String esHeader = b64("{\"alg\":\"ES256\"}");
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("whitespace", "  \n"),
        Arguments.of("not JSON", "not json"),
        Arguments.of("array", "[]"),
        Arguments.of("string", "\"jwt\""),
        Arguments.of("truncated", "{\"jwt\": \"a.b"),
        Arguments.of("jwt number", "{\"jwt\":5}"),
        Arguments.of("jwt null", "{\"jwt\":null}"),
        Arguments.of("jwt empty", "{\"jwt\":\"\"}"),
        Arguments.of("jwt a.b.c", "{\"jwt\":\"a.b.c\"}"),
        Arguments.of("jwt dots", "{\"jwt\":\"...\"}"),
        Arguments.of("jwt two parts", "{\"jwt\":\"" + header + ".e30\"}"),
        Arguments.of("jwt header not JSON", "{\"jwt\":\"" + b64("not json") + "." + b64("{}") + ".c2ln\"}"),
        Arguments.of("jwt header deeply nested", "{\"jwt\":\"" + b64("{\"alg\":\"RS256\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}") + "." + b64("{}") + ".c2ln\"}"),
        Arguments.of("jwt header array", "{\"jwt\":\"" + b64("[1]") + "." + b64("{}") + ".c2ln\"}"),
        Arguments.of("jwt header alg number", "{\"jwt\":\"" + b64("{\"alg\":5}") + "." + b64("{}") + ".c2ln\"}"),
        Arguments.of("jwt header no alg", "{\"jwt\":\"" + b64("{\"typ\":\"JWT\"}") + "." + b64("{}") + ".c2ln\"}"),
        Arguments.of("jwt claims not JSON", "{\"jwt\":\"" + header + "." + b64("not json") + ".c2ln\"}"),
        Arguments.of("jwt signature not base64url", "{\"jwt\":\"" + header + "." + b64("{}") + ".!!*~\"}"),
        Arguments.of("jwt ES256 short signature", "{\"jwt\":\"" + esHeader + "." + b64("{}") + ".AAAA\"}"),
        Arguments.of("jwt ES256 empty signature", "{\"jwt\":\"" + esHeader + "." + b64("{}") + ".\"}"),
        Arguments.of("jwt encrypted", "{\"jwt\":\"" + b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A128GCM\"}") + ".a.b.c.d\"}"),
        Arguments.of("jwt not base64url", "{\"jwt\":\"\u00e9\u00e9.\u00e9.\u00e9\"}"),
        Arguments.of("jwt plus other keys", "{\"jwt\":\"a.b.c\",\"event\":\"task.update\"}"),
        Arguments.of("duplicate keys", "{\"jwt\":\"a.b.c\",\"jwt\":\"d.e.f\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void read_garbageBody_onlyInvalidEventExceptions(String label, String body) throws JOSEException {
    for (FourMeAdapter a : List.of(FourMeAdapter.create(), adapter("RS256"), adapter("ES256"))) {
      Throwable t = catchThrowable(() -> a.read(bytes(body), HEADERS));
      assertThat(t).as(label).isInstanceOf(InvalidEventException.class);
      assertThat(t.getMessage()).as(label).matches("(invalid event|unauthentic delivery \\([A-Z_]+\\)): (\\(root\\)|/[^:]*): .+");
    }
  }

  @Test
  void read_notJson_invalidEventAtRoot() {
    InvalidEventException e = shapeError(FourMeAdapter.create(), bytes("{oops"));

    assertThat(e.getMessage()).startsWith("invalid event: (root): not valid JSON");
  }
}
