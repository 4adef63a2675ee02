package dev.subfilter.bench;

import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.event.ruler.Machine;

/**
 * Bytes → matched ids for 10,000 subscriptions written with the extended operators ({@link
 * Workload.Style#EXTENDED}: most id anchors as startsWith, in, ignoreCase eq, endsWith or like,
 * some notIn lists and ignoreCase contains), events/s over {@link Fixture#BATCH} payloads:
 *
 * <ul>
 *   <li>{@code setStreaming}: {@link SubfilterJson#matchWorkfrontEvent} on that set;
 *   <li>{@code setStreamingEqTwin}: the same on the same set written with eq ({@link
 *       Workload.Style#EQ_TWIN}), which matches the same events: the cost of the operators;
 *   <li>{@code eventRuler}: event-ruler on the set's translatable part (prefix, suffix, wildcard,
 *       equals-ignore-case and anything-but lists included, see {@link EventRulerTranslation}),
 *       and {@code setStreamingTranslatable}, subfilter on the same part.
 * </ul>
 *
 * {@code @Setup} checks, for every event, that both sets equal their naive loops and each other,
 * that streaming equals the tree read, and that event-ruler equals subfilter on the translatable part.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExtendedOperatorsBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtendedOperatorsBenchmark {
  @Param({"10000"})
  public int size;

  SubfilterJson json;
  SubscriptionSet set;
  SubscriptionSet eqTwin;
  SubscriptionSet translatableSet;
  Machine machine;
  byte[][] events;

  @Setup
  public void setup() {
    Fixture f = new Fixture(size, Fixture.BATCH, Workload.Style.EXTENDED);
    Fixture twin = new Fixture(size, Fixture.BATCH, Workload.Style.EQ_TWIN);
    json = f.json;
    set = f.set;
    eqTwin = twin.set;
    translatableSet = f.translatableSet;
    machine = f.machine();
    events = f.events.toArray(byte[][]::new);
    f.check(machine);
    twin.check(null);
    int matches = 0;
    for (int i = 0; i < events.length; i++) {
      List<String> ids = json.matchWorkfrontEvent(set, events[i]);
      if (!ids.equals(json.matchWorkfrontEvent(eqTwin, events[i]))) {
        throw new IllegalStateException("event " + i + ": the extended set and its eq twin disagree");
      }
      if (!new HashSet<>(ids).equals(new HashSet<>(set.match(json.readWorkfrontEvent(events[i]))))) {
        throw new IllegalStateException("event " + i + ": streaming and tree reads disagree");
      }
      matches += ids.size();
    }
    if (matches == 0) {
      throw new IllegalStateException("degenerate workload: no event matches");
    }
    System.out.printf("%n%d subscriptions written with the extended operators, %d translatable to event-ruler (%.1f %%), %.2f matches per event%n",
        size, f.patterns.size(), 100 * f.translatableShare(), (double) matches / events.length);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int setStreaming() {
    int n = 0;
    for (byte[] b : events) {
      n += json.matchWorkfrontEvent(set, b).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int setStreamingEqTwin() {
    int n = 0;
    for (byte[] b : events) {
      n += json.matchWorkfrontEvent(eqTwin, b).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int setStreamingTranslatable() {
    int n = 0;
    for (byte[] b : events) {
      n += json.matchWorkfrontEvent(translatableSet, b).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int eventRuler() throws Exception {
    int n = 0;
    for (byte[] b : events) {
      n += machine.rulesForJSONEvent(new String(b, StandardCharsets.UTF_8)).size();
    }
    return n;
  }
}
