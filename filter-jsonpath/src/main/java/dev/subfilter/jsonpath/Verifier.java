package dev.subfilter.jsonpath;

import dev.subfilter.Problem;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticity check a mapping's {@code verify} section declares, with the caller's secrets:
 * an HMAC over the body (and a timestamp and headers, as the mapping says), or a shared-secret
 * header. Runs before anything in the body is read. Secrets are compared and MACs checked in
 * constant time ({@link MessageDigest#isEqual}); no message echoes a secret. Immutable and
 * thread-safe.
 */
sealed interface Verifier {

  /**
   * @throws UnauthenticDeliveryException when the delivery does not prove it comes from the vendor
   */
  void verify(byte[] body, Map<String, List<String>> headers);

  /** How secrets are written: as text (its UTF-8 bytes are the key), or base64 (after an optional {@code whsec_}). */
  enum SecretEncoding {
    TEXT, BASE64
  }

  /** What a mapping declares; secrets come from the caller. */
  sealed interface Spec {
    /** Environment variables that may hold the secret(s), in order. */
    List<String> secretEnv();

    SecretEncoding secretEncoding();
  }

  /** How a signature is written. */
  enum Encoding {
    HEX, BASE64
  }

  /** One piece of the signed content: literal text, the body, the timestamp, or a header. */
  record Piece(Kind kind, String text) {
    enum Kind {
      LITERAL, BODY, TIMESTAMP, HEADER
    }
  }

  /**
   * {@code verify.hmac}: the signatures are the entries of {@code header} (split at {@code
   * separator} when set) that start with {@code prefix}; the timestamp, when declared, is a header
   * or the entry starting with {@code timestampEntry}, in epoch seconds, and must lie within
   * {@code toleranceSeconds} of now.
   */
  record HmacSpec(String algorithm, String macName, Encoding encoding, String header, String prefix, String separator,
      List<Piece> signed, String timestampHeader, String timestampEntry, long toleranceSeconds,
      List<String> secretEnv, SecretEncoding secretEncoding) implements Spec {
    boolean hasTimestamp() {
      return timestampHeader != null || timestampEntry != null;
    }
  }

  /** {@code verify.token}: {@code header} must equal a secret. */
  record TokenSpec(String header, List<String> secretEnv, SecretEncoding secretEncoding) implements Spec {}

  /** The verifier of {@code spec} with these secrets (at least one), for the source named in messages. */
  static Verifier of(Spec spec, List<byte[]> secrets, Clock clock, String source) {
    if (spec instanceof HmacSpec h) {
      return new Hmac(h, secrets, clock, source);
    }
    return new Token((TokenSpec) spec, secrets, source);
  }

  private static UnauthenticDeliveryException reject(Reason reason, String message) {
    return new UnauthenticDeliveryException(reason, new Problem("", message), null);
  }

  /** An HMAC signature header. */
  final class Hmac implements Verifier {
    private final HmacSpec spec;
    private final Mac[] prototypes;
    private final Clock clock;
    private final String source;

    Hmac(HmacSpec spec, List<byte[]> secrets, Clock clock, String source) {
      this.spec = spec;
      this.clock = clock;
      this.source = source;
      this.prototypes = new Mac[secrets.size()];
      for (int i = 0; i < prototypes.length; i++) {
        try {
          Mac m = Mac.getInstance(spec.macName());
          m.init(new SecretKeySpec(secrets.get(i), spec.macName()));
          prototypes[i] = m;
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("every Java platform has " + spec.macName(), e);
        }
      }
    }

    @Override
    public void verify(byte[] body, Map<String, List<String>> headers) {
      String value = Value.Input.header(headers, spec.header());
      if (value == null || value.isBlank()) {
        throw reject(Reason.UNSIGNED, "no " + spec.header() + " header; this " + source
            + " mapping is configured with a secret, so every delivery must be signed");
      }
      List<String> entries = new ArrayList<>();
      if (spec.separator() == null) {
        entries.add(value.trim());
      } else {
        for (String e : value.split(java.util.regex.Pattern.quote(spec.separator()), -1)) {
          if (!e.isBlank()) {
            entries.add(e.trim());
          }
        }
      }
      String timestamp = null;
      long epochSecond = 0;
      if (spec.hasTimestamp()) {
        timestamp = spec.timestampHeader() != null ? Value.Input.header(headers, spec.timestampHeader()) : entry(entries, spec.timestampEntry());
        String where = spec.timestampHeader() != null ? "the " + spec.timestampHeader() + " header"
            : "an entry " + spec.timestampEntry() + "… of the " + spec.header() + " header";
        if (timestamp == null || timestamp.isBlank()) {
          throw reject(Reason.BAD_SIGNATURE, "no timestamp (" + where + "); the " + source + " signature covers one");
        }
        timestamp = timestamp.trim();
        if (!timestamp.matches("[0-9]{1,12}")) {
          throw reject(Reason.BAD_SIGNATURE, "the timestamp in " + where + " is not a number of seconds since 1970");
        }
        epochSecond = Long.parseLong(timestamp);
      }
      List<byte[]> given = new ArrayList<>();
      for (String e : entries) {
        if (e.startsWith(spec.prefix())) {
          byte[] decoded = decode(e.substring(spec.prefix().length()));
          if (decoded != null) {
            given.add(decoded);
          }
        }
      }
      if (given.isEmpty()) {
        throw reject(Reason.BAD_SIGNATURE, "the " + spec.header() + " header holds no " + spec.algorithm() + " signature"
            + (spec.prefix().isEmpty() ? "" : " written as " + spec.prefix() + "<" + spec.encoding().name().toLowerCase(java.util.Locale.ROOT) + ">"));
      }
      boolean match = false;
      for (Mac prototype : prototypes) {
        Mac mac = copy(prototype);
        for (Piece p : spec.signed()) {
          switch (p.kind()) {
            case BODY -> mac.update(body);
            case TIMESTAMP -> mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            case LITERAL -> mac.update(p.text().getBytes(StandardCharsets.UTF_8));
            case HEADER -> {
              String h = Value.Input.header(headers, p.text());
              if (h == null) {
                throw reject(Reason.BAD_SIGNATURE, "no " + p.text() + " header, which the " + source + " signature covers");
              }
              mac.update(h.getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new AssertionError("unhandled " + p.kind());
          }
        }
        byte[] expected = mac.doFinal();
        for (byte[] g : given) {
          match |= MessageDigest.isEqual(expected, g); // every pair compared: the time does not tell which matched
        }
      }
      if (!match) {
        throw reject(Reason.BAD_SIGNATURE, "the " + spec.header() + " signature does not match the body signed with the configured secret"
            + (prototypes.length == 1 ? "" : "s"));
      }
      if (spec.hasTimestamp()) {
        long now = clock.instant().getEpochSecond();
        if (epochSecond < now - spec.toleranceSeconds()) {
          throw reject(Reason.EXPIRED, "the signature's timestamp is " + (now - epochSecond) + " s old, more than the tolerance of "
              + spec.toleranceSeconds() + " s (verify.hmac.tolerance): a replay, or a clock far off");
        }
        if (epochSecond > now + spec.toleranceSeconds()) {
          throw reject(Reason.NOT_YET_VALID, "the signature's timestamp is " + (epochSecond - now) + " s in the future, more than the tolerance of "
              + spec.toleranceSeconds() + " s (verify.hmac.tolerance)");
        }
      }
    }

    private static String entry(List<String> entries, String prefix) {
      for (String e : entries) {
        if (e.startsWith(prefix)) {
          return e.substring(prefix.length());
        }
      }
      return null;
    }

    private byte[] decode(String text) {
      try {
        return spec.encoding() == Encoding.HEX ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return null; // not a signature of this encoding: it matches nothing
      }
    }

    private static Mac copy(Mac prototype) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the JDK's HMAC implementations are cloneable", e);
      }
    }
  }

  /** A shared secret sent as a header (GitLab's {@code X-Gitlab-Token}). */
  final class Token implements Verifier {
    private final TokenSpec spec;
    private final byte[][] digests;
    private final String source;

    Token(TokenSpec spec, List<byte[]> secrets, String source) {
      this.spec = spec;
      this.source = source;
      this.digests = secrets.stream().map(Token::sha256).toArray(byte[][]::new);
    }

    @Override
    public void verify(byte[] body, Map<String, List<String>> headers) {
      String given = Value.Input.header(headers, spec.header());
      if (given == null) {
        throw reject(Reason.MISSING_SECRET, "no " + spec.header() + " header; this " + source + " mapping is configured with a secret");
      }
      byte[] g = sha256(given.getBytes(StandardCharsets.UTF_8));
      boolean match = false;
      for (byte[] d : digests) {
        match |= MessageDigest.isEqual(d, g);
      }
      if (!match) {
        throw reject(Reason.WRONG_SECRET, "the " + spec.header() + " header does not equal the configured secret" + (digests.length == 1 ? "" : "s"));
      }
    }

    /** Digests make the comparison constant-time in the secret's length too. */
    private static byte[] sha256(byte[] b) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(b);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }
}
