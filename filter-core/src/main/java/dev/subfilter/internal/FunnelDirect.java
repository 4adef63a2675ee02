package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of one gate that an index could only evaluate for every event (ranges, {@code ne},
 * {@code exists}, {@code changed}, ...), evaluated by {@link FunnelCounter} without it: the
 * conditions on one field and state share one lookup of that field per event, which is most of
 * the cost of such a condition. Exactly the compiled matchers' results: a condition on a field
 * holds when the state is known, the field present and its node test holds; {@code exists} and
 * {@code notExists} when the state is known and the field's presence is the one asked for.
 * Not thread-safe.
 */
final class FunnelDirect {
  /** The conditions on one field of one state. */
  private static final class OnField {
    final boolean old;
    final FieldRef field;
    final List<NodeTest> tests = new ArrayList<>();
    final List<Integer> testRows = new ArrayList<>();
    final List<Integer> presentRows = new ArrayList<>();
    final List<Integer> absentRows = new ArrayList<>();
    NodeTest[] testArray;
    int[] testRowArray;
    /** Per test, the date-time its order compares a string with, or null: the field is read as one once per event. */
    java.time.Instant[] dateTimes;
    NodeTests.Order[] orders;
    boolean anyDateTime;
    int[] presentRowArray;
    int[] absentRowArray;

    OnField(boolean old, FieldRef field) {
      this.old = old;
      this.field = field;
    }

    void freeze() {
      testArray = tests.toArray(new NodeTest[0]);
      testRowArray = testRows.stream().mapToInt(Integer::intValue).toArray();
      dateTimes = new java.time.Instant[testArray.length];
      orders = new NodeTests.Order[testArray.length];
      for (int i = 0; i < testArray.length; i++) {
        if (testArray[i] instanceof NodeTests.Order o && o.dateTime() != null) {
          orders[i] = o;
          dateTimes[i] = o.dateTime();
          anyDateTime = true;
        }
      }
      presentRowArray = presentRows.stream().mapToInt(Integer::intValue).toArray();
      absentRowArray = absentRows.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private final Map<String, OnField> byField = new LinkedHashMap<>();
  private final List<Matcher> others = new ArrayList<>();
  private final List<Integer> otherRows = new ArrayList<>();
  private OnField[] fields = new OnField[0];
  private Matcher[] otherArray = new Matcher[0];
  private int[] otherRowArray = new int[0];

  /** Adds the condition compiled as {@code m}, whose results go to {@code row} of its gate's batch. */
  void add(Matcher m, int row) {
    if (m instanceof Matchers.Field f) {
      on(f.old(), f.field()).tests.add(f.nodeTest());
      on(f.old(), f.field()).testRows.add(row);
    } else if (m instanceof Matchers.Exists x) {
      OnField o = on(x.old(), x.field());
      (x.present() ? o.presentRows : o.absentRows).add(row);
    } else {
      others.add(m);
      otherRows.add(row);
    }
  }

  private OnField on(boolean old, FieldRef field) {
    return byField.computeIfAbsent((old ? "o:" : "n:") + field.name(), k -> new OnField(old, field));
  }

  boolean isEmpty() {
    return byField.isEmpty() && others.isEmpty();
  }

  void freeze() {
    byField.values().forEach(OnField::freeze);
    fields = byField.values().toArray(new OnField[0]);
    otherArray = others.toArray(new Matcher[0]);
    otherRowArray = otherRows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Marks in {@code gate} the conditions that hold for {@code e}, the event that entered it last. */
  void evaluate(Event e, FunnelGate gate) {
    JsonModel m = e.model();
    for (OnField f : fields) {
      Object state = f.old ? e.oldState() : e.newState();
      if (state == null) {
        continue; // old state unknown: none holds
      }
      Object node = f.field.lookup(m, state);
      if (node == null) {
        for (int row : f.absentRowArray) {
          gate.holds(row);
        }
        continue;
      }
      for (int row : f.presentRowArray) {
        gate.holds(row);
      }
      NodeTest[] tests = f.testArray;
      int[] rows = f.testRowArray;
      long secs = Long.MIN_VALUE;
      String text = null;
      if (f.anyDateTime && m.kind(node) == JsonModel.Kind.STRING) {
        text = m.text(node);
        secs = DateTimes.epochSecond(text);
      }
      long nanos = -1;
      for (int i = 0; i < tests.length; i++) {
        java.time.Instant at = f.dateTimes[i];
        boolean holds;
        if (at != null && secs != Long.MIN_VALUE) { // as Values.compare reads a date-time string, read once
          int r;
          if (secs != at.getEpochSecond()) {
            r = secs < at.getEpochSecond() ? -1 : 1;
          } else {
            if (nanos < 0) {
              nanos = DateTimes.nanoOfSecond(text);
            }
            r = Long.compare(nanos, at.getNano());
          }
          holds = f.orders[i].holdsAt(Integer.signum(r));
        } else {
          holds = tests[i].test(m, node) == Outcome.HOLDS;
        }
        if (holds) {
          gate.holds(rows[i]);
        }
      }
    }
    for (int i = 0; i < otherArray.length; i++) {
      if (otherArray[i].test(e)) {
        gate.holds(otherRowArray[i]);
      }
    }
  }
}
