package dev.subfilter;

import java.util.Objects;

/**
 * One thing wrong with an input: where (a JSON Pointer into it, {@code ""} for the whole input) and
 * what (found, and what is allowed). Immutable.
 */
public record Problem(String pointer, String message) {
  public Problem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** Appends {@code token} to a JSON Pointer, escaping {@code ~} and {@code /}. */
  public static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends an array index to a JSON Pointer. */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
  }
}
