package dev.subfilter.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
    Map<Long, Integer> children = new HashMap<>(); // (node << 16 | char) -> child
    int nodes = 1;
    int[] outTmp = new int[Math.max(16, keys.length + 1)];
    Arrays.fill(outTmp, -1);
    for (int id = 0; id < keys.length; id++) {
      String key = keys[id];
      int u = 0;
      for (int k = 0; k < key.length(); k++) {
        char c = key.charAt(reversed ? key.length() - 1 - k : k);
        long edge = ((long) u << 16) | c;
        Integer v = children.get(edge);
        if (v == null) {
          v = nodes++;
          children.put(edge, v);
        }
        u = v;
      }
      if (u >= outTmp.length) {
        int old = outTmp.length;
        outTmp = Arrays.copyOf(outTmp, Math.max(u + 1, old * 2));
        Arrays.fill(outTmp, old, outTmp.length, -1);
      }
      if (outTmp[u] >= 0) {
        throw new IllegalArgumentException("key appears twice: " + key);
      }
      outTmp[u] = id;
    }
    int[] out = Arrays.copyOf(outTmp, nodes);
    if (outTmp.length < nodes) {
      Arrays.fill(out, outTmp.length, nodes, -1);
    }
    int[] edgeStart = new int[nodes + 1];
    for (Long edge : children.keySet()) {
      edgeStart[(int) (edge >>> 16) + 1]++;
    }
    for (int u = 0; u < nodes; u++) {
      edgeStart[u + 1] += edgeStart[u];
    }
    int[] fill = Arrays.copyOf(edgeStart, nodes);
    long[] packed = new long[children.size()]; // char << 32 | target, sorted per node
    for (Map.Entry<Long, Integer> e : children.entrySet()) {
      int u = (int) (e.getKey() >>> 16);
      packed[fill[u]++] = ((e.getKey() & 0xFFFFL) << 32) | e.getValue();
    }
    for (int u = 0; u < nodes; u++) {
      Arrays.sort(packed, edgeStart[u], edgeStart[u + 1]);
    }
    char[] edgeChar = new char[packed.length];
    int[] edgeTarget = new int[packed.length];
    for (int i = 0; i < packed.length; i++) {
      edgeChar[i] = (char) (packed[i] >>> 32);
      edgeTarget[i] = (int) packed[i];
    }
    return new PrefixTrie(edgeStart, edgeChar, edgeTarget, out);
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
