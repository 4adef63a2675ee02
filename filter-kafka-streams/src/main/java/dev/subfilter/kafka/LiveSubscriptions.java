package dev.subfilter.kafka;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Event;
import dev.subfilter.SubscriptionSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only view of the subscriptions a {@link SubfilterRouter} matches against right now: the
 * valid records of the subscriptions topic as this instance has applied them. For health checks
 * and diagnostics; the router's own matching reads the same set. Every call reads the current
 * snapshot (see {@link SubscriptionSet}); thread-safe, never locks.
 */
public final class LiveSubscriptions {
  private final SubscriptionSet set;

  LiveSubscriptions(SubscriptionSet set) {
    this.set = Objects.requireNonNull(set, "set");
  }

  /** @return how many subscriptions are live */
  public int size() {
    return set.size();
  }

  /** @return the live ids in the order they were first applied: an unmodifiable copy */
  public List<String> ids() {
    return set.ids();
  }

  /**
   * @param id a subscription id
   * @return the compiled subscription live under {@code id}, or {@code null}
   * @throws NullPointerException when {@code id} is {@code null}
   */
  public CompiledSubscription get(String id) {
    return set.get(id);
  }

  /**
   * @param event an event
   * @return the ids of the live subscriptions that {@code event} matches, as the router would deliver them
   * @throws NullPointerException when {@code event} is {@code null}
   */
  public List<String> match(Event event) {
    return set.match(event);
  }

  /** @return the state keys the live subscriptions read ({@link SubscriptionSet#stateKeys()}) */
  public Set<String> stateKeys() {
    return set.stateKeys();
  }

  @Override
  public String toString() {
    return "LiveSubscriptions[" + size() + "]";
  }
}
