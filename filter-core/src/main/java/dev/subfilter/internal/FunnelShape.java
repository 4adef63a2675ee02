package dev.subfilter.internal;

import dev.subfilter.Connector;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription's filters (or the rest of them, once one top-level condition is set apart) laid
 * out for the funnel: one row per filter and group in written order, depth first, and how rows
 * combine. {@link #analyze} takes which conditions held (bit {@code i} for the {@code i}-th
 * condition written) and says, as {@code Explainer} combines groups, whether the filters hold, which
 * rows rejected the event and which alone did. Immutable.
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

  /** What one pattern of condition results gives. */
  static final class Info {
    static final int[] NONE = {};
    /** Whether the filters hold. */
    final boolean holds;
    /** The rows that rejected: false, and every group above false (and the filters false). */
    final int[] rejected;
    /** The rows that alone rejected: had the row held, the filters would have. */
    final int[] nearMisses;

    Info(boolean holds, int[] rejected, int[] nearMisses) {
      this.holds = holds;
      this.rejected = rejected;
      this.nearMisses = nearMisses;
    }
  }

  /**
   * The results of condition bits {@code words} (bit {@code i} of {@code words[i / 64]}).
   *
   * @param restOfFalse these rows are the rest of an AND whose condition set apart is false: the
   *     whole is false whatever they give, so a row rejects when it and its groups are false, and no
   *     row is a near miss ({@link Info#holds} still says whether the rest holds)
   */
  Info analyze(long[] words, boolean restOfFalse) {
    int n = parent.length;
    boolean[] val = new boolean[n];
    int[] falses = new int[n];
    for (int r = n - 1; r >= 0; r--) {
      if (bit[r] >= 0) {
        val[r] = (words[bit[r] >>> 6] >>> bit[r] & 1) != 0;
      } else {
        int f = 0;
        for (int c : children[r]) {
          if (!val[c]) {
            f++;
          }
        }
        falses[r] = f;
        val[r] = and[r] ? f == 0 : f < children[r].length;
      }
    }
    int topFalses = 0;
    for (int t : top) {
      if (!val[t]) {
        topFalses++;
      }
    }
    boolean holds = top.length == 0 || (topAnd ? topFalses == 0 : topFalses < top.length); // no filters: every event of the gate
    boolean whole = !restOfFalse && holds;
    if (whole) {
      return new Info(true, Info.NONE, Info.NONE);
    }
    boolean[] chain = new boolean[n];
    boolean[] path = new boolean[n];
    int rejected = 0;
    int near = 0;
    for (int r = 0; r < n; r++) {
      int p = parent[r];
      boolean up = p < 0 || chain[p];
      chain[r] = !val[r] && up;
      if (chain[r]) {
        rejected++;
      }
      if (!restOfFalse) {
        boolean siblingsOk;
        if (p < 0) {
          siblingsOk = !topAnd || topFalses - (val[r] ? 0 : 1) == 0;
        } else {
          siblingsOk = path[p] && (!and[p] || falses[p] - (val[r] ? 0 : 1) == 0);
        }
        path[r] = siblingsOk;
        if (!val[r] && siblingsOk) {
          near++;
        }
      }
    }
    int[] rej = new int[rejected];
    int[] nm = new int[near];
    rejected = 0;
    near = 0;
    for (int r = 0; r < n; r++) {
      if (chain[r]) {
        rej[rejected++] = r;
      }
      if (!restOfFalse && !val[r] && path[r]) {
        nm[near++] = r;
      }
    }
    return new Info(holds, rej, nm);
  }
}
