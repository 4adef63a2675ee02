package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.CompiledSubscription;
import dev.subfilter.Connector;
import dev.subfilter.Filter;
import dev.subfilter.JsonValue;
import dev.subfilter.Operator;
import dev.subfilter.State;
import dev.subfilter.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which listings a subscription gets: a cover of its matches, the most selective one. */
class KeyChooserTest {
  private static Filter.Condition eq(String field, Object v) {
    return Filter.Condition.of(field, Operator.EQ, JsonValue.fromJava(v));
  }

  private static Filter.Condition cond(String field, Operator op, Object v, State state) {
    return Filter.Condition.of(field, op, v == null ? null : JsonValue.fromJava(v), state);
  }

  private static Subscription sub(Connector c, Filter... filters) {
    return new Subscription("TASK", "UPDATE", null, c, List.of(filters), Map.of());
  }

  private static Filter.Group group(Connector c, Filter... filters) {
    return new Filter.Group(c, List.of(filters));
  }

  /** The listings chosen for {@code s} in {@code b} (its own conditions counted first), as text; {@code null}: fallback. */
  private static List<String> chosen(Bucket b, Subscription s) {
    Plan plan = Plan.of(s);
    Listing[] l = KeyChooser.choose(b.withCounts(plan, 1), plan);
    return l == null ? null : Arrays.stream(l).map(Listing::toString).toList();
  }

  private static List<String> chosen(Subscription s) {
    return chosen(Bucket.EMPTY, s);
  }

  /** A bucket already counting the eq conditions of {@code others}. */
  private static Bucket counting(Subscription... others) {
    Bucket b = Bucket.EMPTY;
    for (Subscription s : others) {
      b = b.withCounts(Plan.of(s), 1);
    }
    return b;
  }

  @Test
  void choose_and_takesOneRequiredEqOrContains_preferringEq() {
    assertThat(chosen(sub(Connector.AND, cond("name", Operator.CONTAINS, "x", State.NEW_STATE), eq("status", "CUR"))))
        .containsExactly("eq newState status");
    assertThat(chosen(sub(Connector.AND, cond("name", Operator.CONTAINS, "x", State.NEW_STATE), cond("n", Operator.GT, 1, State.NEW_STATE))))
        .containsExactly("contains newState name");
  }

