package dev.subfilter;

/** An event payload that cannot be read as an event, located by a JSON Pointer into the payload. */
public final class InvalidEventException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public InvalidEventException(Problem problem) {
    super("invalid event: " + problem);
    this.problem = problem;
  }

  public InvalidEventException(Problem problem, Throwable cause) {
    super("invalid event: " + problem, cause);
    this.problem = problem;
  }

  /** Where and what. */
  public Problem problem() {
    return problem;
  }
}
