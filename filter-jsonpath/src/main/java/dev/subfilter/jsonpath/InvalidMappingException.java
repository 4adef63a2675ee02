package dev.subfilter.jsonpath;

import dev.subfilter.Problem;
import dev.subfilter.SubfilterException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapping file that cannot be used, with every problem found in it at once, each located by a
 * JSON Pointer into the mapping. The message lists them one per line.
 */
public final class InvalidMappingException extends SubfilterException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /**
   * @param problems what is wrong and where, in document order; not empty
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public InvalidMappingException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems, in document order.
   *
   * @return never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidMappingException needs at least one problem");
    }
    String head = problems.size() == 1 ? "invalid mapping: " : "invalid mapping, " + problems.size() + " problems:\n";
    return head + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
