package dev.subfilter.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Event;
import dev.subfilter.JsonValue;
import dev.subfilter.ReferenceInterpreter;
import dev.subfilter.Subscription;
import dev.subfilter.cli.SpecCase;
import dev.subfilter.cli.SpecRunner;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JsonValues;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every spec file under {@code src/test/resources/spec} (and under {@code -Dspec.dir=PATH}):
 * one dynamic test per case, named {@code file › case}. The verdict is {@code subfilter spec}'s own
 * ({@link SpecRunner}: the real readers, adapters and compiled predicate, and a print-and-parse
 * round trip); match cases are also decided by the reference interpreter.
 */
class SpecFilesTest {
  private static final ObjectMapper SPEC = SpecCase.mapper();

  @TestFactory
  Stream<DynamicTest> specFiles_everyCase_behavesAsExpected() throws IOException, URISyntaxException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + " › " + c.name(), () -> run(c)));
  }

  @Test
  void specFiles_bundled_coverEveryExpectation() throws IOException, URISyntaxException {
    List<SpecCase> all = cases();
    Set<String> expects = new HashSet<>();
    all.forEach(c -> expects.add(c.expect()));
    assertEquals(SpecCase.EXPECTS, expects);
    assertTrue(all.size() >= 150, "expected well over 150 spec cases, found " + all.size());
  }

  static List<SpecCase> cases() throws IOException, URISyntaxException {
    List<SpecCase> out = new ArrayList<>();
    URL bundled = SpecFilesTest.class.getClassLoader().getResource("spec");
    if (bundled == null) {
      throw new IllegalStateException("no spec folder on the test classpath");
    }
    collect(Path.of(bundled.toURI()), out);
    String extra = System.getProperty("spec.dir", "");
    if (!extra.isBlank()) {
      Path p = Path.of(extra);
      if (!Files.exists(p)) {
        throw new IllegalArgumentException("-Dspec.dir=" + extra + " does not exist");
      }
      collect(p, out);
    }
    return out;
  }

  private static void collect(Path root, List<SpecCase> out) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path f : files) {
      out.addAll(SpecCase.readFile(root.relativize(f).toString().replace('\\', '/'), SPEC.readTree(f.toFile())));
    }
  }

  static void run(SpecCase c) {
    assertNull(SpecRunner.run(c));
    if (!c.expect().equals("match") && !c.expect().equals("no-match")) {
      return;
    }
    SubfilterJson json = SpecRunner.json(c);
    Subscription s = c.subscriptionText() != null
        ? json.readSubscriptionLenient(c.subscriptionText())
        : json.readSubscription(c.subscription().toString());
    Delivery.Received received = (Delivery.Received) SpecRunner.adapter(c, json)
        .read(SpecRunner.body(c), SpecRunner.headers(c));
    Event event = received.event();
    JsonValue.Obj newState = (JsonValue.Obj) JsonValues.fromJackson((JsonNode) event.newState());
    JsonValue.Obj oldState = event.oldState() == null ? null : (JsonValue.Obj) JsonValues.fromJackson((JsonNode) event.oldState());
    ReferenceInterpreter.RefEvent ref = c.eventFormat().equals("workfront")
        ? ReferenceInterpreter.RefEvent.workfront(event.eventType(), newState, oldState)
        : new ReferenceInterpreter.RefEvent(event.eventType(), event.name(), event.objCode(), event.objId(), newState, oldState);
    assertEquals(c.expect().equals("match"), ReferenceInterpreter.matches(s, ref), "reference interpreter");
  }
}
