package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conditions a funnel evaluates outside the index (ranges, {@code ne}, {@code exists},
 * {@code notExists}, {@code changed}), and the date-times it reads once per field for all the
 * ranges on it: on edge values, each subscription's funnel counts exactly the events {@link
 * CompiledSubscription#matches} matches.
 */
class FunnelEdgesTest {
  private static final List<Object> VALUES = List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000000001Z",
      "2026-01-01T00:00:00.5Z", "2026-01-01T01:00:00+01:00", "2025-12-31T23:59:59.999999999Z", "2026-01-01T00:00:01Z",
      "2026-13-01T00:00:00Z", "not a date", "", "10", 10L, new BigDecimal("9.5"), true, List.of("2026-01-01T00:00:00Z"),
      Map.of("a", 1));

  private static final List<Object> CONSTANTS = List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z",
      "2026-01-01T00:00:00.000000001+00:00", "not a date", "10", 10, "2026-13-01T00:00:00Z");

  @Test
  void report_directConditions_countExactlyWhatMatches() {
    Map<String, CompiledSubscription> subs = new LinkedHashMap<>();
    int n = 0;
    for (Operator op : List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE, Operator.NE)) {
      for (Object c : CONSTANTS) {
        for (State state : State.values()) {
          Filter.Condition f = Filter.Condition.of("x", op, JsonValue.fromJava(c), state);
          subs.put("s" + n++, Subscription.of("TASK", "UPDATE", f).compile());
        }
      }
    }
    for (Operator op : List.of(Operator.EXISTS, Operator.NOT_EXISTS, Operator.CHANGED)) {
      for (State state : State.values()) {
        subs.put("s" + n++, Subscription.of("TASK", "UPDATE", Filter.Condition.of("x", op, null, state)).compile());
      }
    }
    List<Event> events = new ArrayList<>();
    List<Object> states = new ArrayList<>(VALUES);
    states.add(null); // absent
    for (Object now : states) {
      for (Object before : List.of(VALUES.get(0), VALUES.get(7))) {
        events.add(Event.workfront(JsonModel.JAVA, "UPDATE", state(now), state(before)).build());
      }
      events.add(Event.workfront(JsonModel.JAVA, "UPDATE", state(now), null).build()); // old state unknown
    }
    Funnel funnel = Funnel.of(subs);
    events.forEach(funnel::add);

    for (Funnel.Entry got : funnel.report().subscriptions()) {
      CompiledSubscription s = subs.get(got.id());
      long want = events.stream().filter(s::matches).count();
      assertThat(got.matched()).as("%s", s.subscription().toJson()).isEqualTo(want);
      assertThat(got.gatePassed()).isEqualTo(events.size());
    }
    assertThat(funnel.report().subscriptions()).extracting(Funnel.Entry::matched).contains(0L)
        .anySatisfy(m -> assertThat(m).isPositive());
  }

  private static Map<String, Object> state(Object x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objCode", "TASK");
    if (x != null) {
      m.put("x", x);
    }
    return m;
  }
}
