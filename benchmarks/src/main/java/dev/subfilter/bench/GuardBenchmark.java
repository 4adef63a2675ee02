package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.util.HashSet;
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
 * What the CI guard ({@link Guard}, {@code bash benchmarks/run.sh --guard}) times and weighs, events/s
 * over {@link Fixture#BATCH} events: the paths whose allocation and ratios it budgets.
 *
 * <ul>
 *   <li>{@code compiled}, {@code reference}: {@link SingleMatchBenchmark}'s subscription compiled, and
 *       by the reference interpreter, on read events;
 *   <li>{@code streamingOne}, {@code treeOne}: {@link BytesToDecisionBenchmark}'s bytes → decision,
 *       streaming and tree;
 *   <li>{@code setRead}: a 10,000-subscription set on already read events (the match alone);
 *   <li>{@code setStreaming}, {@code setTree}, {@code naiveLoop}: bytes → ids for the same set, as in
 *       {@link ManySubscriptionsBenchmark} at size 10,000 (without event-ruler, whose build the
 *       guard does not need).
 * </ul>
 *
 * {@code @Setup} checks that the set equals the naive loop and the streaming read equals the tree
 * read on every event (and the delegated setups check theirs). The 10,000-subscription fixture is
 * built once per JVM (the guard runs every method in its own JVM, {@code -f 0}, not in forks).
 *
 * <p>Run: {@code bash benchmarks/run.sh --guard}, or alone {@code java -jar
 * benchmarks/target/benchmarks.jar GuardBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GuardBenchmark {
  /** Subscriptions in the guard's set. */
  public static final int SIZE = 10_000;

  private static Fixture shared;

  SingleMatchBenchmark single;
  BytesToDecisionBenchmark one;
  SubfilterJson json;
  SubscriptionSet set;
  Map<String, CompiledSubscription> all;
  byte[][] events;
  Event[] read;

  static synchronized Fixture fixture() {
    if (shared == null) {
      shared = new Fixture(SIZE, Fixture.BATCH);
    }
    return shared;
  }

  @Setup
  public void setup() throws Exception {
    single = new SingleMatchBenchmark();
    single.setup();
    one = new BytesToDecisionBenchmark();
    one.setup();
    Fixture f = fixture();
    json = f.json;
    set = f.set;
    all = f.compiled;
    events = f.events.toArray(byte[][]::new);
    read = new Event[events.length];
    for (int i = 0; i < events.length; i++) {
      read[i] = json.readWorkfrontEvent(events[i]);
      List<String> bySet = set.match(read[i]);
      if (!new HashSet<>(bySet).equals(new HashSet<>(Fixture.naive(all, read[i])))
          || !bySet.equals(json.matchWorkfrontEvent(set, events[i]))) {
        throw new IllegalStateException("event " + i + ": set, naive loop and streaming read disagree");
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int compiled() {
    return single.compiled();
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int reference() {
    return single.reference();
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int streamingOne() {
    return one.streaming();
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int treeOne() {
    return one.tree();
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int setRead() {
    int n = 0;
    for (Event e : read) {
      n += set.match(e).size();
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
  public int setTree() {
    int n = 0;
    for (byte[] b : events) {
      n += set.match(json.readWorkfrontEvent(b)).size();
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
}
