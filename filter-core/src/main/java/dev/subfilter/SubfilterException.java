package dev.subfilter;

/**
 * The root of every exception subfilter throws on bad input. Unchecked.
 *
 * <p>The errors contract of every subfilter module: bad input (subscriptions, events, deliveries,
 * mappings), limits hit included, is a subclass of this exception with located problems (JSON
 * Pointers) and, for a limit, the {@link Limits} setting to raise; a {@code null} argument is a
 * {@link NullPointerException} whose message is the parameter's name; misconfiguration (a {@link
 * Limits} out of range, an adapter builder given a bad key, secret or algorithm) is an {@link
 * IllegalArgumentException} whose message names the setting. Misconfiguration is kept out of this
 * family on purpose: it is a programming error met once at startup, while this family is what a
 * service catches for each input.
 */
public class SubfilterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with this message.
   *
   * @param message what was found, where, and what is allowed; may be {@code null}
   */
  public SubfilterException(String message) {
    super(message);
  }

  /**
   * An exception with this message and cause.
   *
   * @param message what was found, where, and what is allowed; may be {@code null}
   * @param cause the exception that led to this one, or {@code null} when none
   */
  public SubfilterException(String message, Throwable cause) {
    super(message, cause);
  }
}
