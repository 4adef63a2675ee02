package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static dev.subfilter.Json.sub;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every limit exactly at it (accepted) and one past it (refused, with its message), and the
 * error paths of a subscription's required parts.
 */
class SubscriptionParserLimitsTest {
  private static final SubscriptionParser WORKFRONT = SubscriptionParser.of(Mode.WORKFRONT, Limits.DEFAULTS);

  private static List<String> problems(SubscriptionParser p, JsonValue json) {
    try {
      p.parse(json);
    } catch (InvalidSubscriptionException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    return List.of();
  }

  private static JsonValue.Obj group(int filters) {
    Object[] fs = new Object[filters];
    for (int i = 0; i < filters; i++) {
      fs[i] = filter("f" + i, i, "eq");
    }
    return obj("type", "group", "connector", "OR", "filters", arr(fs));
  }

  private static JsonValue.Obj nested(int depth) {
    JsonValue.Obj g = obj("type", "group", "filters", arr(filter("a", 1, "eq"), filter("b", 1, "eq")));
    for (int d = 1; d < depth; d++) {
      g = obj("type", "group", "filters", arr(filter("a", 1, "eq"), g));
    }
    return g;
  }

  @Test
  void maxFilters_atTheLimitAccepted_onePastRefused() {
    SubscriptionParser three = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxFilters(3));
    assertThat(problems(three, sub(filter("a", 1, "eq"), filter("b", 1, "eq"), filter("c", 1, "eq")))).isEmpty();
    assertThat(problems(three, sub(group(2)))).isEmpty(); // a group and its filters
    assertThat(problems(three, sub(filter("a", 1, "eq"), filter("b", 1, "eq"), filter("c", 1, "eq"), filter("d", 1, "eq"))))
        .containsExactly("/filters: 4 filters and groups exceed the limit of 3; raise Limits.maxFilters");
    assertThat(problems(three, sub(filter("a", 1, "eq"), group(2))))
        .containsExactly("/filters: 4 filters and groups exceed the limit of 3; raise Limits.maxFilters");
  }

