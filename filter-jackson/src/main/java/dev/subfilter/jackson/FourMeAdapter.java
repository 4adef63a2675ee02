package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.subfilter.Event;
import dev.subfilter.Problem;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * 4me (Xurrent) webhook deliveries: the JSON envelope, or {@code {"jwt": "<JWS>"}} when the webhook
 * has a policy. The event's prefix gives the objCode ({@code project_task.create} is {@code
 * PROJECT_TASK}); {@code .create} is CREATE with oldState {@code {}}, {@code .delete} DELETE,
 * anything else UPDATE; {@code .status-changed} has an oldState whose {@code status} is {@code
 * previous_status}, every other non-CREATE event an unknown oldState. newState is {@code payload}
 * without {@code previous_status}, plus the envelope's {@code account_id}, {@code person_id} and
 * {@code person_name} where the payload lacks them. {@code webhook.verify} is a {@link
 * Delivery.Handshake}. Immutable and thread-safe.
 */
public final class FourMeAdapter implements Adapter {
  private final SubfilterJson json;
  private final JwtVerifier verifier;
  private final boolean requireSignature;

  private FourMeAdapter(Builder b) {
    this.json = b.json;
    this.requireSignature = b.requireSignature == null ? !b.keys.isEmpty() : b.requireSignature;
    if (b.keys.isEmpty()) {
      if (b.algorithm != null || b.issuer != null || b.audience != null) {
        throw new IllegalArgumentException("algorithm, issuer and audience need a public key (publicKeyPem, publicKey or jwks)");
      }
      this.verifier = null;
    } else {
      if (b.algorithm == null || b.issuer == null || b.audience == null) {
        throw new IllegalArgumentException("verifying signed 4me deliveries needs algorithm, issuer and audience (the webhook policy's)");
      }
      this.verifier = new JwtVerifier(b.algorithm, b.keys, b.issuer, b.audience, b.clockSkew, b.clock);
    }
    if (requireSignature && verifier == null) {
      throw new IllegalArgumentException("requireSignature needs a public key to verify with");
    }
  }

  /**
   * An adapter for unsigned deliveries only; signed ones are rejected, since nothing can verify them.
   *
   * @return an adapter reading with {@link SubfilterJson#create()}'s limits
   */
  public static FourMeAdapter create() {
    return builder().build();
  }

