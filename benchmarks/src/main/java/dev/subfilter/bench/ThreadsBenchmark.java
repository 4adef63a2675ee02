package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.SubscriptionSet;
import dev.subfilter.jackson.SubfilterJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Threads sharing one 10,000-subscription set, bytes → ids ({@link SubfilterJson#matchWorkfrontEvent}),
 * events/s over {@link Fixture#BATCH} events per operation:
 *
 * <ul>
 *   <li>{@code match}: every thread matching; run it with {@code -t 1} and {@code -t 2} and compare
 *       the totals (target on 2 cores: two threads ≥ 1.7 × one);
 *   <li>{@code withWriter} (group {@code rw}): one reader matching while one writer, paced to the
 *       millisecond, adds one subscription and removes one every millisecond (1,000 adds and 1,000
 *       removes per second, from a pool of 1,000 more subscriptions of the workload), against {@code
 *       alone} (group {@code ro}): the same reader beside a writer that only waits. Target: the
 *       reader of {@code rw} keeps ≥ 90 % of the reader of {@code ro}. The writers' own scores are
 *       writes/s (about 1,000), not events.
 * </ul>
 *
 * {@code @Setup} checks that the streaming read equals the tree read on every event.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'ThreadsBenchmark.match' -f 1 -wi 3 -i 5 -t 1}
 * (then {@code -t 2}), and {@code java -jar benchmarks/target/benchmarks.jar 'ThreadsBenchmark.(rw|ro)' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThreadsBenchmark {
  static final int POOL = 1_000;

  SubfilterJson json;
  SubscriptionSet set;
  byte[][] events;
  List<Map.Entry<String, CompiledSubscription>> pool;

  @Setup(Level.Trial)
  public void setup() {
    Fixture f = new Fixture(GuardBenchmark.SIZE, Fixture.BATCH);
    json = f.json;
    set = f.set;
    events = f.events.toArray(byte[][]::new);
    for (int i = 0; i < events.length; i++) {
      if (!json.matchWorkfrontEvent(set, events[i]).equals(set.match(json.readWorkfrontEvent(events[i])))) {
        throw new IllegalStateException("event " + i + ": streaming and tree reads disagree");
      }
    }
    // the next POOL subscriptions of the workload: the first n of a set of m are the set of n
    Map<String, CompiledSubscription> more = Workload.compile(json, Workload.standard().subscriptions(GuardBenchmark.SIZE + POOL));
    pool = new ArrayList<>(more.entrySet()).subList(GuardBenchmark.SIZE, GuardBenchmark.SIZE + POOL);
    for (Map.Entry<String, CompiledSubscription> e : pool) {
      if (set.get(e.getKey()) != null) {
        throw new IllegalStateException("pool id " + e.getKey() + " already in the set");
      }
    }
  }

  /** One writer's place: which pool subscription comes next, and when. */
  @State(Scope.Thread)
  public static class Writer {
    int next;
    long due;
  }

  private int matchBatch() {
    int n = 0;
    for (byte[] b : events) {
      n += json.matchWorkfrontEvent(set, b).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int match() {
    return matchBatch();
  }

  @Benchmark
  @Group("rw")
  @GroupThreads(1)
  @OperationsPerInvocation(Fixture.BATCH)
  public int withWriter() {
    return matchBatch();
  }

  /** Every millisecond: adds the next pool subscription and removes the one added 500 ms ago. */
  @Benchmark
  @Group("rw")
  @GroupThreads(1)
  public int writer(Writer w) {
    pace(w);
    Map.Entry<String, CompiledSubscription> add = pool.get(w.next % POOL);
    Map.Entry<String, CompiledSubscription> remove = pool.get((w.next + POOL / 2) % POOL);
    set.replace(add.getKey(), add.getValue());
    set.remove(remove.getKey());
    w.next++;
    return set.size();
  }

  @Benchmark
  @Group("ro")
  @GroupThreads(1)
  @OperationsPerInvocation(Fixture.BATCH)
  public int alone() {
    return matchBatch();
  }

  /** The same pacing as {@link #writer}, writing nothing. */
  @Benchmark
  @Group("ro")
  @GroupThreads(1)
  public int idleWriter(Writer w) {
    pace(w);
    w.next++;
    return w.next;
  }

  private static void pace(Writer w) {
    long now = System.nanoTime();
    if (w.due == 0) {
      w.due = now;
    }
    w.due += 1_000_000;
    while ((now = System.nanoTime()) < w.due) {
      LockSupport.parkNanos(w.due - now);
    }
  }
}
