package dev.subfilter;

import dev.subfilter.internal.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why subscriptions fire rarely, over a corpus of events: for each subscription, how many events
 * were read, passed its gate and matched, and for the rest its <em>rejection funnel</em>: for each
 * filter and group, how many events it rejected, how many it alone rejected (near misses: had it
 * held, the subscription would have matched), and the values seen at its field in those near
 * misses. The library side of {@code subfilter explain --summary}.
 *
 * <pre>{@code
 * Funnel funnel = Funnel.of(subscriptionsById);   // ids -> compiled subscriptions
 * for (Event e : events) {
 *   funnel.add(e);
 * }
 * Funnel.Report report = funnel.report();
 * }</pre>
 *
 * <h2>What is counted</h2>
 *
 * Every count is of events that passed the subscription's gate (eventType or vendor name, objCode,
 * and objId when it sets one). A filter <em>rejected</em> an event when it is false and so is every
 * group above it up to the top-level filters: what {@code explain} shows as a chain of {@code FAIL}s.
 * It <em>alone</em> rejected it (a near miss) when the subscription did not match and would have,
 * had this filter held; under a top-level AND that is "every other filter held". Each condition's
 * result comes from the compiled subscription's own conditions (each distinct condition of a gate is
 * evaluated once per event, through a {@link SubscriptionSet} of them, so an index narrows down which
 * are evaluated); groups combine their children's results as the subscription's connectors say, and
 * {@link Entry#matched()} equals the number of events {@link CompiledSubscription#matches} holds for.
 *
 * <h2>Costs</h2>
 *
 * {@link #add} costs a match of the event against the distinct conditions of its gate, then a few
 * bit operations per subscription of that gate that cannot be grouped: subscriptions whose top-level
 * AND has an {@code eq} or {@code contains} condition are counted in groups sharing the rest of their
 * filters, and one by one only for the events where that condition holds. Memory is bounded: the
 * distinct result patterns seen per subscription, and per field at most {@link #MAX_DISTINCT_VALUES}
 * distinct values. Over 1,000,000 events and 10,000 subscriptions see the README's figure.
 *
 * <p>Not thread-safe: feed one funnel from one thread (or one funnel per thread). {@link #report}
 * may be called at any time, and again after more events. No method accepts {@code null}.
 */
public final class Funnel {
  /**
   * How many distinct values of one field (across all subscriptions) the near-miss tallies tell
   * apart; a value first seen after that many is counted in {@link FilterRow#otherNearMissValues()}.
   */
  public static final int MAX_DISTINCT_VALUES = 1_000;

  /** How many values {@link FilterRow#nearMissValues()} lists at most. */
  public static final int TOP_VALUES = 5;

  private final Running<Event, Report> counter;
  private long events;

  private Funnel(Map<String, CompiledSubscription> subscriptions) {
    this.counter = Running.of(Plan.funnel(subscriptions, MAX_DISTINCT_VALUES));
  }

  /**
   * A funnel over these subscriptions, reported in the map's iteration order.
   *
   * @param subscriptions compiled subscriptions by id
   * @return an empty funnel: no event added yet
   * @throws NullPointerException when the map, an id or a subscription is {@code null}
   */
  public static Funnel of(Map<String, CompiledSubscription> subscriptions) {
    Objects.requireNonNull(subscriptions, "subscriptions");
    Map<String, CompiledSubscription> copy = new LinkedHashMap<>();
    subscriptions.forEach((id, s) -> copy.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(s, "subscription")));
    return new Funnel(copy);
  }

  /**
   * Counts one event for every subscription. Never throws for a non-null event.
   *
   * @param event the event
   * @throws NullPointerException when {@code event} is {@code null}
   */
  public void add(Event event) {
    counter.add(Objects.requireNonNull(event, "event"));
    events++;
  }

  /**
   * The number of events added so far.
   *
   * @return the count, every event added (those that passed no subscription's gate too)
   */
  public long events() {
    return events;
  }

  /**
   * The funnel of every subscription over the events added so far.
   *
   * @return an immutable report
   */
  public Report report() {
    return counter.result();
  }

  /**
   * The funnels of all subscriptions.
   *
   * @param events the events read
   * @param subscriptions one entry per subscription, in the order given to {@link #of}
   */
  public record Report(long events, List<Entry> subscriptions) {
    /**
     * Copies the entries.
     *
     * @param events: as the record component says
     * @param subscriptions: as the record component says
     * @throws NullPointerException when {@code subscriptions} or an entry is {@code null}
     */
    public Report {
      subscriptions = List.copyOf(subscriptions);
    }

    /**
     * The entry of {@code id}.
     *
     * @param id a subscription id
     * @return its entry, or {@code null}
     */
    public Entry get(String id) {
      for (Entry e : subscriptions) {
        if (e.id().equals(id)) {
          return e;
        }
      }
      return null;
    }

    /**
     * As JSON: {@code {"events", "subscriptions": [{"id", "gate", "gatePassed", "matched",
     * "filters": [{"pointer", "description", "kind", "rejected", "nearMisses", "nearMissValues":
     * [{"value", "count"}], "otherNearMissValues"}]}]}}.
     *
     * @return the report as a JSON object
     */
    public JsonValue.Obj toJson() {
      List<JsonValue> subs = new ArrayList<>();
      for (Entry e : subscriptions) {
        subs.add(e.toJson());
      }
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("events", JsonValue.of(events));
      m.put("subscriptions", new JsonValue.Arr(subs));
      return new JsonValue.Obj(m);
    }
  }

  /**
   * One subscription's funnel.
   *
   * @param id its id
   * @param gate its gate as text, e.g. {@code TASK UPDATE} or {@code TASK task.status-changed objId 5231}
   * @param gatePassed the events that passed its gate
   * @param matched the events it matched
   * @param filters one row per filter and group, in the order written (depth first)
   */
  public record Entry(String id, String gate, long gatePassed, long matched, List<FilterRow> filters) {
    /**
     * Checks the parts and copies the rows.
     *
     * @param id: as the record component says
     * @param gate: as the record component says
     * @param gatePassed: as the record component says
     * @param matched: as the record component says
     * @param filters: as the record component says
     * @throws NullPointerException when {@code id}, {@code gate}, {@code filters} or a row is {@code null}
     */
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(gate, "gate");
      filters = List.copyOf(filters);
    }

    /**
     * The events that passed the gate and did not match.
     *
     * @return {@code gatePassed() - matched()}
     */
    public long rejected() {
      return gatePassed - matched;
    }

    JsonValue.Obj toJson() {
      List<JsonValue> rows = new ArrayList<>();
      for (FilterRow r : filters) {
        rows.add(r.toJson());
      }
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("id", JsonValue.of(id));
      m.put("gate", JsonValue.of(gate));
      m.put("gatePassed", JsonValue.of(gatePassed));
      m.put("matched", JsonValue.of(matched));
      m.put("filters", new JsonValue.Arr(rows));
      return new JsonValue.Obj(m);
    }
  }

  /**
   * One filter or group of a subscription.
   *
   * @param pointer its JSON Pointer, e.g. {@code /filters/1}
   * @param description what it says, as {@code explain} writes it: {@code status eq "CPL"}, {@code group OR}
   * @param group whether it is a group
   * @param rejected the events it rejected: it and every group above it false
   * @param nearMisses the events only it rejected: had it held, the subscription would have matched
   * @param nearMissValues for a condition, the commonest values its field had in those near misses
   *     (at most {@link #TOP_VALUES}, commonest first), as {@code explain} shows them ({@code "INP"},
   *     {@code (absent)}, {@code (old state unknown)}); empty for a group
   * @param otherNearMissValues near misses whose value is not in {@code nearMissValues}
   */
  public record FilterRow(String pointer, String description, boolean group, long rejected, long nearMisses,
      List<Values.Count> nearMissValues, long otherNearMissValues) {
    /**
     * Checks the parts and copies the values.
     *
     * @param pointer: as the record component says
     * @param description: as the record component says
     * @param group: as the record component says
     * @param rejected: as the record component says
     * @param nearMisses: as the record component says
     * @param nearMissValues: as the record component says
     * @param otherNearMissValues: as the record component says
     * @throws NullPointerException when {@code pointer}, {@code description}, {@code nearMissValues} or one of them is {@code null}
     */
    public FilterRow {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(description, "description");
      nearMissValues = List.copyOf(nearMissValues);
    }

    JsonValue.Obj toJson() {
      List<JsonValue> values = new ArrayList<>();
      for (Values.Count c : nearMissValues) {
        Map<String, JsonValue> v = new LinkedHashMap<>();
        v.put("value", JsonValue.of(c.value()));
        v.put("count", JsonValue.of(c.count()));
        values.add(new JsonValue.Obj(v));
      }
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("pointer", JsonValue.of(pointer));
      m.put("description", JsonValue.of(description));
      m.put("kind", JsonValue.of(group ? "group" : "condition"));
      m.put("rejected", JsonValue.of(rejected));
      m.put("nearMisses", JsonValue.of(nearMisses));
      m.put("nearMissValues", new JsonValue.Arr(values));
      m.put("otherNearMissValues", JsonValue.of(otherNearMissValues));
      return new JsonValue.Obj(m);
    }
  }

  /**
   * A tally of values, for reports.
   *
   * @param top the commonest values, commonest first (equal counts by value)
   * @param other how many tallied values are not in {@code top}
   */
  public record Values(List<Count> top, long other) {
    /**
     * Copies the values.
     *
     * @param top: as the record component says
     * @param other: as the record component says
     * @throws NullPointerException when {@code top} or one of its counts is {@code null}
     */
    public Values {
      top = List.copyOf(top);
    }

    /**
     * One value and how often it was seen.
     *
     * @param value the value as {@code explain} shows it: JSON text, {@code (absent)} or {@code (old state unknown)}
     * @param count how often
     */
    public record Count(String value, long count) {
      /**
       * Checks the value.
       *
       * @param value: as the record component says
       * @param count: as the record component says
       * @throws NullPointerException when {@code value} is {@code null}
       */
      public Count {
        Objects.requireNonNull(value, "value");
      }
    }
  }
}
