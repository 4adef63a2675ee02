package dev.subfilter;

/** The root of every exception subfilter throws on bad input. Unchecked. */
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
