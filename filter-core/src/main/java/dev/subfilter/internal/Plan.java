package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.Explanation;
import dev.subfilter.FieldValue;
import dev.subfilter.Filter;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.Problem;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A subscription planned once into the one form every other step reads: each condition with its
 * JSON Pointer, state, field reference, operator and operand read in advance ({@link Test}), and the
 * AND/OR structure as written ({@link Junction}). The compiler builds matchers from it, the index
 * chooses its keys from it, the explainer lays out its tree along it and the printer writes it out;
 * none of them walks {@link Filter} trees or reads a fieldValue's JSON. Immutable; built when it is
 * needed (a few allocations per condition) rather than kept, so a large set does not hold it.
 *
 * <p>Not API: public only because {@code dev.subfilter}'s {@code CompiledSubscription} and {@code
 * Subscription} compile, explain and print through it (the one door into the engine).
 */
public final class Plan {
  /** Interned key sets: subscriptions from one template read the same keys. */
  private static final Interner<Set<String>> KEY_SETS = new Interner<>(4096);

  private final Subscription subscription;
  private final Junction filters;
  private final List<Test> tests;
  private final Set<String> stateKeys;

  private Plan(Subscription subscription) {
    this.subscription = subscription;
    List<Test> all = new ArrayList<>();
    this.filters = new Junction("/filters", subscription.filterConnector(), nodes(subscription.filters(), "/filters", all), null);
    this.tests = Collections.unmodifiableList(all);
    Set<String> keys = new LinkedHashSet<>();
    keys.add("objCode");
    keys.add("ID");
    for (Test t : all) {
      keys.add(t.field.name());
      if (t.field.custom()) {
        keys.add("parameterValues");
      }
    }
    this.stateKeys = KEY_SETS.of(Set.copyOf(keys));
  }

  /**
   * The plan of {@code subscription}.
   *
   * @param subscription a valid subscription; not {@code null}
   * @return a new plan (never cached)
   * @throws NullPointerException when {@code subscription} is {@code null}
   */
  public static Plan of(Subscription subscription) {
    return new Plan(java.util.Objects.requireNonNull(subscription, "subscription"));
  }

  private static List<Node> nodes(List<Filter> filters, String pointer, List<Test> all) {
    List<Node> out = new ArrayList<>(filters.size());
    for (int i = 0; i < filters.size(); i++) {
      String p = Problem.child(pointer, i);
      Filter f = filters.get(i);
      if (f instanceof Filter.Group g) {
        out.add(new Junction(p, g.connector(), nodes(g.filters(), Problem.child(p, "filters"), all), g));
      } else if (f instanceof Filter.Condition c) {
        Test t = new Test(p, c);
        all.add(t);
        out.add(t);
      } else {
        throw new AssertionError("unhandled filter " + f);
      }
    }
    return out;
  }

  Subscription subscription() {
    return subscription;
  }

  /**
   * The compiled top-level filters (the gate is the caller's): a pure, thread-safe, allocation-free predicate.
   *
   * @return a new predicate, {@code true} for an event the filters hold for (always, when there
   *     are none); it throws nothing for a non-null event
   */
  public Predicate<Event> compile() {
    return Compiler.compile(this);
  }

  /**
   * Why {@code e} matches or not: the gate, and the filters laid out along this plan with each
   * condition's outcome as {@code compiled} evaluates it, traced.
   *
   * @param compiled what {@link #compile} returned for this plan or an equal one
   * @param e the event; not {@code null}
   * @return the explanation, whose {@link Explanation#matched()} is the gate and {@code compiled} together
   * @throws ClassCastException when {@code compiled} did not come from {@link #compile}
   */
  public Explanation explain(Predicate<Event> compiled, Event e) {
    return Explainer.explain(this, (Matcher) compiled, e);
  }

  /** The top-level filters: pointer {@code /filters}, the subscription's filterConnector. */
  Junction filters() {
    return filters;
  }

  /** Every condition, in the order written (depth first). */
  List<Test> tests() {
    return tests;
  }

  /**
   * The top-level state keys the conditions read: each fieldName ({@code parameterValues} too for
   * a {@code DE:} name), plus {@code objCode} and {@code ID} for the gate. Unmodifiable, shared
   * between plans that read the same keys.
   *
   * @return the keys, {@code objCode} and {@code ID} always among them; never {@code null}
   */
  public Set<String> stateKeys() {
    return stateKeys;
  }

