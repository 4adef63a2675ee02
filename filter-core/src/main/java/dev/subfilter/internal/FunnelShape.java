package dev.subfilter.internal;

import dev.subfilter.Connector;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription's filters (or the rest of them, once one top-level condition is set apart) laid
 * out for the funnel: one row per filter and group in written order, depth first, and how rows
 * combine. {@link #slice} takes where each condition held over a batch of events (the {@code i}-th
 * condition written is bit {@code i}) and says, combining groups as {@code Explainer} does, where the
 * filters hold, where each row rejected the event and where it alone did. Immutable.
 */
final class FunnelShape {
  /** The row's parent row, or -1 for a top-level row. */
  final int[] parent;
  /** For a condition row its bit, else -1. */
  final int[] bit;
  /** For a group row whether it is an AND. */
  final boolean[] and;
  /** For a group row its children's rows. */
  final int[][] children;
  /** The top-level rows. */
  final int[] top;
  /** How the top-level rows combine. */
  final boolean topAnd;
  /** For each row the plan node it was laid out from. */
  final List<Plan.Node> nodes;

  private FunnelShape(List<Integer> parents, List<Integer> bits, List<Boolean> ands, List<int[]> kids, int[] top,
      boolean topAnd, List<Plan.Node> nodes) {
    int n = parents.size();
    this.parent = new int[n];
    this.bit = new int[n];
    this.and = new boolean[n];
    this.children = new int[n][];
    for (int i = 0; i < n; i++) {
      parent[i] = parents.get(i);
      bit[i] = bits.get(i);
      and[i] = ands.get(i);
      children[i] = kids.get(i);
    }
    this.top = top;
    this.topAnd = topAnd;
    this.nodes = List.copyOf(nodes);
  }

  /**
   * The shape of {@code topNodes} combined by AND ({@code topAnd}) or OR; condition bits are
   * numbered in written order, skipping {@code skip} (a top-level condition set apart, or null).
   */
  static FunnelShape of(List<Plan.Node> topNodes, boolean topAnd, Plan.Node skip) {
    Builder b = new Builder();
    List<Integer> top = new ArrayList<>();
    for (Plan.Node n : topNodes) {
      if (n != skip) {
        top.add(b.visit(n, -1));
      }
    }
    return new FunnelShape(b.parents, b.bits, b.ands, b.kids, top.stream().mapToInt(Integer::intValue).toArray(), topAnd, b.nodes);
  }

  private static final class Builder {
    final List<Integer> parents = new ArrayList<>();
    final List<Integer> bits = new ArrayList<>();
    final List<Boolean> ands = new ArrayList<>();
    final List<int[]> kids = new ArrayList<>();
    final List<Plan.Node> nodes = new ArrayList<>();
    int nextBit;

    int visit(Plan.Node n, int parent) {
      int row = parents.size();
      parents.add(parent);
      nodes.add(n);
      if (n instanceof Plan.Test) {
        bits.add(nextBit++);
        ands.add(false);
        kids.add(null);
        return row;
      }
      Plan.Junction j = (Plan.Junction) n;
      bits.add(-1);
      ands.add(j.connector == Connector.AND); // a group has two or more children: its connector is its own
      kids.add(null);
      int[] c = new int[j.children.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = visit(j.children.get(i), row);
      }
      kids.set(row, c);
      return row;
    }
  }

  int rows() {
    return parent.length;
  }

  /**
   * The rows' results over a batch of events at once, 64 to a word: bit {@code p} of word {@code
   * p / 64} is event {@code p} of the batch.
   */
  static final class Sliced {
    /** Per row, where it holds. */
    final long[][] val;
    /** Where the filters hold. */
    final long[] holds;
    /** Per row, where it rejected the event: it and every group above false, and the filters false. */
    final long[][] rejected;
    /** Per row, where it alone rejected the event (null when {@code restOfFalse}). */
    final long[][] nearMisses;

