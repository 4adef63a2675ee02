package dev.subfilter.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code like} fieldValue read once: the literal runs between its stars. In the pattern {@code *}
 * is any run of characters (none included), {@code \*} a star and {@code \\} a backslash; any other
 * backslash is an error. The whole string must match; characters are UTF-16 units, as {@code
 * contains} compares them. The one reader of the syntax: the parser checks patterns with {@link
 * #problem} (through {@link Plan#likeProblem}). Immutable.
 */
final class LikePattern implements Operand {
  /**
   * The literal runs: the pattern is {@code parts[0] * parts[1] * ... * parts[k]}; one part when
   * it has no star (then it is string equality). Runs may be empty (a leading or trailing star,
   * two stars in a row).
   */
  final String[] parts;

  private LikePattern(String[] parts) {
    this.parts = parts;
  }

  /**
   * What is wrong with {@code pattern}, or {@code null} when it is a valid like pattern.
   *
   * @param pattern the pattern as written
   * @return the problem in words, or {@code null}
   */
  static String problem(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '\\') {
        if (i + 1 == pattern.length()) {
          return "the like pattern ends with a lone backslash; write \\\\ for a backslash, \\* for a star";
        }
        char next = pattern.charAt(i + 1);
        if (next != '*' && next != '\\') {
          return "the like pattern has a backslash before '" + new String(Character.toChars(pattern.codePointAt(i + 1)))
              + "' (character " + (i + 1) + "); a backslash escapes only * and \\ (write \\\\ for a backslash)";
        }
        i++;
      }
    }
    return null;
  }

  /**
   * The pattern read.
   *
   * @throws IllegalArgumentException when {@link #problem} finds one
   */
  static LikePattern of(String pattern) {
    String p = problem(pattern);
    if (p != null) {
      throw new IllegalArgumentException(p);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        run.append(pattern.charAt(++i));
      } else if (c == '*') {
        parts.add(run.toString());
        run.setLength(0);
      } else {
        run.append(c);
      }
    }
    parts.add(run.toString());
    return new LikePattern(parts.toArray(new String[0]));
  }

  /** Whether the pattern has a star. */
  boolean hasStar() {
    return parts.length > 1;
  }

  /** The literal before the first star (the whole literal without one). */
  String leading() {
    return parts[0];
  }

  /** The literal after the last star; {@code ""} without a star. */
  String trailing() {
    return parts.length == 1 ? "" : parts[parts.length - 1];
  }

  /** The longest literal run (the first of the longest). */
  String longest() {
    String best = parts[0];
    for (String p : parts) {
      if (p.length() > best.length()) {
        best = p;
      }
    }
    return best;
  }

  /**
   * Whether {@code s} matches (case-folded when {@code fold}: the parts are folded already).
   * Leftmost matching of each middle run is exact for star-only patterns; O(length × runs) at
   * worst, and allocates nothing.
   */
  boolean matches(String s, boolean fold) {
    String first = parts[0];
    if (parts.length == 1) {
      return fold ? CaseFold.equalsFolded(first, s) : s.equals(first);
    }
    String last = parts[parts.length - 1];
    int end = s.length() - last.length();
    if (end < first.length()) {
      return false;
    }
    if (fold ? !CaseFold.regionMatches(s, 0, first) || !CaseFold.regionMatches(s, end, last)
        : !s.startsWith(first) || !s.startsWith(last, end)) {
      return false;
    }
    int from = first.length();
    for (int i = 1; i < parts.length - 1; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        continue;
      }
      int at = fold ? CaseFold.indexOf(s, p, from, end) : indexOf(s, p, from, end);
      if (at < 0) {
        return false;
      }
      from = at + p.length();
    }
    return true;
  }

  private static int indexOf(String s, String p, int from, int end) {
    int at = s.indexOf(p, from);
    return at >= 0 && at + p.length() <= end ? at : -1;
  }
}
