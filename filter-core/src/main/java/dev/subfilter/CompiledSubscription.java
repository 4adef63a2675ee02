package dev.subfilter;

import dev.subfilter.internal.Plan;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A subscription compiled once into a predicate over {@link Event}s: every fieldValue pre-parsed,
 * connectors flattened, cheap checks first. Immutable and thread-safe: one instance may be
 * evaluated from any number of threads at once. Evaluation never throws for any event: absent
 * fields and mismatched types make a filter false, as the semantics table says.
 */
public final class CompiledSubscription {
  private final Subscription subscription;
  private final String objCode;
  private final String eventType;
  private final String objId;
  private final boolean vendorName;
  private final Predicate<Event> filters;
  private final Set<String> stateKeys;

  private CompiledSubscription(Subscription s) {
    this.subscription = s;
    this.objCode = s.objCode();
    this.eventType = s.eventType();
    this.objId = s.objId();
    this.vendorName = !EventNames.isCanonical(eventType);
    Plan plan = Plan.of(s);
    this.filters = plan.compile();
    this.stateKeys = plan.stateKeys();
  }

  /**
   * The top-level keys of {@code newState}/{@code oldState} that {@link #matches} may read: every
   * condition's fieldName ({@code parameterValues} too for a {@code DE:} name), plus {@code objCode}
   * and {@code ID} for the gate. An event whose states hold only these keys (with their full
   * values) matches exactly when the full event does. Unmodifiable; computed once at compile time.
   *
   * @return the keys; never {@code null}
   */
  public Set<String> stateKeys() {
    return stateKeys;
  }

  /**
   * Compiles {@code subscription}; never fails for a valid one.
   *
   * @param subscription the subscription to compile
   * @return its compiled form
   * @throws NullPointerException when {@code subscription} is {@code null}
   */
  public static CompiledSubscription compile(Subscription subscription) {
    return new CompiledSubscription(Objects.requireNonNull(subscription, "subscription"));
  }

  /**
   * The subscription this was compiled from.
   *
   * @return never {@code null}
   */
  public Subscription subscription() {
    return subscription;
  }

  /**
   * Whether {@code event} matches: the same eventType (or, for a subscription naming a vendor
   * event such as {@code task.status-changed}, the same {@link Event#name()}), the same objCode,
   * the same objId when the subscription sets one, and then the filters. Allocates nothing.
   *
   * @param event not {@code null}
   * @return whether it matches
   */
  public boolean matches(Event event) {
    return eventType.equals(vendorName ? event.name() : event.eventType())
        && objCode.equals(event.objCode())
        && (objId == null || objId.equals(event.objId()))
        && filters.test(event);
  }

  /**
   * Why {@code event} matches or not: the gate checks and every filter and group with the value(s)
   * it saw, its result and, when false, the reason in plain words. The filters are evaluated by
   * the same compiled code as {@code matches}, traced (every condition evaluated, none skipped),
   * so {@code explain(e).matched()} always equals {@link #matches matches(e)}. Costlier than
   * {@code matches} (values are copied out of the event for display): for diagnostics and logs,
   * not for every delivery. Never throws for a non-null event.
   *
   * @param event not {@code null}
   * @return the explanation
   * @throws NullPointerException when {@code event} is {@code null}
   */
  public Explanation explain(Event event) {
    Objects.requireNonNull(event, "event");
    return Plan.of(subscription).explain(filters, event);
  }

  @Override
  public String toString() {
    return "CompiledSubscription[" + objCode + " " + eventType + (objId == null ? "" : " " + objId) + "]";
  }
}