    Sliced(long[][] val, long[] holds, long[][] rejected, long[][] nearMisses) {
      this.val = val;
      this.holds = holds;
      this.rejected = rejected;
      this.nearMisses = nearMisses;
    }
  }

  /**
   * The results over a batch, the {@code i}-th condition's from {@code conditions[local[i]]}.
   *
   * @param restOfFalse these rows are the rest of an AND whose condition set apart is false: the
   *     whole is false whatever they give, so a row rejects when it and its groups are false, and no
   *     row is a near miss ({@link Sliced#holds} says where the rest holds)
   */
  Sliced slice(long[][] conditions, int[] local, int words, boolean restOfFalse) {
    int n = parent.length;
    long[][] val = new long[n][];
    for (int r = n - 1; r >= 0; r--) {
      if (bit[r] >= 0) {
        val[r] = conditions[local[bit[r]]];
      } else {
        val[r] = combine(children[r], and[r], val, words);
      }
    }
    long[] holds = top.length == 0 ? ones(words) : combine(top, topAnd, val, words); // no filters: every event
    long[][] rejected = new long[n][];
    long[][] near = restOfFalse ? null : new long[n][];
    long[][] path = restOfFalse ? null : new long[n][];
    long[][] othersTop = restOfFalse || !topAnd ? null : others(top, val, words);
    long[][][] othersOf = new long[n][][];
    for (int r = 0; r < n; r++) {
      int p = parent[r];
      long[] rej = new long[words];
      long[] v = val[r];
      for (int w = 0; w < words; w++) {
        long up = p >= 0 ? rejected[p][w] : restOfFalse ? -1L : ~holds[w];
        rej[w] = ~v[w] & up;
      }
      rejected[r] = rej;
      if (bit[r] < 0 && !restOfFalse && and[r]) {
        othersOf[r] = others(children[r], val, words);
      }
      if (!restOfFalse) {
        long[] ok = new long[words];
        long[] nm = new long[words];
        long[] sib = p < 0 ? (topAnd ? othersTop[indexOf(top, r)] : null) : (and[p] ? othersOf[p][indexOf(children[p], r)] : null);
        for (int w = 0; w < words; w++) {
          long up = p < 0 ? -1L : path[p][w];
          ok[w] = up & (sib == null ? -1L : sib[w]);
          nm[w] = ~holds[w] & ~v[w] & ok[w];
        }
        path[r] = ok;
        near[r] = nm;
      }
    }
    return new Sliced(val, holds, rejected, near);
  }

  private static long[] ones(int words) {
    long[] a = new long[words];
    java.util.Arrays.fill(a, -1L);
    return a;
  }

  private static long[] combine(int[] rows, boolean and, long[][] val, int words) {
    long[] out = and ? ones(words) : new long[words];
    for (int c : rows) {
      long[] v = val[c];
      for (int w = 0; w < words; w++) {
        out[w] = and ? out[w] & v[w] : out[w] | v[w];
      }
    }
    return out;
  }

  /** For each of {@code rows}, where all the others hold (prefix and suffix ANDs). */
  private static long[][] others(int[] rows, long[][] val, int words) {
    int k = rows.length;
    long[][] out = new long[k][words];
    long[] acc = ones(words);
    for (int i = 0; i < k; i++) {
      System.arraycopy(acc, 0, out[i], 0, words);
      long[] v = val[rows[i]];
      for (int w = 0; w < words; w++) {
        acc[w] &= v[w];
      }
    }
    java.util.Arrays.fill(acc, -1L);
    for (int i = k - 1; i >= 0; i--) {
      long[] v = val[rows[i]];
      for (int w = 0; w < words; w++) {
        out[i][w] &= acc[w];
        acc[w] &= v[w];
      }
    }
    return out;
  }

  private static int indexOf(int[] a, int x) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == x) {
        return i;
      }
    }
    throw new AssertionError("row " + x + " not among its siblings");
  }
}
