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

  /** Which check failed; serialized with the exception. */
  private final Reason reason;

  /**
   * A rejected delivery; the message is {@code "unauthentic delivery (REASON): "} and the problem.
   *
   * @param reason which check failed; not {@code null}
   * @param problem where (e.g. {@code /jwt}, or {@code ""} for the delivery) and what was expected,
   *     without secrets; must not be {@code null}
   * @param cause the verifier's exception, or {@code null} when none
   * @throws NullPointerException when {@code reason} is {@code null}
   */
  public UnauthenticDeliveryException(Reason reason, Problem problem, Throwable cause) {
    super("unauthentic delivery (" + Objects.requireNonNull(reason, "reason") + "): ", problem, cause);
    this.reason = reason;
  }

  /**
   * Which check failed.
   *
   * @return the reason; never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
