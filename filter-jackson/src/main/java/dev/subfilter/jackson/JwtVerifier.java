package dev.subfilter.jackson;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.subfilter.Problem;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies a JWS with a pinned algorithm against public keys, then its {@code iss}, {@code aud},
 * {@code exp} and {@code nbf}. Signature checking is nimbus-jose-jwt's; this class only decides
 * which key, which algorithm and which claims. Immutable and thread-safe.
 */
final class JwtVerifier {
  static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  /** A key and the key id it is known by ({@code null} for a lone PEM key). */
  record Key(String kid, PublicKey key) {}

  private final JWSAlgorithm algorithm;
  private final List<Key> keys;
  private final String issuer;
  private final String audience;
  private final Duration skew;
  private final Clock clock;

  JwtVerifier(JWSAlgorithm algorithm, List<Key> keys, String issuer, String audience, Duration skew, Clock clock) {
    if (!ALLOWED.contains(algorithm)) {
      throw new IllegalArgumentException("algorithm " + algorithm + " is not allowed; use one of RS256, RS384, RS512, ES256, ES384, ES512");
    }
    boolean rsa = JWSAlgorithm.Family.RSA.contains(algorithm);
    for (Key k : keys) {
      String which = k.kid() == null ? "" : " (kid " + k.kid() + ")";
      if (rsa ? !(k.key() instanceof RSAPublicKey) : !(k.key() instanceof ECPublicKey)) {
        throw new IllegalArgumentException("algorithm " + algorithm + " needs " + (rsa ? "RSA" : "EC") + " public keys, got "
            + k.key().getAlgorithm() + which);
      }
      if (k.key() instanceof ECPublicKey ec) {
        Curve curve = Curve.forECParameterSpec(ec.getParams());
        if (curve == null || !Curve.forJWSAlgorithm(algorithm).contains(curve)) {
          throw new IllegalArgumentException("algorithm " + algorithm + " needs a key on " + Curve.forJWSAlgorithm(algorithm)
              + ", got one on " + (curve == null ? "an unknown curve" : curve.getName()) + which);
        }
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no public key to verify " + algorithm + " signatures with");
    }
    this.algorithm = algorithm;
    this.keys = List.copyOf(keys);
    this.issuer = issuer;
    this.audience = audience;
    this.skew = skew;
    this.clock = clock;
  }

  /** The keys of a JWKS document usable for this family: public RSA or EC keys. */
  static List<Key> keysOf(JWKSet set) {
    List<Key> out = new ArrayList<>();
    for (JWK jwk : set.getKeys()) {
      try {
        PublicKey key = switch (jwk.getKeyType().getValue()) {
          case "RSA" -> jwk.toRSAKey().toPublicKey();
          case "EC" -> jwk.toECKey().toPublicKey();
          default -> null;
        };
        if (key != null) {
          out.add(new Key(jwk.getKeyID(), key));
        }
      } catch (JOSEException e) {
        throw new IllegalArgumentException("JWKS key " + jwk.getKeyID() + " is not a usable public key: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The verified token; throws {@link UnauthenticDeliveryException} for every failed check. */
  SignedJWT verify(String token) {
    checkHeader(token);
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw reject(Reason.BAD_SIGNATURE, "the jwt is not a well-formed JWT: " + e.getMessage(), e);
    }
    if (!(jwt instanceof SignedJWT signed)) {
      String what = jwt instanceof EncryptedJWT ? "an encrypted JWT" : "an unsigned JWT (alg none)";
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "the jwt is " + what + "; only " + algorithm + " signatures are accepted", null);
    }
    JWSAlgorithm alg = signed.getHeader().getAlgorithm();
    if (!algorithm.equals(alg)) {
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "the jwt is signed with " + alg + "; this adapter accepts only " + algorithm, null);
    }
    if (!verifies(signed)) {
      String kid = signed.getHeader().getKeyID();
      throw reject(Reason.BAD_SIGNATURE, "the " + alg + " signature does not verify with the configured key"
          + (keys.size() > 1 ? "s" : "") + (kid == null ? "" : " (token kid " + kid + ")"), null);
    }
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw reject(Reason.BAD_SIGNATURE, "the jwt's claims are malformed: " + e.getMessage(), e);
    }
    checkClaims(claims);
    return signed;
  }

  /** The algorithm is judged from the header alone, before a parse that may fail for other reasons. */
  private void checkHeader(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      throw reject(Reason.BAD_SIGNATURE, "the jwt is not a well-formed JWT: no header segment", null);
    }
    Header header;
    try {
      header = Header.parse(new Base64URL(token.substring(0, dot)));
    } catch (ParseException e) {
      throw reject(Reason.BAD_SIGNATURE, "the jwt's header is not well-formed: " + e.getMessage(), e);
    }
    if (!(header instanceof JWSHeader jws)) {
      String what = header instanceof PlainHeader ? "unsigned (alg none)" : "encrypted";
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "the jwt is " + what + "; only " + algorithm + " signatures are accepted", null);
    }
    if (!algorithm.equals(jws.getAlgorithm())) {
      throw reject(Reason.ALGORITHM_NOT_ALLOWED, "the jwt is signed with " + jws.getAlgorithm() + "; this adapter accepts only " + algorithm, null);
    }
  }

  private boolean verifies(SignedJWT signed) {
    String kid = signed.getHeader().getKeyID();
    for (Key k : keys) {
      if (kid != null && k.kid() != null && !kid.equals(k.kid())) {
        continue;
      }
      try {
        JWSVerifier v = k.key() instanceof RSAPublicKey r ? new RSASSAVerifier(r) : new ECDSAVerifier((ECPublicKey) k.key());
        if (signed.verify(v)) {
          return true;
        }
      } catch (JOSEException | IllegalStateException e) {
        // a key of the wrong curve or size for this token: try the next
      }
    }
    return false;
  }

  private void checkClaims(JWTClaimsSet claims) {
    if (!issuer.equals(claims.getIssuer())) {
      throw reject(Reason.WRONG_ISSUER, "iss is " + quote(claims.getIssuer()) + "; expected " + quote(issuer), null);
    }
    List<String> aud = claims.getAudience();
    if (aud == null || !aud.contains(audience)) {
      throw reject(Reason.WRONG_AUDIENCE, "aud is " + (aud == null || aud.isEmpty() ? "missing" : aud.toString()) + "; expected it to include " + quote(audience), null);
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp != null && now.isAfter(exp.toInstant().plus(skew))) {
      throw reject(Reason.EXPIRED, "the jwt expired at " + exp.toInstant() + " (now " + now + ", allowed skew " + skew.toSeconds() + " s)", null);
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
      throw reject(Reason.NOT_YET_VALID, "the jwt is not valid before " + nbf.toInstant() + " (now " + now + ", allowed skew " + skew.toSeconds() + " s)", null);
    }
  }

  private static String quote(String s) {
    return s == null ? "missing" : "\"" + s + "\"";
  }

  private static UnauthenticDeliveryException reject(Reason reason, String message, Throwable cause) {
    return new UnauthenticDeliveryException(reason, new Problem("/jwt", message), cause);
  }
}
