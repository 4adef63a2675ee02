package dev.subfilter;

import java.util.Objects;

/**
 * One thing wrong with an input: where (a JSON Pointer into it, {@code ""} for the whole input) and
 * what (found, and what is allowed). Immutable.
 */
public record Problem(String pointer, String message) {
  /**
   * A problem.
   *
   * @param pointer a JSON Pointer into the input, {@code ""} for the whole input; not {@code null}
   * @param message what was found and what is allowed; not {@code null}
   * @throws NullPointerException when {@code pointer} or {@code message} is {@code null}
   */
  public Problem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Appends {@code token} to a JSON Pointer, escaping {@code ~} and {@code /}.
   *
   * @param pointer a JSON Pointer, {@code ""} for the root
   * @param token an object member name, as is; not {@code null}
   * @return the pointer to that member, e.g. {@code /filters/0/a~1b} for {@code a/b}
   * @throws NullPointerException when {@code token} is {@code null}
   */
  public static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Appends an array index to a JSON Pointer.
   *
   * @param pointer a JSON Pointer, {@code ""} for the root
   * @param index the element's index, from {@code 0}
   * @return the pointer to that element, e.g. {@code /filters/2}
   */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
  }
}
