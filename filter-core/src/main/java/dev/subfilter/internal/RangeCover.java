package dev.subfilter.internal;

import dev.subfilter.JsonModel.Kind;
import dev.subfilter.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Listing.Kind#RANGE} listings {@link KeyChooser} chooses from: one per range condition
 * whose fieldValue is a number (a JSON number or a numeric string) or a date-time string, and one
 * band per (state, field, kind of bound) of an AND that bounds a field from below and from above.
 * Other fieldValues (plain strings, booleans, null) compare by code points or not at all: they
 * have no range listing, and the condition is covered by the field's presence instead.
 */
final class RangeCover {
  private RangeCover() {}

  /** Whether {@code op} is {@code gt gte lt lte}. */
  static boolean isRange(Operator op) {
    return op == Operator.GT || op == Operator.GTE || op == Operator.LT || op == Operator.LTE;
  }

  /** The listing of {@code op c} at {@code path}, or {@code null} when {@code c} is neither a number nor a date-time. */
  static Listing of(boolean old, IndexPath path, Operator op, Constant c) {
    double v;
    boolean dates;
    if (c.number != null && (c.kind == Kind.NUMBER || c.kind == Kind.STRING)) {
      v = c.number.doubleValue();
      dates = false;
    } else if (c.kind == Kind.STRING && c.instant != null) {
      v = c.instant.getEpochSecond() + c.instant.getNano() * 1e-9; // as DateTimes.epochSeconds computes it: the same rounding
      dates = true;
    } else {
      return null;
    }
    boolean lower = op == Operator.GT || op == Operator.GTE;
    return Listing.range(old, path, lower ? v : Double.NEGATIVE_INFINITY, lower ? Double.POSITIVE_INFINITY : v, dates,
        c.kind == Kind.STRING);
  }

  /**
   * The bands of an AND's {@code terms}: for each (state, field, kind of bound) that some term
   * bounds from below and some from above, one listing of the tightest bounds.
   */
  static List<Listing> bands(Bucket b, List<Plan.Node> terms) {
    List<Listing> out = null;
    for (Plan.Node n : terms) {
      if (!(n instanceof Plan.Test t) || !isRange(t.op) || !(t.operand instanceof Constant c)) {
        continue;
      }
      Listing x = of(t.old, b.shared(IndexPath.of(t.field.name())), t.op, c);
      if (x == null) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      int i = 0;
      while (i < out.size() && !(out.get(i).old == x.old && out.get(i).dates == x.dates && out.get(i).path.equals(x.path))) {
        i++;
      }
      if (i == out.size()) {
        out.add(x);
      } else {
        Listing y = out.get(i);
        out.set(i, Listing.range(y.old, y.path, Math.max(y.lo, x.lo), Math.min(y.hi, x.hi), y.dates, y.text || x.text));
      }
    }
    if (out == null) {
      return List.of();
    }
    out.removeIf(x -> Double.isInfinite(x.lo) || Double.isInfinite(x.hi));
    return out;
  }
}
