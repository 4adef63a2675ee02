package dev.subfilter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Event;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jsonpath.JsonPathAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Bytes → event: does an adapter declared by a JSONPath mapping keep up with a hand-written one?
 * Events/s over {@link Fixture#BATCH} deliveries per operation:
 *
 * <ul>
 *   <li>{@code cmpHandWritten} / {@code cmpMapping}: {@link CmpAdapter} and {@code cmp.mapping.json}
 *       (the same rules as a mapping) on the same CMP external work deliveries, padded with task
 *       fields to the size of the GitHub payloads (~13.6 KB);
 *   <li>{@code cmpHandWrittenSmall} / {@code cmpMappingSmall}: the same on CMP deliveries as CMP
 *       sends them (~1.6 KB), where the per-event cost of the mapping weighs most;
 *   <li>{@code githubMapping}: the shipped {@code github} mapping on octokit's issue payloads
 *       (opened, edited with a title change, labeled, closed, reopened; 13.5–13.8 KB), unsigned;
 *   <li>{@code readTreeGithub}: Jackson {@code readTree} of the GitHub payloads alone, the floor.
 * </ul>
 *
 * Target: the mapping within 2× of the hand-written adapter on payloads of the same size.
 * {@code @Setup} checks that both CMP paths make the same events (objCode, eventType, name, objId,
 * newState, oldState) and that the GitHub events are the documented ones. Allocation per event:
 * add {@code -prof gc} ({@code gc.alloc.rate.norm} is per event, since each operation counts
 * {@link Fixture#BATCH}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonPathAdapterBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonPathAdapterBenchmark {
  private static final List<String> GITHUB = List.of("issues.opened", "issues.edited.title", "issues.labeled", "issues.closed", "issues.reopened");
  private static final Map<String, List<String>> ISSUES = Map.of("X-GitHub-Event", List.of("issues"),
      "X-GitHub-Delivery", List.of("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
  private static final Map<String, List<String>> NO_HEADERS = Map.of();

  ObjectMapper mapper;
  Adapter cmpHandWritten;
  Adapter cmpMapping;
  Adapter github;
  byte[][] cmp;
  byte[][] cmpSmall;
  byte[][] githubIssues;

  static byte[] resource(String name) {
    try (InputStream in = JsonPathAdapterBenchmark.class.getResourceAsStream("/jsonpath/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CMP external work delivery of event {@code i % 4}, its task padded with {@code fields} fields. */
  static byte[] cmpDelivery(int i, int fields) {
    String[] names = {"external_sub_step_started", "external_sub_step_completed", "external_sub_step_modified", "external_sub_step_comment_added"};
    String name = names[i % names.length];
    String task = String.format("5f6a0312a5963d0591%06x", i);
    StringBuilder pad = new StringBuilder();
    for (int f = 0; f < fields; f++) {
      pad.append(",\"field_").append(f).append("\":\"a task field of the kind CMP keeps on a task, number ").append(f).append('"');
    }
    String links = "\"links\":{\"self\":\"https://api.cmp.optimizely.com/v3/tasks/" + task + "\",\"assets\":\"https://api.cmp.optimizely.com/v3/tasks/"
        + task + "/assets\"}";
    String subStep = "\"sub_step\":{\"id\":\"5f68911d83eeb10591933b" + String.format("%02x", i % 256) + "\",\"links\":{\"self\":"
        + "\"https://api.cmp.optimizely.com/v3/tasks/" + task + "/steps/5f68911d83eeb10591933b49/sub-steps/5f68911d83eeb10591933b4a\","
        + "\"task\":\"https://api.cmp.optimizely.com/v3/tasks/" + task + "\",\"external_work\":\"https://api.cmp.optimizely.com/v3/tasks/"
        + task + "/steps/5f68911d83eeb10591933b49/sub-steps/5f68911d83eeb10591933b4a/external-work\"}}";
    String tail = name.contains("comment")
        ? ",\"comment\":{\"id\":\"8f68911d83eeb10591933b" + String.format("%02x", i % 256) + "\",\"links\":{\"task\":\"https://api.cmp.optimizely.com/v3/tasks/"
            + task + "\"}}"
        : ",\"external_work\":{\"external_system\":\"" + (i % 3 == 0 ? "Jira" : "Trello") + "\",\"links\":{\"task\":\"https://api.cmp.optimizely.com/v3/tasks/"
            + task + "\"}}";
    return ("{\"event_name\":\"" + name + "\",\"data\":{\"task\":{\"id\":\"" + task + "\"," + links + pad + "},"
        + "\"step\":{\"id\":\"5f68911d83eeb10591933b49\",\"links\":{\"task\":\"https://api.cmp.optimizely.com/v3/tasks/" + task + "\"}},"
        + subStep + tail + "}}").getBytes(StandardCharsets.UTF_8);
  }

  @Setup
  public void setup() throws IOException {
    mapper = new ObjectMapper();
    cmpHandWritten = CmpAdapter.create();
    cmpMapping = JsonPathAdapter.from(new String(resource("cmp.mapping.json"), StandardCharsets.UTF_8));
    github = JsonPathAdapter.builder().shipped("github").environment(n -> null).build();
    githubIssues = new byte[Fixture.BATCH][];
    for (int i = 0; i < Fixture.BATCH; i++) {
      githubIssues[i] = resource("github-" + GITHUB.get(i % GITHUB.size()) + ".json");
    }
    long githubBytes = 0;
    for (byte[] b : githubIssues) {
      githubBytes += b.length;
    }
    int fields = 0;
    while (cmpDelivery(0, fields).length < githubBytes / Fixture.BATCH) {
      fields++;
    }
    cmp = new byte[Fixture.BATCH][];
    cmpSmall = new byte[Fixture.BATCH][];
    for (int i = 0; i < Fixture.BATCH; i++) {
      cmp[i] = cmpDelivery(i, fields);
      cmpSmall[i] = cmpDelivery(i, 0);
    }
    check(cmp);
    check(cmpSmall);
    for (int i = 0; i < Fixture.BATCH; i++) {
      Event e = ((Delivery.Received) github.read(githubIssues[i], ISSUES)).event();
      String action = GITHUB.get(i % GITHUB.size()).replaceAll("^issues\\.|\\.title$", "");
      if (!e.objCode().equals("ISSUES") || !e.objId().equals("444500041") || !e.name().equals("issues." + action)
          || !e.eventType().equals(action.equals("opened") ? "CREATE" : "UPDATE") || e.hasOldState() != (action.equals("opened") || action.equals("edited"))) {
        throw new IllegalStateException("github event " + i + " is not the documented one: " + e);
      }
    }
  }

  /** Both CMP adapters make the same event from every delivery. */
  private void check(byte[][] deliveries) {
    for (int i = 0; i < deliveries.length; i++) {
      Event a = ((Delivery.Received) cmpHandWritten.read(deliveries[i], NO_HEADERS)).event();
      Event b = ((Delivery.Received) cmpMapping.read(deliveries[i], NO_HEADERS)).event();
      if (!a.source().equals(b.source()) || !a.objCode().equals(b.objCode()) || !a.eventType().equals(b.eventType())
          || !a.name().equals(b.name()) || !Objects.equals(a.objId(), b.objId())
          || !((JsonNode) a.newState()).equals(b.newState()) || !Objects.equals(a.oldState(), b.oldState())) {
        throw new IllegalStateException("delivery " + i + ": CmpAdapter made " + a + ", the mapping " + b);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int cmpHandWritten() {
    return readAll(cmpHandWritten, cmp, NO_HEADERS);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int cmpMapping() {
    return readAll(cmpMapping, cmp, NO_HEADERS);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int cmpHandWrittenSmall() {
    return readAll(cmpHandWritten, cmpSmall, NO_HEADERS);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int cmpMappingSmall() {
    return readAll(cmpMapping, cmpSmall, NO_HEADERS);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int githubMapping() {
    return readAll(github, githubIssues, ISSUES);
  }

  @Benchmark
  @OperationsPerInvocation(Fixture.BATCH)
  public int readTreeGithub() throws IOException {
    int n = 0;
    for (byte[] b : githubIssues) {
      n += mapper.readTree(b).size();
    }
    return n;
  }

  private static int readAll(Adapter adapter, byte[][] deliveries, Map<String, List<String>> headers) {
    int n = 0;
    for (byte[] b : deliveries) {
      n += ((Delivery.Received) adapter.read(b, headers)).event().objCode().length();
    }
    return n;
  }
}
