package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Bytes → matched ids for 1, 100, 1,000 and 10,000 subscriptions, events/s over {@link
 * Fixture#BATCH} generated payloads:
 *
 * <ul>
 *   <li>{@code setTree}: {@link SubfilterJson#readWorkfrontEvent(byte[])} + {@link SubscriptionSet#match};
 *   <li>{@code setStreaming}: {@link SubfilterJson#matchWorkfrontEvent} (one streaming pass keeping
 *       the state keys the set reads, matched against the same snapshot);
 *   <li>{@code naiveLoop}: tree read + {@link CompiledSubscription#matches} on every subscription;
 *   <li>{@code eventRuler}: event-ruler's {@code rulesForJSONEvent} on the translatable subset
 *       (see {@link EventRulerTranslation}), and {@code setStreamingTranslatable}, subfilter on the
 *       same subset, for the honest ratio.
 * </ul>
 *
 * {@code @Setup} checks, for every event, that the set equals the naive loop and that event-ruler
 * equals subfilter on the translatable subset.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ManySubscriptionsBenchmark -f 1 -wi 3 -i 5}
 * (one size: {@code -p size=10000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManySubscriptionsBenchmark {
  @Param({"1", "100", "1000", "10000"})
  public int size;

  SubfilterJson json;
  SubscriptionSet set;
  SubscriptionSet translatableSet;
  Map<String, CompiledSubscription> all;
  Machine machine;
  byte[][] events;

  @Setup
  public void setup() {
    Fixture f = new Fixture(size, Fixture.BATCH);
    json = f.json;
    set = f.set;
    translatableSet = f.translatableSet;
    all = f.compiled;
    machine = f.machine();
    events = f.events.toArray(byte[][]::new);
    f.check(machine);
    for (int i = 0; i < events.length; i++) {
      Set<String> tree = new HashSet<>(set.match(json.readWorkfrontEvent(events[i])));
      if (!tree.equals(new HashSet<>(json.matchWorkfrontEvent(set, events[i])))
          || !new HashSet<>(translatableSet.match(json.readWorkfrontEvent(events[i])))
              .equals(new HashSet<>(json.matchWorkfrontEvent(translatableSet, events[i])))) {
        throw new IllegalStateException("event " + i + ": streaming and tree reads disagree");
      }
    }
    System.out.printf("%n%d subscriptions, %d translatable to event-ruler (%.1f %%)%n",
        size, f.patterns.size(), 100 * f.translatableShare());
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int setTree() {
    int n = 0;
    for (byte[] b : events) {
      n += set.match(json.readWorkfrontEvent(b)).size();
    }
    return n;
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
  public int naiveLoop() {
    int n = 0;
    for (byte[] b : events) {
      Event e = json.readWorkfrontEvent(b);
      for (CompiledSubscription s : all.values()) {
        if (s.matches(e)) {
          n++;
        }
      }
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
      List<String> r = machine.rulesForJSONEvent(new String(b, StandardCharsets.UTF_8));
      n += r.size();
    }
    return n;
  }
}
