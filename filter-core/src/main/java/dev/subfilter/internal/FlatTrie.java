package dev.subfilter.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A trie over a set of keys laid out flat, the one builder of {@link PrefixTrie} and {@link
 * ContainsAutomaton}: the edges of node {@code u} are {@code [edgeStart[u], edgeStart[u+1])},
 * sorted by char; {@code out[u]} is the key ending at {@code u}, or -1. Node 0 is the root.
 */
final class FlatTrie {
  final int nodes;
  final int[] edgeStart;
  final char[] edgeChar;
  final int[] edgeTarget;
  final int[] out;

  private FlatTrie(int nodes, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] out) {
    this.nodes = nodes;
    this.edgeStart = edgeStart;
    this.edgeChar = edgeChar;
    this.edgeTarget = edgeTarget;
    this.out = out;
  }

  /**
   * The trie of {@code keys} (each read backward when {@code reversed}); key {@code i} ends at a
   * node whose {@code out} is {@code i}.
   *
   * @param what how a key is named in the error ("key", "literal")
   * @throws IllegalArgumentException when a key appears twice
   */
  static FlatTrie of(String[] keys, boolean reversed, String what) {
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
        throw new IllegalArgumentException(what + " appears twice: " + key);
      }
      outTmp[u] = id;
    }
    int[] out = Arrays.copyOf(outTmp, nodes);
    if (outTmp.length < nodes) {
      Arrays.fill(out, outTmp.length, nodes, -1);
    }
    // count edges per node, then fill, then sort each node's edges by char
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
    return new FlatTrie(nodes, edgeStart, edgeChar, edgeTarget, out);
  }
}
