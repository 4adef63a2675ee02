package dev.subfilter.internal;

import dev.subfilter.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The subscriptions of one gate (eventType or vendor name, objCode), and its batch of events. */
final class FunnelGate {
  final FunnelCounter counter;
  long events;
  int conditions;
  final List<FunnelMember> alone = new ArrayList<>();
  final Map<String, List<FunnelMember>> pinned = new HashMap<>();
  final List<FunnelGroup> groups = new ArrayList<>();
  /** Its conditions that no index listing narrows down. */
  final FunnelDirect direct = new FunnelDirect();
  /** The fields whose values near misses may need, as counter field numbers. */
  final List<Integer> fields = new ArrayList<>();
  int[] fieldIds;
  /** Per condition row, where it held in this batch. */
  long[][] bits;
  /** Per field, what each event of the batch had there ({@link FunnelCounter#key}). */
  Object[][] keys;
  /** Per field, the value number of each event of the batch; {@link #UNNUMBERED} until a tally needs it. */
  int[][] values;
  static final int UNNUMBERED = -2;
  int size;
  final List<FunnelMember> touched = new ArrayList<>();

  FunnelGate(FunnelCounter counter) {
    this.counter = counter;
  }

  /** This gate's number for counter field {@code f}. */
  int field(int f) {
    int i = fields.indexOf(f);
    if (i < 0) {
      fields.add(f);
      i = fields.size() - 1;
    }
    return i;
  }

  void allocate() {
    bits = new long[conditions][FunnelCounter.WORDS];
    fieldIds = fields.stream().mapToInt(Integer::intValue).toArray();
    keys = new Object[fieldIds.length][FunnelCounter.BATCH];
    values = new int[fieldIds.length][FunnelCounter.BATCH];
  }

  /** {@code e} passed this gate: it takes the next place of the batch. */
  void enter(Event e) {
    int p = size++;
    events++;
    for (int i = 0; i < fieldIds.length; i++) {
      keys[i][p] = counter.key(e, fieldIds[i]);
      values[i][p] = UNNUMBERED;
    }
    if (!pinned.isEmpty() && e.objId() != null) {
      List<FunnelMember> l = pinned.get(e.objId());
      if (l != null) {
        for (FunnelMember m : l) {
          if (m.mask == null) {
            m.mask = new long[FunnelCounter.WORDS];
          }
          if (!m.touched) {
            m.touched = true;
            touched.add(m);
          }
          m.mask[p >>> 6] |= 1L << p;
        }
      }
    }
  }

  /**
   * The number of what gate field {@code i} held at place {@code p} of the batch: numbered when a
   * tally first needs it, so that only values some count shows are looked up in the dictionary.
   */
  int value(int i, int p) {
    int v = values[i][p];
    if (v == UNNUMBERED) {
      v = counter.number(keys[i][p], fieldIds[i]);
      values[i][p] = v;
    }
    return v;
  }

  /** Condition {@code row} holds for the event that entered last. */
  void holds(int row) {
    int p = size - 1;
    bits[row][p >>> 6] |= 1L << p;
  }

  void flush() {
    if (size == 0) {
      return;
    }
    long[] mask = new long[FunnelCounter.WORDS];
    for (int p = 0; p < size; p++) {
      mask[p >>> 6] |= 1L << p;
    }
    for (FunnelGroup g : groups) {
      g.count(this, mask);
    }
    for (FunnelMember m : alone) {
      m.countAlone(this, mask);
    }
    for (FunnelMember m : touched) {
      m.countAlone(this, m.mask);
      Arrays.fill(m.mask, 0);
      m.touched = false;
    }
    touched.clear();
    for (long[] b : bits) {
      Arrays.fill(b, 0);
    }
    size = 0;
  }
}
