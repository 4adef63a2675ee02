package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;

/** The node tests, one small final class per comparison, so profiles and stack traces name them. */
final class NodeTests {
  private NodeTests() {}

  static final class Eq implements NodeTest {
    private final Constant c;
    private final boolean fold;

    Eq(Constant c, boolean fold) {
      this.c = c;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return Values.eqOutcome(m, node, c, fold);
    }
  }

  /**
   * {@code eq} on a string constant that is neither numeric nor "true"/"false": the common case,
   * one kind check and one equals (no other kind of node can equal such a string, so the constant
   * itself need not be kept).
   */
  static final class EqString implements NodeTest {
    private final String s;

    EqString(String s) {
      this.s = s;
    }

    String string() {
      return s;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return eqString(m, node, s);
    }
  }

  /** {@code eq} of a node and a plain string constant: only a string can be equal; only a string or null is comparable. */
  static Outcome eqString(JsonModel m, Object node, String s) {
    Kind k = m.kind(node);
    if (k == Kind.STRING) {
      return m.text(node).equals(s) ? Outcome.HOLDS : Outcome.NOT_EQUAL;
    }
    return k == Kind.NULL ? Outcome.NOT_EQUAL : Outcome.TYPE_MISMATCH;
  }

  /** {@link EqString} with {@code ignoreCase}: the string is folded already, the node's text is compared folded. */
  static final class EqStringFolded implements NodeTest {
    private final String folded;

    EqStringFolded(String folded) {
      this.folded = folded;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      Kind k = m.kind(node);
      if (k == Kind.STRING) {
        return CaseFold.equalsFolded(folded, m.text(node)) ? Outcome.HOLDS : Outcome.NOT_EQUAL;
      }
      return k == Kind.NULL ? Outcome.NOT_EQUAL : Outcome.TYPE_MISMATCH;
    }
  }

  static final class Ne implements NodeTest {
    private final NodeTest eq;

    Ne(NodeTest eq) {
      this.eq = eq;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return eq.test(m, node) == Outcome.HOLDS ? Outcome.EQUAL : Outcome.HOLDS;
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
    public Outcome test(JsonModel m, Object node) {
      int r = Values.compare(m, node, c);
      if (r == Values.INCOMPARABLE) {
        return Outcome.TYPE_MISMATCH;
      }
      return (r == 0 ? orEqual : (r < 0) == wantLess) ? Outcome.HOLDS : Outcome.OUT_OF_RANGE;
    }

    /** Whether a comparison result {@code r} ({@code -1, 0, 1}: the field before, at, after the constant) holds. */
    boolean holdsAt(int r) {
      return r == 0 ? orEqual : (r < 0) == wantLess;
    }

    /**
     * The constant's instant when a string field compares with it as a date-time or not at all
     * (a date-time string that is not a number), else {@code null}.
     */
    java.time.Instant dateTime() {
      return c.number == null && c.kind == dev.subfilter.JsonModel.Kind.STRING ? c.instant : null;
    }
  }

  static final class Contains implements NodeTest {
    private final Constant c;
    private final boolean fold;

    Contains(Constant c, boolean fold) {
      this.c = c;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return Values.containsOutcome(m, node, c, fold);
    }
  }

  /**
   * {@code contains} with a string constant that is neither numeric nor "true"/"false": a substring
   * of a string field, or an element of an array field (only an equal string {@code eq}s such a
   * constant), so the constant's text is all it needs.
   */
  static final class ContainsString implements NodeTest {
    private final String s;
    private final boolean fold;

    ContainsString(String s, boolean fold) {
      this.s = s;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      Kind k = m.kind(node);
      if (k == Kind.STRING) {
        return Values.contains(m.text(node), s, fold) ? Outcome.HOLDS : Outcome.NOT_CONTAINED;
      }
      if (k != Kind.ARRAY) {
        return Outcome.TYPE_MISMATCH;
      }
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        Object e = m.element(node, i);
        if (m.kind(e) == Kind.STRING && (fold ? CaseFold.equalsFolded(s, m.text(e)) : m.text(e).equals(s))) {
          return Outcome.HOLDS;
        }
      }
      return Outcome.NOT_CONTAINED;
    }
  }

  static final class NotContains implements NodeTest {
    private final Constant c;
    private final boolean fold;

    NotContains(Constant c, boolean fold) {
      this.c = c;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return Values.contains(m, node, c, fold) ? Outcome.CONTAINED : Outcome.HOLDS;
    }
  }

  static final class ContainsOnly implements NodeTest {
    private final Constant c;
    private final boolean fold;

    ContainsOnly(Constant c, boolean fold) {
      this.c = c;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return Values.containsOnlyOutcome(m, node, c, fold);
    }
  }

  /** {@code in}: the value, or an element of an array, {@code eq}s one of the list; an object never does. */
  static final class In implements NodeTest {
    private final InList list;
    private final boolean fold;

    In(InList list, boolean fold) {
      this.list = list;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      if (list.holds(m, node, fold)) {
        return Outcome.HOLDS;
      }
      return m.kind(node) == Kind.OBJECT ? Outcome.TYPE_MISMATCH : Outcome.NOT_IN;
    }
  }

  /** {@code notIn}: present and not {@code in} (absence is the caller's). */
  static final class NotIn implements NodeTest {
    private final InList list;
    private final boolean fold;

    NotIn(InList list, boolean fold) {
      this.list = list;
      this.fold = fold;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      return list.holds(m, node, fold) ? Outcome.IN : Outcome.HOLDS;
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
    public Outcome test(JsonModel m, Object node) {
      if (m.kind(node) != Kind.OBJECT) {
        return Outcome.TYPE_MISMATCH;
      }
      for (int i = 0; i < keys.length; i++) {
        Object child = m.get(node, keys[i]);
        if (child == null || tests[i].test(m, child) != Outcome.HOLDS) {
          return Outcome.NESTED_MISMATCH;
        }
      }
      return Outcome.HOLDS;
    }

    /** Every key evaluated and told, not only up to the first that fails. */
    @Override
    public Outcome trace(JsonModel m, Object node, KeySink sink) {
      if (m.kind(node) != Kind.OBJECT) {
        return Outcome.TYPE_MISMATCH;
      }
      Outcome result = Outcome.HOLDS;
      for (int i = 0; i < keys.length; i++) {
        Object child = m.get(node, keys[i]);
        Outcome o = child == null ? Outcome.ABSENT : tests[i].test(m, child);
        sink.key(i, child, o);
        if (o != Outcome.HOLDS) {
          result = Outcome.NESTED_MISMATCH;
        }
      }
      return result;
    }
  }

  /** A nested {@code objects} level: the node is an array and some element passes. */
  static final class Objects implements NodeTest {
    private final Fields element;

    Objects(Fields element) {
      this.element = element;
    }

    @Override
    public Outcome test(JsonModel m, Object node) {
      if (m.kind(node) != Kind.ARRAY) {
        return Outcome.TYPE_MISMATCH;
      }
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        if (element.test(m, m.element(node, i)) == Outcome.HOLDS) {
          return Outcome.HOLDS;
        }
      }
      return Outcome.NESTED_MISMATCH;
    }
  }
}
