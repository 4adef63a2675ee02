package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import dev.subfilter.internal.SubscriptionIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;

/**
 * Properties of {@link SubscriptionSet}: {@code match} equals evaluating every subscription one by
 * one (in insertion order), for generated sets and events, across random add/replace/remove
 * sequences; and readers running during writes only ever see the answer of some snapshot.
 *
 * <p>Subscriptions come from {@link SubscriptionArbitraries#subscription()}, reshaped so that the
 * index's every path is taken: an {@code eq} condition on a scalar added under AND, inside an AND
 * group, or under a top-level OR of one group; OR subscriptions whose every branch has a key (eq,
 * contains, or an AND group holding one), top-level, as a required OR group, or nested, so that they
 * are indexed under every branch and events reach them through several; vendor event names; objId
 * pins. Statistics show where subscriptions were placed (an OR's keys too), through which lists
 * matches were found, and that OR candidates reached through several keys are evaluated once. Events are the
 * generator's events planted with the subscriptions' values ({@link SubscriptionArbitraries#plantAll}),
 * so that matches are common, and some carry a vendor name so that both bucket kinds are looked up.
 */
class SubscriptionSetProperties {
  static final String VENDOR = "task.status-changed";

  // ------------------------------------------------------------------ arbitraries

  /** An eq condition on a scalar non-null value: what the index keys on. */
  static Arbitrary<Filter.Condition> scalarEq() {
    Arbitrary<JsonValue> value = SubscriptionArbitraries.scalar().filter(v -> !(v instanceof JsonValue.Null));
    return Combinators.combine(Arbitraries.of(SubscriptionArbitraries.FILTER_FIELDS), SubscriptionArbitraries.state(), value)
        .as((field, state, v) -> Filter.Condition.of(field, Operator.EQ, v, state));
  }

  /** A contains condition on a scalar non-null value: what the contains index keys on. */
  static Arbitrary<Filter.Condition> scalarContains() {
    Arbitrary<JsonValue> value = SubscriptionArbitraries.scalar().filter(v -> !(v instanceof JsonValue.Null));
    return Combinators.combine(Arbitraries.of(SubscriptionArbitraries.FILTER_FIELDS), SubscriptionArbitraries.state(), value)
        .as((field, state, v) -> Filter.Condition.of(field, Operator.CONTAINS, v, state));
  }

  /**
   * A condition the newer postings key on: startsWith, endsWith, like, in (flat or nested, ignoreCase
   * or not), notIn, and an ignoreCase eq or contains on a scalar.
   */
  static Arbitrary<Filter.Condition> extendedKeyed() {
    Arbitrary<Operator> ops = Arbitraries.of(Operator.STARTS_WITH, Operator.ENDS_WITH, Operator.LIKE, Operator.LIKE, Operator.IN, Operator.IN,
        Operator.NOT_IN, Operator.EQ, Operator.CONTAINS);
    Arbitrary<JsonValue> scalar = SubscriptionArbitraries.scalar().filter(v -> !(v instanceof JsonValue.Null));
    return Combinators.combine(ops, Arbitraries.of(SubscriptionArbitraries.FILTER_FIELDS), SubscriptionArbitraries.state(), scalar,
            SubscriptionArbitraries.extendedValues(), SubscriptionArbitraries.ignoreCase(), SubscriptionArbitraries.affix(),
            Arbitraries.integers().between(0, 2))
        .as((op, field, state, v, ext, ic, affix, k) -> {
          if (op == Operator.EQ || op == Operator.CONTAINS) {
            return Filter.Condition.of(field, op, v, state, true);
          }
          JsonValue value = SubscriptionArbitraries.valueFor(op, v, ext);
          if (op == Operator.LIKE && k == 0) {
            // a pattern whose longest literal is inside it: listed as a substring
            String text = ((JsonValue.Str) affix).value().replace("\\", "\\\\").replace("*", "\\*");
            value = JsonValue.of("*" + text + "*");
          }
          return Filter.Condition.of(field, op, value, state, ic && op.allowsIgnoreCase());
        });
  }

