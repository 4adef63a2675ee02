package dev.subfilter.jackson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.Filter;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Problem;
import dev.subfilter.ReferenceInterpreter;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.SubscriptionArbitraries.Plant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fuzz target (Jazzer; regression inputs in {@code SubscriptionParserFuzzTestInputs}, fuzz with
 * {@code fuzz.sh}): any text read as a subscription by the strict and lenient readers, in both
 * modes, gives a subscription or an {@link InvalidSubscriptionException} whose problems are located
 * (each pointer, or for a missing member its parent, is a place in the document when it is JSON)
 * and described on one line. What reads agrees across readers (strict = lenient = from bytes;
 * Workfront mode accepts a subset of extended mode), prints and re-parses equal, and its compiled
 * form agrees with {@link ReferenceInterpreter} on events derived from it: gated for it, each
 * condition's field planted with its value, a variant of it or a container of it, over both the
 * Java and the Jackson model, with the old state known, empty or unknown.
 */
class SubscriptionParserFuzzTest {
  private static final SubfilterJson EXTENDED = SubfilterJson.create();
  private static final SubfilterJson WORKFRONT = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);
  private static final List<Plant> PLANTS = List.of(Plant.EXACT, Plant.VARIANT, Plant.CONTAINER, Plant.NONE);

  @FuzzTest(maxDuration = "10m")
  void parse_anyText_subscriptionOrLocatedProblems(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    JsonNode doc = jsonOrNull(input);

    Subscription strict = attempt(doc, () -> EXTENDED.readSubscription(text));
    Subscription bytes = attempt(doc, () -> EXTENDED.readSubscription(input));
    Subscription lenient = attempt(doc, () -> EXTENDED.readSubscriptionLenient(text));
    Subscription workfront = attempt(doc, () -> WORKFRONT.readSubscription(text));
    Subscription workfrontLenient = attempt(doc, () -> WORKFRONT.readSubscriptionLenient(text));

    if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), input)) { // valid UTF-8: both read the same bytes
      require(Objects.equals(bytes, strict), () -> "readSubscription(byte[]) differs from readSubscription(String)");
    }
    if (strict != null) {
      require(strict.equals(lenient), () -> "the lenient reader reads strict JSON otherwise: " + lenient);
    }
    if (workfront != null) {
      require(workfront.equals(strict), () -> "Workfront mode accepts what extended mode reads otherwise");
    }
    if (workfrontLenient != null) {
      require(workfrontLenient.equals(lenient), () -> "Workfront mode (lenient) accepts what extended mode reads otherwise");
    }
    for (Subscription s : new Subscription[] {lenient, workfront}) {
      if (s != null) {
        SubfilterJson json = s == workfront ? WORKFRONT : EXTENDED;
        Subscription again = json.readSubscription(json.writeSubscription(s));
        require(again.equals(s), () -> "prints and re-parses otherwise: " + json.writeSubscription(s));
      }
    }
    if (lenient != null) {
      agreesWithReference(lenient, Arrays.hashCode(input));
    }
  }

  /** The result of {@code read}, or {@code null} when it threw InvalidSubscriptionException with located, one-line problems. */
  private static Subscription attempt(JsonNode doc, Supplier<Subscription> read) {
    try {
      return read.get();
    } catch (InvalidSubscriptionException e) {
      require(!e.problems().isEmpty(), () -> "an InvalidSubscriptionException without problems");
      for (Problem p : e.problems()) {
        require(!p.message().isBlank() && p.message().indexOf('\n') < 0 && p.message().indexOf('\r') < 0,
            () -> "a problem message is blank or not one line: " + p);
        require(p.pointer().isEmpty() || p.pointer().startsWith("/"), () -> "not a JSON Pointer: " + p);
        if (doc != null && !p.pointer().isEmpty()) {
          JsonPointer ptr = JsonPointer.compile(p.pointer());
          require(!doc.at(ptr).isMissingNode() || !doc.at(ptr.head()).isMissingNode(), () -> "the pointer is not in the document: " + p);
        }
      }
      return null;
    }
  }

  /** The strict tree of {@code input}, or {@code null} when it is not strict JSON (problems then sit at ""). */
  private static JsonNode jsonOrNull(byte[] input) {
    try {
      return EXTENDED.mapper().readTree(input);
    } catch (Exception | StackOverflowError notJson) {
      return null;
    }
  }

  /** The compiled subscription agrees with the reference interpreter on events planted from its own conditions. */
  private static void agreesWithReference(Subscription s, int seed) {
    CompiledSubscription c = s.compile();
    String type = s.eventType();
    JsonValue.Obj base = new JsonValue.Obj(Map.of("objCode", JsonValue.of(s.objCode())));
    List<Filter.Condition> conditions = SubscriptionArbitraries.conditions(s.filters());
    for (int round = 0; round < 6; round++) {
      int k = Math.abs(seed % 97) + round;
      JsonValue.Obj old = switch (round % 3) {
        case 0 -> base;
        case 1 -> new JsonValue.Obj(Map.of());
        default -> null;
      };
      List<Plant> plants = List.of(PLANTS.get(round % 4), PLANTS.get((round + seed) & 3), PLANTS.get((round + 1) % 4));
      EventCase e = SubscriptionArbitraries.plantAll(
          new EventCase(type, base, old, round % 2 == 0).gatedFor(s.objCode(), type, s.objId()), s.filters(), plants, k);
      boolean expected = ReferenceInterpreter.matches(s, e.ref());
      require(c.matches(e.event()) == expected, () -> "compiled (Java model) says " + !expected + ", the reference " + expected + " on " + e);
      Event jackson;
      try {
        jackson = EXTENDED.readWorkfrontEvent(JsonValues.toJackson(e.payload()));
      } catch (InvalidEventException notAWorkfrontEvent) { // a vendor eventType without objCode, say
        continue;
      }
      require(c.matches(jackson) == expected, () -> "compiled (Jackson model) says " + !expected + ", the reference " + expected + " on " + e);
      require(c.explain(e.event()).matched() == expected, () -> "explain().matched() differs from matches()");
      if (conditions.isEmpty()) {
        break;
      }
    }
  }

  private static void require(boolean ok, java.util.function.Supplier<String> message) {
    if (!ok) {
      throw new AssertionError(message.get());
    }
  }
}
