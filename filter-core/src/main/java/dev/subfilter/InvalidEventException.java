package dev.subfilter;

/**
 * A delivery that is not used as an event: a payload that cannot be read as one (located by a JSON
 * Pointer into the payload), or, as {@link UnauthenticDeliveryException}, one whose authenticity
 * could not be established. Nothing of the event is returned with it. See {@link SubfilterException}
 * for the errors contract.
 */
public class InvalidEventException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public InvalidEventException(Problem problem) {
    this("invalid event: ", problem, null);
  }

  public InvalidEventException(Problem problem, Throwable cause) {
    this("invalid event: ", problem, cause);
  }

  InvalidEventException(String prefix, Problem problem, Throwable cause) {
    super(prefix + problem, cause);
    this.problem = problem;
  }

  /** Where and what. */
  public Problem problem() {
    return problem;
  }
}
