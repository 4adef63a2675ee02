package dev.subfilter;

import static dev.subfilter.SubscriptionSetTest.cond;
import static dev.subfilter.SubscriptionSetTest.eq;
import static dev.subfilter.SubscriptionSetTest.pinned;
import static dev.subfilter.SubscriptionSetTest.sub;
import static dev.subfilter.SubscriptionSetTest.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SubscriptionSet#stats}: placements, unindexed subscriptions and why, keys per field, samples, the gate warning. */
class SetStatsTest {

  private static SubscriptionSet examples() {
    SubscriptionSet set = new SubscriptionSet();
    set.add("by-owner", sub(eq("ownerID", JsonValue.of("u1")), cond("priority", Operator.GTE, JsonValue.of(3), State.NEW_STATE)));
    set.add("by-owner-2", sub(eq("ownerID", JsonValue.of("u2"))));
    set.add("by-name", sub(cond("name", Operator.CONTAINS, JsonValue.of("again"), State.NEW_STATE)));
    set.add("either", sub(Connector.OR, eq("ownerID", JsonValue.of("u3")), eq("projectID", JsonValue.of("p1"))));
    set.add("pinned", pinned("t9"));
    set.add("ranges", sub(cond("priority", Operator.GTE, JsonValue.of(3), State.NEW_STATE)));
    set.add("or-with-range", sub(Connector.OR, eq("ownerID", JsonValue.of("u4")), cond("status", Operator.NE, JsonValue.of("CPL"), State.NEW_STATE)));
    set.add("everything", sub());
    set.add("not-contains", sub(cond("name", Operator.NOT_CONTAINS, JsonValue.of("x"), State.NEW_STATE)));
    set.add("or-without-key", sub(Connector.OR, eq("ownerID", JsonValue.of("u5")), cond("name", Operator.NOT_CONTAINS, JsonValue.of("z"), State.NEW_STATE)));
    return set;
  }

  @Test
  void stats_placements_countEachIndexStructure() {
    SetStats s = examples().stats();

    assertThat(s.subscriptions()).isEqualTo(10);
    assertThat(s.pinned()).isEqualTo(1);
    assertThat(s.eq()).isEqualTo(2);
    assertThat(s.contains()).isEqualTo(1);
    assertThat(s.severalLists()).isEqualTo(2); // either; or-with-range (ownerID's eq, status's presence for the ne)
    assertThat(s.loose()).isEqualTo(1); // ranges
    assertThat(s.evaluatedForEveryEvent()).isEqualTo(3);
    assertThat(s.candidatesPerEvent()).isNaN();
    assertThat(s.samples()).isNull();
    assertThat(s.retainedBytesEstimate()).isPositive();
  }

  @Test
  void stats_unindexed_nameTheFilterAndWhy() {
    List<SetStats.Unindexed> u = examples().stats().unindexed();

    assertThat(u).extracting(SetStats.Unindexed::id).containsExactly("everything", "not-contains", "or-without-key");
    assertThat(u.get(1)).isEqualTo(new SetStats.Unindexed("not-contains", "TASK UPDATE", "/filters",
        "none of its filters is indexed (eq, in, contains, startsWith, endsWith, like, notIn, ne, ranges, changed, exists or notExists): "
            + "/filters/0 name notContains \"x\" (notContains is not indexed)"));
    assertThat(u.get(2).pointer()).isEqualTo("/filters/1");
    assertThat(u.get(2).reason()).isEqualTo("an OR branch without an index key: name notContains \"z\" (notContains is not indexed)");
    assertThat(u.get(0).reason()).isEqualTo("no filters: every event of the gate matches");
  }

  @Test
  void stats_fields_distinctKeysAndListings() {
    List<SetStats.IndexedField> f = examples().stats().fields();

    assertThat(f).contains(new SetStats.IndexedField("TASK UPDATE", "eq", "newState", "ownerID", 4, 4),
        new SetStats.IndexedField("TASK UPDATE", "eq", "newState", "projectID", 1, 1),
        new SetStats.IndexedField("TASK UPDATE", "contains", "newState", "name", 1, 1),
        new SetStats.IndexedField("TASK UPDATE", "range", "newState", "priority", 1, 1),
        new SetStats.IndexedField("TASK UPDATE", "present", "newState", "status", 1, 1));
  }

  @Test
  void stats_samples_candidatesPerEventAndMostEvaluatedWithoutMatch() {
    List<Event> samples = List.of(
        task("ID", "t1", "ownerID", "u1", "priority", 1, "name", "x"),
        task("ID", "t2", "ownerID", "u2", "priority", 5, "name", "do it again"),
        task("ID", "t9", "ownerID", "u9", "priority", 0, "name", "y"));

    SetStats s = examples().stats(samples);

    // t1: by-owner + 3 fallbacks; t2: by-owner-2, by-name, ranges (priority 5 >= 3) + 3; t9: pinned + 3 (no status: or-with-range's
    // presence listing is not reached)
    assertThat(s.samples().events()).isEqualTo(3);
    assertThat(s.samples().candidates()).isEqualTo(14);
    assertThat(s.candidatesPerEvent()).isEqualTo(14 / 3.0);
    assertThat(s.samples().byList()).containsEntry("fallback", 9L).containsEntry("eq", 2L).containsEntry("contains", 1L)
        .containsEntry("pinned", 1L).containsEntry("range", 1L).doesNotContainKey("changed");
    assertThat(s.samples().mostEvaluatedWithoutMatch()).containsExactly(new SetStats.Evaluated("by-owner", 1, 0),
        new SetStats.Evaluated("not-contains", 3, 2));
    assertThat(s.samples().matches()).isEqualTo(examples().match(samples.get(0)).size() + examples().match(samples.get(1)).size()
        + examples().match(samples.get(2)).size());
  }

  @Test
  void stats_manyUnindexedInOneGate_warns() {
    SubscriptionSet set = new SubscriptionSet();
    List<String> none = new ArrayList<>();
    for (int i = 0; i < SetStats.MANY_UNINDEXED; i++) {
      set.add("r" + i, sub(cond("name", Operator.NOT_CONTAINS, JsonValue.of("w" + i), State.NEW_STATE)));
      none.add("r" + i);
    }
    assertThat(set.stats().warnings()).singleElement().asString()
        .startsWith("TASK UPDATE: 100 subscriptions are evaluated for every event of this gate");
    set.remove("r0");
    assertThat(set.stats().warnings()).isEmpty();
  }

  @Test
  void stats_json_putsTheGuardFiguresFirst() {
    JsonValue.Obj j = examples().stats(List.of(task("ID", "t1", "ownerID", "u1", "priority", 1))).toJson();

    assertThat(new ArrayList<>(j.members().keySet()).subList(0, 3)).containsExactly("subscriptions", "evaluatedForEveryEvent", "candidatesPerEvent");
    assertThat(j.get("evaluatedForEveryEvent")).isEqualTo(JsonValue.of(3));
    assertThat(j.get("loose")).isEqualTo(JsonValue.of(1));
    assertThat(j.get("candidatesPerEvent")).isEqualTo(new JsonValue.Num(new java.math.BigDecimal("4")));
  }
}