  /**
   * A builder: configure the webhook policy's key, algorithm, issuer and audience to verify signed
   * deliveries.
   *
   * @return a new builder with no key, default limits, a 60 s clock skew and the system clock
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String source() {
    return "4me";
  }

  @Override
  public Delivery read(byte[] body, Map<String, List<String>> headers) {
    ObjectNode root = Payloads.object(json.readPayload(body), "", "a 4me delivery object");
    JsonNode jwt = root.get("jwt");
    ObjectNode envelope;
    String base;
    Instant issuedAt = null;
    if (jwt != null) {
      String token = Payloads.string(jwt, "/jwt", "the signed delivery as a JWS string");
      if (verifier == null) {
        throw new UnauthenticDeliveryException(Reason.BAD_SIGNATURE, new Problem("/jwt",
            "a signed delivery, but no public key is configured to verify it (FourMeAdapter.builder().publicKeyPem(...))"), null);
      }
      SignedJWT signed = verifier.verify(token);
      ObjectNode claims = Payloads.object(json.readPayload(signed.getPayload().toBytes()), "/jwt", "a JSON object of claims");
      envelope = Payloads.object(claims.get("data"), "/jwt/data", "the 4me envelope in the data claim");
      base = "/jwt/data";
      issuedAt = issuedAt(signed);
    } else {
      if (requireSignature) {
        throw new UnauthenticDeliveryException(Reason.UNSIGNED, new Problem("",
            "an unsigned delivery; this adapter requires {\"jwt\": ...} signed by the webhook policy"), null);
      }
      envelope = root;
      base = "";
    }
    return map(envelope, base, issuedAt, delivery(headers));
  }

  private Delivery map(ObjectNode env, String base, Instant issuedAt, String deliveryId) {
    String name = Payloads.string(env.get("event"), base + "/event", "the 4me event name, e.g. task.status-changed");
    JsonNode p = env.get("payload");
    ObjectNode payload = p == null || p.isNull() ? json.mapper().createObjectNode()
        : Payloads.object(p, base + "/payload", "the event's payload object");
    if (name.equals("webhook.verify")) {
      String callback = Payloads.string(payload.get("callback"), base + "/payload/callback", "the callback URL to confirm the webhook");
      return new Delivery.Handshake("4me", callback);
    }
    int dot = name.indexOf('.');
    String prefix = dot < 0 ? name : name.substring(0, dot);
    String action = dot < 0 ? "" : name.substring(dot + 1);
    String type = switch (action) {
      case "create" -> "CREATE";
      case "delete" -> "DELETE";
      default -> "UPDATE";
    };
    ObjectNode newState = payload.deepCopy();
    JsonNode previous = newState.remove("previous_status");
    for (String key : new String[] {"account_id", "person_id", "person_name"}) {
      if (!newState.has(key) && env.has(key)) {
        newState.set(key, env.get(key));
      }
    }
    ObjectNode oldState = null;
    if (type.equals("CREATE")) {
      oldState = json.mapper().createObjectNode();
    } else if (action.equals("status-changed") && previous != null) {
      oldState = newState.deepCopy();
      oldState.set("status", previous);
    }
    Event event = Event.builder(JacksonModel.INSTANCE).source("4me").name(name).eventType(type)
        .objCode(prefix.toUpperCase(Locale.ROOT)).objId(Payloads.id(env.get("object_id"), base + "/object_id"))
        .newState(newState).oldState(oldState).eventTime(issuedAt).deliveryId(deliveryId).build();
    return new Delivery.Received(event);
  }

  private static Instant issuedAt(SignedJWT signed) {
    try {
      java.util.Date iat = signed.getJWTClaimsSet().getIssueTime();
      return iat == null ? null : iat.toInstant();
    } catch (ParseException e) {
      return null; // verify() already parsed these claims
    }
  }

  private static String delivery(Map<String, List<String>> headers) {
    String id = Headers.first(headers, "X-4me-Delivery");
    return id != null ? id : Headers.first(headers, "X-Xurrent-Delivery");
  }

  /** Configures a {@link FourMeAdapter}; not thread-safe. */
  public static final class Builder {
    private SubfilterJson json = SubfilterJson.create();
    private final List<JwtVerifier.Key> keys = new ArrayList<>();
    private JWSAlgorithm algorithm;
    private String issuer;
    private String audience;
    private Boolean requireSignature;
    private Duration clockSkew = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The reader whose limits apply to bodies and tokens; {@link SubfilterJson#create()} by default.
     *
     * @param v the reader; not {@code null}
     * @return this builder
     */
    public Builder json(SubfilterJson v) {
      json = Objects.requireNonNull(v, "json");
      return this;
    }

    /**
     * The webhook policy's public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509
     * SubjectPublicKeyInfo, RSA or EC).
     *
     * @param pem the key in PEM; not {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is not such a key
     */
    public Builder publicKeyPem(String pem) {
      String b64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
      byte[] der;
      try {
        der = Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("publicKeyPem is not PEM: " + e.getMessage(), e);
      }
      for (String kind : new String[] {"RSA", "EC"}) {
        try {
          return publicKey(KeyFactory.getInstance(kind).generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
          // not this kind: try the next
        }
      }
      throw new IllegalArgumentException("publicKeyPem holds no RSA or EC public key (expected -----BEGIN PUBLIC KEY-----)");
    }

    /**
     * A public key to verify with; may be called more than once.
     *
     * @param key an RSA or EC public key; not {@code null}
     * @return this builder
     */
    public Builder publicKey(PublicKey key) {
      keys.add(new JwtVerifier.Key(null, Objects.requireNonNull(key, "key")));
      return this;
    }

    /**
     * Every RSA and EC public key of a JWKS document (as loaded from the policy's {@code
     * jwks_uri}); keys are picked by {@code kid}.
     *
     * @param jwksJson the JWK set as JSON text; not {@code null}
     * @return this builder
     * @throws IllegalArgumentException when the text is not a JWK set
     */
    public Builder jwks(String jwksJson) {
      try {
        keys.addAll(JwtVerifier.keysOf(JWKSet.parse(jwksJson)));
      } catch (ParseException e) {
        throw new IllegalArgumentException("jwks is not a JWK set: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * The policy's algorithm: RS256, RS384, RS512, ES256, ES384 or ES512.
     *
     * @param name the algorithm's JOSE name; not {@code null}
     * @return this builder
     * @throws IllegalArgumentException for any other algorithm ({@code none} and HMAC included)
     */
    public Builder algorithm(String name) {
      algorithm = JWSAlgorithm.parse(Objects.requireNonNull(name, "algorithm"));
      if (!JwtVerifier.ALLOWED.contains(algorithm)) {
        throw new IllegalArgumentException("algorithm " + name + " is not allowed; use one of RS256, RS384, RS512, ES256, ES384, ES512");
      }
      return this;
    }

    /**
     * The expected {@code iss}, the account URL, e.g. {@code https://wdc.4me.com}.
     *
     * @param v the issuer; not {@code null}
     * @return this builder
     */
    public Builder issuer(String v) {
      issuer = Objects.requireNonNull(v, "issuer");
      return this;
    }

    /**
     * The policy's audience, which {@code aud} must include.
     *
     * @param v the audience; not {@code null}
     * @return this builder
     */
    public Builder audience(String v) {
      audience = Objects.requireNonNull(v, "audience");
      return this;
    }

    /**
     * Whether unsigned bodies are rejected; by default true exactly when a key is configured.
     *
     * @param v true to reject unsigned bodies
     * @return this builder
     */
    public Builder requireSignature(boolean v) {
      requireSignature = v;
      return this;
    }

    /**
     * The clock skew allowed for {@code exp} and {@code nbf}; 60 s by default.
     *
     * @param v the skew; not {@code null}
     * @return this builder
     * @throws IllegalArgumentException when it is negative
     */
    public Builder clockSkew(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative");
      }
      clockSkew = v;
      return this;
    }

    /**
     * The clock {@code exp} and {@code nbf} are checked against; the system's by default.
     *
     * @param v the clock; not {@code null}
     * @return this builder
     */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /**
     * The adapter configured so far; the builder may be used again.
     *
     * @return an immutable, thread-safe adapter
     * @throws IllegalArgumentException for an inconsistent configuration, naming what is missing
     */
    public FourMeAdapter build() {
      return new FourMeAdapter(this);
    }
  }
}
