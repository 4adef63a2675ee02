package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;

/** The node tests, one small final class per comparison, so profiles and stack traces name them. */
final class NodeTests {
  private NodeTests() {}

  static final class Eq implements NodeTest {
    private final Constant c;

    Eq(Constant c) {
      this.c = c;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return Values.eq(m, node, c);
    }
  }

  /**
   * {@code eq} on a string constant that is neither numeric nor "true"/"false": the common case,
   * one kind check and one equals (no other kind of node can equal such a string, so the constant
   * itself need not be kept).
   */
  static final class EqString implements NodeTest {
    private final String s;

    EqString(Constant c) {
      this.s = c.string;
    }

    String string() {
      return s;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return m.kind(node) == Kind.STRING && m.text(node).equals(s);
    }
  }

  static final class Ne implements NodeTest {
    private final NodeTest eq;

    Ne(NodeTest eq) {
      this.eq = eq;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return !eq.test(m, node);
    }
  }

  static final class Order implements NodeTest {
    private final Constant c;
    private final boolean wantLess;
    private final boolean orEqual;

    Order(Constant c, boolean wantLess, boolean orEqual) {
      this.c = c;
      this.wantLess = wantLess;
      this.orEqual = orEqual;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      int r = Values.compare(m, node, c);
      if (r == Values.INCOMPARABLE) {
        return false;
      }
      return r == 0 ? orEqual : (r < 0) == wantLess;
    }
  }

  static final class Contains implements NodeTest {
    private final Constant c;

    Contains(Constant c) {
      this.c = c;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return Values.contains(m, node, c);
    }
  }

  /**
   * {@code contains} with a string constant that is neither numeric nor "true"/"false": a substring
   * of a string field, or an element of an array field (only an equal string {@code eq}s such a
   * constant), so the constant's text is all it needs.
   */
  static final class ContainsString implements NodeTest {
    private final String s;

    ContainsString(String s) {
      this.s = s;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      Kind k = m.kind(node);
      if (k == Kind.STRING) {
        return m.text(node).contains(s);
      }
      if (k != Kind.ARRAY) {
        return false;
      }
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        Object e = m.element(node, i);
        if (m.kind(e) == Kind.STRING && m.text(e).equals(s)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class NotContains implements NodeTest {
    private final Constant c;

    NotContains(Constant c) {
      this.c = c;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return !Values.contains(m, node, c);
    }
  }

  static final class ContainsOnly implements NodeTest {
    private final Constant c;

    ContainsOnly(Constant c) {
      this.c = c;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      return Values.containsOnly(m, node, c);
    }
  }

  /** A nested {@code fields} (or bare object) level: the node is an object and every key's test holds. */
  static final class Fields implements NodeTest {
    private final String[] keys;
    private final NodeTest[] tests;

    Fields(String[] keys, NodeTest[] tests) {
      this.keys = keys;
      this.tests = tests;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      if (m.kind(node) != Kind.OBJECT) {
        return false;
      }
      for (int i = 0; i < keys.length; i++) {
        Object child = m.get(node, keys[i]);
        if (child == null || !tests[i].test(m, child)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A nested {@code objects} level: the node is an array and some element passes. */
  static final class Objects implements NodeTest {
    private final Fields element;

    Objects(Fields element) {
      this.element = element;
    }

    @Override
    public boolean test(JsonModel m, Object node) {
      if (m.kind(node) != Kind.ARRAY) {
        return false;
      }
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        if (element.test(m, m.element(node, i))) {
          return true;
        }
      }
      return false;
    }
  }
}
