package dev.subfilter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A subscription that cannot be used, with every problem found in it at once, each located by a
 * JSON Pointer. The message lists them one per line.
 */
public final class InvalidSubscriptionException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /**
   * An invalid subscription; {@code problems} is copied.
   *
   * @param problems every problem found, in document order; not {@code null}, nor any of them, and
   *     not empty
   * @throws NullPointerException when {@code problems} or one of them is {@code null}
   */
  public InvalidSubscriptionException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, in document order; never empty.
   *
   * @return an unmodifiable list; {@code null} after deserialization (it is transient; the message
   *     keeps their text)
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    String head = problems.size() == 1 ? "invalid subscription: " : "invalid subscription, " + problems.size() + " problems:\n";
    return head + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
