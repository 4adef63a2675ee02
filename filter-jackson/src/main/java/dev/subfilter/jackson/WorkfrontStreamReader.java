package dev.subfilter.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.InvalidEventException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads Workfront event payloads in one pass of Jackson's streaming parser, keeping of
 * {@code newState} and {@code oldState} only the top-level keys some subscription reads (see
 * {@link CompiledSubscription#stateKeys()}): their values become full Jackson subtrees, everything
 * else is skipped token by token without building a tree. Base64 string states are decoded and
 * streamed the same way.
 *
 * <p>For every subscription whose {@code stateKeys()} this reader keeps, {@code s.matches(read(b))}
 * equals {@code s.matches(json.readWorkfrontEvent(b))}; and {@code read(b)} throws exactly what
 * {@link SubfilterJson#readWorkfrontEvent(byte[])} throws (same exception type, pointer and message)
 * for every invalid payload: the same parser configuration (limits, trailing tokens) sees every
 * byte, duplicate keys are found in every object, skipped or kept, and once the stream shows the payload is invalid it is handed to the
 * tree reader, which reports the problem it would report anyway. Valid payloads never reach the tree reader.
 *
 * <p>{@link #read} first tries a hand-written scanner ({@code FastWorkfrontScanner}), because
 * Jackson's tokenizer alone costs nearly as much as building the tree: for the ordinary payloads
 * webhooks send (strict JSON, inline states) the scan is about twice as fast. It answers only when
 * it is sure, declining anything unusual (escapes in names, <code>&#92;u</code> escapes, base64
 * states, invalid or borderline input); declined payloads go to the Jackson stream, and what that
 * cannot read goes to the tree reader, which alone decides errors. So each step only has to be
 * right where it answers.
 *
 * <p>The {@link Event} returned holds pruned states: use it for matching the subscriptions the
 * reader was built for, not for {@code explain} output or for forwarding. Its two states may share
 * nodes (a value the old state repeats byte for byte is built once): treat them as read-only.
 *
 * <p>Immutable and thread-safe: build one per set of keys and share it.
 */
public final class WorkfrontStreamReader {
  private final SubfilterJson json;
  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes;
  private final Set<String> keys;
  private final FastWorkfrontScanner fast;

  /**
   * A reader with {@code json}'s limits keeping these top-level state keys ({@code objCode} and
   * {@code ID}, which every event needs, are always kept).
   *
   * @param json the reader whose limits apply; not {@code null}
   * @param stateKeys the state keys to keep; not {@code null}
   */
  public WorkfrontStreamReader(SubfilterJson json, Set<String> stateKeys) {
    this.json = Objects.requireNonNull(json, "json");
    this.mapper = json.mapper();
    this.nodes = mapper.getNodeFactory();
    Set<String> k = new HashSet<>(Objects.requireNonNull(stateKeys, "stateKeys"));
    k.add("objCode");
    k.add("ID");
    this.keys = Set.copyOf(k);
    this.fast = new FastWorkfrontScanner(json, keys);
  }

  /**
   * A reader keeping every state key any of {@code subscriptions} reads.
   *
   * @param json the reader whose limits apply; not {@code null}
   * @param subscriptions the subscriptions to read events for; not {@code null}
   * @return the reader
   */
  public static WorkfrontStreamReader forSubscriptions(SubfilterJson json, Collection<CompiledSubscription> subscriptions) {
    Set<String> k = new HashSet<>();
    for (CompiledSubscription s : subscriptions) {
      k.addAll(s.stateKeys());
    }
    return new WorkfrontStreamReader(json, k);
  }

  /**
   * The state keys this reader keeps.
   *
   * @return an unmodifiable set, {@code objCode} and {@code ID} included
   */
  public Set<String> stateKeys() {
    return keys;
  }

  /**
   * Whether this reader keeps every state key {@code s} reads, so that {@link #read} is exact for it.
   *
   * @param s a compiled subscription; not {@code null}
   * @return true when every key {@code s} reads is kept
   */
  public boolean covers(CompiledSubscription s) {
    return keys.containsAll(s.stateKeys());
  }

  /**
   * Reads a Workfront payload, keeping only this reader's state keys.
   *
   * @param payload the payload's bytes; not {@code null}
   * @return the event with pruned states
   * @throws InvalidEventException exactly as {@link SubfilterJson#readWorkfrontEvent(byte[])}
   */
  public Event read(byte[] payload) {
    Event e = fast.scan(payload);
    if (e != null) {
      return e;
    }
    try {
      e = stream(payload);
    } catch (IOException | RuntimeException ex) {
      e = null;
    }
    return e != null ? e : json.readWorkfrontEvent(payload);
  }

  /**
   * Whether {@code s} matches the payload: {@code s.matches(json.readWorkfrontEvent(payload))},
   * streamed when this reader keeps every key {@code s} reads (else read as a tree).
   *
   * @param s a compiled subscription; not {@code null}
   * @param payload the payload's bytes; not {@code null}
   * @return whether {@code s} matches
   * @throws InvalidEventException exactly as {@link SubfilterJson#readWorkfrontEvent(byte[])}
   */
  public boolean matches(CompiledSubscription s, byte[] payload) {
    return s.matches(covers(s) ? read(payload) : json.readWorkfrontEvent(payload));
  }

  // ------------------------------------------------------------------ the stream

  /**
   * The event streamed from {@code payload}, or {@code null} when the payload is not a valid
   * Workfront event (the tree reader then reports why). Throws whatever the parser throws.
   */
  Event stream(byte[] payload) throws IOException {
    String type = null;
    ObjectNode newState = null;
    ObjectNode oldState = null;
    JsonNode time = null;
    Names names = new Names();
    try (JsonParser p = parser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      names.enter();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        names.add(name);
        JsonToken v = p.nextToken();
        switch (name) {
          case WorkfrontEnvelope.EVENT_TYPE:
            if (v != JsonToken.VALUE_STRING) {
              return null;
            }
            type = p.getText();
            if (!WorkfrontEnvelope.validEventType(type)) {
              return null;
            }
            break;
          case WorkfrontEnvelope.NEW_STATE:
            newState = state(p, v, names);
            if (newState == null) {
              return null;
            }
            break;
          case WorkfrontEnvelope.OLD_STATE:
            if (v != JsonToken.VALUE_NULL) {
              oldState = state(p, v, names);
              if (oldState == null) {
                return null;
              }
            }
            break;
          case WorkfrontEnvelope.EVENT_TIME:
            if (v != JsonToken.VALUE_NULL) {
              time = value(p, v);
            }
            break;
          default:
            skip(p, v, names);
        }
      }
      // the loop ends at the payload's END_OBJECT (the parser throws on anything else)
      if (p.nextToken() != null) {
        return null; // trailing content
      }
    }
    if (type == null || newState == null) {
      return null;
    }
    Instant t = null;
    if (time != null) {
      t = WorkfrontEnvelope.eventTime(time, false);
      if (t == null) {
        return null;
      }
    }
    return WorkfrontEnvelope.event(type, newState, oldState, t);
  }

  /** A state at token {@code v}: an object or base64 of one, pruned; {@code null} when it is neither. */
  private ObjectNode state(JsonParser p, JsonToken v, Names names) throws IOException {
    if (v == JsonToken.START_OBJECT) {
      return pruned(p, names);
    }
    if (v != JsonToken.VALUE_STRING) {
      return null;
    }
    byte[] bytes = WorkfrontEnvelope.base64State(p.getText(), "", false);
    if (bytes == null) {
      return null;
    }
    try (JsonParser d = parser(bytes)) {
      if (d.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode s = pruned(d, names);
      return d.nextToken() == null ? s : null;
    }
  }

  /** The object at the parser's START_OBJECT with only the kept keys; the parser ends on its END_OBJECT. */
  private ObjectNode pruned(JsonParser p, Names names) throws IOException {
    ObjectNode out = nodes.objectNode();
    names.enter();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      names.add(k);
      JsonToken v = p.nextToken();
      if (keys.contains(k)) {
        out.set(k, value(p, v));
      } else {
        skip(p, v, names);
      }
    }
    names.exit();
    return out;
  }

  /**
   * A parser of the tree reader's configuration (limits, features) without Jackson's duplicate
   * detector, which allocates a HashSet for every object of three or more members: {@link Names}
   * (for skipped and pruned objects) and {@link ObjectNode#replace} (for built ones) find the same
   * duplicates, and the tree reader then reports them.
   */
  private JsonParser parser(byte[] bytes) throws IOException {
    JsonParser p = mapper.createParser(bytes);
    p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return p;
  }

  /** Thrown where the stream finds the payload invalid; the tree reader then reports the problem. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super("invalid payload", null, false, false);
    }
  }

  private static final Invalid INVALID = new Invalid();

  /**
   * The member names of the objects open in one read, to find duplicates: a linear scan for the
   * first 16 members of an object, a hash set beyond. One per read; arrays grow with nesting.
   */
  private static final class Names {
    private static final int LINEAR = 16;
    private String[] names = new String[32];
    private int top;
    private int[] starts = new int[8];
    private HashSet<String>[] sets;
    private int depth;

    void enter() {
      if (depth == starts.length) {
        starts = Arrays.copyOf(starts, depth * 2);
      }
      starts[depth++] = top;
    }

    void exit() {
      depth--;
      top = starts[depth];
      if (sets != null && depth < sets.length) {
        sets[depth] = null;
      }
    }

    @SuppressWarnings("unchecked")
    void add(String name) {
      int start = starts[depth - 1];
      if (top - start < LINEAR) {
        for (int i = start; i < top; i++) {
          if (names[i].equals(name)) {
            throw INVALID;
          }
        }
        if (top == names.length) {
          names = Arrays.copyOf(names, top * 2);
        }
        names[top++] = name;
        return;
      }
      if (sets == null || sets.length <= depth) {
        sets = sets == null ? new HashSet[Math.max(8, depth + 1)] : Arrays.copyOf(sets, Math.max(sets.length * 2, depth + 1));
      }
      HashSet<String> set = sets[depth - 1];
      if (set == null) {
        set = new HashSet<>(Arrays.asList(names).subList(start, top));
        sets[depth - 1] = set;
      }
      if (!set.add(name)) {
        throw INVALID;
      }
    }
  }

  /**
   * The value at token {@code v} built as the tree reader's deserializer builds it (same node
   * factory, same node types: IntNode, LongNode, BigIntegerNode, exact DecimalNode for floats),
   * iteratively (values may be as deep as the parser allows); the parser ends on its last token.
   */
  private JsonNode value(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT && v != JsonToken.START_ARRAY) {
      return scalar(p, v);
    }
    ContainerNode<?> root = v == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
    ArrayDeque<ContainerNode<?>> stack = null;
    ContainerNode<?> cur = root;
    String name = null;
    while (true) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IOException("unexpected end of input"); // the parser reports this itself first
      }
      if (t == JsonToken.FIELD_NAME) {
        name = p.currentName();
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        if (stack == null || stack.isEmpty()) {
          return root;
        }
        cur = stack.pop();
        continue;
      }
      boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
      JsonNode child = container ? (t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode()) : scalar(p, t);
      if (cur instanceof ObjectNode o) {
        if (o.replace(name, child) != null) {
          throw INVALID; // a duplicate member
        }
      } else {
        ((ArrayNode) cur).add(child);
      }
      if (container) {
        if (stack == null) {
          stack = new ArrayDeque<>();
        }
        stack.push(cur);
        cur = (ContainerNode<?>) child;
      }
    }
  }

  private JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t.id()) {
      case JsonTokenId.ID_STRING:
        return nodes.textNode(p.getText());
      case JsonTokenId.ID_TRUE:
        return nodes.booleanNode(true);
      case JsonTokenId.ID_FALSE:
        return nodes.booleanNode(false);
      case JsonTokenId.ID_NULL:
        return nodes.nullNode();
      case JsonTokenId.ID_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return nodes.numberNode(p.getIntValue());
          case LONG:
            return nodes.numberNode(p.getLongValue());
          default:
            return nodes.numberNode(p.getBigIntegerValue());
        }
      case JsonTokenId.ID_NUMBER_FLOAT: // USE_BIG_DECIMAL_FOR_FLOATS, exact decimals
        return nodes.numberNode(p.getDecimalValue());
      default:
        throw new IOException("unexpected token " + t); // never in JSON text
    }
  }

  /**
   * Skips the value at token {@code v} without building it, checking what the tree reader would
   * reject while building: a float whose exponent BigDecimal cannot hold, a string longer than the
   * parser's maxStringLength or that is not UTF-8 (an encoded surrogate, which Jackson's skipping
   * lets through: so every skipped string is decoded), a duplicate member name (names, depth,
   * number lengths and the document length are checked by the parser itself on every token).
   */
  private void skip(JsonParser p, JsonToken v, Names names) throws IOException {
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      names.enter();
      int depth = 1;
      while (depth > 0) {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new IOException("unexpected end of input"); // the parser reports this itself first
        }
        switch (t.id()) {
          case JsonTokenId.ID_START_OBJECT:
          case JsonTokenId.ID_START_ARRAY:
            names.enter();
            depth++;
            break;
          case JsonTokenId.ID_END_OBJECT:
          case JsonTokenId.ID_END_ARRAY:
            names.exit();
            depth--;
            break;
          case JsonTokenId.ID_FIELD_NAME:
            names.add(p.currentName());
            break;
          case JsonTokenId.ID_NUMBER_FLOAT:
            checkFloat(p);
            break;
          case JsonTokenId.ID_STRING:
            p.getTextLength(); // decoded as the tree reader decodes it: its length limit and UTF-8 checks (Jackson's skip checks neither fully)
            break;
          default:
            break;
        }
      }
    } else if (v == JsonToken.VALUE_NUMBER_FLOAT) {
      checkFloat(p);
    } else if (v == JsonToken.VALUE_STRING) {
      p.getTextLength();
    }
  }

  /**
   * The tree reader turns every float into a BigDecimal, which fails when the exponent does not fit
   * its scale. An exponent of at most 9 digits always fits (numbers are at most maxNumberLength
   * long); a longer one is converted here to fail (or not) exactly as the tree reader does.
   */
  private static void checkFloat(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int end = off + p.getTextLength();
    for (int i = off; i < end; i++) {
      if (c[i] == 'e' || c[i] == 'E') {
        int digits = end - i - 1;
        if (digits > 0 && (c[i + 1] == '+' || c[i + 1] == '-')) {
          digits--;
        }
        if (digits > 9) {
          p.getDecimalValue();
        }
        return;
      }
    }
  }
}