  /** An eq, contains or extended keyed condition, or an AND group of one and a generated filter: a branch with a key. */
  static Arbitrary<Filter> keyedBranch() {
    return Arbitraries.oneOf(scalarEq(), scalarContains(), extendedKeyed(),
        Combinators.combine(Arbitraries.oneOf(scalarEq(), scalarContains(), extendedKeyed()), SubscriptionArbitraries.filter(1), Arbitraries.of(true, false))
            .as((key, other, first) -> (Filter) new Filter.Group(Connector.AND, first ? List.of(key, other) : List.of(other, key))));
  }

  /** How a generated subscription is reshaped around an eq (or contains) condition. */
  enum Shape {
    AS_GENERATED, EQ_ONLY, EQ_AND, EQ_IN_AND_GROUP, OR_OF_ONE_AND_GROUP, EQ_UNDER_OR, CONTAINS_AND,
    /** A top-level OR of keyed branches (eq, contains, AND groups holding one): indexed under every branch. */
    OR_OF_KEYED,
    /** The generated filters and a required OR group of keyed branches, under AND. */
    OR_GROUP_REQUIRED,
    /** A top-level OR of keyed branches and a nested OR group of them, some branches sharing keys. */
    NESTED_OR,
    /** An extended keyed condition (startsWith, like, in, ignoreCase eq, ...) alone or with the generated filters, under AND. */
    EXTENDED_AND
  }

  /** A generated subscription, maybe reshaped around an eq condition, maybe with a vendor event name. */
  static Arbitrary<Subscription> subscriptions() {
    return Arbitraries.frequencyOf(Tuple.of(10, keyedSubscriptions()), Tuple.of(3, looseSubscriptions()));
  }

