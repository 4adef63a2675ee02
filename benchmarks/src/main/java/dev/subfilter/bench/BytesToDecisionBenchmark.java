package dev.subfilter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontStreamReader;
import java.nio.charset.StandardCharsets;
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
import software.amazon.event.ruler.Machine;

/**
 * Bytes → decision for one subscription, events/s over {@link Fixture#BATCH} generated payloads
 * (every objCode and eventType, ~1.6 KB each):
 *
 * <ul>
 *   <li>{@code readTreeOnly}: Jackson {@code readTree} alone, the floor a tree-based path cannot beat;
 *   <li>{@code tree}: {@link SubfilterJson#readWorkfrontEvent(byte[])} + {@link CompiledSubscription#matches};
 *   <li>{@code streaming}: {@link WorkfrontStreamReader#matches} (one streaming pass keeping only the
 *       fields the subscription reads);
 *   <li>{@code eventRuler}: event-ruler with the one equivalent rule, {@code rulesForJSONEvent}
 *       (the bytes → String decoding counted, as the other paths start from bytes too).
 * </ul>
 *
 * Targets: streaming ≥ 2× tree and ≥ 2× eventRuler. {@code @Setup} checks that all three paths
 * decide the same on every event.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BytesToDecisionBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BytesToDecisionBenchmark {
  /** Expressible in event-ruler: exact, numeric and wildcard conditions on newState. */
  static final String SUBSCRIPTION = """
      {"objCode": "TASK", "eventType": "UPDATE", "filters": [
        {"fieldName": "status", "fieldValue": "CPL"},
        {"fieldName": "priority", "fieldValue": 2, "comparison": "gte"},
        {"fieldName": "name", "fieldValue": "re", "comparison": "contains"}]}
      """;

  SubfilterJson json;
  ObjectMapper mapper;
  CompiledSubscription compiled;
  WorkfrontStreamReader reader;
  Machine machine;
  byte[][] events;

  @Setup
  public void setup() {
    json = SubfilterJson.create();
    mapper = new ObjectMapper();
    Subscription s = json.readSubscription(SUBSCRIPTION);
    compiled = s.compile();
    reader = WorkfrontStreamReader.forSubscriptions(json, List.of(compiled));
    String pattern = EventRulerTranslation.translate(s)
        .orElseThrow(() -> new IllegalStateException("not translatable: " + SUBSCRIPTION));
    machine = EventRulerTranslation.machine(Map.of("s", pattern));
    events = Workload.standard().events(Fixture.BATCH).toArray(byte[][]::new);
    int hits = 0;
    for (int i = 0; i < events.length; i++) {
      boolean t = compiled.matches(json.readWorkfrontEvent(events[i]));
      boolean st = reader.matches(compiled, events[i]);
      boolean er = !Fixture.rules(machine, new String(events[i], StandardCharsets.UTF_8)).isEmpty();
      if (t != st || t != er) {
        throw new IllegalStateException("event " + i + ": tree " + t + ", streaming " + st + ", event-ruler " + er);
      }
      hits += t ? 1 : 0;
    }
    if (hits == 0) {
      throw new IllegalStateException("no event matches the subscription");
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int readTreeOnly() throws Exception {
    int n = 0;
    for (byte[] b : events) {
      n += mapper.readTree(b).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int tree() {
    int n = 0;
    for (byte[] b : events) {
      if (compiled.matches(json.readWorkfrontEvent(b))) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int streaming() {
    int n = 0;
    for (byte[] b : events) {
      if (reader.matches(compiled, b)) {
        n++;
      }
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int eventRuler() throws Exception {
    int n = 0;
    for (byte[] b : events) {
      if (!machine.rulesForJSONEvent(new String(b, StandardCharsets.UTF_8)).isEmpty()) {
        n++;
      }
    }
    return n;
  }
}
