package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A change never writes into a snapshot a reader holds: {@link SubscriptionSet#readAndMatch} takes
 * its snapshot, the reader changes the set, and the answer is still the old snapshot's. Each
 * placement (eq and contains listings sharing one (state, path), a pinned objId, the fallback), on
 * add, replace and remove; a list shared between snapshots would let the change show through.
 */
class SnapshotIsolationTest {
  private static Map<String, Object> state(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objCode", "TASK");
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static CompiledSubscription sub(String objId, Filter... filters) {
    return new Subscription("TASK", "UPDATE", objId, Connector.AND, List.of(filters), Map.of()).compile();
  }

  private static Filter eq(String field, Object v) {
    return Filter.Condition.of(field, Operator.EQ, JsonValue.fromJava(v));
  }

  private static Filter contains(String field, Object v) {
    return Filter.Condition.of(field, Operator.CONTAINS, JsonValue.fromJava(v));
  }

  /** Two of each placement, so that removing one leaves its list non-empty (the list is copied, not dropped). */
  private static SubscriptionSet set() {
    SubscriptionSet s = new SubscriptionSet();
    s.add("eqX", sub(null, eq("name", "x")));
    s.add("eqY", sub(null, eq("name", "y")));
    s.add("oldEqX", sub(null, Filter.Condition.of("name", Operator.EQ, JsonValue.of("x"), State.OLD_STATE)));
    s.add("cA", sub(null, contains("title", "alpha")));
    s.add("cB", sub(null, contains("title", "beta")));
    s.add("pin1", sub("1", eq("n", 1)));
    s.add("pin1b", sub("1", eq("n", 2)));
    s.add("fb1", sub(null, Filter.Condition.of("n", Operator.GT, JsonValue.of(0))));
    s.add("fb2", sub(null, Filter.Condition.of("n", Operator.LT, JsonValue.of(5))));
    return s;
  }

  private static List<Event> events() {
    List<Event> es = new ArrayList<>();
    for (Object name : new Object[] {"x", "y", "z"}) {
      for (Object title : new Object[] {"alpha", "beta gamma", "alphabeta", "none"}) {
        for (Object id : new Object[] {"1", "2"}) {
          for (Object n : new Object[] {1L, 2L, 7L}) {
            es.add(Event.workfront(JsonModel.JAVA, "UPDATE", state("ID", id, "name", name, "title", title, "n", n),
                state("ID", id, "name", name)).build());
          }
        }
      }
    }
    return es;
  }

  private static void changeInsideReadIsNotSeen(String what, Consumer<SubscriptionSet> change) {
    for (Event e : events()) {
      SubscriptionSet s = set();
      List<String> before = s.match(e);
      List<String> during = s.readAndMatch(keys -> {
        change.accept(s);
        return e;
      });
      assertThat(during).as("%s, the snapshot taken before it", what).isEqualTo(before);
      List<String> oneByOne = new ArrayList<>();
      for (String id : s.ids()) {
        if (s.get(id).matches(e)) {
          oneByOne.add(id);
        }
      }
      assertThat(s.match(e)).as("%s, afterwards", what).isEqualTo(oneByOne);
    }
  }

  @Test
  void readAndMatch_removeDuringRead_answersFromTheSnapshotBefore() {
    for (String id : List.of("eqX", "eqY", "oldEqX", "cA", "cB", "pin1", "pin1b", "fb1", "fb2")) {
      changeInsideReadIsNotSeen("remove " + id, s -> assertThat(s.remove(id)).isTrue());
    }
  }

  @Test
  void readAndMatch_addDuringRead_answersFromTheSnapshotBefore() {
    changeInsideReadIsNotSeen("add eq", s -> s.add("eqZ", sub(null, eq("name", "z"))));
    changeInsideReadIsNotSeen("add eq x again", s -> s.add("eqX2", sub(null, eq("name", "x"))));
    changeInsideReadIsNotSeen("add contains", s -> s.add("cG", sub(null, contains("title", "gamma"))));
    changeInsideReadIsNotSeen("add pinned", s -> s.add("pin1c", sub("1", eq("n", 7))));
    changeInsideReadIsNotSeen("add pinned elsewhere", s -> s.add("pin2", sub("2", eq("n", 7))));
    changeInsideReadIsNotSeen("add fallback", s -> s.add("fb3", sub(null, Filter.Condition.of("n", Operator.GTE, JsonValue.of(7)))));
  }

  @Test
  void readAndMatch_replaceDuringRead_answersFromTheSnapshotBefore() {
    changeInsideReadIsNotSeen("replace eq by eq", s -> s.replace("eqX", sub(null, eq("name", "z"))));
    changeInsideReadIsNotSeen("replace contains by contains", s -> s.replace("cA", sub(null, contains("title", "gamma"))));
    changeInsideReadIsNotSeen("replace pinned", s -> s.replace("pin1", sub("1", eq("n", 7))));
    changeInsideReadIsNotSeen("replace fallback by eq", s -> s.replace("fb1", sub(null, eq("name", "y"))));
    changeInsideReadIsNotSeen("replace eq by fallback", s -> s.replace("eqY", sub(null, Filter.Condition.of("n", Operator.GT, JsonValue.of(1)))));
  }
}
