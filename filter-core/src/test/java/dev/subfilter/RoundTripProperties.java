package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** A subscription printed with {@link Subscription#toJson()} and parsed again is equal. */
class RoundTripProperties {
  private static final SubscriptionParser PARSER = SubscriptionParser.extended();

  @Provide
  Arbitrary<Subscription> subscriptions() {
    return SubscriptionArbitraries.subscription();
  }

  private static void collectShape(Subscription s) {
    int conditions = SubscriptionArbitraries.conditions(s.filters()).size();
    Statistics.label("conditions").collect(conditions == 0 ? "0" : conditions <= 3 ? "1-3" : conditions <= 10 ? "4-10" : "more than 10");
    Statistics.label("group depth").collect(SubscriptionArbitraries.groupDepth(s.filters()));
    Statistics.label("carried keys").collect(s.carried().isEmpty() ? "none" : "some");
    Statistics.label("objId").collect(s.objId() == null ? "none" : "set");
    Statistics.label("nested fieldValue").collect(SubscriptionArbitraries.conditions(s.filters()).stream()
        .anyMatch(c -> c.fieldValue() != null && c.fieldValue().toJson() instanceof JsonValue.Obj) ? "some" : "none");
  }

  @Property(tries = 1000)
  void toJson_generatedSubscription_parsesBackEqual(@ForAll("subscriptions") Subscription s) {
    JsonValue json = s.toJson();
    collectShape(s);
    Statistics.label("group depth").coverage(cov -> {
      for (int d = 0; d <= SubscriptionArbitraries.MAX_GROUP_DEPTH; d++) {
        cov.check(d).count((Integer c) -> c > 0);
      }
    });

    Subscription back = PARSER.parse(json);

    assertThat(back).as("parse(toJson(s)) for %s", json).isEqualTo(s);
    assertThat(back.toJson()).as("toJson is stable").isEqualTo(json);
    assertThat(back.toJson().toString()).as("printed text is stable").isEqualTo(json.toString());
  }

  @Property(tries = 1000)
  void parse_jsonWithDefaultsOmittedAndKeysShuffled_equalsAndReprintsEqual(
      @ForAll("subscriptions") Subscription s, @ForAll long seed) {
    Random random = new Random(seed);
    int[] omitted = {0};
    JsonValue minimal = rewrite(s.toJson(), random, omitted);
    collectShape(s);
    Statistics.label("defaults omitted or rewritten").collect(omitted[0] == 0 ? "0" : omitted[0] <= 3 ? "1-3" : "more than 3");

    Subscription first = PARSER.parse(minimal);
    Subscription again = PARSER.parse(first.toJson());

    assertThat(first).as("parse of %s (defaults omitted) equals the subscription", minimal).isEqualTo(s);
    assertThat(again).as("parse(toJson(parse(json)))").isEqualTo(first);
  }

  /**
   * The same subscription written differently: default values left out (filterConnector AND,
   * connector AND, comparison eq, state newState, empty filters), a numeric objId as a number, an
   * unset objId as JSON null, keys in another order.
   */
  static JsonValue rewrite(JsonValue printed, Random r, int[] count) {
    JsonValue.Obj top = (JsonValue.Obj) printed;
    Map<String, JsonValue> m = new LinkedHashMap<>(top.members());
    if (isStr(m.get("filterConnector"), "AND") && r.nextBoolean()) {
      m.remove("filterConnector");
      count[0]++;
    }
    JsonValue.Arr filters = (JsonValue.Arr) m.get("filters");
    if (filters.elements().isEmpty() && r.nextBoolean()) {
      m.remove("filters");
      count[0]++;
    } else {
      m.put("filters", rewriteFilters(filters, r, count));
    }
    JsonValue objId = m.get("objId");
    if (objId instanceof JsonValue.Str s && s.value().matches("[1-9][0-9]{0,17}") && r.nextBoolean()) {
      m.put("objId", JsonValue.of(Long.parseLong(s.value())));
      count[0]++;
    } else if (objId == null && r.nextInt(4) == 0) {
      m.put("objId", JsonValue.NULL);
      count[0]++;
    }
    return shuffled(m, r);
  }

  private static JsonValue rewriteFilters(JsonValue.Arr filters, Random r, int[] count) {
    List<JsonValue> out = new ArrayList<>();
    for (JsonValue f : filters.elements()) {
      Map<String, JsonValue> m = new LinkedHashMap<>(((JsonValue.Obj) f).members());
      if (m.containsKey("type")) {
        if (isStr(m.get("connector"), "AND") && r.nextBoolean()) {
          m.remove("connector");
          count[0]++;
        }
        m.put("filters", rewriteFilters((JsonValue.Arr) m.get("filters"), r, count));
      } else {
        if (isStr(m.get("comparison"), "eq") && r.nextBoolean()) {
          m.remove("comparison");
          count[0]++;
        }
        if (isStr(m.get("state"), "newState") && r.nextBoolean()) {
          m.remove("state");
          count[0]++;
        }
      }
      out.add(shuffled(m, r));
    }
    return new JsonValue.Arr(out);
  }

  private static boolean isStr(JsonValue v, String s) {
    return v instanceof JsonValue.Str str && str.value().equals(s);
  }

  private static JsonValue.Obj shuffled(Map<String, JsonValue> m, Random r) {
    List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(m.entrySet());
    Collections.shuffle(entries, r);
    Map<String, JsonValue> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return new JsonValue.Obj(out);
  }
}
