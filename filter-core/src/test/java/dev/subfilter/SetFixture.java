package dev.subfilter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Subscriptions and events for the concurrency tests of {@link SubscriptionSet}: each subscription
 * is indexed another way (objId pin, eq key, contains text, an OR under two keys, the fallback
 * list, another bucket), so that writers change every part of the index; and the sequential
 * answer, one subscription at a time.
 */
final class SetFixture {
  private SetFixture() {}

  static final List<CompiledSubscription> SUBSCRIPTIONS = subscriptions();
  static final List<Event> EVENTS = events();
  static final List<String> IDS = List.of("a", "b", "c", "d");

  /** The subscriptions, compiled anew (Lincheck's tests hold their own: no static state to track). */
  static List<CompiledSubscription> subscriptions() {
    return List.of(
      sub(null, Connector.AND, eq("status", "CUR")),
      sub(null, Connector.AND, Filter.Condition.of("name", Operator.CONTAINS, JsonValue.of("again"))),
      sub("t1", Connector.AND),
      sub(null, Connector.OR, eq("status", "DONE"), eq("owner", "u1")),
      sub(null, Connector.AND, Filter.Condition.of("priority", Operator.GTE, new JsonValue.Num(BigDecimal.valueOf(2)))),
      Subscription.of("PROJ", "UPDATE", eq("status", "CUR")).compile(),
      sub(null, Connector.AND, new Filter.Condition("status", Operator.CHANGED, null, State.NEW_STATE)));
  }

  static List<Event> events() {
    return List.of(
      task("t1", Map.of("status", "CUR", "name", "do it again", "priority", 3), Map.of("status", "NEW")),
      task("t2", Map.of("status", "DONE", "owner", "u1"), Map.of("status", "DONE")),
      task("t3", Map.of("name", "again and again", "priority", 1), null),
      Event.workfront(JsonModel.JAVA, "UPDATE", Map.of("objCode", "PROJ", "ID", "p1", "status", "CUR"), Map.of()).build());
  }

  private static Filter.Condition eq(String field, String value) {
    return Filter.Condition.of(field, Operator.EQ, JsonValue.of(value));
  }

  private static CompiledSubscription sub(String objId, Connector c, Filter... filters) {
    return new Subscription("TASK", "UPDATE", objId, c, List.of(filters), Map.of()).compile();
  }

  private static Event task(String id, Map<String, Object> newState, Map<String, Object> oldState) {
    Map<String, Object> n = new LinkedHashMap<>(newState);
    n.put("objCode", "TASK");
    n.put("ID", id);
    return Event.workfront(JsonModel.JAVA, "UPDATE", n, oldState).build();
  }

  /** The ids of {@code held} (insertion order) whose subscription matches {@code e}: one by one, no index. */
  static List<String> oneByOne(Map<String, CompiledSubscription> held, Event e) {
    List<String> out = new ArrayList<>();
    held.forEach((id, s) -> {
      if (s.matches(e)) {
        out.add(id);
      }
    });
    return out;
  }

  /** The union of the state keys of {@code held}. */
  static Set<String> stateKeys(Map<String, CompiledSubscription> held) {
    Set<String> out = new TreeSet<>();
    held.values().forEach(s -> out.addAll(s.stateKeys()));
    return out;
  }

  /** {@code e} with its states holding only {@code keys} (and objCode and ID): what a streaming reader keeps. */
  @SuppressWarnings("unchecked")
  static Event pruned(Event e, Set<String> keys) {
    Map<String, Object> n = prune((Map<String, Object>) e.newState(), keys);
    Map<String, Object> o = e.oldState() == null ? null : prune((Map<String, Object>) e.oldState(), keys);
    return Event.workfront(JsonModel.JAVA, e.eventType(), n, o).build();
  }

  private static Map<String, Object> prune(Map<String, Object> state, Set<String> keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    state.forEach((k, v) -> {
      if (keys.contains(k) || k.equals("objCode") || k.equals("ID")) {
        out.put(k, v);
      }
    });
    return out;
  }
}
