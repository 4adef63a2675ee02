package dev.subfilter.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionArbitraries;
import dev.subfilter.SubscriptionArbitraries.EventCase;
import dev.subfilter.jackson.JsonText.Mutation;
import dev.subfilter.jackson.JsonText.Raw;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bytes, random JSON text and mutated valid documents fed to {@link SubfilterJson} (and, when
 * they read, to compile and match) produce a result, {@link InvalidSubscriptionException} (for
 * subscription readers) or {@link InvalidEventException} (for event readers): never another
 * exception, {@code StackOverflowError} or {@code OutOfMemoryError}. Plus the write/read round trip.
 */
class RobustnessProperties {
  private static final SubfilterJson JSON = SubfilterJson.create();
  private static final SubfilterJson WORKFRONT_MODE = SubfilterJson.create(Mode.WORKFRONT, Limits.DEFAULTS);

  /** Numbers that no double holds, or that take gigabytes written out, or that overflow BigDecimal's scale. */
  static final List<String> HUGE_NUMBERS = List.of(
      "1e999999999", "-1e999999999", "1e-999999999", "1E+999999999", "1e2147483647", "1e2147483648",
      "1e-2147483649", "123456789012345678901234567890", "1" + "0".repeat(999), "1" + "0".repeat(1000),
      "0." + "0".repeat(998) + "1", "1e400", "-0", "-0.0e-0", "9223372036854775808", "1.5e-7");

  /** Values of every JSON type (and broken ones) to put where another type belongs. */
  static final List<Object> WRONG_VALUES;

  static {
    List<Object> v = new ArrayList<>();
    v.add(new Raw("null"));
    v.add(new Raw("0"));
    v.add(new Raw("-1"));
    v.add(new Raw("5231"));
    v.add(new Raw("1.5"));
    for (String n : HUGE_NUMBERS) {
      v.add(new Raw(n));
    }
    v.add("");
    v.add("x");
    v.add("eqq");
    v.add("group");
    v.add("AND");
    v.add("and");
    v.add("oldState");
    v.add("exists");
    v.add("changed");
    v.add("CREATE");
    v.add("TASK");
    v.add("\u0000");
    v.add("\uD800");
    v.add("a".repeat(70_000));
    v.add(Boolean.TRUE);
    v.add(Boolean.FALSE);
    v.add(new ArrayList<>());
    v.add(new LinkedHashMap<>());
    v.add(new Raw("[1,\"2\",null,{}]"));
    v.add(new Raw("{\"fields\":{}}"));
    v.add(new Raw("{\"objects\":\"x\"}"));
    v.add(new Raw("{\"type\":\"group\",\"filters\":[]}"));
    v.add(new Raw("{\"fieldName\":\"n\"}"));
    v.add(new Raw("{\"epochSecond\":9223372036854775807,\"nano\":999999999}"));
    v.add(new Raw("{\"epochSecond\":1e999999999}"));
    v.add(new Raw("\"eyJhIjoxfQ==\""));          // base64 of {"a":1}
    v.add(new Raw("\"eyJvYmpDb2RlIjoiVEFTSyJ9\"")); // base64 of {"objCode":"TASK"}
    v.add(new Raw("\"WzFd\""));                  // base64 of [1]
    v.add(new Raw("\"!!!\""));
    WRONG_VALUES = List.copyOf(v);
  }

  // ------------------------------------------------------------------ the outcome check

  /** Which exception a reader may throw. */
  enum Reader { SUBSCRIPTION, EVENT, EVALUATION }

  /** Statistics live in the property's thread; a helper thread (default stack) collects none. */
  private static void collect(String label, String value) {
    if (!Thread.currentThread().getName().equals("default-stack")) {
      Statistics.label(label).collect(value);
    }
  }

