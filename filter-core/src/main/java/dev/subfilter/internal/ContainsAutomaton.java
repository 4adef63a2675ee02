package dev.subfilter.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An Aho–Corasick automaton over a set of non-empty literals: one pass over a text finds every
 * literal that occurs in it as a substring (by UTF-16 units, as {@link String#contains} compares).
 * The trie is stored flat (edges of node {@code u} are {@code [edgeStart[u], edgeStart[u+1])},
 * sorted by char) so that a literal of k chars costs about 22k bytes. Immutable and thread-safe
 * (all fields final).
 */
final class ContainsAutomaton {
  private static final int LINEAR_DEDUP = 16;

  private final int[] edgeStart;
  private final char[] edgeChar;
  private final int[] edgeTarget;
  private final int[] fail;
  /** The literal that ends at a node, or -1. */
  private final int[] out;
  /** The nearest node on the failure chain (excluding the node) where a literal ends, or -1. */
  private final int[] dict;
  private final int literals;
  /**
   * The root's transitions on ASCII chars (0: stay at the root): a scan spends most chars at or
   * next to the root, so those steps are one array read instead of a search of the root's edges.
   */
  private final int[] rootAscii;

  private ContainsAutomaton(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] fail, int[] out, int[] dict, int literals) {
    this.rootAscii = new int[128];
    for (int i = edgeStart[0]; i < edgeStart[1]; i++) {
      if (edgeChar[i] < 128) {
        rootAscii[edgeChar[i]] = edgeTarget[i];
      }
    }
    this.edgeStart = edgeStart;
    this.edgeChar = edgeChar;
    this.edgeTarget = edgeTarget;
    this.fail = fail;
    this.out = out;
    this.dict = dict;
    this.literals = literals;
  }

  /**
   * The automaton of {@code literals}; literal {@code i} is reported as {@code i}.
   *
   * @throws IllegalArgumentException when a literal is empty or appears twice
   */
  static ContainsAutomaton build(String[] literals) {
    for (String lit : literals) {
      if (lit.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
    }
    FlatTrie t = FlatTrie.of(literals, false, "literal");
    int nodes = t.nodes;
    int[] out = t.out;
    int[] edgeStart = t.edgeStart;
    char[] edgeChar = t.edgeChar;
    int[] edgeTarget = t.edgeTarget;

    // failure and dictionary links, breadth first
    int[] fail = new int[nodes];
    int[] dict = new int[nodes];
    Arrays.fill(dict, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = edgeStart[0]; i < edgeStart[1]; i++) {
      fail[edgeTarget[i]] = 0;
      queue.add(edgeTarget[i]);
    }
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int i = edgeStart[u]; i < edgeStart[u + 1]; i++) {
        char c = edgeChar[i];
        int v = edgeTarget[i];
        int f = fail[u];
        int g;
        while ((g = step(edgeStart, edgeChar, edgeTarget, f, c)) < 0 && f != 0) {
          f = fail[f];
        }
        fail[v] = g < 0 ? 0 : g;
        int fv = fail[v];
        dict[v] = out[fv] >= 0 ? fv : dict[fv];
        queue.add(v);
      }
    }
    return new ContainsAutomaton(edgeStart, edgeChar, edgeTarget, fail, out, dict, literals.length);
  }

  /** The number of literals. */
  public int literals() {
    return literals;
  }

  /** The goto transition of node {@code u} on {@code c}, or -1. */
  private static int step(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int u, char c) {
    int lo = edgeStart[u];
    int hi = edgeStart[u + 1] - 1;
    if (hi - lo < 8) {
      for (int i = lo; i <= hi; i++) {
        if (edgeChar[i] == c) {
          return edgeTarget[i];
        }
      }
      return -1;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = edgeChar[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return -1;
  }

  /**
   * The distinct literals that occur in {@code text}: {@code null} when none does, else an array
   * whose element 0 is their number {@code k} and elements 1..k their ids (in order of first
   * occurrence). Allocates only when something occurs, in proportion to what does. With {@code
   * fold} the text is read case-folded ({@link CaseFold#at}), for an automaton of folded literals.
   */
  public int[] scan(String text, boolean fold) {
    int[] hits = null;
    long[] seen = null;
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = fold ? CaseFold.at(text, i) : text.charAt(i);
      while (true) {
        if (state == 0) {
          int next = c < 128 ? rootAscii[c] : step(edgeStart, edgeChar, edgeTarget, 0, c);
          state = next < 0 ? 0 : next;
          break;
        }
        int next = step(edgeStart, edgeChar, edgeTarget, state, c);
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state];
      }
      for (int o = out[state] >= 0 ? state : dict[state]; o >= 0; o = dict[o]) {
        int id = out[o];
        if (hits == null) {
          hits = new int[] {0, 0, 0, 0, 0};
        } else if (seen != null) {
          if ((seen[id >>> 6] & (1L << id)) != 0) {
            continue;
          }
        } else if (contains(hits, id)) {
          continue;
        }
        if (hits[0] + 1 == hits.length) {
          hits = Arrays.copyOf(hits, hits.length * 2);
        }
        hits[++hits[0]] = id;
        if (seen != null) {
          seen[id >>> 6] |= 1L << id;
        } else if (hits[0] > LINEAR_DEDUP) {
          seen = new long[(literals + 63) >>> 6];
          for (int k = 1; k <= hits[0]; k++) {
            seen[hits[k] >>> 6] |= 1L << hits[k];
          }
        }
      }
    }
    return hits;
  }

  private static boolean contains(int[] hits, int id) {
    for (int k = 1; k <= hits[0]; k++) {
      if (hits[k] == id) {
        return true;
      }
    }
    return false;
  }
}
