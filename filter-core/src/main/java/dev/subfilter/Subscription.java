package dev.subfilter;

import dev.subfilter.internal.Plan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed, validated event subscription: the gate ({@code objCode}, {@code eventType}, optional
 * {@code objId}) and the filters that decide after it. Immutable and thread-safe. Read one from
 * JSON with {@link SubscriptionParser} (or {@code filter-jackson}), then {@link #compile()} it once.
 *
 * @param objCode the object code, e.g. {@code TASK}; never empty
 * @param eventType {@code CREATE}, {@code UPDATE} or {@code DELETE}; in extended mode also a vendor
 *     event name such as {@code task.status-changed}, compared with {@link Event#name()}
 * @param objId the one object to follow, as text, or {@code null} for all objects
 * @param filterConnector how the top-level filters combine
 * @param filters the top-level filters; empty means every event that passes the gate matches
 * @param carried keys accepted and kept but not matched on ({@code url}, {@code authToken}, {@code
 *     id}, ...), in input order
 */
public record Subscription(
    String objCode,
    String eventType,
    String objId,
    Connector filterConnector,
    List<Filter> filters,
    Map<String, JsonValue> carried) {

  /** The keys a subscription may carry without matching on them. */
  public static final Set<String> CARRIED_KEYS = Set.of(
      "url", "authToken", "base64Encoding", "id", "customerId", "date_created", "date_modified",
      "subscription_url", "version", "subscriptionVersion");

  /**
   * A subscription; {@code filters} and {@code carried} are copied, {@code objCode} and {@code
   * eventType} interned. Only the shape is checked here: what the mode allows (vendor event names,
   * extension operators, group depth) is {@link SubscriptionParser}'s to report.
   *
   * @param objCode the object code; not {@code null} nor empty
   * @param eventType the event type or vendor event name; not {@code null} nor empty
   * @param objId the one object to follow, or {@code null} for all
   * @param filterConnector how the top-level filters combine; not {@code null}
   * @param filters the top-level filters, possibly empty; not {@code null}, nor any of them
   * @param carried the carried keys and values; not {@code null}, each key one of {@link #CARRIED_KEYS}
   * @throws NullPointerException when objCode, eventType, filterConnector, filters (or one of them),
   *     carried (or a key or value of it) is {@code null}
   * @throws IllegalArgumentException when objCode or eventType is empty, or carried holds a key not
   *     in {@link #CARRIED_KEYS}
   */
  public Subscription {
    Objects.requireNonNull(objCode, "objCode");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(filterConnector, "filterConnector");
    if (objCode.isEmpty() || eventType.isEmpty()) {
      throw new IllegalArgumentException("objCode and eventType must not be empty");
    }
    objCode = objCode.intern(); // a few distinct values across thousands of subscriptions: one copy each
    eventType = eventType.intern();
    filters = List.copyOf(filters);
    Map<String, JsonValue> copy = SmallMap.copyOf(carried);
    for (String k : copy.keySet()) {
      if (!CARRIED_KEYS.contains(k)) {
        throw new IllegalArgumentException("cannot carry key \"" + k + "\"; carried keys are " + CARRIED_KEYS);
      }
    }
    carried = copy;
  }

  /**
   * A subscription with these filters, combined with AND, carrying nothing.
   *
   * @param objCode the object code, e.g. {@code TASK}; not {@code null} nor empty
   * @param eventType {@code CREATE}, {@code UPDATE}, {@code DELETE} or a vendor event name; not
   *     {@code null} nor empty
   * @param filters the top-level filters, none or more; none of them {@code null}
   * @return the subscription, for every object (no objId)
   * @throws NullPointerException when objCode, eventType or a filter is {@code null}
   * @throws IllegalArgumentException when objCode or eventType is empty
   */
  public static Subscription of(String objCode, String eventType, Filter... filters) {
    return new Subscription(objCode, eventType, null, Connector.AND, List.of(filters), Map.of());
  }

  /**
   * Compiles this subscription; see {@link CompiledSubscription#compile}.
   *
   * @return the compiled subscription; never {@code null}
   */
  public CompiledSubscription compile() {
    return CompiledSubscription.compile(this);
  }

  /**
   * This subscription as Workfront JSON, every default written out; parsing it gives an equal subscription.
   *
   * @return a JSON object: the gate, {@code filterConnector}, {@code filters} and the carried keys;
   *     never {@code null}
   */
  public JsonValue toJson() {
    return Plan.of(this).toJson();
  }
}
