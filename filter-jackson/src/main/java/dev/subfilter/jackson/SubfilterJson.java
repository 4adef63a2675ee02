package dev.subfilter.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import dev.subfilter.InvalidSubscriptionException;
import dev.subfilter.JsonValue;
import dev.subfilter.Limits;
import dev.subfilter.Mode;
import dev.subfilter.Problem;
import dev.subfilter.Subscription;
import dev.subfilter.SubscriptionParser;
import dev.subfilter.SubscriptionSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads subscriptions and Workfront event payloads with Jackson, within {@link Limits}.
 * Thread-safe: build one and share it (its configuration is immutable; its one mutable field caches
 * the streaming reader of {@link #matchWorkfrontEvent}).
 *
 * <pre>{@code
 * SubfilterJson json = SubfilterJson.create();                 // extended mode, default limits
 * CompiledSubscription s = json.readSubscription(text).compile();
 * boolean hit = s.matches(json.readWorkfrontEvent(bodyBytes));
 * }</pre>
 *
 * <p>Errors, as everywhere in subfilter: bad input is an {@link InvalidSubscriptionException}
 * (subscriptions) or an {@link InvalidEventException} (events), each with a JSON Pointer, duplicate
 * keys and trailing content included; a {@code null} argument is a {@link NullPointerException}
 * whose message is the parameter's name; a limit hit names the {@link Limits} setting to raise.
 */
public final class SubfilterJson {
  private final SubscriptionParser parser;
  private final Limits limits;
  private final ObjectMapper strict;
  private final ObjectMapper lenient;
  /** Readers for the last few key sets {@link #matchWorkfrontEvent} saw, newest first: a cache (a service may match against a few sets). */
  private volatile KeyedReader[] readers = new KeyedReader[0];

  private record KeyedReader(Set<String> keys, WorkfrontStreamReader reader) {}

  private SubfilterJson(Mode mode, Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parser = SubscriptionParser.of(Objects.requireNonNull(mode, "mode"), limits);
    this.strict = objectMapper(limits, false);
    this.lenient = objectMapper(limits, true);
  }

  /**
   * A reader in extended mode with {@link Limits#DEFAULTS}.
   *
   * @return the reader; share it
   */
  public static SubfilterJson create() {
    return new SubfilterJson(Mode.EXTENDED, Limits.DEFAULTS);
  }

  /**
   * A reader validating in {@code mode} within {@code limits}.
   *
   * @param mode {@link Mode#WORKFRONT} or {@link Mode#EXTENDED}; not {@code null}
   * @param limits the limits; not {@code null}
   * @return the reader; share it
   */
  public static SubfilterJson create(Mode mode, Limits limits) {
    return new SubfilterJson(mode, limits);
  }

  /**
   * A Jackson mapper configured as subfilter reads JSON, for callers that read documents of their
   * own around subfilter's (files of subscriptions, spec files): duplicate keys and trailing
   * content are errors, numbers are exact (BigDecimal, trailing zeros kept), and {@code limits}
   * bounds the document's length ({@link Limits#maxDocumentBytes()}) and depth ({@link
   * Limits#maxJsonDepth()}), a limit hit being a {@link StreamConstraintsException} whose message
   * names the {@code Limits} setting to raise. {@code lenient} adds single-quoted strings, trailing
   * commas, comments and unquoted names. Thread-safe, as Jackson's mappers are.
   *
   * @param limits the limits to read within
   * @param lenient whether to accept JSON as pasted from docs
   * @return a new mapper
   */
  public static ObjectMapper objectMapper(Limits limits, boolean lenient) {
    Objects.requireNonNull(limits, "limits");
    return mapperBuilder(new LimitConstraints(limits), lenient).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /**
   * How every subfilter reader reads JSON: duplicate keys are errors, numbers exact as written;
   * {@code lenient} adds single quotes, trailing commas, comments and unquoted names. Trailing
   * content is the caller's to refuse (a file reader reads value by value).
   */
  @SuppressWarnings("deprecation") // withExactBigDecimals: numbers exactly as written
  static JsonMapper.Builder mapperBuilder(StreamReadConstraints constraints, boolean lenient) {
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    JsonMapper.Builder b = JsonMapper.builder(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    if (lenient) {
      b.enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES);
    }
    return b;
  }

  /**
   * What a limit hit while reading with an {@link #objectMapper} says: the {@code Limits} setting
   * to raise where there is one (else Jackson's own words, after "JSON exceeds a reading limit").
   *
   * @param e what the mapper threw
   * @return the message, one line
   */
  public static String limitMessage(StreamConstraintsException e) {
    return e instanceof LimitConstraints.Exceeded ? e.getOriginalMessage() : "JSON exceeds a reading limit: " + e.getOriginalMessage();
  }

  /**
   * The mode subscriptions are validated in.
   *
   * @return the mode
   */
  public Mode mode() {
    return parser.mode();
  }

  /**
   * The limits subscriptions and events are read within.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * Reads a subscription from strict JSON.
   *
   * @param json the subscription as JSON text; not {@code null}
   * @return the validated subscription
   * @throws InvalidSubscriptionException with every problem, or one at {@code ""} when the text is not JSON
   */
  public Subscription readSubscription(String json) {
    Objects.requireNonNull(json, "json");
    return parser.parse(JsonValues.fromJackson(readTree(strict, json.getBytes(StandardCharsets.UTF_8), true)));
  }

  /**
   * Reads a subscription from strict JSON bytes (UTF-8, UTF-16 or UTF-32).
   *
   * @param json the subscription's bytes; not {@code null}
   * @return the validated subscription
   * @throws InvalidSubscriptionException with every problem, or one at {@code ""} when the bytes are not JSON
   */
  public Subscription readSubscription(byte[] json) {
    Objects.requireNonNull(json, "json");
    return parser.parse(JsonValues.fromJackson(readTree(strict, json, true)));
  }

  /**
   * Reads a subscription as pasted from the Workfront docs: single-quoted strings, trailing commas,
   * comments and unquoted names are accepted.
   *
   * @param json the subscription as text; not {@code null}
   * @return the validated subscription
   * @throws InvalidSubscriptionException with every problem, or one at {@code ""} when the text cannot be read
   */
  public Subscription readSubscriptionLenient(String json) {
    Objects.requireNonNull(json, "json");
    return parser.parse(JsonValues.fromJackson(readTree(lenient, json.getBytes(StandardCharsets.UTF_8), true)));
  }

  /**
   * Validates a subscription already held as a Jackson tree.
   *
   * @param json the subscription's tree; not {@code null}
   * @return the validated subscription
   * @throws InvalidSubscriptionException with every problem
   */
  public Subscription readSubscription(JsonNode json) {
    Objects.requireNonNull(json, "json");
    return parser.parse(JsonValues.fromJackson(json));
  }

  /**
   * Writes a subscription as compact JSON, every default written out.
   *
   * @param s the subscription; not {@code null}
   * @return JSON text that reads back as an equal subscription
   */
  public String writeSubscription(Subscription s) {
    Objects.requireNonNull(s, "s");
    return s.toJson().toString();
  }

  /**
   * Reads a Workfront event payload; see {@link #readWorkfrontEvent(JsonNode)}.
   *
   * @param payload the webhook's body; not {@code null}
   * @return the event
   * @throws InvalidEventException when the bytes are not JSON or not a Workfront event, naming the
   *     offending member
   */
  public Event readWorkfrontEvent(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return readWorkfrontEvent(readTree(strict, payload, false));
  }

  /**
   * The ids of the subscriptions of {@code set} that match this Workfront payload: {@code
   * set.match(readWorkfrontEvent(payload))}, but read in one streaming pass that keeps only the
   * state keys the set's subscriptions read ({@link SubscriptionSet#stateKeys()}) and matched
   * against the same snapshot of the set (see {@link SubscriptionSet#readAndMatch}). Thread-safe;
   * the reader for the set's current keys is cached.
   *
   * @param set the subscriptions; not {@code null}
   * @param payload the webhook's body; not {@code null}
   * @return the ids of the matching subscriptions, in the set's order
   * @throws InvalidEventException exactly as {@link #readWorkfrontEvent(byte[])}
   */
  public List<String> matchWorkfrontEvent(SubscriptionSet set, byte[] payload) {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(payload, "payload");
    return set.readAndMatch(keys -> readerFor(keys).read(payload));
  }

  /**
   * The event and the ids of the subscriptions of {@code set} it matches, from one streaming pass
   * (as {@link #matchWorkfrontEvent}): for a caller that needs both, e.g. to forward or print the
   * event's gate beside its matches, without reading the payload twice. The event is <em>pruned</em>:
   * its states hold only the keys the set's subscriptions read ({@link SubscriptionSet#stateKeys()}
   * of the snapshot matched), so it matches exactly what the full event matches, and its source,
   * name, eventType, objCode and objId are the full event's; read the payload with {@link
   * #readWorkfrontEvent(byte[])} for every state key. Thread-safe.
   *
   * @param set the subscriptions; not {@code null}
   * @param payload the webhook's body; not {@code null}
   * @return the (pruned) event and the ids of the matching subscriptions, in the set's order
   * @throws InvalidEventException exactly as {@link #readWorkfrontEvent(byte[])}
   */
  public WorkfrontMatch readAndMatchWorkfrontEvent(SubscriptionSet set, byte[] payload) {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(payload, "payload");
    Event[] read = new Event[1];
    List<String> ids = set.readAndMatch(keys -> read[0] = readerFor(keys).read(payload));
    return new WorkfrontMatch(read[0], ids);
  }

  /**
   * What {@link #readAndMatchWorkfrontEvent} returns.
   *
   * @param event the event, its states pruned to the keys the set reads; not {@code null}
   * @param ids the ids of the matching subscriptions, in the set's order; unmodifiable, not {@code null}
   */
  public record WorkfrontMatch(Event event, List<String> ids) {
    /**
     * Checks the parts.
     *
     * @param event the event, its states pruned to the keys the set reads
     * @param ids the ids of the matching subscriptions, in the set's order
     * @throws NullPointerException when a part is {@code null}
     */
    public WorkfrontMatch {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(ids, "ids");
    }
  }

  private WorkfrontStreamReader readerFor(Set<String> keys) {
    KeyedReader[] cached = readers;
    for (KeyedReader r : cached) {
      if (r.keys() == keys) {
        return r.reader();
      }
    }
    for (KeyedReader r : cached) {
      if (r.keys().equals(keys)) {
        return r.reader();
      }
    }
    KeyedReader r = new KeyedReader(keys, new WorkfrontStreamReader(this, keys));
    KeyedReader[] next = new KeyedReader[Math.min(cached.length + 1, 4)];
    next[0] = r;
    System.arraycopy(cached, 0, next, 1, next.length - 1);
    readers = next; // a benign race: concurrent callers may each build one, and one's entry may be lost
    return r.reader();
  }

  /**
   * Reads a Workfront event payload from text; see {@link #readWorkfrontEvent(JsonNode)}.
   *
   * @param payload the payload as JSON text; not {@code null}
   * @return the event
   * @throws InvalidEventException when the text is not JSON or not a Workfront event
   */
  public Event readWorkfrontEvent(String payload) {
    Objects.requireNonNull(payload, "payload");
    return readWorkfrontEvent(payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a Workfront event payload: {@code eventType} (a string), {@code newState} (an object or
   * base64 of one), {@code oldState} (likewise; missing or null means unknown), {@code eventTime}
   * ({@code {epochSecond, nano}}, optional).
   *
   * @param payload the payload's tree; not {@code null}
   * @return the event, evaluated on the payload's own nodes
   * @throws InvalidEventException naming the offending member
   */
  public Event readWorkfrontEvent(JsonNode payload) {
    Objects.requireNonNull(payload, "payload");
    if (!payload.isObject()) {
      throw invalidEvent("", "expected a Workfront event object, found " + describe(payload));
    }
    String type = WorkfrontEnvelope.eventType(payload.get(WorkfrontEnvelope.EVENT_TYPE));
    JsonNode newState = state(payload, WorkfrontEnvelope.NEW_STATE, true);
    JsonNode oldState = state(payload, WorkfrontEnvelope.OLD_STATE, false);
    JsonNode time = payload.get(WorkfrontEnvelope.EVENT_TIME);
    Instant t = time == null || time.isNull() ? null : WorkfrontEnvelope.eventTime(time, true);
    return WorkfrontEnvelope.event(type, newState, oldState, t);
  }

  private JsonNode state(JsonNode payload, String name, boolean required) {
    JsonNode s = payload.get(name);
    String p = "/" + name;
    if (s == null || s.isNull()) {
      if (required) {
        throw invalidEvent(p, s == null ? "missing; a Workfront event has a newState object" : "null; a Workfront event has a newState object");
      }
      return null;
    }
    if (s.isTextual()) {
      s = decodeBase64State(s.textValue(), p);
    }
    if (!s.isObject()) {
      throw invalidEvent(p, "expected a state object (or base64 of one), found " + describe(s));
    }
    return s;
  }

  private JsonNode decodeBase64State(String text, String pointer) {
    byte[] bytes = WorkfrontEnvelope.base64State(text, pointer, true);
    JsonNode decoded;
    try {
      decoded = strict.readTree(bytes);
    } catch (StreamConstraintsException e) {
      throw invalidEvent(pointer, limitMessage(e));
    } catch (IOException e) {
      throw invalidEvent(pointer, "base64 state does not decode to JSON: " + jsonError(e));
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalidEvent(pointer, "base64 state holds a number out of range (its exponent must fit 32 bits)");
    }
    if (decoded == null || !decoded.isObject()) {
      throw invalidEvent(pointer, "base64 state decodes to " + (decoded == null ? "nothing" : describe(decoded)) + ", not a JSON object");
    }
    return decoded;
  }

  /** Reads an event payload with this reader's limits; errors are {@link InvalidEventException}s. */
  JsonNode readPayload(byte[] bytes) {
    Objects.requireNonNull(bytes, "body");
    return readTree(strict, bytes, false);
  }

  /** The strict mapper, for trees the adapters build. */
  ObjectMapper mapper() {
    return strict;
  }

  private JsonNode readTree(ObjectMapper mapper, byte[] bytes, boolean subscription) {
    try {
      JsonNode n = mapper.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw fail(subscription, "", "empty input; expected a JSON object", null);
      }
      return n;
    } catch (StreamConstraintsException e) {
      throw fail(subscription, "", limitMessage(e), e);
    } catch (IOException e) {
      throw fail(subscription, "", "not valid JSON: " + jsonError(e), e);
    } catch (NumberFormatException | ArithmeticException e) {
      throw fail(subscription, "", "a number out of range (its exponent must fit 32 bits): " + e.getMessage(), e);
    }
  }

  private static RuntimeException fail(boolean subscription, String pointer, String message, Throwable cause) {
    Problem p = new Problem(pointer, message);
    if (subscription) {
      InvalidSubscriptionException e = new InvalidSubscriptionException(List.of(p));
      if (cause != null) {
        e.initCause(cause);
      }
      return e;
    }
    return new InvalidEventException(p, cause);
  }

  /** Jackson's message without its source excerpt, with the line and column. */
  static String jsonError(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation loc = j.getLocation();
      String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      return j.getOriginalMessage() + where;
    }
    return e.getMessage();
  }

  private static InvalidEventException invalidEvent(String pointer, String message) {
    return new InvalidEventException(new Problem(pointer, message));
  }

  /** Describes a node without converting it: a payload may be large or deep. */
  private static String describe(JsonNode n) {
    return Payloads.describe(n);
  }
}