  /**
   * Runs {@code call}; returns its result, or {@code null} when it threw the documented exception
   * of {@code reader}; fails on anything else. Evaluation (compile and match) documents none.
   */
  static <T> T attempt(Reader reader, String what, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      T result = call.get();
      collect(what, "result");
      return result;
    } catch (InvalidSubscriptionException e) {
      if (reader != Reader.SUBSCRIPTION) {
        fail(what + " threw an InvalidSubscriptionException: " + JsonText.describe(e));
      }
      collect(what, "InvalidSubscriptionException");
      return null;
    } catch (InvalidEventException e) {
      if (reader != Reader.EVENT) {
        fail(what + " threw an InvalidEventException: " + JsonText.describe(e));
      }
      collect(what, "InvalidEventException");
      return null;
    } catch (Throwable t) { // StackOverflowError, OutOfMemoryError and every undocumented exception
      fail(what + " threw " + JsonText.describe(t));
      return null;
    } finally {
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(ms).as("%s took %d ms (a small input must not take this long)", what, ms).isLessThan(30_000);
    }
  }

  /** A subscription read must respect the documented limits: no string (objId included) longer than maxStringLength. */
  static void checkLimits(Subscription s, Limits limits) {
    if (s != null && s.objId() != null) {
      assertThat(s.objId().length()).as("objId length within Limits.maxStringLength").isLessThanOrEqualTo(limits.maxStringLength());
    }
  }

  /** Every way to read {@code text} as a subscription and as an event, then compile and match what read. */
  static void readEverything(String text, byte[] bytes, List<Event> moreEvents) {
    Subscription s1 = attempt(Reader.SUBSCRIPTION, "readSubscription(String)", () -> JSON.readSubscription(text));
    Subscription s2 = attempt(Reader.SUBSCRIPTION, "readSubscription(byte[])", () -> JSON.readSubscription(bytes));
    Subscription s3 = attempt(Reader.SUBSCRIPTION, "readSubscriptionLenient", () -> JSON.readSubscriptionLenient(text));
    Subscription s4 = attempt(Reader.SUBSCRIPTION, "readSubscription workfront mode", () -> WORKFRONT_MODE.readSubscription(text));
    Event e1 = attempt(Reader.EVENT, "readWorkfrontEvent(String)", () -> JSON.readWorkfrontEvent(text));
    Event e2 = attempt(Reader.EVENT, "readWorkfrontEvent(byte[])", () -> JSON.readWorkfrontEvent(bytes));
    List<Subscription> subscriptions = new ArrayList<>();
    for (Subscription s : new Subscription[] {s1, s2, s3, s4}) {
      checkLimits(s, Limits.DEFAULTS);
      if (s != null) {
        subscriptions.add(s);
      }
    }
    List<Event> events = new ArrayList<>(moreEvents);
    if (e1 != null) {
      events.add(e1);
    }
    if (e2 != null) {
      events.add(e2);
    }
    for (Subscription s : subscriptions) {
      CompiledSubscription c = attempt(Reader.EVALUATION, "compile", s::compile);
      for (Event e : events) {
        attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
      }
    }
  }

  // ------------------------------------------------------------------ arbitraries

  @Provide
  Arbitrary<byte[]> randomBytes() {
    List<Byte> alphabet = new ArrayList<>();
    for (byte b : "{}[]\":,0123456789.eE-+ tfnrula\\'/*#\n\u00ff".getBytes(StandardCharsets.ISO_8859_1)) {
      alphabet.add(b);
    }
    Arbitrary<Byte> jsonish = Arbitraries.of(alphabet);
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
        Tuple.of(1, jsonish.array(byte[].class).ofMaxSize(200)),
        Tuple.of(1, Arbitraries.of(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},          // UTF-8 BOM
            new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},                 // UTF-16BE BOM
            new byte[] {0, 0, 0, '{', 0, 0, 0, '}'},                               // UTF-32BE
            new byte[] {'{', 0, '}', 0},                                           // UTF-16LE without BOM
            new byte[] {(byte) 0xC3, (byte) 0x28},                                 // broken UTF-8
            new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},          // encoded surrogate
            new byte[0])));
  }

  /** Random text made of JSON's alphabet, and random JSON documents with keys of subscriptions and events. */
  @Provide
  Arbitrary<String> randomJsonText() {
    Arbitrary<String> alphabet = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ tfnrulasx'/*#\\\n").ofMaxLength(120);
    return Arbitraries.frequencyOf(Tuple.of(1, alphabet), Tuple.of(3, randomJson(4)));
  }

  static final List<String> KEYS = List.of(
      "objCode", "eventType", "objId", "filters", "filterConnector", "fieldName", "fieldValue", "comparison", "state",
      "type", "connector", "url", "version", "newState", "oldState", "ID", "eventTime", "epochSecond", "nano",
      "fields", "objects", "parameterValues", "DE:Prio", "name");

  static Arbitrary<String> randomJson(int depth) {
    Arbitrary<String> scalar = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(HUGE_NUMBERS)),
        Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
        Tuple.of(3, Arbitraries.of("TASK", "UPDATE", "CREATE", "group", "eq", "exists", "newState", "oldState", "AND", "OR", "eyJhIjoxfQ", "", "\\u0000", "\\ud800", "\\\"")
            .map(s -> "\"" + s + "\"")),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(10).map(JsonText::quote)),
        Tuple.of(1, Arbitraries.of("true", "false", "null")),
        Tuple.of(1, Arbitraries.of("\"" + "a".repeat(70_000) + "\"", "NaN", "-Infinity", "'single'", "01", "1.", "+1", "[1,]", "{,}", "\"unterminated")));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> randomJson(depth - 1));
    Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> member = Combinators.combine(Arbitraries.of(KEYS), inner).as((k, v) -> JsonText.quote(k) + ":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(5).map(l -> "{" + String.join(",", l) + "}");
    return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(1, array), Tuple.of(3, object));
  }

  /** A valid subscription's JSON with one mutation: a wrong value (of every type) at any key or element, a key removed, duplicated, added, or wrapped. */
  @Provide
  Arbitrary<String> mutatedSubscriptions() {
    return Combinators.combine(SubscriptionArbitraries.subscription(), Arbitraries.integers().between(0, 10_000),
            Arbitraries.of(Mutation.class), Arbitraries.of(WRONG_VALUES), Arbitraries.integers().between(1, 3))
        .as((s, index, mutation, value, times) -> {
          Object doc = JsonText.data(s.toJson());
          for (int i = 0; i < times; i++) {
            doc = JsonText.mutate(doc, index * (i + 7), mutation, value);
          }
          return JsonText.write(doc);
        });
  }

  /** A valid event payload (states inline or base64) with one to three mutations. */
  @Provide
  Arbitrary<String> mutatedEvents() {
    return Combinators.combine(SubscriptionArbitraries.event(), Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(0, 10_000),
            Arbitraries.of(Mutation.class), Arbitraries.of(WRONG_VALUES), Arbitraries.integers().between(0, 3))
        .as((e, base64, index, mutation, value, times) -> {
          Object doc = payload(e, base64);
          for (int i = 0; i < times; i++) {
            doc = JsonText.mutate(doc, index * (i + 7), mutation, value);
          }
          return JsonText.write(doc);
        });
  }

  /** The payload of {@code e} as Java data; states base64-encoded in {@code style} (-1: inline). */
  static Object payload(EventCase e, int style) {
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) JsonText.data(e.payload());
    if (style >= 0) {
      doc.put("newState", JsonText.base64(e.newState().toString(), style));
      if (e.oldState() != null) {
        doc.put("oldState", JsonText.base64(e.oldState().toString(), style + 1));
      }
    }
    return doc;
  }

  @Provide
  Arbitrary<List<EventCase>> someEvents() {
    return SubscriptionArbitraries.event().map(EventCase::gated).list().ofMinSize(1).ofMaxSize(3);
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 500)
  void read_randomBytes_onlyResultOrDocumentedException(@ForAll("randomBytes") byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    readEverything(text, bytes, List.of());
  }

  @Property(tries = 500)
  void read_randomJsonText_onlyResultOrDocumentedException(@ForAll("randomJsonText") String text) {
    Statistics.label("length").collect(text.length() < 100 ? "< 100" : text.length() < 10_000 ? "< 10000" : ">= 10000");
    readEverything(text, text.getBytes(StandardCharsets.UTF_8), List.of());
  }

  @Property(tries = 500)
  void read_mutatedSubscriptionJson_onlyResultOrDocumentedException(
      @ForAll("mutatedSubscriptions") String text, @ForAll("someEvents") List<EventCase> events) {
    List<Event> read = new ArrayList<>();
    for (EventCase e : events) {
      read.add(JSON.readWorkfrontEvent(e.payload().toString()));
    }
    readEverything(text, text.getBytes(StandardCharsets.UTF_8), read);
  }

  @Property(tries = 500)
  void read_mutatedEventJson_onlyResultOrDocumentedException(
      @ForAll("mutatedEvents") String text, @ForAll("subscriptions") Subscription s) {
    CompiledSubscription c = s.compile();
    Event e = attempt(Reader.EVENT, "readWorkfrontEvent(String)", () -> JSON.readWorkfrontEvent(text));
    if (e != null) {
      attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
      // a subscription built for this event's gate, so evaluation reaches the filters
      Subscription gated = new Subscription(e.objCode(), e.eventType(), null, s.filterConnector(), s.filters(), Map.of());
      attempt(Reader.EVALUATION, "matches (gate passed)", () -> gated.compile().matches(e));
    }
  }

  /** Big and deep documents: nesting around Limits.maxJsonDepth and far beyond it, long strings, many filters, deep fieldValues and states. */
  enum Huge {
    ARRAYS, OBJECTS, GROUPS, GROUPS_ALTERNATING, FIELD_VALUE_FIELDS, FIELD_VALUE_ARRAYS, MANY_FILTERS, LONG_STRING, STATE_DEEP_CHANGED, BASE64_DEEP_STATE, LONG_NUMBER
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Huge, Integer>> hugeDocuments() {
    return Combinators.combine(Arbitraries.of(Huge.class),
            Arbitraries.of(1, 7, 16, 17, 100, 248, 249, 250, 499, 500, 501, 1_000, 5_000, 100_000, 1_000_000))
        .as(Tuple::of);
  }

  static String huge(Huge shape, int size) {
    int n = shape == Huge.ARRAYS || shape == Huge.OBJECTS || shape == Huge.BASE64_DEEP_STATE ? size : Math.min(size, 100_000);
    String head = "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",";
    return switch (shape) {
      case ARRAYS -> "[".repeat(n) + "]".repeat(n);
      case OBJECTS -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
      case GROUPS -> head + "\"filters\":[" + "{\"type\":\"group\",\"filters\":[{\"fieldName\":\"n\",\"comparison\":\"exists\"},".repeat(n)
          + "{\"fieldName\":\"n\",\"comparison\":\"exists\"}" + "]}".repeat(n) + "]}";
      case GROUPS_ALTERNATING -> {
        StringBuilder b = new StringBuilder(head).append("\"filters\":[");
        for (int i = 0; i < n; i++) {
          b.append("{\"type\":\"group\",\"connector\":\"").append(i % 2 == 0 ? "OR" : "AND")
              .append("\",\"filters\":[{\"fieldName\":\"n\",\"comparison\":\"").append(i % 2 == 0 ? "notExists" : "exists").append("\"},");
        }
        b.append("{\"fieldName\":\"n\",\"comparison\":\"exists\"}").append("]}".repeat(n)).append("]}");
        yield b.toString();
      }
      case FIELD_VALUE_FIELDS -> head + "\"filters\":[{\"fieldName\":\"obj\",\"fieldValue\":" + "{\"fields\":{\"a\":".repeat(n) + "1" + "}}".repeat(n) + "}]}";
      case FIELD_VALUE_ARRAYS -> head + "\"filters\":[{\"fieldName\":\"tags\",\"comparison\":\"containsOnly\",\"fieldValue\":" + "[".repeat(n) + "]".repeat(n) + "}]}";
      case MANY_FILTERS -> head + "\"filters\":[" + String.join(",", java.util.Collections.nCopies(Math.min(n, 200_000), "{\"fieldName\":\"n\",\"fieldValue\":1}")) + "]}";
      case LONG_STRING -> head + "\"filters\":[{\"fieldName\":\"name\",\"fieldValue\":\"" + "a".repeat(Math.min(n * 10, 9_000_000)) + "\"}]}";
      case STATE_DEEP_CHANGED -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"obj\":" + "[{\"a\":".repeat(n) + "1" + "}]".repeat(n)
          + "},\"oldState\":{\"objCode\":\"TASK\",\"obj\":" + "[{\"a\":".repeat(n) + "2" + "}]".repeat(n) + "}}";
      case BASE64_DEEP_STATE -> "{\"eventType\":\"UPDATE\",\"newState\":\"" + JsonText.base64("{\"objCode\":\"TASK\",\"obj\":" + "[".repeat(n) + "]".repeat(n) + "}", n) + "\"}";
      case LONG_NUMBER -> head + "\"objId\":" + "9".repeat(Math.min(n, 2_000_000)) + ",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":" + "9".repeat(Math.min(n, 2_000_000)) + "}]}";
    };
  }

  @Property(tries = 150)
  void read_hugeOrDeepDocuments_onlyResultOrDocumentedException(@ForAll("hugeDocuments") Tuple.Tuple2<Huge, Integer> doc) {
    String text = huge(doc.get1(), doc.get2());
    Statistics.label("shape").collect(doc.get1());
    List<Event> events = new ArrayList<>();
    // events whose states are as deep as the subscriptions' values, for changed and nested tests
    Event deep = attempt(Reader.EVENT, "deep event", () -> JSON.readWorkfrontEvent(huge(Huge.STATE_DEEP_CHANGED, Math.min(doc.get2(), 240))));
    if (deep != null) {
      events.add(deep);
    }
    readEverything(text, text.getBytes(StandardCharsets.UTF_8), events);
  }

  /** Documents nested around {@link Limits#MAX_DEPTH}, the deepest any limit may be raised to. */
  @Provide
  Arbitrary<Tuple.Tuple2<Huge, Integer>> maxDepthDocuments() {
    return Combinators.combine(Arbitraries.of(Huge.class), Arbitraries.of(330, 333, 497, 498, 499, 500, 997, 998, 999, 1_000, 1_001))
        .as(Tuple::of);
  }

  /**
   * With every depth limit raised to {@link Limits#MAX_DEPTH} ("fits any thread's default stack"),
   * deep documents read in a thread with the default stack size still give only a result or a
   * documented exception, and what reads compiles and evaluates.
   */
  @Property(tries = 200)
  void read_deepDocumentsAtMaxDepthLimits_onlyResultOrDocumentedExceptionOnDefaultStack(
      @ForAll("maxDepthDocuments") Tuple.Tuple2<Huge, Integer> doc) throws Exception {
    Limits max = Limits.DEFAULTS.withMaxJsonDepth(Limits.MAX_DEPTH).withMaxGroupDepth(Limits.MAX_DEPTH)
        .withMaxValueDepth(Limits.MAX_DEPTH).withMaxFilters(1_000_000);
    SubfilterJson json = SubfilterJson.create(Mode.EXTENDED, max);
    String text = huge(doc.get1(), doc.get2());
    Statistics.label("shape").collect(doc.get1());
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        Subscription s = attempt(Reader.SUBSCRIPTION, "readSubscription", () -> json.readSubscription(text));
        Event e = attempt(Reader.EVENT, "readWorkfrontEvent", () -> json.readWorkfrontEvent(text));
        Event deep = json.readWorkfrontEvent(huge(Huge.STATE_DEEP_CHANGED, 240));
        if (s != null) {
          CompiledSubscription c = attempt(Reader.EVALUATION, "compile", s::compile);
          attempt(Reader.EVALUATION, "matches", () -> c.matches(deep));
          if (e != null) {
            attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
          }
        }
      } catch (Throwable failure) {
        thrown[0] = failure;
      }
    }, "default-stack", 0);
    t.start();
    t.join();
    if (thrown[0] instanceof AssertionError a) {
      throw a;
    } else if (thrown[0] != null) {
      fail("threw " + JsonText.describe(thrown[0]));
    }
  }

  /** Huge numbers at every place a subscription or event holds a number or a string. */
  @Provide
  Arbitrary<String> hugeNumberDocuments() {
    return hugeNumberDocuments(0, 8);
  }

  /** Events with huge numbers in fields that filters read (never in ID). */
  @Provide
  Arbitrary<String> hugeNumberFieldEvents() {
    return Combinators.combine(Arbitraries.of(HUGE_NUMBERS), Arbitraries.of(5, 7, 8)).as(RobustnessProperties::hugeNumberDocument);
  }

  static Arbitrary<String> hugeNumberDocuments(int fromPlace, int toPlace) {
    return Combinators.combine(Arbitraries.of(HUGE_NUMBERS), Arbitraries.integers().between(fromPlace, toPlace))
        .as(RobustnessProperties::hugeNumberDocument);
  }

  static String hugeNumberDocument(String n, int p) {
    return switch (p) {
      case 0 -> "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"objId\":" + n + "}";
      case 1 -> "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"fieldValue\":" + n + "}]}";
      case 2 -> "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filters\":[{\"fieldName\":\"n\",\"comparison\":\"contains\",\"fieldValue\":[" + n + "]}]}";
      case 3 -> "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"version\":" + n + "}";
      case 4 -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":" + n + "}}";
      case 5 -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"ID\":\"t1\",\"n\":" + n + "},\"oldState\":{\"objCode\":\"TASK\",\"n\":1}}";
      case 6 -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\"},\"eventTime\":{\"epochSecond\":" + n + ",\"nano\":" + n + "}}";
      case 7 -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"tags\":[" + n + ",\"" + n + "\"]}}";
      default -> "{\"eventType\":\"UPDATE\",\"newState\":{\"objCode\":\"TASK\",\"n\":\"" + n + "\"},\"oldState\":{\"objCode\":\"TASK\",\"n\":" + n + "}}";
    };
  }

  /** Subscriptions comparing field n (and tags) with every operator, to evaluate huge-number events. */
  static final List<String> NUMBER_SUBSCRIPTIONS = List.of(
      "{\"objCode\":\"TASK\",\"eventType\":\"UPDATE\",\"filterConnector\":\"OR\",\"filters\":["
          + "{\"fieldName\":\"n\",\"fieldValue\":1},{\"fieldName\":\"n\",\"comparison\":\"ne\",\"fieldValue\":\"1\"},"
          + "{\"fieldName\":\"n\",\"comparison\":\"gt\",\"fieldValue\":1},{\"fieldName\":\"n\",\"comparison\":\"lte\",\"fieldValue\":\"1e5\"},"
          + "{\"fieldName\":\"n\",\"comparison\":\"contains\",\"fieldValue\":1},{\"fieldName\":\"n\",\"comparison\":\"containsOnly\",\"fieldValue\":[1]},"
          + "{\"fieldName\":\"n\",\"comparison\":\"changed\"},{\"fieldName\":\"tags\",\"comparison\":\"contains\",\"fieldValue\":1.5},"
          + "{\"fieldName\":\"tags\",\"comparison\":\"notContains\",\"fieldValue\":\"1\"}]}");

  @Property(tries = 300)
  void read_hugeNumbersEverywhere_onlyResultOrDocumentedException(@ForAll("hugeNumberDocuments") String text) {
    List<Event> none = List.of();
    readEverything(text, text.getBytes(StandardCharsets.UTF_8), none);
    Event e = attempt(Reader.EVENT, "readWorkfrontEvent(String)", () -> JSON.readWorkfrontEvent(text));
    if (e != null) {
      for (String s : NUMBER_SUBSCRIPTIONS) {
        CompiledSubscription c = JSON.readSubscription(s).compile();
        attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
      }
    }
  }

  /**
   * readWorkfrontEvent(JsonNode) takes trees read elsewhere, e.g. by a default ObjectMapper, where
   * 1e400 is a DoubleNode holding Infinity: reading and evaluating must still only give a result.
   */
  @Property(tries = 300)
  void readWorkfrontEventNode_treeFromDefaultObjectMapper_onlyResultOrDocumentedException(@ForAll("hugeNumberDocuments") String text) throws Exception {
    JsonNode read;
    try {
      read = new ObjectMapper().readTree(text);
    } catch (Exception | StackOverflowError notReadable) {
      Statistics.label("default ObjectMapper").collect("cannot read");
      return;
    }
    JsonNode tree = read;
    Statistics.label("default ObjectMapper").collect("read");
    Event e = attempt(Reader.EVENT, "readWorkfrontEvent(JsonNode)", () -> JSON.readWorkfrontEvent(tree));
    if (e != null) {
      for (String s : NUMBER_SUBSCRIPTIONS) {
        CompiledSubscription c = JSON.readSubscription(s).compile();
        attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
      }
    }
  }

  /**
   * Evaluation on such trees never throws ("Evaluation never throws for any event"): a field
   * holding 1e400 read by a default ObjectMapper is a DoubleNode of Infinity.
   */
  @Property(tries = 100)
  void matches_defaultObjectMapperTreeWithHugeNumberFields_neverThrows(@ForAll("hugeNumberFieldEvents") String text) throws Exception {
    JsonNode tree;
    try {
      tree = new ObjectMapper().readTree(text);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException tooLongForADefaultMapper) {
      Statistics.label("number node").collect("longer than a default mapper reads");
      return;
    }
    Event e = attempt(Reader.EVENT, "readWorkfrontEvent(JsonNode)", () -> JSON.readWorkfrontEvent(tree));
    assertThat(e).as("an event with objCode and a plain ID reads").isNotNull();
    Statistics.label("number node").collect(tree.get("newState").has("n") && tree.get("newState").get("n").isNumber()
        ? tree.get("newState").get("n").getNodeType() + " " + tree.get("newState").get("n").numberType() : "other");
    for (String s : NUMBER_SUBSCRIPTIONS) {
      CompiledSubscription c = JSON.readSubscription(s).compile();
      attempt(Reader.EVALUATION, "matches", () -> c.matches(e));
    }
  }

  /** readSubscription(JsonNode) likewise takes trees read elsewhere (DoubleNode Infinity for 1e400). */
  @Property(tries = 300)
  void readSubscriptionNode_treeFromDefaultObjectMapper_onlyResultOrDocumentedException(@ForAll("hugeNumberDocuments") String text) {
    JsonNode read;
    try {
      read = new ObjectMapper().readTree(text);
    } catch (Exception | StackOverflowError notReadable) {
      Statistics.label("default ObjectMapper").collect("cannot read");
      return;
    }
    Statistics.label("default ObjectMapper").collect("read");
    JsonNode tree = read;
    Subscription s = attempt(Reader.SUBSCRIPTION, "readSubscription(JsonNode)", () -> JSON.readSubscription(tree));
    checkLimits(s, Limits.DEFAULTS);
  }

  // ------------------------------------------------------------------ round trip through text

  @Provide
  Arbitrary<Subscription> subscriptions() {
    return SubscriptionArbitraries.subscription();
  }

  @Property(tries = 500)
  void writeSubscription_generatedSubscription_readsBackEqual(@ForAll("subscriptions") Subscription s) {
    String text = JSON.writeSubscription(s);
    Statistics.label("conditions").collect(SubscriptionArbitraries.conditions(s.filters()).size() <= 3 ? "0-3" : "more");
    Statistics.label("group depth").collect(SubscriptionArbitraries.groupDepth(s.filters()));

    assertThat(JSON.readSubscription(text)).as("readSubscription(writeSubscription(s)) of %s", text).isEqualTo(s);
    assertThat(JSON.readSubscription(text.getBytes(StandardCharsets.UTF_8))).as("from bytes").isEqualTo(s);
    assertThat(JSON.readSubscriptionLenient(text)).as("lenient").isEqualTo(s);
    assertThat(JSON.readSubscription(JsonValues.toJackson(s.toJson()))).as("from a Jackson tree").isEqualTo(s);
  }

  @Property(tries = 300)
  void jsonValues_generatedSubscriptionJson_roundTripsThroughJackson(@ForAll("subscriptions") Subscription s) {
    JsonValue json = s.toJson();
    assertThat(JsonValues.fromJackson(JsonValues.toJackson(json))).as("JsonValues round trip").isEqualTo(json);
  }
}
