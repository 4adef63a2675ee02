package dev.subfilter.jackson;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Workfront event subscription payloads (base64 states included); see {@link
 * SubfilterJson#readWorkfrontEvent(com.fasterxml.jackson.databind.JsonNode)}. Workfront signs
 * nothing: it sends the subscription's {@code authToken}, which the service checks itself.
 * Immutable and thread-safe.
 */
public final class WorkfrontAdapter implements Adapter {
  private final SubfilterJson json;

  /** With default limits. */
  public WorkfrontAdapter() {
    this(SubfilterJson.create());
  }

  /**
   * An adapter reading with {@code json}'s limits.
   *
   * @param json the reader; not {@code null}
   */
  public WorkfrontAdapter(SubfilterJson json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public String source() {
    return "workfront";
  }

  @Override
  public Delivery read(byte[] body, Map<String, List<String>> headers) {
    return new Delivery.Received(json.readWorkfrontEvent(json.readPayload(body)));
  }
}
