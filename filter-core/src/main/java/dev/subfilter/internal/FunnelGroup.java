package dev.subfilter.internal;

import java.util.ArrayList;
import java.util.List;

/** Subscriptions of one gate sharing the filters besides their anchor: counted once per event. */
final class FunnelGroup {
  final FunnelShape shape;
  final int[] local;
  final List<FunnelMember> members = new ArrayList<>();
  /** The members' anchor fields (gate field numbers), and the values each had where the rest held. */
  final List<Integer> fields = new ArrayList<>();
  final List<FunnelTally> values = new ArrayList<>();
  long[] rejected;
  long holds;

  FunnelGroup(FunnelShape shape, int[] local) {
    this.shape = shape;
    this.local = local;
    this.rejected = new long[shape.rows()];
  }

  FunnelTally field(int f) {
    int i = fields.indexOf(f);
    if (i < 0) {
      fields.add(f);
      values.add(new FunnelTally());
      i = fields.size() - 1;
    }
    return values.get(i);
  }

  void count(FunnelGate gate, long[] mask) {
    FunnelShape.Sliced s = shape.slice(gate.bits, local, FunnelCounter.WORDS, true);
    for (int w = 0; w < FunnelCounter.WORDS; w++) {
      long m = mask[w];
      if (m == 0) {
        continue;
      }
      holds += Long.bitCount(s.holds[w] & m);
      for (int r = 0; r < rejected.length; r++) {
        rejected[r] += Long.bitCount(s.rejected[r][w] & m);
      }
      for (int i = 0; i < fields.size(); i++) {
        values.get(i).addAll(gate, fields.get(i), s.holds[w] & m, w);
      }
    }
    for (FunnelMember x : members) {
      x.countAnchored(gate, mask, s);
    }
  }
}
