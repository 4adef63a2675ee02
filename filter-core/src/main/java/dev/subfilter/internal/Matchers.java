package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/** The event-level matchers, one small final class each. */
final class Matchers {
  private Matchers() {}

  /** The node of {@code field} in the new or old state, or {@code null} when that state is unknown or the field absent. */
  private static Object node(Event e, boolean old, FieldRef field) {
    Object state = old ? e.oldState() : e.newState();
    return state == null ? null : field.lookup(e.model(), state);
  }

  /** A field of one state tested by a node test; absent field or unknown state is false. */
  static final class Field implements Matcher {
    private final boolean old;
    private final FieldRef field;
    private final NodeTest test;
    private final int cost;

    Field(boolean old, FieldRef field, NodeTest test, int cost) {
      this.old = old;
      this.field = field;
      this.test = test;
      this.cost = cost;
    }

    @Override
    public boolean matches(Event e) {
      Object node = node(e, old, field);
      return node != null && test.test(e.model(), node);
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  /** {@link Field} with {@link NodeTests.EqString}'s test inlined: the most common condition, one object instead of two. */
  static final class FieldEqString implements Matcher {
    private final boolean old;
    private final FieldRef field;
    private final String s;
    private final int cost;

    FieldEqString(boolean old, FieldRef field, String s, int cost) {
      this.old = old;
      this.field = field;
      this.s = s;
      this.cost = cost;
    }

    @Override
    public boolean matches(Event e) {
      Object node = node(e, old, field);
      if (node == null) {
        return false;
      }
      JsonModel m = e.model();
      return m.kind(node) == JsonModel.Kind.STRING && m.text(node).equals(s);
    }

    @Override
    public int cost() {
      return cost;
    }
  }

  static final class Exists implements Matcher {
    private final boolean old;
    private final FieldRef field;
    private final boolean present;

    Exists(boolean old, FieldRef field, boolean present) {
      this.old = old;
      this.field = field;
      this.present = present;
    }

    @Override
    public boolean matches(Event e) {
      Object state = old ? e.oldState() : e.newState();
      return state != null && (field.lookup(e.model(), state) != null) == present;
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  static final class Changed implements Matcher {
    private final FieldRef field;

    Changed(FieldRef field) {
      this.field = field;
    }

    @Override
    public boolean matches(Event e) {
      Object oldState = e.oldState();
      if (oldState == null) {
        return false;
      }
      JsonModel m = e.model();
      Object now = field.lookup(m, e.newState());
      Object before = field.lookup(m, oldState);
      if (now == null || before == null) {
        return now != before;
      }
      return !Values.deepEquals(m, now, before);
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
    public boolean matches(Event e) {
      for (Matcher t : terms) {
        if (!t.matches(e)) {
          return false;
        }
      }
      return true;
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
    public boolean matches(Event e) {
      return a.matches(e) && b.matches(e);
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
    public boolean matches(Event e) {
      return a.matches(e) || b.matches(e);
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
    public boolean matches(Event e) {
      for (Matcher t : terms) {
        if (t.matches(e)) {
          return true;
        }
      }
      return false;
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
    public boolean matches(Event e) {
      return true;
    }

    @Override
    public int cost() {
      return 0;
    }
  }
}
