package dev.subfilter;

import java.util.Objects;

/**
 * A delivery rejected before anything in it was trusted: unsigned where a signature is required,
 * a signature or callback secret that does not verify, or token claims out of bounds. The message
 * says which check failed and what was expected; it never echoes secrets.
 */
public final class UnauthenticDeliveryException extends InvalidEventException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** No signature, and the adapter requires one. */
    UNSIGNED,
    /** The token's algorithm is not the configured one ({@code none} and HMAC are never accepted for public keys). */
    ALGORITHM_NOT_ALLOWED,
    /** The signature does not verify with the configured key(s), or the token is malformed. */
    BAD_SIGNATURE,
    /** {@code exp} is in the past, beyond the allowed clock skew. */
    EXPIRED,
    /** {@code nbf} is in the future, beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** {@code iss} is missing or not the configured issuer. */
    WRONG_ISSUER,
    /** {@code aud} is missing or does not include the configured audience. */
    WRONG_AUDIENCE,
    /** A required shared secret header is missing. */
    MISSING_SECRET,
    /** The shared secret header does not equal the configured secret. */
    WRONG_SECRET
  }

  private final Reason reason;

  public UnauthenticDeliveryException(Reason reason, Problem problem, Throwable cause) {
    super("unauthentic delivery (" + Objects.requireNonNull(reason, "reason") + "): ", problem, cause);
    this.reason = reason;
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }
}