  /**
   * Subscriptions with nothing selective (issue 14): one to three conditions, under AND or OR, each
   * a range on a number, a numeric string, a date-time or a plain string, a {@code ne}, {@code
   * changed}, {@code exists} or {@code notExists}; what the range, change, presence and absence
   * postings hold.
   */
  static Arbitrary<Subscription> looseSubscriptions() {
    Arbitrary<Operator> ranges = Arbitraries.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);
    Arbitrary<JsonValue> bounds = Arbitraries.frequencyOf(Tuple.of(4, SubscriptionArbitraries.number()),
        Tuple.of(2, SubscriptionArbitraries.numericString()), Tuple.of(3, SubscriptionArbitraries.dateTime()),
        Tuple.of(1, SubscriptionArbitraries.plainString()));
    Arbitrary<Filter.Condition> range = ranges.flatMap(op -> SubscriptionArbitraries.condition(op, bounds));
    Arbitrary<Filter.Condition> other = Arbitraries.of(Operator.NE, Operator.CHANGED, Operator.EXISTS, Operator.NOT_EXISTS)
        .flatMap(op -> SubscriptionArbitraries.condition(op, SubscriptionArbitraries.scalar()));
    Arbitrary<Filter.Condition> condition = Arbitraries.frequencyOf(Tuple.of(3, range), Tuple.of(2, other));
    Arbitrary<List<Filter.Condition>> conditions = Arbitraries.frequencyOf(Tuple.of(3, condition.list().ofMinSize(1).ofMaxSize(3)),
        Tuple.of(1, other.list().ofSize(1))); // alone, a change, presence or absence is what the subscription is filed under
    return Combinators.combine(SubscriptionArbitraries.subscription(), conditions, Arbitraries.of(Connector.class))
        .as((s, cs, connector) -> new Subscription(s.objCode(), s.eventType(), null, connector, new ArrayList<Filter>(cs),
            s.carried()));
  }

  private static Arbitrary<Subscription> keyedSubscriptions() {
    Arbitrary<Shape> shapes = Arbitraries.frequency(
        Tuple.of(3, Shape.AS_GENERATED), Tuple.of(3, Shape.EQ_ONLY), Tuple.of(3, Shape.EQ_AND), Tuple.of(2, Shape.EQ_IN_AND_GROUP),
        Tuple.of(1, Shape.OR_OF_ONE_AND_GROUP), Tuple.of(1, Shape.EQ_UNDER_OR), Tuple.of(4, Shape.CONTAINS_AND),
        Tuple.of(3, Shape.OR_OF_KEYED), Tuple.of(2, Shape.OR_GROUP_REQUIRED), Tuple.of(1, Shape.NESTED_OR), Tuple.of(5, Shape.EXTENDED_AND));
    return Combinators.combine(SubscriptionArbitraries.subscription(), scalarEq(), scalarEq(), scalarContains(), shapes,
            Arbitraries.integers().between(0, 9), keyedBranch().list().ofMinSize(2).ofMaxSize(4), extendedKeyed())
        .as((s, eq, eq2, contains, shape, k, branches, extended) -> {
          List<Filter> fs = new ArrayList<>(s.filters());
          Connector connector = s.filterConnector();
          switch (shape) {
            case EQ_ONLY -> {
              fs = k % 3 == 0 ? List.of(eq, eq2) : List.of(eq);
              connector = Connector.AND;
            }
            case EQ_AND -> {
              fs.add(k % 2 == 0 ? 0 : fs.size(), eq);
              if (k % 3 == 0) {
                fs.add(eq2);
              }
              connector = Connector.AND;
            }
            case EQ_IN_AND_GROUP -> {
              List<Filter> inner = new ArrayList<>(List.of(eq, k % 2 == 0 ? eq2 : new Filter.Condition("name", Operator.EXISTS, null, State.NEW_STATE)));
              fs.add(new Filter.Group(Connector.AND, inner));
              connector = Connector.AND;
            }
            case OR_OF_ONE_AND_GROUP -> {
              List<Filter> inner = new ArrayList<>(fs);
              inner.add(eq);
              if (inner.size() < 2) {
                inner.add(eq2);
              }
              fs = List.of(new Filter.Group(Connector.AND, inner));
              connector = Connector.OR;
            }
            case CONTAINS_AND -> {
              // without an eq condition the contains index is used: alone, with others, or inside an AND group
              fs.removeIf(f -> f instanceof Filter.Condition c && c.comparison() == Operator.EQ);
              if (k % 3 == 0 || fs.isEmpty()) {
                fs = new ArrayList<>(List.of(contains));
              } else if (k % 3 == 1) {
                fs.add(contains);
              } else {
                fs = new ArrayList<>(List.of(new Filter.Group(Connector.AND, List.of(contains, fs.get(0)))));
              }
              connector = Connector.AND;
            }
            case EQ_UNDER_OR -> {
              fs.add(eq);
              fs.add(eq2);
              connector = Connector.OR;
            }
            case OR_OF_KEYED -> {
              fs = new ArrayList<>(branches);
              connector = Connector.OR;
            }
            case OR_GROUP_REQUIRED -> {
              fs.add(k % 2 == 0 ? 0 : fs.size(), new Filter.Group(Connector.OR, branches));
              if (k % 3 == 0) {
                fs = List.of(new Filter.Group(Connector.AND, fs.size() == 1 ? List.of(fs.get(0), eq2) : fs)); // under an AND group
              }
              connector = Connector.AND;
            }
            case NESTED_OR -> {
              fs = new ArrayList<>(List.of(eq, new Filter.Group(Connector.OR, List.of(branches.get(0), eq)), branches.get(1)));
              connector = Connector.OR;
            }
            case EXTENDED_AND -> {
              // without eq conditions, so that the extended one is what the subscription is listed under
              fs.removeIf(f -> f instanceof Filter.Condition c && c.comparison() == Operator.EQ);
              if (k % 2 == 0 || fs.isEmpty()) {
                fs = new ArrayList<>(List.of(extended));
              } else {
                fs.add(k % 3 == 0 ? 0 : fs.size(), extended);
              }
              connector = Connector.AND;
            }
            default -> { }
          }
          String type = k == 0 ? VENDOR : s.eventType();
          return new Subscription(s.objCode(), type, s.objId(), connector, fs, s.carried());
        });
  }

  /** An event, and the vendor name it carries ({@code null}: its eventType). */
  record Ev(EventCase c, String name) {
    Event event() {
      ReferenceInterpreter.RefEvent r = c.ref();
      return Event.builder(JsonModel.JAVA)
          .eventType(c.eventType())
          .name(name)
          .objCode(r.objCode())
          .objId(r.objId())
          .newState(SubscriptionArbitraries.toJava(c.newState(), c.nativeNumbers()))
          .oldState(c.oldState() == null ? null : SubscriptionArbitraries.toJava(c.oldState(), c.nativeNumbers()))
          .build();
    }

    @Override
    public String toString() {
      return (name == null ? "" : "[name " + name + "] ") + c;
    }
  }

  /** A subscription and an event planted with its values (mostly passing its gate). */
  record Case(Subscription subscription, Ev event) {
    @Override
    public String toString() {
      return "Case[" + subscription.toJson() + ", " + event + "]";
    }
  }

  static Arbitrary<Case> cases() {
    return Combinators.combine(subscriptions(), SubscriptionArbitraries.event(), Arbitraries.integers().between(0, 9),
            SubscriptionArbitraries.plants().list().ofMaxSize(6), Arbitraries.integers().between(0, 4))
        .as((s, e, k, plants, named) -> {
          boolean vendor = !EventNames.isCanonical(s.eventType());
          EventCase ev = k < 8 ? e.gatedFor(s.objCode(), vendor ? "UPDATE" : s.eventType(), s.objId()) : e;
          ev = SubscriptionArbitraries.plantAll(ev, s.filters(), plants, k);
          String name = vendor || named == 0 ? VENDOR : null;
          return new Case(s, new Ev(ev, name));
        });
  }

  /** One update of the set: add (or replace) id {@code id} with case {@code c}'s subscription, or remove it. */
  record Op(boolean add, int id, int c) {
    @Override
    public String toString() {
      return (add ? "add s" + id + " = case " + c : "remove s" + id);
    }
  }

  @Provide
  Arbitrary<List<Case>> caseLists() {
    return cases().list().ofMinSize(1).ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(
            Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 1_000))
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Case>> bigCaseLists() {
    return cases().list().ofMinSize(40).ofMaxSize(80); // generating a case costs milliseconds: copies make the set large
  }

  // ------------------------------------------------------------------ helpers

  private static Predicate<Integer> atLeast(int n) {
    return c -> c >= n;
  }

  private static void coverEach(StatisticsCoverage coverage, List<?> values) {
    for (Object v : values) {
      coverage.check(v).count(atLeast(1));
    }
  }

  /** The kind of a placement, for statistics: pinned, eq newState, contains oldState, ..., fallback, or. */
  static String kind(String placement) {
    if (placement.startsWith("or(")) {
      return "or";
    }
    String[] words = placement.split(" ");
    return words.length == 1 ? placement : words[0] + " " + words[1];
  }

  /** The kinds of the keys of an {@code or(...)} placement (eq newState, contains oldState, ...), else none. */
  static List<String> branchKinds(String placement) {
    List<String> out = new ArrayList<>();
    if (placement.startsWith("or(")) {
      for (String key : placement.substring(3, placement.length() - 1).split("; ")) {
        out.add(kind(key));
      }
    }
    return out;
  }

  /** Collects the placement of {@code id} in {@code set}: its kind, and the kinds of an OR's keys. */
  static void collectPlacement(SubscriptionSet set, String id) {
    String placement = set.placement(id);
    Statistics.label("placement").collect(kind(placement));
    for (String b : branchKinds(placement)) {
      Statistics.label("or key").collect(b);
    }
    Statistics.label("nested key").collect(placement.contains("[] → ") ? "objects step" : placement.contains(" → ") ? "fields step" : "none");
  }

  /** Which extended operators (and ignoreCase) a subscription uses, for statistics. */
  static void collectExtended(Subscription s) {
    for (Filter.Condition c : SubscriptionArbitraries.conditions(s.filters())) {
      if (!c.comparison().isWorkfront() && c.comparison() != Operator.EXISTS && c.comparison() != Operator.NOT_EXISTS) {
        Statistics.label("extended operator").collect(c.comparison().token());
      }
      if (c.ignoreCase()) {
        Statistics.label("extended operator").collect("ignoreCase");
      }
    }
  }

  /** The ids of {@code model} whose subscription matches {@code e}, in the model's (insertion) order. */
  static List<String> oneByOne(Map<String, CompiledSubscription> model, Event e) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, CompiledSubscription> m : model.entrySet()) {
      if (m.getValue().matches(e)) {
        out.add(m.getKey());
      }
    }
    return out;
  }

  /** Checks {@code set.match(e)} against {@link #oneByOne} for every event, collecting statistics. */
  static void checkAll(SubscriptionSet set, Map<String, CompiledSubscription> model, List<Event> events, Object context) {
    assertThat(set.size()).isEqualTo(model.size());
    assertThat(set.ids()).as("ids in insertion order").containsExactlyElementsOf(model.keySet());
    java.util.Set<String> keys = new java.util.HashSet<>();
    model.values().forEach(s -> keys.addAll(s.stateKeys()));
    assertThat(set.stateKeys()).as("state keys after %s", context).isEqualTo(keys);
    for (Event e : events) {
      SubscriptionIndex.Counters stats = new SubscriptionIndex.Counters();
      List<String> got = set.match(e, stats);
      List<String> expected = oneByOne(model, e);
      assertThat(got).as("match vs one by one for %s after %s", e, context).isEqualTo(expected);
      Statistics.label("answer size").collect(got.size() == 0 ? "0" : got.size() == 1 ? "1" : got.size() <= 24 ? "2-24" : "25+");
      long[] via = {stats.pinnedMatches(), stats.eqMatches(), stats.containsMatches(), stats.prefixMatches(), stats.suffixMatches(),
          stats.substringMatches(), stats.presenceMatches(), stats.fallbackMatches(), stats.rangeMatches(), stats.changedMatches(),
          stats.absentMatches()};
      String[] names = {"pinned", "eq", "contains", "prefix", "suffix", "substring", "presence", "fallback", "range", "changed", "absent"};
      for (int i = 0; i < via.length; i++) {
        if (via[i] > 0) {
          Statistics.label("matched via").collect(names[i]);
        }
      }
      if (stats.multiMatches() > 0) {
        Statistics.label("matched via").collect("or keys");
      }
      if (stats.multiCandidates() > 0) {
        Statistics.label("or candidates").collect(stats.deduped() > 0 ? "reached via several keys, evaluated once" : "reached once");
      }
      long candidates = stats.candidates();
      Statistics.label("candidates evaluated ÷ set size").collect(
          model.isEmpty() ? "empty set" : candidates == 0 ? "none" : candidates * 2 <= model.size() ? "at most half" : "more than half");
    }
  }

  // ------------------------------------------------------------------ properties

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 150)
  void match_equalsOneByOne_acrossAddReplaceRemoveSequences(@ForAll("caseLists") List<Case> cases, @ForAll("ops") List<Op> ops) {
    SubscriptionSet set = new SubscriptionSet();
    Map<String, CompiledSubscription> model = new LinkedHashMap<>(); // LinkedHashMap: replace keeps the place, like the set
    CompiledSubscription[] compiled = new CompiledSubscription[cases.size()];
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      compiled[i] = cases.get(i).subscription().compile();
      events.add(cases.get(i).event().event());
    }
    checkAll(set, model, events, "nothing");
    List<Op> done = new ArrayList<>();
    for (Op op : ops) {
      String id = "s" + op.id();
      if (op.add()) {
        CompiledSubscription s = compiled[op.c() % compiled.length];
        Statistics.label("update").collect(model.containsKey(id) ? "replace" : "add");
        if (model.containsKey(id)) {
          assertThat(set.replace(id, s)).isSameAs(model.get(id));
        } else {
          set.add(id, s);
        }
        model.put(id, s);
        collectPlacement(set, id);
        collectExtended(s.subscription());
      } else {
        Statistics.label("update").collect(model.containsKey(id) ? "remove" : "remove absent");
        assertThat(set.remove(id)).isEqualTo(model.remove(id) != null);
      }
      done.add(op);
      checkAll(set, model, events, done);
    }

    Statistics.label("placement").coverage(cov -> coverEach(cov,
        List.of("pinned", "eq newState", "eq oldState", "contains newState", "contains oldState", "or", "fallback",
            "prefix newState", "suffix newState", "substring newState", "present newState", "eq/ignoreCase newState",
            "contains/ignoreCase newState", "prefix/ignoreCase newState", "prefix oldState", "range newState", "range oldState", "range/date-time newState",
            "changed newState", "absent newState", "present oldState")));
    Statistics.label("or key").coverage(cov -> coverEach(cov, List.of("eq newState", "eq oldState", "contains newState", "contains oldState")));
    Statistics.label("nested key").coverage(cov -> coverEach(cov, List.of("fields step", "objects step")));
    Statistics.label("matched via").coverage(cov -> coverEach(cov,
        List.of("pinned", "eq", "contains", "prefix", "suffix", "substring", "presence", "fallback", "or keys", "range", "changed",
            "absent")));
    Statistics.label("extended operator").coverage(cov -> coverEach(cov, List.of("startsWith", "endsWith", "like", "in", "notIn", "ignoreCase")));
    Statistics.label("or candidates").coverage(cov -> coverEach(cov, List.of("reached once", "reached via several keys, evaluated once")));
    Statistics.label("update").coverage(cov -> coverEach(cov, List.of("add", "replace", "remove", "remove absent")));
    Statistics.label("answer size").coverage(cov -> coverEach(cov, List.of("0", "1", "2-24")));
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 10)
  void match_equalsOneByOne_forLargeSets(@ForAll("bigCaseLists") List<Case> cases, @ForAll long seed) {
    SubscriptionSet set = new SubscriptionSet();
    Map<String, CompiledSubscription> model = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    Map<String, CompiledSubscription> batch = new LinkedHashMap<>();
    final int copies = 6; // each subscription under several ids: long posting lists, long answers
    for (int i = 0; i < cases.size(); i++) {
      events.add(cases.get(i).event().event());
    }
    for (int copy = 0; copy < copies; copy++) {
      for (int i = 0; i < cases.size(); i++) {
        CompiledSubscription s = cases.get(i).subscription().compile();
        String id = "s" + i + "." + copy;
        if (i % 4 == copy) {
          batch.put(id, s);
        } else {
          set.add(id, s);
        }
        model.put(id, s);
      }
    }
    set.addAll(batch);
    // addAll appends after the ones added one by one: the model follows
    for (String id : batch.keySet()) {
      model.put(id, model.remove(id));
    }
    for (String id : model.keySet()) {
      collectPlacement(set, id);
    }
    checkAll(set, model, events, "adding " + model.size());

    java.util.Random random = new java.util.Random(seed);
    List<String> ids = new ArrayList<>(model.keySet());
    for (String id : ids) {
      if (random.nextBoolean()) {
        assertThat(set.remove(id)).isTrue();
        model.remove(id);
      }
    }
    checkAll(set, model, events, "removing half");
    Statistics.label("answer size").coverage(cov -> cov.check("2-24").count(atLeast(1)));
    Statistics.label("placement").coverage(cov -> cov.check("or").count(atLeast(1)));
    Statistics.label("or candidates").coverage(cov -> cov.check("reached via several keys, evaluated once").count(atLeast(1)));
  }

  /**
   * Readers never lock and see one snapshot per call: while a writer keeps adding, replacing and
   * removing subscriptions that never match, re-adding the base subscriptions (same subscription,
   * same place) and finally growing the set by subscriptions that match every event of a gate, each
   * reader's every answer is the base answer followed by a prefix of the growing ones, and that
   * prefix never shrinks from one read to the next.
   */
  @Property(edgeCases = EdgeCasesMode.NONE, tries = 12)
  void concurrentReaders_seeOnlyAnswersOfSnapshots(@ForAll("caseLists") List<Case> cases) throws Exception {
    SubscriptionSet set = new SubscriptionSet();
    List<Subscription> base = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      base.add(cases.get(i).subscription());
      set.add("b" + i, cases.get(i).subscription().compile());
      events.add(cases.get(i).event().event());
    }
    Event probe = SubscriptionSetTest.task("status", "CUR", "ID", "t1");
    events.add(probe);
    List<List<String>> expected = new ArrayList<>();
    for (Event e : events) {
      expected.add(set.match(e));
    }
    // the growing subscriptions match every TASK UPDATE event: the probe, and whichever events have that gate
    CompiledSubscription grow = Subscription.of("TASK", "UPDATE").compile();
    List<Boolean> grows = new ArrayList<>();
    for (Event e : events) {
      grows.add(grow.matches(e));
    }
    List<CompiledSubscription> never = List.of(
        Subscription.of("TASK", "UPDATE", SubscriptionSetTest.eq("name", JsonValue.of("\u0000never"))).compile(),
        new Subscription("TASK", "UPDATE", null, Connector.OR, List.of(
            SubscriptionSetTest.eq("name", JsonValue.of("\u0000never")), SubscriptionSetTest.eq("status", JsonValue.of("\u0000never"))), Map.of()).compile(),
        new Subscription("TASK", "UPDATE", "\u0000no-such-id", Connector.AND, List.of(), Map.of()).compile(),
        Subscription.of("TASK", VENDOR, SubscriptionSetTest.cond("status", Operator.EQ, JsonValue.of("\u0000never"), State.OLD_STATE)).compile(),
        Subscription.of("PROJ", "CREATE", SubscriptionSetTest.cond("n", Operator.EQ, JsonValue.of(-123456789), State.NEW_STATE)).compile());

    final int growCount = 60;
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong readsDuringWrites = new AtomicLong();
    AtomicLong partialGrowthSeen = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);

    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          int seenPrefix = 0;
          while (true) {
            boolean during = writing.get(); // a pass that starts after the writer finished is the last
            for (int k = 0; k < events.size(); k++) {
              List<String> got = set.match(events.get(k));
              int prefix = checkSnapshotAnswer(got, expected.get(k), grows.get(k), growCount);
              if (grows.get(k)) {
                if (prefix < seenPrefix) {
                  throw new AssertionError("reads went back in time: saw " + seenPrefix + " grown, then " + prefix + ": " + got);
                }
                seenPrefix = prefix;
                if (prefix > 0 && prefix < growCount) {
                  partialGrowthSeen.incrementAndGet();
                }
              }
            }
            if (!during) {
              break;
            }
            readsDuringWrites.addAndGet(events.size());
          }
        } catch (Throwable t2) {
          failure.compareAndSet(null, t2);
        }
      });
      t.start();
      readers.add(t);
    }

    Thread writer = new Thread(() -> {
      try {
        start.await();
        for (int round = 0; round < 200; round++) {
          set.replace("never" + (round % 7), never.get(round % never.size()));
          set.replace("b" + (round % base.size()), base.get(round % base.size()).compile()); // the same subscription again
          if (round % 3 == 0) {
            set.remove("never" + ((round + 3) % 7));
          }
          if (round % 4 == 0) {
            Map<String, CompiledSubscription> batch = new LinkedHashMap<>();
            batch.put("never-batch" + round % 5, never.get(round % never.size()));
            batch.put("never" + (round % 7), never.get((round + 1) % never.size()));
            set.replaceAll(batch);
          }
          if (round % 3 == 1 && round / 3 < growCount) {
            set.add("grow" + round / 3, grow);
          }
          Thread.yield();
        }
        for (int g = 0; g < growCount; g++) {
          set.replace("grow" + g, grow); // the ones the loop did not reach; replacing keeps the place
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        writing.set(false);
      }
    });
    writer.start();
    start.countDown();
    writer.join(60_000);
    for (Thread t : readers) {
      t.join(60_000);
    }
    if (failure.get() != null) {
      throw new AssertionError("a reader or the writer failed", failure.get());
    }
    for (int k = 0; k < events.size(); k++) {
      assertThat(checkSnapshotAnswer(set.match(events.get(k)), expected.get(k), grows.get(k), growCount))
          .isEqualTo(grows.get(k) ? growCount : 0);
    }
    Statistics.label("reads during writes").collect(readsDuringWrites.get() > 0 ? "some" : "none");
    Statistics.label("saw a partly grown set").collect(partialGrowthSeen.get() > 0 ? "yes" : "no");
    Statistics.label("reads during writes").coverage(cov -> cov.check("some").count(atLeast(1)));
  }

  /**
   * Checks that {@code got} is {@code expected} followed by {@code grow0 .. grow(k-1)} (k = 0 when
   * the event does not pass the growing subscriptions' gate) and returns k.
   */
  static int checkSnapshotAnswer(List<String> got, List<String> expected, boolean grows, int growCount) {
    if (got.size() < expected.size() || !got.subList(0, expected.size()).equals(expected)) {
      throw new AssertionError("expected the base answer " + expected + " first, got " + got);
    }
    int k = got.size() - expected.size();
    if (!grows && k != 0 || k > growCount) {
      throw new AssertionError("unexpected extra ids: " + got + " (base " + expected + ")");
    }
    for (int i = 0; i < k; i++) {
      if (!got.get(expected.size() + i).equals("grow" + i)) {
        throw new AssertionError("not a prefix of the grown ids in order: " + got + " (base " + expected + ")");
      }
    }
    return k;
  }
}
