package dev.subfilter.internal;

import dev.subfilter.Connector;
import dev.subfilter.Event;
import dev.subfilter.Explanation;
import dev.subfilter.FieldValue;
import dev.subfilter.Filter;
import dev.subfilter.Funnel;
import dev.subfilter.Lint;
import dev.subfilter.Mode;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.Problem;
import dev.subfilter.State;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collector;

/**
 * A subscription planned once into the one form every other step reads: each condition with its
 * JSON Pointer, state, field reference, operator and operand read in advance ({@link Test}), and the
 * AND/OR structure as written ({@link Junction}). The compiler builds matchers from it, the index
 * chooses its keys from it, the explainer lays out its tree along it and the printer writes it out;
 * none of them walks {@link Filter} trees or reads a fieldValue's JSON. Immutable; built when it is
 * needed (a few allocations per condition) rather than kept, so a large set does not hold it.
 *
 * <p>Not API: public only because {@code dev.subfilter}'s {@code CompiledSubscription} and {@code
 * Subscription} compile, explain and print through it, and {@code Funnel} and {@code Lint} count
 * through the collectors it makes (the one door into the engine).
 */
public final class Plan {
  /**
   * What is wrong with {@code pattern} as a {@code like} fieldValue, or {@code null} when it is
   * valid: the parser's check, by the one reader of the syntax.
   *
   * @param pattern the pattern as written; not {@code null}
   * @return the problem in words, or {@code null}
   */
  public static String likeProblem(String pattern) {
    return LikePattern.problem(pattern);
  }

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
   * The funnel counter of {@code Funnel}: its accumulator counts one event, its finisher gives the
   * report so far and may be applied again after more events (unlike most collectors'). Its state
   * is not thread-safe; the collector is not meant for streams.
   *
   * @param subscriptions compiled subscriptions by id, in report order; not {@code null}
   * @param maxValues how many distinct values of one field are told apart
   * @return a new collector
   */
  public static Collector<Event, ?, Funnel.Report> funnel(Map<String, CompiledSubscription> subscriptions, int maxValues) {
    return Collector.of(() -> new FunnelCounter(subscriptions, maxValues), FunnelCounter::add, (a, b) -> {
      throw new UnsupportedOperationException("funnels are not combined");
    }, FunnelCounter::report);
  }

  /**
   * The linter of {@code Lint}: its accumulator adds a sample event, its finisher gives the warnings
   * so far and may be applied again after more samples. Its state is not thread-safe.
   *
   * @param mode the mode the subscriptions were read in; not {@code null}
   * @param subscriptions by id, in the order warnings are given; not {@code null}
   * @return a new collector
   */
  public static Collector<Event, ?, List<Lint.Warning>> lint(Mode mode, Map<String, Subscription> subscriptions) {
    return Collector.of(() -> new Linter(mode, subscriptions), Linter::sample, (a, b) -> {
      throw new UnsupportedOperationException("lints are not combined");
    }, Linter::warnings);
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
    /** {@code ignoreCase}: the operand was read from the folded fieldValue, and event strings are compared folded. */
    final boolean fold;
    /** The fieldValue read; {@code null} for changed, exists and notExists. */
    final Operand operand;

    Test(String pointer, Filter.Condition source) {
      this.pointer = pointer;
      this.source = source;
      this.op = source.comparison();
      this.old = source.state() == State.OLD_STATE;
      this.field = FieldRef.of(source.fieldName());
      this.fold = source.ignoreCase();
      this.operand = op.usesValue() ? operand(op, fold, source.fieldValue()) : null;
    }

    /** A leaf by what its operator reads: a like pattern, an in list, else a constant. */
    private static Operand operand(Operator op, boolean fold, FieldValue v) {
      if (v instanceof FieldValue.Fields f) {
        return nested(op, fold, f.members(), false);
      }
      if (v instanceof FieldValue.Objects o) {
        return nested(op, fold, o.members(), true);
      }
      JsonValue json = fold ? CaseFold.foldStrings(v.toJson()) : v.toJson();
      switch (op) {
        case LIKE:
          return LikePattern.of(((JsonValue.Str) json).value());
        case IN:
        case NOT_IN:
          return InList.of((JsonValue.Arr) json);
        default:
          return Constant.of(json);
      }
    }

    private static Operand nested(Operator op, boolean fold, Map<String, FieldValue> members, boolean each) {
      String[] keys = new String[members.size()];
      Operand[] values = new Operand[keys.length];
      int i = 0;
      for (Map.Entry<String, FieldValue> e : members.entrySet()) {
        keys[i] = e.getKey();
        values[i++] = operand(op, fold, e.getValue());
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
   * The subscription as Workfront JSON, every default written out but {@code ignoreCase} (written
   * only when true); parsing it gives an equal subscription.
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
        if (t.fold) {
          m.put("ignoreCase", JsonValue.of(true)); // written only when set: false is the default, and Workfront's mode has no such key
        }
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
