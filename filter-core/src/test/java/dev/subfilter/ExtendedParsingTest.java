package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static dev.subfilter.Json.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parser and the model accept for the extended operators and ignoreCase, and the problems it reports. */
class ExtendedParsingTest {
  private static final SubscriptionParser EXTENDED = SubscriptionParser.extended();
  private static final SubscriptionParser WORKFRONT = SubscriptionParser.of(Mode.WORKFRONT, Limits.DEFAULTS);

  private static List<String> problems(SubscriptionParser p, JsonValue json) {
    try {
      p.parse(json);
    } catch (InvalidSubscriptionException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected problems, parsed fine: " + json);
  }

  private static JsonValue.Obj withIgnoreCase(JsonValue.Obj filter, Object ignoreCase) {
    return obj("fieldName", filter.get("fieldName").toJava(), "fieldValue", filter.get("fieldValue").toJava(),
        "comparison", filter.get("comparison").toJava(), "ignoreCase", ignoreCase);
  }

  @Test
  void parse_extendedOperators_readTheirValues() {
    Subscription s = EXTENDED.parse(sub(filter("name", "Des", "startsWith"), filter("name", "ign", "endsWith"),
        filter("name", "d*n", "like"), filter("status", List.of("CUR", 1, true), "in"), withIgnoreCase(filter("status", List.of("x"), "notIn"), true)));
    assertThat(s.filters()).hasSize(5);
    assertThat(((Filter.Condition) s.filters().get(4)).ignoreCase()).isTrue();
    assertThat(((Filter.Condition) s.filters().get(0)).ignoreCase()).isFalse();
    assertThat(EXTENDED.parse(s.toJson())).isEqualTo(s);
  }

  @Test
  void parse_startsWithEndsWith_needANonEmptyString() {
    assertThat(problems(EXTENDED, sub(filter("name", 1, "startsWith"), filter("name", "", "endsWith"))))
        .containsExactly("/filters/0/fieldValue: startsWith needs a non-empty string, found the number 1",
            "/filters/1/fieldValue: endsWith needs a non-empty string, found an empty string");
  }

  @Test
  void parse_like_needsAValidPattern() {
    assertThat(problems(EXTENDED, sub(filter("name", "a\\b", "like"), filter("name", List.of("a"), "like"))))
        .containsExactly("/filters/0/fieldValue: the like pattern has a backslash before 'b' (character 2); a backslash escapes only * and \\ "
            + "(write \\\\ for a backslash)", "/filters/1/fieldValue: like needs a string pattern (* is any run of characters), found an array");
  }

  @Test
  void parse_in_needsANonEmptyListOfScalars_eachBadValueAtItsPointer() {
    assertThat(problems(EXTENDED, sub(filter("s", "CUR", "in"), filter("s", List.of(), "notIn"),
        filter("s", List.of("a", List.of("b"), obj("c", 1)), "in"))))
        .containsExactly("/filters/0/fieldValue: in needs a non-empty array of values (strings, numbers, booleans, null), found the string \"CUR\"",
            "/filters/1/fieldValue: notIn needs a non-empty array of values; an empty list excludes nothing",
            "/filters/2/fieldValue/1: a value of an in list is a string, number, boolean or null, found an array",
            "/filters/2/fieldValue/2: a value of an in list is a string, number, boolean or null, found an object");
  }

  @Test
  void parse_inListPastTheLimit_namesTheSetting() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      values.add(i);
    }
    SubscriptionParser five = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxInValues(5));
    assertThat(problems(five, sub(filter("s", values, "in"))))
        .containsExactly("/filters/0/fieldValue: a list of 6 values exceeds the limit of 5; raise Limits.maxInValues");
    assertThat(five.parse(sub(filter("s", values.subList(0, 5), "in"))).filters()).hasSize(1);
    assertThat(Limits.DEFAULTS.maxInValues()).isEqualTo(1_000);
  }

  @Test
  void parse_nestedLeaves_areCheckedAtTheirPointers() {
    assertThat(problems(EXTENDED, sub(filter("data", obj("fields", obj("a", 1, "b", "x")), "startsWith"),
        filter("options", obj("objects", obj("id", "p")), "in"), filter("data", obj("a", obj("b", "\\")), "like"))))
        .containsExactlyInAnyOrder("/filters/0/fieldValue/fields/a: startsWith needs a non-empty string, found the number 1",
            "/filters/1/fieldValue/objects/id: in needs a non-empty array of values (strings, numbers, booleans, null), found the string \"p\"",
            "/filters/2/fieldValue/a/b: the like pattern ends with a lone backslash; write \\\\ for a backslash, \\* for a star");
    assertThat(EXTENDED.parse(sub(filter("data", obj("fields", obj("status", List.of("CUR", "NEW"))), "in"))).filters()).hasSize(1);
  }

  @Test
  void parse_ignoreCase_aBooleanOnTheComparisonsOfStrings() {
    assertThat(problems(EXTENDED, sub(withIgnoreCase(filter("s", "x", "eq"), "yes"), withIgnoreCase(filter("n", 1, "gt"), true),
        obj("fieldName", "s", "comparison", "changed", "ignoreCase", false))))
        .containsExactly("/filters/0/ignoreCase: expected true or false, found the string \"yes\"",
            "/filters/1/ignoreCase: ignoreCase applies to eq, ne, contains, notContains, containsOnly, startsWith, endsWith, like, in and notIn, not to gt",
            "/filters/2/ignoreCase: ignoreCase applies to eq, ne, contains, notContains, containsOnly, startsWith, endsWith, like, in and notIn, not to changed");
    Subscription s = EXTENDED.parse(sub(withIgnoreCase(filter("s", "x", "eq"), false)));
    assertThat(s.toJson().toString()).as("false is the default: not printed").doesNotContain("ignoreCase");
  }

  @Test
  void parse_workfrontMode_rejectsTheExtendedOperatorsAndIgnoreCase() {
    assertThat(problems(WORKFRONT, sub(filter("name", "Des", "startsWith"), withIgnoreCase(filter("s", "x", "eq"), true),
        obj("type", "group", "filters", arr(filter("s", List.of("a"), "in"), filter("s", "a*", "like"))))))
        .containsExactly(
            "/filters/0/comparison: comparison \"startsWith\" is an extended-mode feature; Workfront accepts eq, ne, gt, gte, lt, lte, contains, "
                + "notContains, containsOnly, changed (use extended mode)",
            "/filters/1/ignoreCase: ignoreCase is an extended-mode feature; Workfront compares strings case-sensitively (use extended mode)",
            "/filters/2/filters/0/comparison: comparison \"in\" is an extended-mode feature; Workfront accepts eq, ne, gt, gte, lt, lte, contains, "
                + "notContains, containsOnly, changed (use extended mode)",
            "/filters/2/filters/1/comparison: comparison \"like\" is an extended-mode feature; Workfront accepts eq, ne, gt, gte, lt, lte, contains, "
                + "notContains, containsOnly, changed (use extended mode)");
  }

  @Test
  void condition_builtInCode_isCheckedAsTheParserChecks() {
    assertThatThrownBy(() -> Filter.Condition.of("n", Operator.GT, JsonValue.of(1), State.NEW_STATE, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ignoreCase does not apply to comparison gt");
    assertThatThrownBy(() -> Filter.Condition.of("s", Operator.IN, JsonValue.of("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fieldValue: in needs a non-empty array");
    assertThatThrownBy(() -> Filter.Condition.of("s", Operator.LIKE, JsonValue.of("\\")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone backslash");
    assertThatThrownBy(() -> Filter.Condition.of("s", Operator.STARTS_WITH, JsonValue.of("")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("fieldValue: startsWith needs a non-empty string, found an empty string");
    Filter.Condition c = new Filter.Condition("s", Operator.EQ, new JsonValue.Str("x"), State.NEW_STATE);
    assertThat(c.ignoreCase()).as("the four-argument constructor is case-sensitive").isFalse();
    assertThat(c.withIgnoreCase(true)).isEqualTo(new Filter.Condition("s", Operator.EQ, new JsonValue.Str("x"), State.NEW_STATE, true));
    assertThat(Filter.Condition.of("s", Operator.CHANGED, null, State.NEW_STATE).withIgnoreCase(false).ignoreCase()).isFalse();
  }
}
