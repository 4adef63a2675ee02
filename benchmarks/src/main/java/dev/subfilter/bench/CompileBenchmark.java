package dev.subfilter.bench;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionSet;
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
 * How fast do subscriptions compile, and how long does a 10,000-subscription set take to build?
 *
 * <ul>
 *   <li>{@code compile}: parsed {@link Subscription} → {@link CompiledSubscription}, subscriptions/s;
 *   <li>{@code parseAndCompile}: JSON text → compiled, subscriptions/s;
 *   <li>{@code buildSet10k}: 10,000 compiled subscriptions into a new {@link SubscriptionSet} plus
 *       one match (which builds the contains automata), ms per set (target: under 1 s).
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CompileBenchmark -f 1 -wi 3 -i 5}
 * (the retained heap of a 10,000-subscription set is measured by {@link RetainedHeap}, outside JMH,
 * which scores rates and times rather than sizes; {@code run.sh} runs both).
 */
@State(Scope.Benchmark)
public class CompileBenchmark {
  static final int N = 10_000;

  SubfilterJson json;
  List<String> texts;
  List<Subscription> parsed;
  Map<String, CompiledSubscription> compiled;
  Fixture fixture;

  @Setup
  public void setup() {
    fixture = new Fixture(N, 16);
    json = fixture.json;
    texts = new ArrayList<>(fixture.texts.values());
    parsed = new ArrayList<>(fixture.parsed.values());
    compiled = fixture.compiled;
    SubscriptionSet s = buildSet10k();
    if (s.size() != N) {
      throw new IllegalStateException("set holds " + s.size());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(N)
  public int compile() {
    int h = 0;
    for (Subscription s : parsed) {
      h += s.compile().hashCode();
    }
    return h;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(N)
  public int parseAndCompile() {
    int h = 0;
    for (String t : texts) {
      h += json.readSubscription(t).compile().hashCode();
    }
    return h;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SubscriptionSet buildSet10k() {
    SubscriptionSet s = new SubscriptionSet();
    for (Map.Entry<String, CompiledSubscription> e : compiled.entrySet()) {
      s.add(e.getKey(), e.getValue());
    }
    s.match(json.readWorkfrontEvent(fixture.events.get(0)));
    return s;
  }
}
