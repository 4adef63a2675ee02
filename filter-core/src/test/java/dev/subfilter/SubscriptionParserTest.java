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

class SubscriptionParserTest {
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

  @Test
  void parse_minimal_defaultsAndCarried() {
    Subscription s = EXTENDED.parse(obj("objCode", "PROJ", "eventType", "UPDATE", "url", "http://x", "authToken", "t", "objId", null));
    assertThat(s.filters()).isEmpty();
    assertThat(s.filterConnector()).isEqualTo(Connector.AND);
    assertThat(s.objId()).isNull();
    assertThat(s.carried()).containsOnlyKeys("url", "authToken");
  }

  @Test
  void parse_filterDefaults_eqOnNewState() {
    Subscription s = EXTENDED.parse(sub(obj("fieldName", "name", "fieldValue", "again")));
    assertThat(s.filters()).containsExactly(Filter.Condition.of("name", Operator.EQ, JsonValue.of("again"), State.NEW_STATE));
  }

  @Test
  void parse_numericObjId_comparesAsText() {
    assertThat(EXTENDED.parse(obj("objCode", "TASK", "eventType", "UPDATE", "objId", 5231)).objId()).isEqualTo("5231");
  }

  @Test
  void parse_unknownComparison_namesPointerAndAllowedTokens() {
    JsonValue json = sub(filter("a", 1, "eq"), filter("b", 1, "eq"), filter("c", 1, "eqq"));
    assertThat(problems(EXTENDED, json)).containsExactly(
        "/filters/2/comparison: unknown comparison \"eqq\"; expected one of eq, ne, gt, gte, lt, lte, contains, "
            + "notContains, containsOnly, changed, exists, notExists");
  }

  @Test
  void parse_unknownComparisonInWorkfrontMode_listsOnlyWorkfrontTokens() {
    assertThat(problems(WORKFRONT, sub(filter("a", 1, "EQ"))).get(0))
        .endsWith("expected one of eq, ne, gt, gte, lt, lte, contains, notContains, containsOnly, changed");
  }

  @Test
  void parse_manyProblems_reportsEveryOne() {
    JsonValue json = obj("objCode", 7, "eventType", "update", "bogus", true, "filterConnector", "and",
        "filters", arr(obj("fieldName", "", "comparison", "eq"), "x",
            obj("type", "group", "filters", arr(filter("a", 1, "eq")))));
    assertThat(problems(EXTENDED, json)).containsExactlyInAnyOrder(
        "/bogus: unknown key \"bogus\"; a subscription has objCode, eventType, objId, filters, filterConnector and the carried keys "
            + "authToken, base64Encoding, customerId, date_created, date_modified, id, subscriptionVersion, subscription_url, url, version",
        "/objCode: expected an object code such as \"TASK\" or \"PROJ\", found the number 7",
        "/eventType: unknown eventType \"update\"; event types are upper case: UPDATE",
        "/filterConnector: unknown filterConnector \"and\"; expected \"AND\" or \"OR\"",
        "/filters/0/fieldName: expected the name of a field of the state, found an empty string",
        "/filters/0/fieldValue: missing; comparison \"eq\" needs a fieldValue (only changed, exists and notExists go without)",
        "/filters/1: expected a filter object, found the string \"x\"",
        "/filters/2/filters: a group needs at least 2 filters, found 1");
  }

  @Test
  void parse_unknownKeyWithSlash_isEscapedInPointer() {
    assertThat(problems(EXTENDED, sub(obj("fieldName", "a", "fieldValue", 1, "a/b~c", 1))))
        .containsExactly("/filters/0/a~1b~0c: unknown key \"a/b~c\"; a filter has fieldName, fieldValue, comparison and state (a group has \"type\": \"group\")");
  }

  @Test
  void parse_changedWithoutFieldValue_isFine() {
    assertThat(EXTENDED.parse(sub(obj("fieldName", "name", "comparison", "changed"))).filters()).hasSize(1);
  }

  @Test
  void parse_nullFieldValue_isAValue() {
    Filter.Condition c = (Filter.Condition) EXTENDED.parse(sub(filter("sponsorID", null, "eq"))).filters().get(0);
    assertThat(c.fieldValue()).isEqualTo(JsonValue.NULL);
  }

