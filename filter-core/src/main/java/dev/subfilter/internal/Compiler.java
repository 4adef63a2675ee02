package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.JsonModel.Kind;
import dev.subfilter.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a {@link Plan} into {@link Matcher}s once: same-connector groups inlined ({@link
 * Plan.Junction#terms}), cheap tests first, the commonest tests in specialised classes.
 */
final class Compiler {
  private Compiler() {}

  /** The matcher of a plan's top-level filters. */
  static Matcher compile(Plan plan) {
    Plan.Junction top = plan.filters();
    return top.children.isEmpty() ? Matchers.Always.INSTANCE : junction(top);
  }

  private static Matcher node(Plan.Node n) {
    if (n instanceof Plan.Junction j) {
      return junction(j);
    }
    if (n instanceof Plan.Test t) {
      return condition(t);
    }
    throw new AssertionError("unhandled plan node " + n);
  }

  private static Matcher junction(Plan.Junction j) {
    List<Matcher> terms = new ArrayList<>();
    for (Plan.Node n : j.terms()) {
      terms.add(node(n));
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    terms.sort(Comparator.comparingInt(Matcher::cost));
    int cost = terms.stream().mapToInt(Matcher::cost).sum();
    boolean and = j.effective() == Connector.AND;
    if (terms.size() == 2) { // the most common group size: two fields instead of an array
      return and ? new Matchers.And2(terms.get(0), terms.get(1), cost) : new Matchers.Or2(terms.get(0), terms.get(1), cost);
    }
    Matcher[] array = terms.toArray(new Matcher[0]);
    return and ? new Matchers.And(array, cost) : new Matchers.Or(array, cost);
  }

  private static Matcher condition(Plan.Test t) {
    switch (t.op) {
      case CHANGED:
        return new Matchers.Changed(t.source, t.field);
      case EXISTS:
        return new Matchers.Exists(t.source, t.old, t.field, true);
      case NOT_EXISTS:
        return new Matchers.Exists(t.source, t.old, t.field, false);
      default:
        NodeTest test = test(t, t.operand);
        int cost = cost(t);
        if (test instanceof NodeTests.EqString s) {
          return new Matchers.FieldEqString(t.source, t.old, t.field, s.string(), cost);
        }
        return new Matchers.Field(t.source, t.old, t.field, test, cost);
    }
  }

  /** The test of {@code t}'s comparison against {@code operand}: the condition's own, or a leaf's of its nested value. */
  private static NodeTest test(Plan.Test t, Operand operand) {
    if (operand instanceof Operand.Nested n) {
      NodeTest[] tests = new NodeTest[n.keys.length];
      for (int i = 0; i < tests.length; i++) {
        tests[i] = test(t, n.values[i]);
      }
      NodeTests.Fields fields = new NodeTests.Fields(n.keys, tests);
      return n.each ? new NodeTests.Objects(fields) : fields;
    }
    if (operand instanceof LikePattern p) {
      return new TextTests.Like(p, t.fold);
    }
    if (operand instanceof InList l) {
      return t.op == Operator.IN ? new NodeTests.In(l, t.fold) : new NodeTests.NotIn(l, t.fold);
    }
    Constant k = (Constant) operand;
    boolean fold = t.fold;
    switch (t.op) {
      case EQ:
        return eq(k, fold);
      case NE:
        return new NodeTests.Ne(eq(k, fold));
      case GT:
        return new NodeTests.Order(k, false, false);
      case GTE:
        return new NodeTests.Order(k, false, true);
      case LT:
        return new NodeTests.Order(k, true, false);
      case LTE:
        return new NodeTests.Order(k, true, true);
      case CONTAINS:
        return plainString(k) ? new NodeTests.ContainsString(k.string, fold) : new NodeTests.Contains(k, fold);
      case NOT_CONTAINS:
        return new NodeTests.NotContains(k, fold);
      case CONTAINS_ONLY:
        return new NodeTests.ContainsOnly(k, fold);
      case STARTS_WITH:
        return new TextTests.StartsWith(k.string, fold);
      case ENDS_WITH:
        return new TextTests.EndsWith(k.string, fold);
      default:
        throw new AssertionError("operator without a value test: " + t.op);
    }
  }

  private static NodeTest eq(Constant k, boolean fold) {
    if (!plainString(k)) {
      return new NodeTests.Eq(k, fold);
    }
    return fold ? new NodeTests.EqStringFolded(k.string) : new NodeTests.EqString(k.string);
  }

  /** A string constant that no number, boolean, null, array or object {@code eq}s: only an equal string does. */
  private static boolean plainString(Constant k) {
    return k.kind == Kind.STRING && k.number == null && k.bool == null;
  }

  private static int cost(Plan.Test t) {
    if (t.operand instanceof Operand.Nested) {
      return 5;
    }
    return switch (t.op) {
      case EQ, NE -> ((Constant) t.operand).kind == Kind.ARRAY ? 3 : 2;
      case STARTS_WITH, ENDS_WITH, IN, NOT_IN -> 3;
      default -> 4;
    };
  }
}
