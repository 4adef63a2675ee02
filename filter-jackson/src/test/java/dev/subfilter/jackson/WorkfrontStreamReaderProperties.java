package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.SubscriptionArbitraries.SubscriptionCase;
import dev.subfilter.jackson.JsonText.Mutation;
import dev.subfilter.jackson.JsonText.Raw;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The streaming path equals the tree path: for generated subscriptions and payloads (states inline
 * or base64, extra members no subscription reads holding deep, long or huge values), a compiled
 * subscription matches the event {@link WorkfrontStreamReader#read} streams exactly when it matches
 * the event {@link SubfilterJson#readWorkfrontEvent(byte[])} builds; valid payloads are streamed
 * (never handed to the tree reader); invalid ones fail with the same exception type, pointer and
 * message on both paths.
 */
class WorkfrontStreamReaderProperties {
  private static final SubfilterJson JSON = SubfilterJson.create();

  /** An extra member's value, by kind, as Java data for {@link JsonText#write}. */
  record Extra(String kind, Object value) {
    @Override
    public String toString() {
      String s = String.valueOf(value);
      return kind + ":" + (s.length() > 60 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s);
    }
  }

  static Arbitrary<Extra> extra() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, SubscriptionArbitraries.value(3).map(v -> new Extra("value", JsonText.data(v)))),
        Tuple.of(2, Arbitraries.integers().between(1, 450).map(d -> new Extra("deep arrays", new Raw("[".repeat(d) + "]".repeat(d))))),
        Tuple.of(2, Arbitraries.integers().between(1, 300)
            .map(d -> new Extra("deep objects", new Raw("{\"status\":[".repeat(d) + "1.5e7" + "]}".repeat(d))))),
        Tuple.of(2, Arbitraries.integers().between(1_000, 30_000)
            .map(n -> new Extra("long string", "CUR \"\\\u00e9\uD83D\uDE00".repeat(n / 8)))),
        Tuple.of(2, Arbitraries.of(RobustnessProperties.HUGE_NUMBERS).map(n -> new Extra("huge number", new Raw("[" + n + "]")))),
        Tuple.of(2, RobustnessProperties.randomJson(4).map(t -> new Extra("random json", new Raw(t)))),
        Tuple.of(1, Arbitraries.integers().between(100, 1_500)
            .map(n -> new Extra("large object", new Raw(largeObject(n))))));
  }

  private static String largeObject(int n) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":{\"ID\":\"").append(Integer.toHexString(i * 7919)).append("\",\"n\":").append(i).append('}');
    }
    return b.append('}').toString();
  }

  /** Names no generated subscription reads. */
  static Arbitrary<Map<String, Extra>> extras() {
    return extra().list().ofMaxSize(3).map(l -> {
      Map<String, Extra> m = new LinkedHashMap<>();
      for (int i = 0; i < l.size(); i++) {
        m.put("unread" + i, l.get(i));
      }
      return m;
    });
  }

  /** A payload of {@code e} with {@code extras} in newState, oldState and the top level; states base64 in {@code style} (-1: inline). */
  @SuppressWarnings("unchecked")
  static Object payload(EventCase e, int style, boolean unknownAsNull, Map<String, Extra> inNew, Map<String, Extra> inOld, Map<String, Extra> top) {
    Map<String, Object> doc = (Map<String, Object>) JsonText.data(e.payload());
    Map<String, Object> n = (Map<String, Object>) doc.get("newState");
    inNew.forEach((k, v) -> n.put(k, v.value()));
    Object o = doc.get("oldState");
    if (o instanceof Map<?, ?> om) {
      inOld.forEach((k, v) -> ((Map<String, Object>) om).put(k, v.value()));
    }
    top.forEach((k, v) -> doc.put(k, v.value()));
    if (style >= 0) {
      doc.put("newState", JsonText.base64(JsonText.write(n), style));
      if (o != null) {
        doc.put("oldState", JsonText.base64(JsonText.write(o), style + 1));
      }
    }
    if (o == null && unknownAsNull) {
      doc.put("oldState", null);
    }
    return doc;
  }

  /** What a read-and-match gave: the match, or the exception's type, pointer and message. */
  static String outcome(Supplier<Boolean> call) {
    try {
      return "matches=" + call.get();
    } catch (InvalidEventException e) {
      return "InvalidEventException at '" + e.problem().pointer() + "': " + e.problem().message();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<Integer> styles() {
    return Arbitraries.of(-1, -1, -1, 0, 1, 2, 3);
  }

  @Provide
  Arbitrary<SubscriptionCase> subscriptionCases() {
    return SubscriptionArbitraries.subscriptionCase();
  }

  @Provide
  Arbitrary<Map<String, Extra>> extraMembers() {
    return extras();
  }

  @Provide
  Arbitrary<Subscription> subscriptions() {
    return SubscriptionArbitraries.subscription();
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void read_generatedPayloads_streamMatchesTree(
      @ForAll("subscriptionCases") SubscriptionCase sc, @ForAll("styles") int style, @ForAll boolean unknownAsNull,
      @ForAll("extraMembers") Map<String, Extra> inNew, @ForAll("extraMembers") Map<String, Extra> inOld,
      @ForAll("extraMembers") Map<String, Extra> top, @ForAll("subscriptions") Subscription other) {
    CompiledSubscription c = sc.subscription().compile();
    CompiledSubscription o = other.compile();
    byte[] bytes = JsonText.write(payload(sc.event(), style, unknownAsNull, inNew, inOld, top)).getBytes(StandardCharsets.UTF_8);

    WorkfrontStreamReader own = WorkfrontStreamReader.forSubscriptions(JSON, List.of(c));
    WorkfrontStreamReader union = WorkfrontStreamReader.forSubscriptions(JSON, List.of(c, o));

    String tree = outcome(() -> c.matches(JSON.readWorkfrontEvent(bytes)));
    String treeOther = outcome(() -> o.matches(JSON.readWorkfrontEvent(bytes)));
    assertThat(outcome(() -> c.matches(own.read(bytes)))).as("own keys").isEqualTo(tree);
    assertThat(outcome(() -> own.matches(c, bytes))).as("matches helper").isEqualTo(tree);
    assertThat(outcome(() -> c.matches(union.read(bytes)))).as("union of keys").isEqualTo(tree);
    assertThat(outcome(() -> o.matches(union.read(bytes)))).as("union of keys, other subscription").isEqualTo(treeOther);
    boolean valid = tree.startsWith("matches=");
    if (valid) {
      assertThat(streamed(own, bytes)).as("a valid payload is streamed, not read as a tree").isTrue();
      assertThat(streamed(union, bytes)).as("a valid payload is streamed, not read as a tree").isTrue();
      sameKeptValues(union.read(bytes), JSON.readWorkfrontEvent(bytes), union.stateKeys());
    }

    Statistics.label("outcome").collect(valid ? tree : "invalid");
    Statistics.label("states").collect(style < 0 ? "inline" : "base64 style " + style);
    for (Map<String, Extra> m : List.of(inNew, inOld, top)) {
      m.values().forEach(x -> Statistics.label("extra kinds").collect(x.kind()));
    }
    Statistics.label("extras anywhere").collect(inNew.size() + inOld.size() + top.size() == 0 ? "none" : "some");
    Statistics.label("bytes").collect(bytes.length < 1_000 ? "<1K" : bytes.length < 10_000 ? "<10K" : bytes.length < 100_000 ? "<100K" : ">=100K");
    Statistics.label("outcome").coverage(cov -> {
      cov.check("matches=true").count((Integer n) -> n > 0);
      cov.check("matches=false").count((Integer n) -> n > 0);
      cov.check("invalid").count((Integer n) -> n > 0);
    });
  }

  /** Every kept key's value in the streamed event is the tree's, node type for node type; the other keys are gone. */
  static void sameKeptValues(Event streamed, Event tree, java.util.Set<String> keys) {
    assertThat(streamed.eventType()).isEqualTo(tree.eventType());
    assertThat(streamed.objCode()).isEqualTo(tree.objCode());
    assertThat(streamed.objId()).isEqualTo(tree.objId());
    assertThat(streamed.eventTime()).isEqualTo(tree.eventTime());
    assertThat(streamed.hasOldState()).isEqualTo(tree.hasOldState());
    for (boolean old : new boolean[] {false, true}) {
      JsonNode s = (JsonNode) (old ? streamed.oldState() : streamed.newState());
      JsonNode t = (JsonNode) (old ? tree.oldState() : tree.newState());
      if (t == null) {
        continue;
      }
      int kept = 0;
      for (String k : keys) {
        JsonNode tv = t.get(k);
        if (tv != null) {
          kept++;
          assertThat(s.get(k)).as(k).isEqualTo(tv);
          assertThat(String.valueOf(s.get(k))).as(k).isEqualTo(tv.toString());
        }
      }
      assertThat(s.size()).isEqualTo(kept);
    }
  }

  private static boolean streamed(WorkfrontStreamReader r, byte[] bytes) {
    try {
      return r.stream(bytes) != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** A generated payload (with extras) broken by one to three mutations anywhere: missing, duplicated, wrapped or wrong-typed members. */
  @Provide
  Arbitrary<String> mutatedPayloads() {
    Arbitrary<Object> docs = Combinators.combine(SubscriptionArbitraries.event(), styles(), Arbitraries.of(false, true), extras(), extras())
        .as((e, style, asNull, inNew, top) -> payload(e.gated(), style, asNull, inNew, Map.of(), top));
    return Combinators.combine(docs, Arbitraries.integers().between(0, 10_000), Arbitraries.of(Mutation.class),
            Arbitraries.of(RobustnessProperties.WRONG_VALUES), Arbitraries.integers().between(1, 3))
        .as((doc, index, mutation, value, times) -> {
          for (int i = 0; i < times; i++) {
            doc = JsonText.mutate(doc, index * (i + 7), mutation, value);
          }
          return JsonText.write(doc);
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE, tries = 500)
  void read_mutatedPayloads_sameOutcomeOnBothPaths(@ForAll("mutatedPayloads") String text, @ForAll("subscriptions") Subscription s) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Event treeEvent;
    try {
      treeEvent = JSON.readWorkfrontEvent(bytes);
    } catch (InvalidEventException e) {
      treeEvent = null;
    }
    // a subscription gated for this event when there is one, so evaluation reaches the filters
    CompiledSubscription c = (treeEvent == null ? s
        : new Subscription(treeEvent.objCode(), treeEvent.eventType(), null, s.filterConnector(), s.filters(), Map.of())).compile();
    WorkfrontStreamReader r = WorkfrontStreamReader.forSubscriptions(JSON, List.of(c));
    String tree = outcome(() -> c.matches(JSON.readWorkfrontEvent(bytes)));
    String stream = outcome(() -> c.matches(r.read(bytes)));
    assertThat(stream).as("payload %s", text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text).isEqualTo(tree);
    if (treeEvent != null) {
      assertThat(streamed(r, bytes)).as("a valid payload is streamed").isTrue();
    }

    String pointer = tree.startsWith("InvalidEventException at '") ? tree.substring(26, tree.indexOf('\'', 26)) : null;
    Statistics.label("outcome").collect(pointer == null ? tree : "invalid at '" + pointer + "'");
    Statistics.label("outcome").coverage(cov -> {
      cov.check("matches=true").count((Integer n) -> n > 0);
      cov.check("matches=false").count((Integer n) -> n > 0);
      cov.check("invalid at ''").count((Integer n) -> n > 0);
      cov.check("invalid at '/newState'").count((Integer n) -> n > 0);
    });
  }
}