  @Test
  void choose_nothingToLookUp_isFallback() {
    assertThat(chosen(sub(Connector.AND))).as("no filters").isNull();
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.NOT_CONTAINS, "x", State.NEW_STATE),
        cond("t", Operator.CONTAINS_ONLY, List.of("a"), State.NEW_STATE)))).isNull();
    assertThat(chosen(sub(Connector.AND, eq("s", List.of("a", "b"))))).as("eq of an array has no value").isNull();
  }

  @Test
  void choose_looseConditions_rangeBandChangePresenceAbsence() {
    assertThat(chosen(sub(Connector.AND, cond("n", Operator.GT, 1, State.NEW_STATE), cond("s", Operator.NE, "x", State.NEW_STATE))))
        .as("a range before presence").containsExactly("range newState n");
    assertThat(chosen(sub(Connector.AND, cond("n", Operator.GT, 1, State.NEW_STATE), cond("m", Operator.GTE, 0, State.NEW_STATE),
        cond("m", Operator.LT, 9, State.NEW_STATE)))).as("a band before a one-sided range").containsExactly("range newState m");
    assertThat(chosen(sub(Connector.AND, cond("d", Operator.LTE, "2022-12-12T00:00:00Z", State.OLD_STATE))))
        .containsExactly("range/date-time oldState d");
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.GT, "abc", State.NEW_STATE))))
        .as("a string bound compares by code points: the field's presence").containsExactly("present newState s");
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.CHANGED, null, State.NEW_STATE), cond("s", Operator.EXISTS, null, State.NEW_STATE))))
        .containsExactly("changed newState s");
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.EXISTS, null, State.OLD_STATE)))).containsExactly("present oldState s");
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.NOT_EXISTS, null, State.NEW_STATE)))).containsExactly("absent newState s");
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.NOT_EXISTS, null, State.NEW_STATE), eq("status", "CUR"))))
        .as("anything selective first").containsExactly("eq newState status");
  }

  @Test
  void rangeListing_boundsAndBands() {
    Plan plan = Plan.of(sub(Connector.AND, cond("m", Operator.GTE, 2, State.NEW_STATE), cond("m", Operator.LT, "9", State.NEW_STATE),
        cond("m", Operator.GT, 3, State.NEW_STATE)));
    List<Listing> bands = RangeCover.bands(Bucket.EMPTY, plan.filters().terms());
    assertThat(bands).singleElement().satisfies(x -> {
      assertThat(x.lo).isEqualTo(3.0);
      assertThat(x.hi).isEqualTo(9.0);
      assertThat(x.text).as("a numeric string bound: a non-numeric string compares by code points").isTrue();
      assertThat(x.dates).isFalse();
    });
  }

  @Test
  void choose_or_needsAListingPerBranch_sharedOnesListedOnce() {
    assertThat(chosen(sub(Connector.OR, eq("status", "CUR"), eq("ownerID", "u1"))))
        .containsExactly("eq newState status", "eq newState ownerID");
    assertThat(chosen(sub(Connector.OR, eq("status", "CUR"), cond("n", Operator.NOT_CONTAINS, "x", State.NEW_STATE)))).as("a branch without").isNull();
    assertThat(chosen(sub(Connector.OR, eq("status", "CUR"), cond("n", Operator.GT, 1, State.NEW_STATE))))
        .containsExactly("eq newState status", "range newState n");
    assertThat(chosen(sub(Connector.OR, eq("status", "CUR"), group(Connector.AND, eq("status", "CUR"), cond("n", Operator.GT, 1, State.NEW_STATE)))))
        .as("both branches hold status = CUR: one listing").containsExactly("eq newState status");
    assertThat(chosen(sub(Connector.OR, eq("a", 1)))).as("an OR of one is that one").containsExactly("eq newState a");
  }

  @Test
  void choose_requiredOrGroupInsideAnAnd_coversByItsBranches() {
    assertThat(chosen(sub(Connector.AND, cond("n", Operator.NOT_CONTAINS, "x", State.NEW_STATE),
        group(Connector.OR, eq("ownerID", "u1"), cond("tags", Operator.CONTAINS, "t", State.OLD_STATE)))))
        .containsExactly("eq newState ownerID", "contains oldState tags");
  }

  @Test
  void choose_nestedValue_listsOneLeafAtItsPath() {
    JsonValue fields = new JsonValue.Obj(Map.of("fields", new JsonValue.Obj(Map.of("customerID", JsonValue.of("c1")))));
    JsonValue objects = new JsonValue.Obj(Map.of("objects", new JsonValue.Obj(Map.of("projectID", JsonValue.of("p1")))));
    assertThat(chosen(sub(Connector.AND, Filter.Condition.of("data", Operator.EQ, fields)))).containsExactly("eq newState data → customerID");
    assertThat(chosen(sub(Connector.AND, Filter.Condition.of("options", Operator.CONTAINS, objects))))
        .containsExactly("contains newState options[] → projectID");
  }

  @Test
  void choose_prefersTheFieldWithTheRarerValue() {
    Bucket b = counting(sub(Connector.AND, eq("status", "CUR")), sub(Connector.AND, eq("status", "CUR")),
        sub(Connector.AND, eq("ownerID", "u1")), sub(Connector.AND, eq("ownerID", "u2")));
    assertThat(chosen(b, sub(Connector.AND, eq("status", "CUR"), eq("ownerID", "u3")))).containsExactly("eq newState ownerID");
  }

  @Test
  void choose_ties_goToNewStateThenTheLongerText() {
    assertThat(chosen(sub(Connector.AND, cond("s", Operator.EQ, "x", State.OLD_STATE), cond("s", Operator.EQ, "x", State.NEW_STATE))))
        .containsExactly("eq newState s");
    List<String> longer = chosen(sub(Connector.AND, cond("name", Operator.CONTAINS, "ab", State.NEW_STATE),
        cond("note", Operator.CONTAINS, "abcd", State.NEW_STATE)));
    assertThat(longer).containsExactly("contains newState note");
  }

  @Test
  void choose_moreListingsThanTheBound_isFallback() {
    List<Filter> branches = new ArrayList<>();
    for (int i = 0; i <= KeyChooser.MAX_KEYS; i++) {
      branches.add(eq("f" + i, "v"));
    }
    Subscription wide = new Subscription("TASK", "UPDATE", null, Connector.OR, branches, Map.of());
    assertThat(chosen(wide)).isNull();
    Subscription atBound = new Subscription("TASK", "UPDATE", null, Connector.OR, branches.subList(0, KeyChooser.MAX_KEYS), Map.of());
    assertThat(chosen(atBound)).hasSize(KeyChooser.MAX_KEYS);
  }

  @Test
  void countedKeys_countsEveryEqLeaf_atAnyDepth() {
    Subscription s = sub(Connector.OR, eq("status", "CUR"),
        group(Connector.AND, eq("ownerID", 7), cond("n", Operator.GT, 1, State.NEW_STATE)),
        Filter.Condition.of("data", Operator.EQ, new JsonValue.Obj(Map.of("k", JsonValue.of("v"), "z", JsonValue.NULL))));
    List<String> seen = new ArrayList<>();
    KeyChooser.countedKeys(Plan.of(s), (kind, old, path, folded, value) -> seen.add(path + "=" + value));
    assertThat(seen).containsExactlyInAnyOrder("status=CUR", "ownerID=7", "data → k=v", "data → z=null");
    CompiledSubscription.compile(s); // the same plan compiles
  }

  // ------------------------------------------------------------------ the extended operators

  private static Filter.Condition ext(String field, Operator op, Object v, boolean ignoreCase) {
    return Filter.Condition.of(field, op, JsonValue.fromJava(v), State.NEW_STATE, ignoreCase);
  }

  @Test
  void choose_in_listsEveryValueAsAnEq_equalValuesOnce() {
    assertThat(chosen(sub(Connector.AND, ext("status", Operator.IN, List.of("CUR", "NEW", "CUR"), false))))
        .containsExactly("eq newState status", "eq newState status");
    Subscription in = sub(Connector.AND, ext("status", Operator.IN, List.of("CUR", "NEW", 1, true, "1"), false));
    Listing[] l = KeyChooser.choose(Bucket.EMPTY.withCounts(Plan.of(in), 1), Plan.of(in));
    assertThat(Arrays.stream(l).map(x -> x.eqValue).toList()).as("1 and \"1\" share a value").containsExactly("CUR", "NEW", 1L, true);
    assertThat(chosen(sub(Connector.AND, ext("status", Operator.IN, Arrays.asList("a", null), false))))
        .as("null is a value too").hasSize(2);
  }

  @Test
  void choose_inOfManyValues_isListedUnderEach_beyondTheBoundOfOrs() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 3 * KeyChooser.MAX_KEYS; i++) {
      values.add("v" + i);
    }
    assertThat(chosen(sub(Connector.AND, ext("status", Operator.IN, values, false)))).hasSize(values.size());
    assertThat(chosen(sub(Connector.OR, ext("status", Operator.IN, values, false), eq("ownerID", "u1")))).hasSize(values.size() + 1);
  }

  @Test
  void choose_ignoreCase_listsFoldedValuesInFoldedPostings() {
    Subscription s = sub(Connector.AND, ext("name", Operator.EQ, "Design", true));
    assertThat(chosen(s)).containsExactly("eq/ignoreCase newState name");
    Listing[] l = KeyChooser.choose(Bucket.EMPTY.withCounts(Plan.of(s), 1), Plan.of(s));
    assertThat(l[0].eqValue).isEqualTo("design");
    Subscription bool = sub(Connector.AND, ext("flag", Operator.EQ, "TRUE", true));
    assertThat(KeyChooser.choose(Bucket.EMPTY, Plan.of(bool))[0].eqValue).as("\"TRUE\" folded is the boolean's text").isEqualTo(true);
    assertThat(chosen(sub(Connector.AND, ext("name", Operator.CONTAINS, "SIGN", true)))).containsExactly("contains/ignoreCase newState name");
    assertThat(chosen(sub(Connector.AND, ext("name", Operator.STARTS_WITH, "De", true)))).containsExactly("prefix/ignoreCase newState name");
  }

  @Test
  void choose_startsWithEndsWith_listByPrefixAndSuffix() {
    assertThat(chosen(sub(Connector.AND, ext("name", Operator.STARTS_WITH, "Des", false)))).containsExactly("prefix newState name");
    assertThat(chosen(sub(Connector.AND, ext("name", Operator.ENDS_WITH, "ign", false)))).containsExactly("suffix newState name");
    assertThat(chosen(sub(Connector.AND, ext("name", Operator.STARTS_WITH, "Des", false), eq("status", "CUR"))))
        .as("nothing counted yet: three letters (a share of 8^-3) beat an eq whose one count says nothing (1)").containsExactly("prefix newState name");
  }

  private static String likeListing(String pattern) {
    Subscription s = sub(Connector.AND, ext("name", Operator.LIKE, pattern, false));
    Listing l = KeyChooser.choose(Bucket.EMPTY, Plan.of(s))[0];
    return l.kind.word + " " + l.literal;
  }

  @Test
  void countedKeys_inValuesAndPrefixesAndSuffixes_asTheirListingsAre() {
    Subscription s = sub(Connector.AND, ext("status", Operator.IN, List.of("CUR", "NEW"), false), ext("name", Operator.STARTS_WITH, "De", true),
        ext("name", Operator.LIKE, "*ign", false), ext("name", Operator.LIKE, "a*bcd*e", false), ext("name", Operator.CONTAINS, "x", false));
    List<String> seen = new ArrayList<>();
    KeyChooser.countedKeys(Plan.of(s), (kind, old, path, folded, value) -> seen.add(kind.word + (folded ? "/ignoreCase " : " ") + path + "=" + value));
    assertThat(seen).containsExactly("eq status=CUR", "eq status=NEW", "prefix/ignoreCase name=de", "suffix name=ign");
  }

  @Test
  void choose_theFirstSuffixOrPrefixOnAPath_beatsAnEqOfAFieldWithFewValues() {
    Bucket b = counting(sub(Connector.AND, eq("status", "CUR")), sub(Connector.AND, eq("status", "NEW")),
        sub(Connector.AND, eq("status", "CPL")), sub(Connector.AND, eq("status", "INP")));
    assertThat(chosen(b, sub(Connector.AND, ext("projectID", Operator.ENDS_WITH, "fa4e9a8fc49c", false), eq("status", "CUR"))))
        .as("one suffix counted on projectID: its length says more than its count").containsExactly("suffix newState projectID");
    assertThat(chosen(b, sub(Connector.AND, ext("projectID", Operator.STARTS_WITH, "f", false), eq("status", "CUR"))))
        .as("one letter: 1/8 of the strings, fewer than status CUR's share").containsExactly("prefix newState projectID");
    assertThat(chosen(b, sub(Connector.AND, ext("projectID", Operator.LIKE, "*", false), eq("status", "CUR"))))
        .as("a like of only a star: the empty prefix, which every string has").containsExactly("eq newState status");
  }

  @Test
  void choose_aLongPrefixOfAFieldWithManyPrefixes_beatsAnEqOfAFieldWithFewValues() {
    List<Subscription> others = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      others.add(sub(Connector.AND, ext("ownerID", Operator.STARTS_WITH, "owner-" + i, false), eq("status", i % 2 == 0 ? "CUR" : "NEW"),
          eq("customerID", "c" + i)));
    }
    Bucket b = counting(others.toArray(new Subscription[0]));
    assertThat(chosen(b, sub(Connector.AND, ext("ownerID", Operator.STARTS_WITH, "owner-x", false), eq("status", "CUR"))))
        .containsExactly("prefix newState ownerID");
    assertThat(chosen(b, sub(Connector.AND, ext("ownerID", Operator.STARTS_WITH, "o", false), eq("customerID", "c-x"))))
        .as("one letter is reached by many strings (a share of at least 1/8)").containsExactly("eq newState customerID");
    assertThat(chosen(b, sub(Connector.AND, ext("ownerID", Operator.STARTS_WITH, "o", false), eq("status", "CUR"))))
        .as("but by fewer than half the events").containsExactly("prefix newState ownerID");
  }

  @Test
  void choose_like_listsItsLongestLiteral_asAPrefixSuffixOrSubstring() {
    assertThat(likeListing("abc*")).isEqualTo("prefix abc");
    assertThat(likeListing("abc")).as("no star: equality, which has the prefix").isEqualTo("prefix abc");
    assertThat(likeListing("*abc")).isEqualTo("suffix abc");
    assertThat(likeListing("ab*cdef")).isEqualTo("suffix cdef");
    assertThat(likeListing("abc*def")).as("ties go to the prefix").isEqualTo("prefix abc");
    assertThat(likeListing("a*bcd*e")).isEqualTo("substring bcd");
    assertThat(likeListing("*a\\*b*")).as("escapes read").isEqualTo("substring a*b");
    assertThat(likeListing("*")).as("any string: the empty prefix").isEqualTo("prefix ");
    assertThat(likeListing("")).isEqualTo("prefix ");
  }

  @Test
  void choose_notIn_listsByPresence_lastOfAll() {
    assertThat(chosen(sub(Connector.AND, ext("status", Operator.NOT_IN, List.of("CPL"), false)))).containsExactly("present newState status");
    assertThat(chosen(sub(Connector.AND, ext("status", Operator.NOT_IN, List.of("CPL"), false), ext("name", Operator.CONTAINS, "x", false))))
        .containsExactly("contains newState name");
  }

  @Test
  void choose_eqNull_isListedUnderNull() {
    assertThat(chosen(sub(Connector.AND, eq("s", null)))).containsExactly("eq newState s");
  }
}
