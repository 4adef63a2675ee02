package dev.subfilter.internal;

import dev.subfilter.Funnel;
import java.util.ArrayList;
import java.util.List;

/** One subscription: its counts, alone or (anchored) beside its group's. */
final class FunnelMember {
  final String id;
  final String gateText;
  final FunnelShape shape;
  final int[] local;
  final int[] rowField;
  final FunnelGate gate;
  final long[] rejected;
  final long[] nearMisses;
  final FunnelTally[] near;
  long gatePassed;
  long matched;
  /** Pinned: the events of the batch with its objId. */
  long[] mask;
  boolean touched;
  // anchored
  int anchorRow = -1;
  int anchorLocal;
  FunnelGroup group;
  FunnelTally groupValues;
  final FunnelTally matchValues = new FunnelTally();
  long anchorHolds;
  long restHoldsWithAnchor;
  long[] restRejectedWithAnchor;

  FunnelMember(String id, String gateText, FunnelShape shape, int[] local, int[] rowField, FunnelGate gate) {
    this.id = id;
    this.gateText = gateText;
    this.shape = shape;
    this.local = local;
    this.rowField = rowField;
    this.gate = gate;
    this.rejected = new long[shape.rows()];
    this.nearMisses = new long[shape.rows()];
    this.near = new FunnelTally[shape.rows()];
  }

  void anchor(int row, int local, FunnelGroup g, FunnelTally values) {
    this.anchorRow = row;
    this.anchorLocal = local;
    this.group = g;
    this.groupValues = values;
    this.restRejectedWithAnchor = new long[g.shape.rows()];
  }

  /** The events of {@code mask}, counted with its own rows. */
  void countAlone(FunnelGate gate, long[] mask) {
    count(gate, mask, shape.slice(gate.bits, local, FunnelCounter.WORDS, false));
  }

  private void count(FunnelGate gate, long[] mask, FunnelShape.Sliced s) {
    for (int w = 0; w < FunnelCounter.WORDS; w++) {
      long m = mask[w];
      if (m == 0) {
        continue;
      }
      gatePassed += Long.bitCount(m);
      matched += Long.bitCount(s.holds[w] & m);
      for (int r = 0; r < rejected.length; r++) {
        rejected[r] += Long.bitCount(s.rejected[r][w] & m);
        long nm = s.nearMisses[r][w] & m;
        if (nm != 0) {
          nearMisses[r] += Long.bitCount(nm);
          if (rowField[r] >= 0) {
            if (near[r] == null) {
              near[r] = new FunnelTally();
            }
            near[r].addAll(gate, rowField[r], nm, w);
          }
        }
      }
    }
  }

  /** Its group counted the batch; it counts the events where its anchor holds, and what the group counted of them. */
  void countAnchored(FunnelGate gate, long[] mask, FunnelShape.Sliced rest) {
    long[] a = gate.bits[anchorLocal];
    long[] where = new long[FunnelCounter.WORDS];
    boolean any = false;
    for (int w = 0; w < FunnelCounter.WORDS; w++) {
      where[w] = a[w] & mask[w];
      any |= where[w] != 0;
    }
    if (!any) {
      return;
    }
    for (int w = 0; w < FunnelCounter.WORDS; w++) {
      long m = where[w];
      if (m == 0) {
        continue;
      }
      anchorHolds += Long.bitCount(m);
      restHoldsWithAnchor += Long.bitCount(rest.holds[w] & m);
      for (int j = 0; j < restRejectedWithAnchor.length; j++) {
        restRejectedWithAnchor[j] += Long.bitCount(rest.rejected[j][w] & m);
      }
    }
    long before = gatePassed;
    FunnelShape.Sliced s = shape.slice(gate.bits, local, FunnelCounter.WORDS, false);
    count(gate, where, s);
    gatePassed = before; // an anchored member's gate count is its gate's
    for (int w = 0; w < FunnelCounter.WORDS; w++) {
      matchValues.addAll(gate, rowField[anchorRow], s.holds[w] & where[w], w);
    }
  }

  Funnel.Entry report(List<List<String>> names) {
    int n = shape.rows();
    long[] rej = rejected.clone();
    long[] nm = nearMisses.clone();
    long passed = gatePassed;
    if (group != null) {
      passed = gate.events;
      rej[anchorRow] += passed - anchorHolds;
      nm[anchorRow] += group.holds - restHoldsWithAnchor;
      for (int j = 0; j < group.rejected.length; j++) {
        rej[j < anchorRow ? j : j + 1] += group.rejected[j] - restRejectedWithAnchor[j];
      }
    }
    List<Funnel.FilterRow> rows = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Plan.Node node = shape.nodes.get(r);
      List<Funnel.Values.Count> top = List.of();
      long other = 0;
      if (node instanceof Plan.Test) {
        List<String> named = names.get(gate.fieldIds[rowField[r]]);
        Funnel.Values v = r == anchorRow ? groupValues.top(Funnel.TOP_VALUES, matchValues, named)
            : near[r] == null ? null : near[r].top(Funnel.TOP_VALUES, null, named);
        if (v != null) {
          top = v.top();
          other = v.other();
        }
      }
      String description = node instanceof Plan.Test t ? Explainer.describe(t.source) : "group " + ((Plan.Junction) node).connector;
      rows.add(new Funnel.FilterRow(node.pointer(), description, node instanceof Plan.Junction, rej[r], nm[r], top, other));
    }
    return new Funnel.Entry(id, gateText, passed, matched, rows);
  }
}