  /** A condition or a group of the plan. */
  sealed interface Node permits Test, Junction {
    /** Where it is in the subscription, e.g. {@code /filters/2/filters/0}. */
    String pointer();
  }

  /** One condition: what it reads and compares, worked out once. */
  static final class Test implements Node {
    final String pointer;
    final Filter.Condition source;
    final Operator op;
    /** Whether it reads oldState ({@code changed} reads both and says newState). */
    final boolean old;
    final FieldRef field;
    /** The fieldValue read; {@code null} for changed, exists and notExists. */
    final Operand operand;

    Test(String pointer, Filter.Condition source) {
      this.pointer = pointer;
      this.source = source;
      this.op = source.comparison();
      this.old = source.state() == State.OLD_STATE;
      this.field = FieldRef.of(source.fieldName());
      this.operand = op.usesValue() ? operand(source.fieldValue()) : null;
    }

    private static Operand operand(FieldValue v) {
      if (v instanceof FieldValue.Fields f) {
        return nested(f.members(), false);
      }
      if (v instanceof FieldValue.Objects o) {
        return nested(o.members(), true);
      }
      return Constant.of(v.toJson());
    }

    private static Operand nested(Map<String, FieldValue> members, boolean each) {
      String[] keys = new String[members.size()];
      Operand[] values = new Operand[keys.length];
      int i = 0;
      for (Map.Entry<String, FieldValue> e : members.entrySet()) {
        keys[i] = e.getKey();
        values[i++] = operand(e.getValue());
      }
      return new Operand.Nested(keys, values, each);
    }

    @Override
    public String pointer() {
      return pointer;
    }
  }

  /** The top-level filters or a group: how its children combine. */
  static final class Junction implements Node {
    final String pointer;
    final Connector connector;
    final List<Node> children;
    /** The group, or {@code null} for the top-level filters. */
    final Filter.Group source;

    Junction(String pointer, Connector connector, List<Node> children, Filter.Group source) {
      this.pointer = pointer;
      this.connector = connector;
      this.children = Collections.unmodifiableList(children);
      this.source = source;
    }

    @Override
    public String pointer() {
      return pointer;
    }

    /**
     * How it combines once alone: a top-level list of one filter is that filter, whatever the
     * connector says (an OR of one is its one term).
     */
    Connector effective() {
      return children.size() == 1 ? Connector.AND : connector;
    }

    /**
     * Its terms with every child junction of the same effective connector inlined, recursively:
     * {@code (a AND (b AND c))} has the terms {@code a, b, c}. What evaluation and indexing combine.
     */
    List<Node> terms() {
      List<Node> out = new ArrayList<>();
      inline(effective(), children, out);
      return out;
    }

    private static void inline(Connector connector, List<Node> nodes, List<Node> out) {
      for (Node n : nodes) {
        if (n instanceof Junction j && j.effective() == connector) {
          inline(connector, j.children, out);
        } else {
          out.add(n);
        }
      }
    }
  }

  /**
   * The subscription as Workfront JSON, every default written out; parsing it gives an equal subscription.
   *
   * @return a new JSON object: objCode, eventType, objId when set, filters, filterConnector, then
   *     the carried keys
   */
  public JsonValue toJson() {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    out.put("objCode", JsonValue.of(subscription.objCode()));
    out.put("eventType", JsonValue.of(subscription.eventType()));
    if (subscription.objId() != null) {
      out.put("objId", JsonValue.of(subscription.objId()));
    }
    out.put("filters", json(filters.children));
    out.put("filterConnector", JsonValue.of(subscription.filterConnector().name()));
    out.putAll(subscription.carried());
    return new JsonValue.Obj(out);
  }

  private static JsonValue json(List<Node> nodes) {
    List<JsonValue> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      if (n instanceof Test t) {
        m.put("fieldName", JsonValue.of(t.source.fieldName()));
        if (t.source.fieldValue() != null) {
          m.put("fieldValue", t.source.fieldValue().toJson());
        }
        m.put("comparison", JsonValue.of(t.op.token()));
        m.put("state", JsonValue.of(t.source.state().token()));
      } else {
        Junction j = (Junction) n;
        m.put("type", JsonValue.of("group"));
        m.put("connector", JsonValue.of(j.connector.name()));
        m.put("filters", json(j.children));
      }
      out.add(new JsonValue.Obj(m));
    }
    return new JsonValue.Arr(out);
  }
}
