package dev.subfilter.jackson;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fuzz targets (Jazzer; regression inputs in {@code AdaptersFuzzTestInputs}, fuzz with {@code
 * fuzz.sh}) for the vendor adapters.
 *
 * <p>Any body, to every adapter (Workfront; CMP with and without its callback secret; 4me unsigned
 * and with a key): a delivery or an {@link InvalidEventException} (its subclass {@link
 * UnauthenticDeliveryException} included), nothing else; the secret never changes what a delivery
 * reads as, and a wrong or missing one is always refused; a keyed 4me adapter accepts nothing that
 * is not signed.
 *
 * <p>Signed 4me deliveries: a token signed here (RSA or EC, keys made from a fixed seed) over the
 * fuzzer's envelope and claims, then maybe altered (a byte changed, dropped or added, cut short,
 * another algorithm in its header, {@code alg: none}, HMAC with the public key as secret, signed
 * by another key, another token's signature or payload, a kid, extra segments), read by an adapter
 * configured with the right key, another key, another algorithm or a JWKS of both keys. It is
 * accepted only when the token is unaltered (same header and payload text, same signature bytes)
 * or signed anew, by a key and with the algorithm the adapter is configured with, and the claims
 * are valid, and then reads exactly as the same
 * envelope unsigned; every other case is an {@link UnauthenticDeliveryException} with the reason
 * that fits.
 */
class AdaptersFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String ISSUER = "https://wdc.xurrent.com";
  private static final String AUDIENCE = "integrations provided by wdc@xurrent.com";
  private static final String SECRET = "s3cr3t-callback";

  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final WorkfrontAdapter WORKFRONT = new WorkfrontAdapter(JSON);
  private static final CmpAdapter CMP = CmpAdapter.create(JSON, null);
  private static final CmpAdapter CMP_SECRET = CmpAdapter.create(JSON, SECRET);
  private static final FourMeAdapter FOUR_ME = FourMeAdapter.builder().json(JSON).build();

  private static final RSAKey RSA = rsa(1);
  private static final RSAKey RSA_OTHER = rsa(2);
  private static final ECKey EC = ec(3);
  private static final ECKey EC_OTHER = ec(4);

  private static final FourMeAdapter FOUR_ME_KEYED = adapter("RS256", publicKey(RSA), null);

  // ------------------------------------------------------------------ any body

  @FuzzTest(maxDuration = "10m")
  void read_anyBody_deliveryOrDocumentedRejection(byte[] body) {
    Object workfront = outcome(WORKFRONT, body, Map.of());
    Object tree = outcome(() -> JSON.readWorkfrontEvent(body));
    require(same(workfront, tree), () -> "the Workfront adapter reads otherwise than readWorkfrontEvent: " + workfront + " vs " + tree);

    Object cmp = outcome(CMP, body, Map.of());
    Object withSecret = outcome(CMP_SECRET, body, Map.of("callback-SECRET", List.of(SECRET)));
    require(same(withSecret, cmp), () -> "the right callback secret changes the reading: " + withSecret + " vs " + cmp);
    requireRejected(outcome(CMP_SECRET, body, Map.of()), Reason.MISSING_SECRET);
    requireRejected(outcome(CMP_SECRET, body, Map.of("Callback-Secret", List.of(SECRET + "x"))), Reason.WRONG_SECRET);
    requireRejected(outcome(CMP_SECRET, body, Map.of("Callback-Secret", List.of(""))), Reason.WRONG_SECRET);

    Object fourMe = outcome(FOUR_ME, body, Map.of("x-4ME-delivery", List.of("d1")));
    if (fourMe instanceof Event e) {
      require("d1".equals(e.deliveryId()), () -> "the delivery id header is not read");
    }
    Object keyed = outcome(FOUR_ME_KEYED, body, Map.of());
    require(!(keyed instanceof Delivery), () -> "a keyed 4me adapter accepted a body no key of ours signed: " + keyed);
  }

  // ------------------------------------------------------------------ signed 4me deliveries

  @FuzzTest(maxDuration = "10m")
  void read_signedFourMeDelivery_acceptedOnlyWhenUnaltered(FuzzedDataProvider data) throws Exception {
    String alg = data.pickValue(new String[] {"RS256", "RS512", "ES256"});
    int claims = data.consumeInt(0, 6);
    int mutation = data.consumeInt(0, 12);
    int config = data.consumeInt(0, 4);
    int position = data.consumeInt(0, Integer.MAX_VALUE);
    char replacement = data.consumeChar();
    boolean asText = data.consumeBoolean();
    byte[] envelope = data.consumeRemainingAsBytes();

    Object dataClaim = dataClaim(envelope, asText);
    JWTClaimsSet set = claims(dataClaim, claims);
    String token = sign(alg, false, null, set);
    String altered = alter(token, alg, set, mutation, position, replacement);
    boolean ec = alg.startsWith("ES");

    String configured = config == 2 ? (ec ? "RS256" : alg.equals("RS256") ? "RS384" : "RS256") : alg;
    FourMeAdapter adapter = switch (config) {
      case 1 -> adapter(alg, ec ? EC_OTHER.toECPublicKey() : publicKey(RSA_OTHER), null);
      case 2 -> adapter(configured, configured.startsWith("RS") ? publicKey(RSA) : EC.toECPublicKey(), null);
      case 3 -> adapter(alg, null, new JWKSet(List.of(
          (ec ? EC_OTHER : RSA_OTHER).toPublicJWK(), (ec ? EC : RSA).toPublicJWK())).toString());
      default -> adapter(alg, ec ? EC.toECPublicKey() : publicKey(RSA), null);
    };
    byte[] body = MAPPER.writeValueAsBytes(Map.of("jwt", altered));
    Object got = outcome(adapter, body, Map.of("X-4me-Delivery", List.of("d-1")));

    // authentic: the token as signed (or signed again with a kid, or by the other key), and its key is one the adapter holds
    boolean byOtherKey = mutation == 7;
    boolean authentic = (unaltered(altered, token) || mutation == 11 || byOtherKey) && (config == 3 || (config == 1) == byOtherKey);
    if (altered.isEmpty()) {
      require(got instanceof InvalidEventException && !(got instanceof UnauthenticDeliveryException), () -> "an empty jwt: " + got);
      return;
    }
    if (!authentic) {
      require(got instanceof UnauthenticDeliveryException, () -> "an altered token or another key's was not refused as unauthentic: "
          + got + " (mutation " + mutation + ", config " + config + ", position " + position + ", char " + (int) replacement
          + ")\n token   " + token + "\n altered " + altered);
      return;
    }
    if (config == 2) {
      requireRejected(got, Reason.ALGORITHM_NOT_ALLOWED);
      return;
    }
    Reason expected = switch (claims) {
      case 1 -> Reason.WRONG_ISSUER;
      case 2 -> Reason.WRONG_AUDIENCE;
      case 3 -> Reason.EXPIRED;
      case 4 -> Reason.NOT_YET_VALID;
      default -> null;
    };
    if (expected != null) {
      requireRejected(got, expected);
      return;
    }
    // valid: reads exactly as the envelope it carries, unsigned
    JsonNode carried = JSON.mapper().readTree(Base64URL.from(altered.split("\\.")[1]).decode()).get("data");
    if (!carried.isObject()) {
      require(got instanceof InvalidEventException g && !(got instanceof UnauthenticDeliveryException)
          && g.problem().pointer().equals("/jwt/data"), () -> "a data claim that is no object: " + got);
      return;
    }
    Object unsigned = outcome(FOUR_ME, JSON.mapper().writeValueAsBytes(carried), Map.of("X-4me-Delivery", List.of("d-1")));
    if (unsigned instanceof InvalidEventException u) {
      require(got instanceof InvalidEventException g && !(got instanceof UnauthenticDeliveryException)
          && g.problem().pointer().equals(prefixed(u.problem().pointer())) && g.problem().message().equals(u.problem().message()),
          () -> "a signed envelope is refused otherwise than unsigned: " + got + " vs " + unsigned);
    } else if (unsigned instanceof Event u) {
      require(got instanceof Event, () -> "a valid signed delivery was refused: " + got);
      Event g = (Event) got;
      require(Objects.equals(g.eventTime(), set.getIssueTime().toInstant()), () -> "eventTime is not the iat");
      require(sameEvent(g, u), () -> "signed and unsigned read otherwise: " + g + " vs " + u);
    } else {
      require(same(got, unsigned), () -> "a signed handshake reads otherwise: " + got + " vs " + unsigned);
    }
  }

  private static String prefixed(String pointer) {
    return "/jwt/data" + pointer;
  }

  /** The fuzzer's envelope as the data claim: the JSON object it is, or else the text itself (which no adapter takes). */
  private static Object dataClaim(byte[] envelope, boolean asText) {
    if (!asText) {
      try {
        Object parsed = MAPPER.readValue(envelope, Object.class);
        if (parsed instanceof Map<?, ?>) {
          return parsed;
        }
      } catch (Exception | StackOverflowError notJson) {
        // the text itself
      }
    }
    return new String(envelope, StandardCharsets.UTF_8);
  }

  private static JWTClaimsSet claims(Object data, int which) {
    Instant iat = NOW.minusSeconds(30);
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().claim("data", data).jwtID("jti-1")
        .issuer(which == 1 ? ISSUER + "/" : ISSUER)
        .audience(which == 2 ? List.of("other") : which == 6 ? List.of("other", AUDIENCE) : List.of(AUDIENCE))
        .issueTime(Date.from(iat))
        .notBeforeTime(Date.from(which == 4 ? NOW.plusSeconds(3600) : iat))
        .expirationTime(which == 5 ? null : Date.from(which == 3 ? NOW.minusSeconds(3600) : NOW.plusSeconds(600)));
    return b.build();
  }

  private static String sign(String alg, boolean otherKey, String kid, JWTClaimsSet claims) throws JOSEException {
    JWSSigner signer = alg.startsWith("RS") ? new RSASSASigner(otherKey ? RSA_OTHER : RSA) : new ECDSASigner(otherKey ? EC_OTHER : EC);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  /** The token after one mutation; 0 and 11 (a kid, signed again) leave it authentic, 7 signs it with the other key. */
  private static String alter(String token, String alg, JWTClaimsSet claims, int mutation, int position, char c) throws Exception {
    String[] parts = token.split("\\.");
    int p = token.isEmpty() ? 0 : position % token.length();
    return switch (mutation) {
      case 1 -> token.substring(0, p) + c + token.substring(p + 1);
      case 2 -> token.substring(0, p) + token.substring(p + 1);
      case 3 -> token.substring(0, p) + c + token.substring(p);
      case 4 -> b64("{\"alg\":\"" + List.of("RS384", "ES256", "HS256", "PS256", "none").get(position % 5) + "\",\"typ\":\"JWT\"}")
          + "." + parts[1] + "." + parts[2];
      case 5 -> { // HMAC keyed with the public key: the classic confusion
        byte[] secret = alg.startsWith("RS") ? RSA.toRSAPublicKey().getEncoded() : EC.toECPublicKey().getEncoded();
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs.sign(new MACSigner(secret));
        yield hs.serialize();
      }
      case 6 -> b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
      case 7 -> sign(alg, true, null, claims);
      case 8 -> parts[0] + "." + parts[1] + "." + sign(alg, false, null, claims(Map.of("event", "task.update"), 0)).split("\\.")[2];
      case 9 -> token.substring(0, p);
      case 10 -> parts[0] + "." + sign(alg, false, null, claims(Map.of("event", "task.update", "object_id", 1), 0)).split("\\.")[1] + "." + parts[2];
      case 11 -> sign(alg, false, position % 2 == 0 ? "k1" : null, claims);
      case 12 -> token + "." + parts[1] + "." + parts[2];
      default -> token;
    };
  }

  /**
   * The same header and payload text and the same signature bytes: what a signature cannot tell
   * apart. Around the token, control characters and spaces do not count: nimbus-jose-jwt trims
   * them (as {@link String#trim()}) before it parses, so the signed text is the same.
   */
  private static boolean unaltered(String altered, String token) {
    altered = altered.trim();
    if (altered.equals(token)) {
      return true;
    }
    String[] a = altered.split("\\.", -1);
    String[] t = token.split("\\.", -1);
    return a.length == 3 && a[0].equals(t[0]) && a[1].equals(t[1])
        && Arrays.equals(Base64URL.from(a[2]).decode(), Base64URL.from(t[2]).decode());
  }

  private static String b64(String s) {
    return Base64URL.encode(s.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A 4me adapter verifying with {@code key} (or the keys of {@code jwks}) and the fixed clock. */
  private static FourMeAdapter adapter(String alg, java.security.PublicKey key, String jwks) {
    FourMeAdapter.Builder b = FourMeAdapter.builder().json(JSON).algorithm(alg).issuer(ISSUER).audience(AUDIENCE).clock(CLOCK);
    return (jwks != null ? b.jwks(jwks) : b.publicKey(key)).build();
  }

  // ------------------------------------------------------------------ outcomes

  /** The event, the handshake or the InvalidEventException of one read; anything else thrown propagates (a finding). */
  private static Object outcome(Adapter a, byte[] body, Map<String, List<String>> headers) {
    return outcome(() -> {
      Delivery d = a.read(body, headers);
      return d instanceof Delivery.Received r ? r.event() : d;
    });
  }

  private static Object outcome(java.util.function.Supplier<Object> read) {
    try {
      return Objects.requireNonNull(read.get(), "a reader returned null");
    } catch (InvalidEventException e) {
      require(e.problem() != null && !e.getMessage().isBlank(), () -> "an InvalidEventException without a problem");
      return e;
    }
  }

  private static void requireRejected(Object outcome, Reason reason) {
    require(outcome instanceof UnauthenticDeliveryException u && u.reason() == reason, () -> "expected a rejection " + reason + ", got " + outcome);
  }

  /** Equal events (same gate, time and states), equal handshakes, or exceptions of one class with one problem. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Event x && b instanceof Event y) {
      return sameEvent(x, y) && Objects.equals(x.eventTime(), y.eventTime());
    }
    if (a instanceof InvalidEventException x && b instanceof InvalidEventException y) {
      return x.getClass() == y.getClass() && x.problem().equals(y.problem());
    }
    return Objects.equals(a, b);
  }

  private static boolean sameEvent(Event x, Event y) {
    return x.source().equals(y.source()) && x.name().equals(y.name()) && x.eventType().equals(y.eventType())
        && x.objCode().equals(y.objCode()) && Objects.equals(x.objId(), y.objId()) && Objects.equals(x.deliveryId(), y.deliveryId())
        && x.newState().equals(y.newState()) && Objects.equals(x.oldState(), y.oldState());
  }

  private static void require(boolean ok, java.util.function.Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }

  // ------------------------------------------------------------------ keys from fixed seeds

  private static RSAPublicKey publicKey(RSAKey k) {
    try {
      return k.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey rsa(long seed) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, seeded(seed));
      KeyPair k = g.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) k.getPublic()).privateKey((RSAPrivateKey) k.getPrivate()).keyID(seed == 1 ? "k1" : "k2").build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey ec(long seed) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), seeded(seed));
      KeyPair k = g.generateKeyPair();
      return new ECKey.Builder(Curve.P_256, (ECPublicKey) k.getPublic()).privateKey((ECPrivateKey) k.getPrivate())
          .keyID(seed == 3 ? "k1" : "k2").build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
