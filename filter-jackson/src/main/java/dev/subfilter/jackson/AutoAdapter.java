package dev.subfilter.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.subfilter.InvalidEventException;
import dev.subfilter.Problem;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells a delivery's vendor by the top-level member names of its body and reads it with that
 * vendor's adapter: a Workfront payload has {@code eventType} and {@code newState}, a CMP delivery
 * {@code event_name}, a 4me delivery {@code event} or {@code jwt} (tried in this order). Only the
 * top-level names are scanned; nested members are skipped unread. A body that is not JSON at all
 * goes to the Workfront adapter, which says where it breaks. The rules the {@code subfilter}
 * command's {@code --format auto} and the Kafka router's "no {@code subfilter-source} header" share.
 *
 * <p>Immutable and thread-safe when its adapters are.
 */
public final class AutoAdapter implements Adapter {
  /** Scans names only: no limits beyond Jackson's defaults are needed to skip values. */
  private static final JsonFactory SCAN = JsonFactory.builder().build();

  private final Adapter workfront;
  private final Adapter fourMe;
  private final Adapter cmp;
  private final String detection;
  private final String advice;

  private AutoAdapter(Adapter workfront, Adapter fourMe, Adapter cmp, String detection, String advice) {
    this.workfront = Objects.requireNonNull(workfront, "workfront");
    this.fourMe = Objects.requireNonNull(fourMe, "fourMe");
    this.cmp = Objects.requireNonNull(cmp, "cmp");
    this.detection = Objects.requireNonNull(detection, "detection");
    this.advice = Objects.requireNonNull(advice, "advice");
  }

  /**
   * Detection among these three adapters.
   *
   * @param workfront reads payloads with {@code eventType} and {@code newState}, and bodies that are not JSON
   * @param fourMe reads deliveries with {@code event} or {@code jwt}
   * @param cmp reads deliveries with {@code event_name}
   * @return an adapter whose error for an unrecognised body says "cannot tell the vendor (auto)" and "name the vendor"
   * @throws NullPointerException when an adapter is {@code null}
   */
  public static AutoAdapter of(Adapter workfront, Adapter fourMe, Adapter cmp) {
    return new AutoAdapter(workfront, fourMe, cmp, "auto", "name the vendor");
  }

  /**
   * As {@link #of(Adapter, Adapter, Adapter)}, with the wording of the error for a body whose
   * vendor cannot be told: {@code cannot tell the vendor (DETECTION): ...; this one has NAMES; ADVICE}.
   *
   * @param workfront reads payloads with {@code eventType} and {@code newState}, and bodies that are not JSON
   * @param fourMe reads deliveries with {@code event} or {@code jwt}
   * @param cmp reads deliveries with {@code event_name}
   * @param detection how detection was asked for, e.g. {@code --format auto}
   * @param advice how to name the vendor instead, e.g. {@code name the vendor with --format}
   * @return the adapter
   * @throws NullPointerException when an argument is {@code null}
   */
  public static AutoAdapter of(Adapter workfront, Adapter fourMe, Adapter cmp, String detection, String advice) {
    return new AutoAdapter(workfront, fourMe, cmp, detection, advice);
  }

  /** {@code auto}: the events it reads carry the source of the adapter {@link #detect} picked. */
  @Override
  public String source() {
    return "auto";
  }

  /**
   * Reads {@code body} with the adapter {@link #detect} picks for it.
   *
   * @throws InvalidEventException when the vendor cannot be told, or as the picked adapter's {@code read}
   */
  @Override
  public Delivery read(byte[] body, Map<String, List<String>> headers) {
    Objects.requireNonNull(body, "body");
    return detect(body).read(body, headers);
  }

  /**
   * The adapter for {@code body}: one of the three given, by its top-level member names.
   *
   * @param body the delivery body; not {@code null}
   * @return the Workfront, 4me or CMP adapter (the Workfront one for a body that is not JSON)
   * @throws InvalidEventException when the body is empty, not an object, or an object with none of the names
   */
  public Adapter detect(byte[] body) {
    Objects.requireNonNull(body, "body");
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
        if (keys.contains("eventType") && keys.contains("newState")) {
          return workfront; // what the whole body would give (a later syntax error goes to Workfront too): no second pass over it
        }
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
    throw new InvalidEventException(new Problem("", "cannot tell the vendor (" + detection + "): a Workfront payload has eventType "
        + "and newState, a 4me delivery event or jwt, a CMP delivery event_name; this one has " + describe(keys)
        + "; " + advice));
  }

  private static String describe(Set<String> keys) {
    if (keys.isEmpty()) {
      return "no members";
    }
    List<String> sorted = keys.stream().sorted().limit(6).toList();
    return String.join(", ", sorted) + (keys.size() > 6 ? ", ..." : "");
  }

  @Override
  public String toString() {
    return "AutoAdapter[" + workfront.source() + ", " + fourMe.source() + ", " + cmp.source() + "]";
  }
}
