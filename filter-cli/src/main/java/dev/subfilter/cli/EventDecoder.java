package dev.subfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Problem;
import dev.subfilter.jackson.Adapter;
import dev.subfilter.jackson.CmpAdapter;
import dev.subfilter.jackson.Delivery;
import dev.subfilter.jackson.FourMeAdapter;
import dev.subfilter.jackson.SubfilterJson;
import dev.subfilter.jackson.WorkfrontAdapter;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one payload with the adapter of {@code --format} (or {@code --mapping}), or of the vendor
 * its keys name; an {@link Envelope} brings its own headers, on top of {@code --header}'s.
 */
final class EventDecoder {
  private static final JsonFactory SCAN = JsonFactory.builder().build();

  private final String format;
  private final WorkfrontAdapter workfront;
  private final FourMeAdapter fourMe;
  private final CmpAdapter cmp;
  private final Adapter mapping;
  private final Map<String, List<String>> headers;

  EventDecoder(String format, SubfilterJson json, FourMeAdapter fourMe) {
    this(format, json, fourMe, null, null, Map.of());
  }

  /**
   * @param format auto, workfront, 4me, cmp, or mapping (then {@code mapping} reads every event)
   * @param cmpSecret CMP's callback secret, or {@code null}
   * @param headers the headers of every event ({@code --header})
   */
  EventDecoder(String format, SubfilterJson json, FourMeAdapter fourMe, String cmpSecret, Adapter mapping, Map<String, List<String>> headers) {
    this.format = format;
    this.workfront = new WorkfrontAdapter(json);
    this.fourMe = fourMe;
    this.cmp = CmpAdapter.create(json, cmpSecret);
    this.mapping = mapping;
    this.headers = headers;
  }

  /**
   * The delivery in {@code payload}: a body, or an envelope of headers and body.
   *
   * @throws InvalidEventException when it is not a payload of the vendor (or, with auto, of any vendor)
   */
  Delivery read(byte[] payload) {
    Envelope envelope = Envelope.open(payload);
    byte[] body = envelope == null ? payload : envelope.body();
    Map<String, List<String>> h = envelope == null ? headers : Envelope.merge(headers, envelope.headers());
    return adapter(body).read(body, h);
  }

  private Adapter adapter(byte[] body) {
    return switch (format) {
      case "workfront" -> workfront;
      case "4me" -> fourMe;
      case "cmp" -> cmp;
      case "mapping" -> mapping;
      default -> detect(body);
    };
  }

  /** Workfront: eventType and newState; 4me: event or jwt; CMP: event_name. Reads only the top-level names. */
  private Adapter detect(byte[] body) {
    Set<String> keys = new HashSet<>();
    try (JsonParser p = SCAN.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        if (t == null) {
          throw new InvalidEventException(new Problem("", "empty; expected a webhook payload object"));
        }
        if (t == JsonToken.START_ARRAY || t.isScalarValue()) {
          throw new InvalidEventException(new Problem("", "expected a webhook payload object, found "
              + (t == JsonToken.START_ARRAY ? "an array" : t.isNumeric() ? "a number" : t == JsonToken.VALUE_STRING ? "a string"
              : t.isBoolean() ? "a boolean" : "null")));
        }
        return workfront; // not JSON at all: let the adapter say where
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        keys.add(p.currentName());
        p.nextToken();
        p.skipChildren();
      }
    } catch (IOException e) {
      return workfront; // not JSON: every adapter says so alike, with where
    }
    if (keys.contains("eventType") && keys.contains("newState")) {
      return workfront;
    }
    if (keys.contains("event_name")) {
      return cmp;
    }
    if (keys.contains("event") || keys.contains("jwt")) {
      return fourMe;
    }
    throw new InvalidEventException(new Problem("", "cannot tell the vendor (--format auto): a Workfront payload has eventType "
        + "and newState, a 4me delivery event or jwt, a CMP delivery event_name; this one has " + describe(keys)
        + "; name the vendor with --format"));
  }

  private static String describe(Set<String> keys) {
    if (keys.isEmpty()) {
      return "no members";
    }
    List<String> sorted = keys.stream().sorted().limit(6).toList();
    return String.join(", ", sorted) + (keys.size() > 6 ? ", ..." : "");
  }
}
