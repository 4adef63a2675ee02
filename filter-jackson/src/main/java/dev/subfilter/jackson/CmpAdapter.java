package dev.subfilter.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subfilter.Event;
import dev.subfilter.EventNames;
import dev.subfilter.Problem;
import dev.subfilter.UnauthenticDeliveryException;
import dev.subfilter.UnauthenticDeliveryException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Optimizely CMP webhook deliveries, {@code {"event_name": ..., "data": {...}}}. The event name's
 * last word gives the eventType ({@code added}/{@code created} CREATE, {@code removed}/{@code
 * deleted} DELETE, anything else UPDATE), the words before it the objCode ({@code
 * work_request_added} is {@code WORK_REQUEST} CREATE); objId is the {@code id} of the data member
 * named by the objCode ({@code data.sub_step.id} for {@code EXTERNAL_SUB_STEP}, {@code
 * data.comment.id} for {@code EXTERNAL_SUB_STEP_COMMENT}); newState is {@code data}; oldState is
 * {@code {}} on CREATE and unknown otherwise. With a callback secret configured, the {@code
 * Callback-Secret} header must equal it (compared in constant time). Immutable and thread-safe.
 */
public final class CmpAdapter implements Adapter {
  private static final Map<String, String> ID_MEMBERS = Map.of(
      "EXTERNAL_SUB_STEP", "sub_step",
      "EXTERNAL_SUB_STEP_COMMENT", "comment");

  private final SubfilterJson json;
  private final byte[] secretDigest;

  private CmpAdapter(SubfilterJson json, String callbackSecret) {
    this.json = Objects.requireNonNull(json, "json");
    this.secretDigest = callbackSecret == null ? null : sha256(callbackSecret);
  }

  /**
   * An adapter with no callback secret: every well-formed delivery is accepted.
   *
   * @return an adapter reading with {@link SubfilterJson#create()}'s limits
   */
  public static CmpAdapter create() {
    return new CmpAdapter(SubfilterJson.create(), null);
  }

  /**
   * An adapter reading with {@code json}'s limits and checking the {@code Callback-Secret} header
   * when a secret is given.
   *
   * @param json the reader whose limits apply; not {@code null}
   * @param callbackSecret the secret configured on the CMP webhook, or {@code null} for none
   * @return the adapter
   * @throws IllegalArgumentException when {@code callbackSecret} is empty
   */
  public static CmpAdapter create(SubfilterJson json, String callbackSecret) {
    if (callbackSecret != null && callbackSecret.isEmpty()) {
      throw new IllegalArgumentException("callbackSecret must not be empty; pass null for no secret");
    }
    return new CmpAdapter(json, callbackSecret);
  }

  @Override
  public String source() {
    return "cmp";
  }

  @Override
  public Delivery read(byte[] body, Map<String, List<String>> headers) {
    checkSecret(headers);
    ObjectNode root = Payloads.object(json.readPayload(body), "", "a CMP delivery object {\"event_name\": ..., \"data\": {...}}");
    String name = EventNames.normalise(Payloads.string(root.get("event_name"), "/event_name", "the CMP event name, e.g. external_sub_step_completed"));
    ObjectNode data = Payloads.object(root.get("data"), "/data", "the event's data object");
    int cut = name.lastIndexOf('_');
    String last = cut < 0 ? "" : name.substring(cut + 1);
    String type = switch (last) {
      case "added", "created" -> "CREATE";
      case "removed", "deleted" -> "DELETE";
      default -> "UPDATE";
    };
    String objCode = (cut < 0 ? name : name.substring(0, cut)).toUpperCase(Locale.ROOT);
    String member = ID_MEMBERS.getOrDefault(objCode, objCode.toLowerCase(Locale.ROOT));
    JsonNode owner = data.get(member);
    String objId = owner != null && owner.isObject() ? Payloads.id(owner.get("id"), "/data/" + member + "/id") : null;
    Event event = Event.builder(JacksonModel.INSTANCE).source("cmp").name(name).eventType(type).objCode(objCode)
        .objId(objId).newState(data).oldState(type.equals("CREATE") ? json.mapper().createObjectNode() : null).build();
    return new Delivery.Received(event);
  }

  private void checkSecret(Map<String, List<String>> headers) {
    if (secretDigest == null) {
      return;
    }
    String given = Headers.first(headers, "Callback-Secret");
    if (given == null) {
      throw new UnauthenticDeliveryException(Reason.MISSING_SECRET,
          new Problem("", "no Callback-Secret header; this CMP webhook is configured with a callback secret"), null);
    }
    if (!MessageDigest.isEqual(secretDigest, sha256(given))) {
      throw new UnauthenticDeliveryException(Reason.WRONG_SECRET,
          new Problem("", "the Callback-Secret header does not equal the configured callback secret"), null);
    }
  }

  /** Digests make the comparison constant-time in the secret's length too. */
  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
