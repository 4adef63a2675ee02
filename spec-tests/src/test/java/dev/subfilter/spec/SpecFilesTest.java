package dev.subfilter.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.ReferenceInterpreter;
import dev.subfilter.Subscription;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.JsonValues;
import dev.subfilter.jackson.SubfilterJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * one dynamic test per case, named {@code file › case}. Each case runs through the real readers
 * and the compiled predicate, and match cases also through the reference interpreter.
 */
class SpecFilesTest {
  private static final ObjectMapper SPEC = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();
  private static final SubfilterJson EXTENDED = SubfilterJson.create(Mode.EXTENDED, Limits.DEFAULTS);
  private static final SubfilterJson WORKFRONT = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);

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
      String rel = root.relativize(f).toString().replace('\\', '/');
      JsonNode doc = SPEC.readTree(f.toFile());
      if (!doc.path("suite").isTextual() || !doc.path("source").isTextual() || !doc.path("cases").isArray()) {
        throw new IllegalArgumentException(rel + ": a spec file has \"suite\", \"source\" and \"cases\"");
      }
      Set<String> names = new HashSet<>();
      for (JsonNode c : doc.get("cases")) {
        SpecCase sc = SpecCase.read(rel, c);
        if (!names.add(sc.name())) {
          throw new IllegalArgumentException(rel + ": duplicate case name \"" + sc.name() + "\"");
        }
        out.add(sc);
      }
    }
  }

  static void run(SpecCase c) {
    SubfilterJson json = switch (c.mode()) {
      case "extended" -> EXTENDED;
      case "workfront" -> WORKFRONT;
      default -> throw new IllegalArgumentException("mode must be extended or workfront, was " + c.mode());
    };
    Subscription s;
    try {
      s = c.subscriptionText() != null
          ? json.readSubscriptionLenient(c.subscriptionText())
          : json.readSubscription(c.subscription().toString());
    } catch (InvalidSubscriptionException e) {
      expectInvalid(c, "invalid-subscription", e.getMessage());
      return;
    }
    Delivery delivery;
    try {
      delivery = Adapters.of(c, json).read(c.event().toString().getBytes(StandardCharsets.UTF_8), Adapters.headers(c));
    } catch (InvalidEventException e) {
      expectInvalid(c, "invalid-event", e.getMessage());
      return;
    }
    if (delivery instanceof Delivery.Handshake h) {
      assertEquals("handshake", c.expect(), () -> "got a handshake for " + h.callbackUrl());
      if (c.callback() != null) {
        assertEquals(c.callback(), h.callbackUrl());
      }
      return;
    }
    Event event = ((Delivery.Received) delivery).event();
    if (c.expect().startsWith("invalid-") || c.expect().equals("handshake")) {
      fail("expected " + c.expect() + " but subscription and event were read: " + event);
    }
    boolean expected = c.expect().equals("match");
    CompiledSubscription compiled = s.compile();
    assertEquals(expected, compiled.matches(event), "compiled predicate");
    JsonValue.Obj newState = (JsonValue.Obj) JsonValues.fromJackson((JsonNode) event.newState());
    JsonValue.Obj oldState = event.oldState() == null ? null : (JsonValue.Obj) JsonValues.fromJackson((JsonNode) event.oldState());
    ReferenceInterpreter.RefEvent ref = c.eventFormat().equals("workfront")
        ? ReferenceInterpreter.RefEvent.workfront(event.eventType(), newState, oldState)
        : new ReferenceInterpreter.RefEvent(event.eventType(), event.name(), event.objCode(), event.objId(), newState, oldState);
    assertEquals(expected, ReferenceInterpreter.matches(s, ref), "reference interpreter");
    assertEquals(s, json.readSubscription(s.toJson().toString()), "round trip through JSON");
  }

  private static void expectInvalid(SpecCase c, String outcome, String message) {
    if (!c.expect().equals(outcome)) {
      fail("expected " + c.expect() + " but got " + outcome + ": " + message);
    }
    if (c.errorContains() != null) {
      assertTrue(message.contains(c.errorContains()),
          () -> "error should contain \"" + c.errorContains() + "\" but was: " + message);
    }
    assertFalse(message.isBlank());
  }
}
