package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel;

/**
 * The event-level matchers, one small final class each. A condition's matcher keeps the {@link
 * Filter.Condition} it was compiled from and computes an {@link Outcome}; {@code matches} is that
 * outcome holding, so a trace sees exactly what evaluation sees.
 */
final class Matchers {
  private Matchers() {}

  /**
   * A condition's matcher: its outcome, and the condition it was compiled from. Each subclass
   * writes {@code test} as {@code outcome(e) == HOLDS} itself, so that a call through {@link
   * Matcher} dispatches once and inlines the outcome (one inherited {@code test} would dispatch
   * twice).
   */
  abstract static class Condition implements Matcher {
    final Filter.Condition source;

    Condition(Filter.Condition source) {
      this.source = source;
    }

    abstract Outcome outcome(Event e);

    @Override
    public boolean trace(Event e, Trace t) {
      Outcome o = outcome(e);
      t.outcome(source, o);
      return o == Outcome.HOLDS;
    }
  }

  /** A field of one state tested by a node test; absent field or unknown state is false. */
  static final class Field extends Condition {
    private final boolean old;
    private final FieldRef field;
    private final NodeTest test;
    private final int cost;

    Field(Filter.Condition source, boolean old, FieldRef field, NodeTest test, int cost) {
      super(source);
      this.old = old;
      this.field = field;
      this.test = test;
      this.cost = cost;
    }

    boolean old() {
      return old;
    }

    FieldRef field() {
      return field;
    }

    NodeTest nodeTest() {
      return test;
    }

    @Override
    public boolean test(Event e) {
      return outcome(e) == Outcome.HOLDS;
    }

    @Override
    Outcome outcome(Event e) {
      Object state = old ? e.oldState() : e.newState();
      if (state == null) {
        return Outcome.OLD_STATE_UNKNOWN;
      }
      JsonModel m = e.model();
      Object node = field.lookup(m, state);
      return node == null ? Outcome.ABSENT : test.test(m, node);
    }

    @Override
    public boolean trace(Event e, Trace t) {
      Object state = old ? e.oldState() : e.newState();
      Object node = state == null ? null : field.lookup(e.model(), state);
      Outcome o = node == null ? outcome(e)
          : test.trace(e.model(), node, (index, child, outcome) -> t.nestedKey(source, index, child, outcome));
      t.outcome(source, o);
      return o == Outcome.HOLDS;
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  /** {@link Field} with {@link NodeTests.EqString}'s test inlined: the most common condition, one object instead of two. */
  static final class FieldEqString extends Condition {
    private final boolean old;
    private final FieldRef field;
    private final String s;
    private final int cost;

    FieldEqString(Filter.Condition source, boolean old, FieldRef field, String s, int cost) {
      super(source);
      this.old = old;
      this.field = field;
      this.s = s;
      this.cost = cost;
    }

    @Override
    public boolean test(Event e) {
      return outcome(e) == Outcome.HOLDS;
    }

    @Override
    Outcome outcome(Event e) {
      Object state = old ? e.oldState() : e.newState();
      if (state == null) {
        return Outcome.OLD_STATE_UNKNOWN;
      }
      JsonModel m = e.model();
      Object node = field.lookup(m, state);
      return node == null ? Outcome.ABSENT : NodeTests.eqString(m, node, s);
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  static final class Exists extends Condition {
    private final boolean old;
    private final FieldRef field;
    private final boolean present;

    Exists(Filter.Condition source, boolean old, FieldRef field, boolean present) {
      super(source);
      this.old = old;
      this.field = field;
      this.present = present;
    }

    boolean old() {
      return old;
    }

    FieldRef field() {
      return field;
    }

    boolean present() {
      return present;
    }

    @Override
    public boolean test(Event e) {
      return outcome(e) == Outcome.HOLDS;
    }

    @Override
    Outcome outcome(Event e) {
      Object state = old ? e.oldState() : e.newState();
      if (state == null) {
        return Outcome.OLD_STATE_UNKNOWN;
      }
      boolean found = field.lookup(e.model(), state) != null;
      return found == present ? Outcome.HOLDS : found ? Outcome.PRESENT : Outcome.ABSENT;
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  static final class Changed extends Condition {
    private final FieldRef field;

    Changed(Filter.Condition source, FieldRef field) {
      super(source);
      this.field = field;
    }

    @Override
    public boolean test(Event e) {
      return outcome(e) == Outcome.HOLDS;
    }

    @Override
    Outcome outcome(Event e) {
      Object oldState = e.oldState();
      if (oldState == null) {
        return Outcome.OLD_STATE_UNKNOWN;
      }
      JsonModel m = e.model();
      Object now = field.lookup(m, e.newState());
      Object before = field.lookup(m, oldState);
      if (now == null || before == null) {
        return now != before ? Outcome.HOLDS : Outcome.ABSENT;
      }
      return Values.deepEquals(m, now, before) ? Outcome.UNCHANGED : Outcome.HOLDS;
    }

    @Override
    public int cost() {
      return 6;
    }
  }

  static final class And implements Matcher {
    private final Matcher[] terms;
    private final int cost;

    And(Matcher[] terms, int cost) {
      this.terms = terms;
      this.cost = cost;
    }

    @Override
    public boolean test(Event e) {
      for (Matcher t : terms) {
        if (!t.test(e)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean trace(Event e, Trace t) {
      boolean all = true;
      for (Matcher m : terms) {
        all &= m.trace(e, t);
      }
      return all;
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  static final class And2 implements Matcher {
    private final Matcher a;
    private final Matcher b;
    private final int cost;

    And2(Matcher a, Matcher b, int cost) {
      this.a = a;
      this.b = b;
      this.cost = cost;
    }

    @Override
    public boolean test(Event e) {
      return a.test(e) && b.test(e);
    }

    @Override
    public boolean trace(Event e, Trace t) {
      return a.trace(e, t) & b.trace(e, t);
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  static final class Or2 implements Matcher {
    private final Matcher a;
    private final Matcher b;
    private final int cost;

    Or2(Matcher a, Matcher b, int cost) {
      this.a = a;
      this.b = b;
      this.cost = cost;
    }

    @Override
    public boolean test(Event e) {
      return a.test(e) || b.test(e);
    }

    @Override
    public boolean trace(Event e, Trace t) {
      return a.trace(e, t) | b.trace(e, t);
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  static final class Or implements Matcher {
    private final Matcher[] terms;
    private final int cost;

    Or(Matcher[] terms, int cost) {
      this.terms = terms;
      this.cost = cost;
    }

    @Override
    public boolean test(Event e) {
      for (Matcher t : terms) {
        if (t.test(e)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean trace(Event e, Trace t) {
      boolean any = false;
      for (Matcher m : terms) {
        any |= m.trace(e, t);
      }
      return any;
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  /** No filters: every event that passes the gate matches. */
  static final class Always implements Matcher {
    static final Always INSTANCE = new Always();

    @Override
    public boolean test(Event e) {
      return true;
    }

    @Override
    public boolean trace(Event e, Trace t) {
      return true;
    }

    @Override
    public int cost() {
      return 0;
    }
  }
}