  @Test
  void parse_emptyOrBadNestedValues_areProblems() {
    assertThat(problems(EXTENDED, sub(filter("data", obj(), "eq")))).singleElement().asString().startsWith("/filters/0/fieldValue: an empty object");
    assertThat(problems(EXTENDED, sub(filter("data", obj("fields", obj()), "eq")))).singleElement().asString().startsWith("/filters/0/fieldValue: \"fields\" holds an empty object");
    assertThat(problems(EXTENDED, sub(filter("data", obj("objects", "x"), "eq")))).singleElement().asString().startsWith("/filters/0/fieldValue: \"objects\" must hold an object");
    assertThat(problems(EXTENDED, sub(filter("data", obj("fields", obj("a", obj())), "eq")))).singleElement().asString().startsWith("/filters/0/fieldValue/fields/a: an empty object");
  }

  @Test
  void parse_groupWithWrongType_pointsAtType() {
    assertThat(problems(EXTENDED, sub(obj("type", "grp", "filters", arr(filter("a", 1, "eq"), filter("b", 1, "eq"))))))
        .containsExactly("/filters/0/type: unknown filter type: found the string \"grp\"; the only type is \"group\"");
  }

  @Test
  void parse_workfrontMode_rejectsExtensions() {
    JsonValue nested = obj("type", "group", "connector", "OR", "filters", arr(filter("a", 1, "eq"),
        obj("type", "group", "filters", arr(filter("b", 1, "eq"), filter("c", 1, "eq")))));
    assertThat(problems(WORKFRONT, sub(nested))).singleElement().asString().startsWith("/filters/0/filters/1: a group inside a group");
    assertThat(problems(WORKFRONT, sub(obj("fieldName", "a", "comparison", "exists")))).singleElement().asString()
        .startsWith("/filters/0/comparison: comparison \"exists\" is an extension");
    assertThat(EXTENDED.parse(sub(nested)).filters()).hasSize(1);
  }

  @Test
  void parse_workfrontModeCreate_oldStateOnlyWithChanged() {
    JsonValue bad = obj("objCode", "TASK", "eventType", "CREATE", "filters",
        arr(obj("fieldName", "a", "fieldValue", 1, "state", "oldState"), obj("fieldName", "b", "comparison", "changed", "state", "oldState")));
    assertThat(problems(WORKFRONT, bad)).singleElement().asString().startsWith("/filters/0/state: a filter on oldState in a CREATE subscription");
    assertThat(EXTENDED.parse(bad).filters()).hasSize(2);
  }

