package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Filter;
import dev.subfilter.JsonModel.Kind;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns validated filters into {@link Matcher}s once: constants pre-parsed, nested values turned
 * into key paths, same-connector groups flattened, cheap tests first. Not API.
 */
public final class Compiler {
  private Compiler() {}

  /** The matcher for a subscription's top-level filters. */
  public static Matcher compile(Connector connector, List<Filter> filters) {
    if (filters.isEmpty()) {
      return Matchers.Always.INSTANCE;
    }
    return combine(connector, filters);
  }

  private static Matcher combine(Connector connector, List<Filter> filters) {
    List<Matcher> terms = new ArrayList<>();
    collect(connector, filters, terms);
    if (terms.size() == 1) {
      return terms.get(0);
    }
    terms.sort(Comparator.comparingInt(Matcher::cost));
    int cost = terms.stream().mapToInt(Matcher::cost).sum();
    if (terms.size() == 2) { // the most common group size: two fields instead of an array
      return connector == Connector.AND ? new Matchers.And2(terms.get(0), terms.get(1), cost) : new Matchers.Or2(terms.get(0), terms.get(1), cost);
    }
    Matcher[] array = terms.toArray(new Matcher[0]);
    return connector == Connector.AND ? new Matchers.And(array, cost) : new Matchers.Or(array, cost);
  }

  /** Inlines groups whose connector equals the enclosing one: (a AND (b AND c)) is (a AND b AND c). */
  private static void collect(Connector connector, List<Filter> filters, List<Matcher> out) {
    for (Filter f : filters) {
      if (f instanceof Filter.Group g && g.connector() == connector) {
        collect(connector, g.filters(), out);
      } else {
        out.add(filter(f));
      }
    }
  }

  private static Matcher filter(Filter f) {
    if (f instanceof Filter.Group g) {
      return combine(g.connector(), g.filters());
    }
    if (f instanceof Filter.Condition c) {
      return condition(c);
    }
    throw new AssertionError("unhandled filter " + f);
  }

  private static Matcher condition(Filter.Condition c) {
    FieldRef field = FieldRef.of(c.fieldName());
    boolean old = c.state() == State.OLD_STATE;
    Operator op = c.comparison();
    switch (op) {
      case CHANGED:
        return new Matchers.Changed(field);
      case EXISTS:
        return new Matchers.Exists(old, field, true);
      case NOT_EXISTS:
        return new Matchers.Exists(old, field, false);
      default:
        NodeTest test = test(op, c.fieldValue());
        if (test instanceof NodeTests.EqString s) {
          return new Matchers.FieldEqString(old, field, s.string(), cost(op, c.fieldValue()));
        }
        return new Matchers.Field(old, field, test, cost(op, c.fieldValue()));
    }
  }

  private static NodeTest test(Operator op, JsonValue value) {
    if (value instanceof JsonValue.Obj o) {
      return nested(op, o);
    }
    Constant k = Constant.of(value);
    switch (op) {
      case EQ:
        return eq(k);
      case NE:
        return new NodeTests.Ne(eq(k));
      case GT:
        return new NodeTests.Order(k, false, false);
      case GTE:
        return new NodeTests.Order(k, false, true);
      case LT:
        return new NodeTests.Order(k, true, false);
      case LTE:
        return new NodeTests.Order(k, true, true);
      case CONTAINS:
        return plainString(k) ? new NodeTests.ContainsString(k.string) : new NodeTests.Contains(k);
      case NOT_CONTAINS:
        return new NodeTests.NotContains(k);
      case CONTAINS_ONLY:
        return new NodeTests.ContainsOnly(k);
      default:
        throw new AssertionError("operator without a value test: " + op);
    }
  }

  private static NodeTest eq(Constant k) {
    return plainString(k) ? new NodeTests.EqString(k) : new NodeTests.Eq(k);
  }

  /** A string constant that no number, boolean, null, array or object {@code eq}s: only an equal string does. */
  private static boolean plainString(Constant k) {
    return k.kind == Kind.STRING && k.number == null && k.bool == null;
  }

  private static NodeTest nested(Operator op, JsonValue.Obj o) {
    Map<String, JsonValue> members = NestedValue.members(o);
    String[] keys = new String[members.size()];
    NodeTest[] tests = new NodeTest[keys.length];
    int i = 0;
    for (Map.Entry<String, JsonValue> e : members.entrySet()) {
      keys[i] = e.getKey();
      tests[i++] = test(op, e.getValue());
    }
    NodeTests.Fields fields = new NodeTests.Fields(keys, tests);
    return "objects".equals(NestedValue.keyword(o)) ? new NodeTests.Objects(fields) : fields;
  }

  private static int cost(Operator op, JsonValue value) {
    if (value instanceof JsonValue.Obj) {
      return 5;
    }
    return switch (op) {
      case EQ, NE -> value instanceof JsonValue.Arr ? 3 : 2;
      case GT, GTE, LT, LTE -> 4;
      default -> 4;
    };
  }
}
