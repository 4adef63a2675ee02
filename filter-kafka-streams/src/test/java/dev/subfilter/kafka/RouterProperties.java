package dev.subfilter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.SubscriptionSet;
import dev.subfilter.bench.Workload;
import dev.subfilter.jackson.SubfilterJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The router delivers, event by event, exactly what {@link SubfilterJson#matchWorkfrontEvent}
 * answers for a set that sees the same subscription records, through sequences of adds, replaces
 * and deletes, over the benchmarks' seeded Workfront workload. The pools are chosen so that events
 * do match: {@value #POOL} of the first 2,000 workload subscriptions that match some of the first 1,000 workload
 * events most often, the events they match, and a few that match none of them, under {@value #IDS} ids.
 */
class RouterProperties {
  private static final int POOL = 8;
  private static final int IDS = 8;
  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final List<String> TEXTS = new ArrayList<>();
  private static final List<byte[]> EVENTS = new ArrayList<>();

  static {
    Workload w = Workload.standard();
    Map<String, String> all = w.subscriptions(2_000);
    List<byte[]> events = w.events(1_000);
    SubscriptionSet set = new SubscriptionSet();
    set.addAll(Workload.compile(JSON, all));
    Map<String, Integer> hits = new LinkedHashMap<>();
    List<byte[]> unmatched = new ArrayList<>();
    for (byte[] e : events) {
      List<String> ids = JSON.matchWorkfrontEvent(set, e);
      ids.forEach(id -> hits.merge(id, 1, Integer::sum));
      if (ids.isEmpty() && unmatched.size() < 5) {
        unmatched.add(e);
      }
    }
    // the broadest subscriptions: an event then often matches one or several of the few live ones
    List<String> chosen = hits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(Map.Entry::getKey).toList();
    SubscriptionSet pool = new SubscriptionSet();
    for (String id : chosen) {
      if (TEXTS.size() < POOL) {
        TEXTS.add(all.get(id));
        pool.add(id, set.get(id));
      }
    }
    for (byte[] e : events) {
      if (!JSON.matchWorkfrontEvent(pool, e).isEmpty()) {
        EVENTS.add(e);
      }
    }
    EVENTS.addAll(unmatched);
  }

  /** Put subscription text {@code text} under id {@code id}, delete {@code id}, or send event {@code event}. */
  sealed interface Op {}

  record Put(int id, int text) implements Op {}

  record Delete(int id) implements Op {}

  record Send(int event) implements Op {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> put = Arbitraries.integers().between(0, IDS - 1).flatMap(id ->
        Arbitraries.integers().between(0, TEXTS.size() - 1).map(t -> new Put(id, t)));
    Arbitrary<Op> delete = Arbitraries.integers().between(0, IDS - 1).map(Delete::new);
    Arbitrary<Op> send = Arbitraries.integers().between(0, EVENTS.size() - 1).map(Send::new);
    return Arbitraries.frequencyOf(Tuple.of(6, put), Tuple.of(1, delete), Tuple.of(5, send)).list().ofMinSize(1).ofMaxSize(80);
  }

  /** One driver for every try (a try starts by deleting every id it may use): a driver per try would dominate the run. */
  private static Driver driver;

  @AfterContainer
  static void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Property(tries = 100)
  void router_deliversWhatTheLibraryMatches_throughAddsReplacesAndDeletes(@ForAll("ops") List<Op> ops) {
    SubscriptionSet oracle = new SubscriptionSet();
    Map<String, Integer> placed = new LinkedHashMap<>();
    if (driver == null) {
      driver = Driver.of(SubfilterRouter.builder().json(JSON));
    }
    Driver d = driver;
    for (int i = 0; i < IDS; i++) {
      d.unsubscribe("id" + i);
    }
    {
      for (Op op : ops) {
        if (op instanceof Put p) {
          String id = "id" + p.id();
          String text = TEXTS.get(p.text());
          Statistics.label("op").collect(placed.containsKey(id) ? "replace" : "add");
          placed.put(id, p.text());
          d.subscribe(id, text);
          oracle.replace(id, JSON.readSubscription(text).compile());
        } else if (op instanceof Delete del) {
          String id = "id" + del.id();
          Statistics.label("op").collect(placed.remove(id) != null ? "delete" : "delete unknown");
          d.unsubscribe(id);
          oracle.remove(id);
        } else if (op instanceof Send s) {
          byte[] body = EVENTS.get(s.event());
          List<String> expected = JSON.matchWorkfrontEvent(oracle, body);
          d.send(body, Map.of());
          List<TestRecord<String, byte[]>> out = d.deliveries();
          assertThat(out).extracting(TestRecord::key).containsExactlyElementsOf(expected);
          assertThat(out).allSatisfy(r -> assertThat(r.value()).isEqualTo(body));
          Statistics.label("deliveries per event").collect(expected.isEmpty() ? "0" : expected.size() == 1 ? "1" : "2+");
        } else {
          throw new AssertionError("unhandled " + op);
        }
      }
      assertThat(d.router.subscriptions().ids()).containsExactlyElementsOf(oracle.ids());
      assertThat(d.deadLetters()).isEmpty();
    }
    Statistics.label("deliveries per event").coverage(c -> {
      c.check("1").count(n -> n > 0);
      c.check("2+").count(n -> n > 0);
    });
    Statistics.label("op").coverage(c -> {
      c.check("replace").count(n -> n > 0);
      c.check("delete").count(n -> n > 0);
    });
  }
}
