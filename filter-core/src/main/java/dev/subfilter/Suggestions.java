package dev.subfilter;

import java.util.Collection;
import java.util.Locale;

/**
 * The nearest valid token to a near miss, for the parser's "did you mean" hints: one edit
 * distance (Damerau–Levenshtein, optimal string alignment) for every token reader, so that every
 * hint is chosen by the same rule.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code found}, or {@code null} when none is near: the case-insensitive
   * distance is at most 1 for candidates of up to 4 characters, 2 up to 8, and 3 beyond; a
   * candidate equal but for case is always near. Ties go to the first candidate.
   *
   * @param found what the input holds
   * @param candidates the valid tokens, in the order to prefer them
   * @return the nearest candidate, or {@code null}
   */
  static String nearest(String found, Collection<String> candidates) {
    if (found.length() > 64) {
      return null; // a hint is for a typo; a long text is no near miss of a short token
    }
    String f = found.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(f, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance && d <= allowed(c)) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code "; did you mean X?"} for the nearest candidate, or {@code ""}. */
  static String hint(String found, Collection<String> candidates) {
    String n = nearest(found, candidates);
    return n == null || n.equals(found) ? "" : "; did you mean " + JsonWriter.quote(n) + "?";
  }

  private static int allowed(String candidate) {
    int n = candidate.length();
    return n <= 4 ? 1 : n <= 8 ? 2 : 3;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
