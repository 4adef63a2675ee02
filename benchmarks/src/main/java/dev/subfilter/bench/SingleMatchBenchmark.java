package dev.subfilter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.JsonValue;
import dev.subfilter.ReferenceInterpreter;
import dev.subfilter.ReferenceInterpreter.RefEvent;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubfilterJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One compiled subscription on an already parsed event, against the naive baseline: filter-core's
 * test {@code ReferenceInterpreter}, which walks the subscription's filters over {@link JsonValue}
 * states on every call. Events/s (batches of {@link Fixture#BATCH} TASK UPDATE events, so every
 * one passes the gate and the filters are evaluated); {@code -prof gc} should show ≈ 0 B/op for
 * {@code compiled}.
 *
 * <p>The subscription: a TASK UPDATE whose name contains a word, whose status changed to CPL or
 * whose priority is at least 3, due after a date, with a custom field at least 1000.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SingleMatchBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SingleMatchBenchmark {
  static final String SUBSCRIPTION = """
      {"objCode": "TASK", "eventType": "UPDATE", "filters": [
        {"fieldName": "name", "fieldValue": "e", "comparison": "contains"},
        {"type": "group", "connector": "OR", "filters": [
          {"type": "group", "filters": [
            {"fieldName": "status", "fieldValue": "CPL"},
            {"fieldName": "status", "comparison": "changed"}]},
          {"fieldName": "priority", "fieldValue": 3, "comparison": "gte"}]},
        {"fieldName": "plannedCompletionDate", "fieldValue": "2017-11-01T00:00:00.000-0600", "comparison": "gt"},
        {"fieldName": "DE:Budget", "fieldValue": "1000", "comparison": "gte"}]}
      """;

  Subscription subscription;
  CompiledSubscription compiled;
  Event[] events;
  RefEvent[] refEvents;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() throws Exception {
    SubfilterJson json = SubfilterJson.create();
    ObjectMapper mapper = new ObjectMapper();
    subscription = json.readSubscription(SUBSCRIPTION);
    compiled = subscription.compile();
    List<Event> ev = new ArrayList<>();
    List<RefEvent> ref = new ArrayList<>();
    for (byte[] b : Workload.standard().events(4 * Fixture.BATCH)) {
      Event e = json.readWorkfrontEvent(b);
      if (!e.eventType().equals("UPDATE") || !e.objCode().equals("TASK")) {
        continue;
      }
      Map<String, Object> m = mapper.readValue(b, Map.class);
      ev.add(e);
      ref.add(RefEvent.workfront("UPDATE", (JsonValue.Obj) JsonValue.fromJava(m.get("newState")),
          (JsonValue.Obj) JsonValue.fromJava(m.get("oldState"))));
      if (ev.size() == Fixture.BATCH) {
        break;
      }
    }
    if (ev.size() != Fixture.BATCH) {
      throw new IllegalStateException("only " + ev.size() + " TASK UPDATE events");
    }
    events = ev.toArray(Event[]::new);
    refEvents = ref.toArray(RefEvent[]::new);
    int hits = 0;
    for (int i = 0; i < events.length; i++) {
      boolean a = compiled.matches(events[i]);
      if (a != ReferenceInterpreter.matches(subscription, refEvents[i])) {
        throw new IllegalStateException("compiled and reference disagree on event " + i);
      }
      hits += a ? 1 : 0;
    }
    if (hits == 0 || hits == events.length) {
      throw new IllegalStateException("degenerate workload: " + hits + " of " + events.length + " match");
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int compiled() {
    int n = 0;
    for (Event e : events) {
      if (compiled.matches(e)) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int reference() {
    int n = 0;
    for (RefEvent e : refEvents) {
      if (ReferenceInterpreter.matches(subscription, e)) {
        n++;
      }
    }
    return n;
  }
}