  @Test
  void workfrontGroups_tenAccepted_elevenRefused() {
    List<Object> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add(group(2));
    }
    assertThat(problems(WORKFRONT, sub(ten.toArray()))).isEmpty();
    ten.add(group(2));
    assertThat(problems(WORKFRONT, sub(ten.toArray())))
        .containsExactly("/filters: 11 groups; Workfront allows at most 10 (use extended mode for more)");
    assertThat(problems(SubscriptionParser.extended(), sub(ten.toArray()))).isEmpty();
  }

  @Test
  void workfrontGroupFilters_fiveAccepted_sixRefused_twoAtLeast() {
    assertThat(problems(WORKFRONT, sub(group(5)))).isEmpty();
    assertThat(problems(WORKFRONT, sub(group(2)))).isEmpty();
    assertThat(problems(WORKFRONT, sub(group(6))))
        .containsExactly("/filters/0/filters: 6 filters in a group; Workfront allows at most 5 (use extended mode for more)");
    assertThat(problems(SubscriptionParser.extended(), sub(group(6)))).isEmpty();
    assertThat(problems(WORKFRONT, sub(group(1)))).containsExactly("/filters/0/filters: a group needs at least 2 filters, found 1");
    assertThat(problems(WORKFRONT, sub(group(0)))).containsExactly("/filters/0/filters: a group needs at least 2 filters, found 0");
  }

  @Test
  void maxGroupDepth_atTheLimitAccepted_onePastRefused() {
    SubscriptionParser three = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxGroupDepth(3));
    assertThat(problems(three, sub(nested(3)))).isEmpty();
    assertThat(problems(three, sub(nested(4))))
        .containsExactly("/filters/0/filters/1/filters/1/filters/1: groups nested 4 deep exceed the limit of 3; raise Limits.maxGroupDepth");
    assertThat(problems(WORKFRONT, sub(nested(1)))).isEmpty();
    assertThat(problems(WORKFRONT, sub(nested(2))))
        .containsExactly("/filters/0/filters/1: a group inside a group; Workfront allows groups only in the top-level filters (use extended mode to nest)");
  }

  /** At 10, the longest key a subscription must have ("fieldValue", "comparison") still fits. */
  private static final SubscriptionParser TEN = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxStringLength(10));
  private static final String S10 = "abcdefghij";
  private static final String S11 = "abcdefghijk";

  @Test
  void maxStringLength_stringsAndKeysAnywhere_atTheLimitAccepted_onePastRefused() {
    assertThat(problems(TEN, sub(filter(S10, S10, "eq")))).isEmpty();
    assertThat(problems(TEN, sub(filter(S11, "x", "eq"))))
        .containsExactly("/filters/0/fieldName: a string of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
    // inside a fieldValue's array and object
    assertThat(problems(TEN, sub(filter("a", List.of("x", S11), "contains"))))
        .containsExactly("/filters/0/fieldValue/1: a string of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
    assertThat(problems(TEN, sub(obj("fieldName", "a", "fieldValue", obj("fields", obj("b", S11))))))
        .containsExactly("/filters/0/fieldValue/fields/b: a string of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
    assertThat(problems(TEN, sub(obj("fieldName", "a", "fieldValue", obj(S10, 1))))).isEmpty();
    assertThat(problems(TEN, sub(obj("fieldName", "a", "fieldValue", obj(S11, 1)))))
        .containsExactly("/filters/0/fieldValue: a key of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
  }

  @Test
  void maxStringLength_numbersWrittenOut_atTheLimitAccepted_onePastRefused() {
    assertThat(problems(TEN, sub(filter("a", new BigDecimal("1E+9"), "eq")))).isEmpty(); // 1000000000
    assertThat(problems(TEN, sub(filter("a", new BigDecimal("1E+10"), "eq"))))
        .containsExactly("/filters/0/fieldValue: the number 1E+10 has more than 10 digits written out; raise Limits.maxStringLength");
    assertThat(problems(TEN, sub(filter("a", List.of(1, new BigDecimal("-1.2345678")), "eq")))).isEmpty();
    assertThat(problems(TEN, sub(filter("a", List.of(1, new BigDecimal("-1.23456789")), "eq"))))
        .containsExactly("/filters/0/fieldValue/1: the number -1.23456789 has more than 10 digits written out; raise Limits.maxStringLength");
    assertThat(problems(TEN, obj("objCode", "TASK", "eventType", "UPDATE", "objId", 1234567890L))).isEmpty();
    assertThat(problems(TEN, obj("objCode", "TASK", "eventType", "UPDATE", "objId", 12345678901L)))
        .containsExactly("/objId: the number 12345678901 is longer than 10 characters written out; raise Limits.maxStringLength");
  }

  @Test
  void maxValueDepth_atTheLimitAccepted_onePastRefused() {
    SubscriptionParser two = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxValueDepth(2));
    assertThat(problems(two, sub(filter("a", List.of(List.of(1)), "eq")))).isEmpty();
    assertThat(problems(two, sub(filter("a", List.of(List.of(List.of(1))), "eq"))))
        .containsExactly("/filters/0/fieldValue/0/0: fieldValue nested 3 deep exceeds the limit of 2; raise Limits.maxValueDepth");
  }

  @Test
  void group_unknownKey_namedWithTheKeysAGroupHas() {
    JsonValue.Obj g = obj("type", "group", "filters", arr(filter("a", 1, "eq"), filter("b", 1, "eq")), "fieldName", "x");
    assertThat(problems(SubscriptionParser.extended(), sub(g)))
        .containsExactly("/filters/0/fieldName: unknown key \"fieldName\"; a group has type, connector and filters");
  }

  @Test
  void group_withoutFiltersOrWithFiltersNotAnArray_refused() {
    assertThat(problems(SubscriptionParser.extended(), sub(obj("type", "group"))))
        .containsExactly("/filters/0/filters: missing; a group needs a \"filters\" array of at least 2 filters");
    assertThat(problems(SubscriptionParser.extended(), sub(obj("type", "group", "filters", "a"))))
        .containsExactly("/filters/0/filters: expected an array of filters, found the string \"a\"");
    assertThat(problems(SubscriptionParser.extended(), sub(obj("type", "grp", "filters", arr(filter("a", 1, "eq"), filter("b", 1, "eq"))))))
        .containsExactly("/filters/0/type: unknown filter type: found the string \"grp\"; the only type is \"group\"; did you mean \"group\"?");
  }

  @Test
  void subscription_missingRequiredParts_eachNamed() {
    assertThat(problems(SubscriptionParser.extended(), obj("eventType", "UPDATE")))
        .containsExactly("/objCode: missing; expected an object code such as \"TASK\" or \"PROJ\"");
    assertThat(problems(SubscriptionParser.extended(), obj("objCode", "TASK")))
        .containsExactly("/eventType: missing; expected one of CREATE, UPDATE, DELETE");
    assertThat(problems(SubscriptionParser.extended(), obj("objCode", "", "eventType", "UPDATE")))
        .containsExactly("/objCode: expected an object code such as \"TASK\" or \"PROJ\", found an empty string");
    assertThat(problems(SubscriptionParser.extended(), sub(obj("fieldValue", 1))))
        .containsExactly("/filters/0/fieldName: missing; expected the name of a field of the state");
    assertThat(problems(SubscriptionParser.extended(), obj("objCode", "TASK", "eventType", "UPDATE", "filters", obj())))
        .containsExactly("/filters: expected an array of filters, found an object");
    assertThat(problems(SubscriptionParser.extended(), obj("objCode", "TASK", "eventType", "UPDATE", "filters", null))).isEmpty();
    assertThat(problems(SubscriptionParser.extended(), arr()))
        .containsExactly("(root): expected a subscription object, found an array");
  }
}