  @Test
  void parse_workfrontModeGroupLimits_elevenGroupsAndSixFilters() {
    List<Object> groups = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      groups.add(obj("type", "group", "filters", arr(filter("a", i, "eq"), filter("b", i, "eq"))));
    }
    assertThat(problems(WORKFRONT, sub(groups.toArray()))).singleElement().asString()
        .isEqualTo("/filters: 11 groups; Workfront allows at most 10 (use extended mode for more)");
    JsonValue six = sub(obj("type", "group", "filters", arr(filter("a", 1, "eq"), filter("a", 2, "eq"), filter("a", 3, "eq"),
        filter("a", 4, "eq"), filter("a", 5, "eq"), filter("a", 6, "eq"))));
    assertThat(problems(WORKFRONT, six)).singleElement().asString().startsWith("/filters/0/filters: 6 filters in a group");
    assertThat(EXTENDED.parse(six).filters()).hasSize(1);
  }

  @Test
  void parse_groupsBeyondMaxGroupDepth_nameTheLimit() {
    JsonValue inner = arr(filter("a", 1, "eq"), filter("b", 1, "eq"));
    JsonValue g = obj("type", "group", "filters", inner);
    for (int i = 0; i < 3; i++) {
      g = obj("type", "group", "filters", arr(g, filter("c", i, "eq")));
    }
    SubscriptionParser p = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxGroupDepth(3));
    assertThat(problems(p, sub(g))).singleElement().asString()
        .isEqualTo("/filters/0/filters/0/filters/0/filters/0: groups nested 4 deep exceed the limit of 3; raise Limits.maxGroupDepth");
    assertThat(SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxGroupDepth(4)).parse(sub(g)).filters()).hasSize(1);
  }

  @Test
  void parse_deepGroupsFarBeyondLimit_reportOnceWithoutOverflow() {
    JsonValue g = obj("type", "group", "filters", arr(filter("a", 1, "eq"), filter("b", 1, "eq")));
    for (int i = 0; i < 5_000; i++) {
      g = obj("type", "group", "filters", arr(g, filter("c", i, "eq")));
    }
    assertThat(problems(EXTENDED, sub(g))).singleElement().asString().contains("raise Limits.maxGroupDepth");
  }

  @Test
  void parse_tooManyFilters_namesTheLimit() {
    Object[] fs = new Object[6];
    for (int i = 0; i < fs.length; i++) {
      fs[i] = filter("a", i, "eq");
    }
    SubscriptionParser p = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxFilters(5));
    assertThat(problems(p, sub(fs))).containsExactly("/filters: 6 filters and groups exceed the limit of 5; raise Limits.maxFilters");
  }

  @Test
  void parse_longStringAndDeepValueAndHugeNumber_nameTheirLimits() {
    SubscriptionParser p = SubscriptionParser.of(Mode.EXTENDED, Limits.DEFAULTS.withMaxStringLength(10).withMaxValueDepth(2));
    assertThat(problems(p, sub(filter("name", "x".repeat(11), "eq")))).containsExactly(
        "/filters/0/fieldValue: a string of 11 characters exceeds the limit of 10; raise Limits.maxStringLength");
    assertThat(problems(p, sub(filter("data", obj("a", obj("b", obj("c", 1))), "eq")))).containsExactly(
        "/filters/0/fieldValue/a/b: fieldValue nested 3 deep exceeds the limit of 2; raise Limits.maxValueDepth");
    JsonValue huge = new JsonValue.Num(new java.math.BigDecimal("1e999999999"));
    assertThat(problems(EXTENDED, sub(filter("n", huge, "contains"))).get(0)).contains("raise Limits.maxStringLength");
  }

  @Test
  void parse_numericObjIdTooLongWrittenOut_namesTheLimit() {
    JsonValue json = obj("objCode", "TASK", "eventType", "UPDATE", "objId", new JsonValue.Num(new java.math.BigDecimal("1e999999999")));
    assertThat(problems(EXTENDED, json)).singleElement().asString()
        .isEqualTo("/objId: the number 1E+999999999 is longer than 65536 characters written out; raise Limits.maxStringLength");
  }

  @Test
  void parse_notAnObject_problemAtRoot() {
    assertThat(problems(EXTENDED, arr(1))).containsExactly("(root): expected a subscription object, found an array");
  }

  @Test
  void toJson_parsedAgain_isEqual() {
    Subscription s = EXTENDED.parse(obj("objCode", "TASK", "eventType", "UPDATE", "objId", "t1", "filterConnector", "OR", "id", "abc",
        "filters", arr(filter("a", arr(1, "x"), "containsOnly"), obj("fieldName", "b", "comparison", "changed"),
            obj("type", "group", "connector", "OR", "filters", arr(filter("c", obj("fields", obj("d", 1)), "ne"), filter("e", null, "eq"))))));
    assertThat(EXTENDED.parse(s.toJson())).isEqualTo(s);
  }

  @Test
  void records_invalidDirectConstruction_throwIllegalArgument() {
    assertThatThrownBy(() -> new Filter.Group(Connector.AND, List.of(Filter.Condition.of("a", Operator.EXISTS, null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 filters");
    assertThatThrownBy(() -> Filter.Condition.of("a", Operator.EQ, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Filter.Condition.of("a", Operator.EQ, obj())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_200000UnknownKeys_listsTheFirst100AndCountsTheRest() {
    java.util.Map<String, JsonValue> m = new java.util.LinkedHashMap<>();
    m.put("objCode", JsonValue.of("TASK"));
    m.put("eventType", JsonValue.of("UPDATE"));
    for (int i = 0; i < 200_000; i++) {
      m.put("k" + i, JsonValue.of(1));
    }
    List<String> problems = problems(EXTENDED, new JsonValue.Obj(m));
    assertThat(problems).hasSize(SubscriptionParser.MAX_PROBLEMS + 1);
    assertThat(problems.get(0)).startsWith("/k0: unknown key \"k0\"");
    assertThat(problems.get(99)).startsWith("/k99: unknown key");
    assertThat(problems.get(100)).isEqualTo("(root): 199900 more problems not listed (only the first 100 are)");
  }

  @Test
  void parse_unknownKeyWithControlCharacters_messageOnOneLine() {
    JsonValue json = obj("objCode", "TASK", "eventType", "UPDATE", "a\nb", 1, "filters", arr(obj("fieldName", "x", "fieldValue", 1, "bad\r", 2)));
    assertThatThrownBy(() -> EXTENDED.parse(json)).isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> {
      assertThat(e.problems()).extracting(Problem::pointer).containsExactly("/a\nb", "/filters/0/bad\r"); // the keys, literally
      assertThat(e.problems().get(0).message()).startsWith("unknown key \"a\\nb\";");
      assertThat(e.problems().get(1).message()).startsWith("unknown key \"bad\\r\";");
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("\n", "\r"));
    });
  }
}
