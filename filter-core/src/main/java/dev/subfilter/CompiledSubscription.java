package dev.subfilter;

import dev.subfilter.internal.Canon;
import dev.subfilter.internal.Compiler;
import dev.subfilter.internal.Explainer;
import dev.subfilter.internal.Matcher;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A subscription compiled once into a predicate over {@link Event}s: every fieldValue pre-parsed,
 * connectors flattened, cheap checks first. Immutable and thread-safe: one instance may be
 * evaluated from any number of threads at once. Evaluation never throws for any event: absent
 * fields and mismatched types make a filter false, as the semantics table says.
 */
public final class CompiledSubscription {
  /** Subscriptions from one template read the same keys: one shared set per distinct key set. */
  private static final Canon<Set<String>> KEY_SETS = new Canon<>(4096);

  private final Subscription subscription;
  private final String objCode;
  private final String eventType;
  private final String objId;
  private final boolean vendorName;
  private final Matcher filters;
  private final Set<String> stateKeys;

  private CompiledSubscription(Subscription s) {
    this.subscription = s;
    this.objCode = s.objCode();
    this.eventType = s.eventType();
    this.objId = s.objId();
    this.vendorName = !EventNames.isCanonical(eventType);
    this.filters = Compiler.compile(s.filterConnector(), s.filters());
    Set<String> keys = new LinkedHashSet<>();
    keys.add("objCode");
    keys.add("ID");
    Deque<Filter> todo = new ArrayDeque<>(s.filters());
    while (!todo.isEmpty()) {
      Filter f = todo.pop();
      if (f instanceof Filter.Group g) {
        todo.addAll(g.filters());
      } else if (f instanceof Filter.Condition c) {
        keys.add(c.fieldName());
        if (c.fieldName().startsWith("DE:")) {
          keys.add("parameterValues");
        }
      }
    }
    this.stateKeys = KEY_SETS.of(Set.copyOf(keys));
  }

  /**
   * The top-level keys of {@code newState}/{@code oldState} that {@link #matches} may read: every
   * condition's fieldName ({@code parameterValues} too for a {@code DE:} name), plus {@code objCode}
   * and {@code ID} for the gate. An event whose states hold only these keys (with their full
   * values) matches exactly when the full event does. Unmodifiable; computed once at compile time.
   */
  public Set<String> stateKeys() {
    return stateKeys;
  }

  /** Compiles {@code subscription}; never fails for a valid one. */
  public static CompiledSubscription compile(Subscription subscription) {
    return new CompiledSubscription(Objects.requireNonNull(subscription, "subscription"));
  }

  /** The subscription this was compiled from. */
  public Subscription subscription() {
    return subscription;
  }

  /**
   * Whether {@code event} matches: the same eventType (or, for a subscription naming a vendor
   * event such as {@code task.status-changed}, the same {@link Event#name()}), the same objCode,
   * the same objId when the subscription sets one, and then the filters.
   *
   * @param event not {@code null}
   */
  public boolean matches(Event event) {
    return eventType.equals(vendorName ? event.name() : event.eventType())
        && objCode.equals(event.objCode())
        && (objId == null || objId.equals(event.objId()))
        && filters.matches(event);
  }

  /**
   * Why {@code event} matches or not: the gate checks and every filter and group with the value(s)
   * it saw, its result and, when false, the reason in plain words. {@code explain(e).matched()}
   * always equals {@link #matches matches(e)}, and each node's result is computed by the same
   * compiled code. Costlier than {@code matches} (each filter is compiled again and values are
   * copied out of the event): for diagnostics and logs, not for every delivery. Never throws for
   * a non-null event.
   *
   * @param event not {@code null}
   */
  public Explanation explain(Event event) {
    Objects.requireNonNull(event, "event");
    return Explainer.explain(subscription, filters, matches(event), event);
  }

  @Override
  public String toString() {
    return "CompiledSubscription[" + objCode + " " + eventType + (objId == null ? "" : " " + objId) + "]";
  }
}
