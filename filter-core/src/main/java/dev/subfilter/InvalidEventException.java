package dev.subfilter;

/**
 * A delivery that is not used as an event: a payload that cannot be read as one (located by a JSON
 * Pointer into the payload), or, as {@link UnauthenticDeliveryException}, one whose authenticity
 * could not be established. Nothing of the event is returned with it.
 */
public class InvalidEventException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  /**
   * An invalid event; the message is {@code "invalid event: "} followed by the problem.
   *
   * @param problem where in the payload and what; must not be {@code null}
   */
  public InvalidEventException(Problem problem) {
    this("invalid event: ", problem, null);
  }

  /**
   * An invalid event found through another exception (a JSON syntax error, a bad base64 state).
   *
   * @param problem where in the payload and what; must not be {@code null}
   * @param cause the exception that revealed it, or {@code null} when none
   */
  public InvalidEventException(Problem problem, Throwable cause) {
    this("invalid event: ", problem, cause);
  }

  InvalidEventException(String prefix, Problem problem, Throwable cause) {
    super(prefix + problem, cause);
    this.problem = problem;
  }

  /**
   * Where and what.
   *
   * @return the problem the exception was made with; {@code null} after deserialization (it is
   *     transient; the message keeps its text)
   */
  public Problem problem() {
    return problem;
  }
}
