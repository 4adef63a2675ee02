package dev.subfilter.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subfilter.Event;
import dev.subfilter.JsonModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Headers and values of the records the router writes. Stateless but for its configuration; thread-safe. */
final class DeliveryRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final Set<String> forward;
  private final Set<String> secrets;

  /**
   * @param forward lower-case names of the headers to forward, or {@code null} for every one
   * @param secrets lower-case names never written anywhere
   */
  DeliveryRecords(Set<String> forward, Set<String> secrets) {
    this.forward = forward;
    this.secrets = secrets;
  }

  /** The request headers as the adapters read them: name to values, in arrival order, values as UTF-8 text. */
  static Map<String, List<String>> asMap(Headers headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Header h : headers) {
      if (h.value() != null) {
        out.computeIfAbsent(h.key(), k -> new ArrayList<>(1)).add(new String(h.value(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The first value of {@code name} (any case) as text, or {@code null}. */
  static String first(Headers headers, String name) {
    for (Header h : headers) {
      if (h.key().equalsIgnoreCase(name) && h.value() != null) {
        return new String(h.value(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The received headers a delivery or handshake carries on: configured ones, never secrets nor {@code subfilter-*}. */
  List<Header> forwarded(Headers received) {
    List<Header> out = new ArrayList<>();
    for (Header h : received) {
      String name = h.key().toLowerCase(Locale.ROOT);
      if (!name.startsWith("subfilter-") && !secrets.contains(name) && (forward == null || forward.contains(name))) {
        out.add(h);
      }
    }
    return out;
  }

  /** A dead letter's headers: every received one but the secrets, then the reason. */
  Headers deadLetter(Headers received, String reason) {
    RecordHeaders out = new RecordHeaders();
    for (Header h : received) {
      if (!secrets.contains(h.key().toLowerCase(Locale.ROOT)) && !h.key().equalsIgnoreCase(SubfilterRouter.ERROR_HEADER)) {
        out.add(h);
      }
    }
    out.add(text(SubfilterRouter.ERROR_HEADER, RouterState.oneLine(reason)));
    return out;
  }

  /** The headers common to every delivery of {@code event}; a delivery adds its subscription. */
  static RecordHeaders eventHeaders(List<Header> forwarded, Event event, String deliveryId) {
    RecordHeaders out = new RecordHeaders(forwarded);
    out.add(text(SubfilterRouter.SOURCE_HEADER, event.source()));
    out.add(text(SubfilterRouter.NAME_HEADER, event.name()));
    out.add(text(SubfilterRouter.EVENT_TYPE_HEADER, event.eventType()));
    out.add(text(SubfilterRouter.OBJ_CODE_HEADER, event.objCode()));
    if (event.objId() != null) {
      out.add(text(SubfilterRouter.OBJ_ID_HEADER, event.objId()));
    }
    out.add(text(SubfilterRouter.DELIVERY_ID_HEADER, deliveryId));
    return out;
  }

  /** {@code eventHeaders} and the subscription's: a copy of the common list (Kafka copies another RecordHeaders' list in one step). */
  static Headers deliveryHeaders(RecordHeaders eventHeaders, String subscriptionId) {
    RecordHeaders h = new RecordHeaders(eventHeaders);
    h.add(text(SubfilterRouter.SUBSCRIPTION_HEADER, subscriptionId));
    return h;
  }

  static Header text(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A handshake record's value: {@code {"source": ..., "callbackUrl": ...}}. */
  static byte[] handshake(String source, String callbackUrl) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("source", source);
    v.put("callbackUrl", callbackUrl);
    try {
      return MAPPER.writeValueAsBytes(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The canonical Workfront-shaped value of {@code event} without its first member: the bytes
   * after {@code "subscriptionId": ...}, written once per event and completed per subscription by
   * {@link #canonical(byte[], String)}.
   */
  static byte[] canonicalTail(Event event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("eventType", event.eventType());
      if (event.eventTime() == null) {
        g.writeNullField("eventTime");
      } else {
        g.writeStringField("eventTime", event.eventTime().toString());
      }
      g.writeFieldName("newState");
      writeNode(g, event.model(), event.newState());
      g.writeFieldName("oldState");
      if (event.oldState() == null) {
        g.writeNull();
      } else {
        writeNode(g, event.model(), event.oldState());
      }
      g.writeStringField("source", event.source());
      g.writeStringField("name", event.name());
      g.writeStringField("objCode", event.objCode());
      if (event.objId() == null) {
        g.writeNullField("objId");
      } else {
        g.writeStringField("objId", event.objId());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"subscriptionId":"ID",} + tail without its opening brace. */
  static byte[] canonical(byte[] tail, String subscriptionId) {
    byte[] id = JsonStringEncoder.getInstance().quoteAsUTF8(subscriptionId);
    byte[] head = "{\"subscriptionId\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + id.length + 2 + tail.length - 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(id, 0, out, head.length, id.length);
    int at = head.length + id.length;
    out[at++] = '"';
    out[at++] = ',';
    System.arraycopy(tail, 1, out, at, tail.length - 1);
    return out;
  }

  /** Writes a state of any {@link JsonModel}: Jackson trees as they are, other models node by node. */
  private static void writeNode(JsonGenerator g, JsonModel model, Object node) throws IOException {
    if (node instanceof JsonNode n) {
      MAPPER.writeTree(g, n);
      return;
    }
    switch (model.kind(node)) {
      case NULL -> g.writeNull();
      case BOOLEAN -> g.writeBoolean(model.booleanValue(node));
      case NUMBER -> g.writeNumber(model.decimalValue(node));
      case STRING -> g.writeString(model.text(node));
      case ARRAY -> {
        g.writeStartArray();
        for (int i = 0, n = model.size(node); i < n; i++) {
          writeNode(g, model, model.element(node, i));
        }
        g.writeEndArray();
      }
      case OBJECT -> {
        g.writeStartObject();
        for (String k : model.keys(node)) {
          g.writeFieldName(k);
          writeNode(g, model, model.get(node, k));
        }
        g.writeEndObject();
      }
      default -> throw new AssertionError("unhandled kind " + model.kind(node));
    }
  }
}
