package dev.subfilter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A subscription that cannot be used, with every problem found in it at once, each located by a
 * JSON Pointer. {@link #getMessage()} starts with a one-line summary (for logs: how many problems
 * and where the first few are), then lists the problems one per line; {@link #problems()} holds
 * them as values.
 */
public final class InvalidSubscriptionException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  /** Pointers named in the summary line at most. */
  private static final int SUMMARY_POINTERS = 3;
  private final transient List<Problem> problems;

  /**
   * An invalid subscription; {@code problems} is copied.
   *
   * @param problems every problem found, in document order; not {@code null}, nor any of them, and
   *     not empty
   * @throws NullPointerException when {@code problems} or one of them is {@code null}
   * @throws IllegalArgumentException when {@code problems} is empty
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

  /**
   * The first line of the message: one problem in full, or the count and the first pointers.
   *
   * @return e.g. {@code invalid subscription, 3 problems at /eventType, /filters/0/comparison, /objCode}
   */
  public String summary() {
    return summary(problems);
  }

  private static String summary(List<Problem> problems) {
    if (problems.size() == 1) {
      return "invalid subscription: " + oneLine(problems.get(0).toString());
    }
    String at = problems.stream().limit(SUMMARY_POINTERS).map(p -> p.pointer().isEmpty() ? "(root)" : oneLine(p.pointer()))
        .collect(Collectors.joining(", "));
    return "invalid subscription, " + problems.size() + " problems at " + at + (problems.size() > SUMMARY_POINTERS ? ", ..." : "");
  }

  private static String format(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidSubscriptionException needs at least one problem");
    }
    String head = summary(problems);
    return problems.size() == 1 ? head : head + "\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  /** A pointer may hold a raw line break (a key {@code "a\nb"}): escaped, the summary stays one line. */
  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
