package dev.subfilter.internal;

import java.util.Arrays;

/**
 * A trie over a set of keys, stored flat (the edges of node {@code u} are {@code
 * [edgeStart[u], edgeStart[u+1])}, sorted by char): walking a text from node 0 one char at a time
 * passes, in order, every node where a key that begins the text ends. What {@link PrefixPostings}
 * walks, forward for prefixes, backward (over reversed keys) for suffixes. Immutable and
 * thread-safe (all fields final).
 */
final class PrefixTrie {
  private final int[] edgeStart;
  private final char[] edgeChar;
  private final int[] edgeTarget;
  /** The key that ends at a node, or -1. */
  private final int[] out;
  /** The root's transitions on ASCII chars (-1: none): most walks end one or two steps from it. */
  private final int[] rootAscii;

  private PrefixTrie(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] out) {
    this.edgeStart = edgeStart;
    this.edgeChar = edgeChar;
    this.edgeTarget = edgeTarget;
    this.out = out;
    this.rootAscii = new int[128];
    Arrays.fill(rootAscii, -1);
    for (int i = edgeStart[0]; i < edgeStart[1]; i++) {
      if (edgeChar[i] < 128) {
        rootAscii[edgeChar[i]] = edgeTarget[i];
      }
    }
  }

  /**
   * The trie of {@code keys} (each read backward when {@code reversed}); key {@code i} is reported
   * as {@code i}. The empty key ends at the root.
   *
   * @throws IllegalArgumentException when a key appears twice
   */
  static PrefixTrie build(String[] keys, boolean reversed) {
    FlatTrie t = FlatTrie.of(keys, reversed, "key");
    return new PrefixTrie(t.edgeStart, t.edgeChar, t.edgeTarget, t.out);
  }

  /** The key that ends at node {@code u}, or -1. */
  int key(int u) {
    return out[u];
  }

  /** The child of node {@code u} on {@code c}, or -1. */
  int step(int u, char c) {
    if (u == 0 && c < 128) {
      return rootAscii[c];
    }
    int lo = edgeStart[u];
    int hi = edgeStart[u + 1] - 1;
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
}
