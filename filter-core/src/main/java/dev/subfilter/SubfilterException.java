package dev.subfilter;

/** The root of every exception subfilter throws on bad input. Unchecked. */
public class SubfilterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SubfilterException(String message) {
    super(message);
  }

  public SubfilterException(String message, Throwable cause) {
    super(message, cause);
  }
}
