package dev.subfilter;

import static dev.subfilter.Json.arr;
import static dev.subfilter.Json.filter;
import static dev.subfilter.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.Explanation.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extended operators explained in plain words. */
class ExtendedExplanationTest {
  private static final SubscriptionParser PARSER = SubscriptionParser.extended();

  private static Explanation.Condition explain(JsonValue.Obj filter, Object... newState) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("objCode", "TASK");
    for (int i = 0; i < newState.length; i += 2) {
      state.put((String) newState[i], newState[i + 1]);
    }
    CompiledSubscription s = PARSER.parse(obj("objCode", "TASK", "eventType", "UPDATE", "filters", arr(filter))).compile();
    Explanation x = s.explain(Event.workfront(JsonModel.JAVA, "UPDATE", state, Map.of("objCode", "TASK")).build());
    return (Explanation.Condition) x.filters().children().get(0);
  }

  private static JsonValue.Obj ignoringCase(String field, Object value, String comparison) {
    return obj("fieldName", field, "fieldValue", value, "comparison", comparison, "ignoreCase", true);
  }

  @Test
  void startsWith_ignoringCase_saysSoAndWhatItSaw() {
    Explanation.Condition c = explain(ignoringCase("name", "Des", "startsWith"), "name", "design");
    assertThat(c.result()).isTrue();
    assertThat(c.description() + ": " + c.seen().get(0).describe()).isEqualTo("name starts with \"Des\" (ignoring case): newState.name = \"design\"");

    Explanation.Condition miss = explain(ignoringCase("name", "Des", "startsWith"), "name", "report");
    assertThat(miss.reason()).isEqualTo(Reason.NOT_STARTING_WITH);
    assertThat(miss.message()).isEqualTo("name is \"report\", which does not start with \"Des\" (ignoring case)");
  }

  @Test
  void endsWithAndLike_onStringsAndArrays() {
    assertThat(explain(filter("name", "ign", "endsWith"), "name", "signs").message()).isEqualTo("name is \"signs\", which does not end with \"ign\"");
    Explanation.Condition like = explain(filter("tags", "x*", "like"), "tags", List.of("a", "b"));
    assertThat(like.description()).isEqualTo("tags is like \"x*\"");
    assertThat(like.reason()).isEqualTo(Reason.NOT_LIKE);
    assertThat(like.message()).isEqualTo("tags is [\"a\",\"b\"], none of whose strings is like \"x*\"");
    Explanation.Condition number = explain(filter("n", "1", "startsWith"), "n", 12);
    assertThat(number.reason()).isEqualTo(Reason.TYPE_MISMATCH);
    assertThat(number.message()).isEqualTo("type mismatch: startsWith reads a string or an array of strings, and n is a number");
  }

  @Test
  void inAndNotIn_nameTheList() {
    Explanation.Condition in = explain(filter("status", List.of("CUR", "NEW"), "in"), "status", "CPL");
    assertThat(in.description()).isEqualTo("status is one of [\"CUR\",\"NEW\"]");
    assertThat(in.reason()).isEqualTo(Reason.NOT_IN);
    assertThat(in.message()).isEqualTo("status is \"CPL\", not one of [\"CUR\",\"NEW\"]");
    Explanation.Condition notIn = explain(filter("status", List.of("CUR", "NEW"), "notIn"), "status", "CUR");
    assertThat(notIn.description()).isEqualTo("status is not one of [\"CUR\",\"NEW\"]");
    assertThat(notIn.reason()).isEqualTo(Reason.IN);
    assertThat(notIn.message()).isEqualTo("status is \"CUR\", which is one of [\"CUR\",\"NEW\"]");
    assertThat(explain(filter("status", List.of("CUR"), "notIn")).message())
        .isEqualTo("status is absent from newState; notIn needs the field present (notExists asks for absence)");
    assertThat(explain(filter("obj", List.of("CUR"), "in"), "obj", Map.of("a", 1)).message())
        .startsWith("type mismatch: in compares a scalar or the elements of an array with the list, and obj is an object");
  }

  @Test
  void ignoreCase_onWorkfrontOperators_isSaidToo() {
    Explanation.Condition eq = explain(ignoringCase("status", "cur", "eq"), "status", "CPL");
    assertThat(eq.description()).isEqualTo("status eq \"cur\" (ignoring case)");
    assertThat(eq.message()).isEqualTo("status is \"CPL\", not \"cur\" (ignoring case)");
    JsonValue.Obj old = obj("fieldName", "name", "fieldValue", "x", "comparison", "endsWith", "state", "oldState", "ignoreCase", true);
    CompiledSubscription s = PARSER.parse(obj("objCode", "TASK", "eventType", "UPDATE", "filters", arr(old))).compile();
    Explanation x = s.explain(Event.workfront(JsonModel.JAVA, "UPDATE", Map.of("objCode", "TASK"), Map.of("objCode", "TASK", "name", "aX")).build());
    assertThat(x.matched()).isTrue();
    assertThat(x.toText()).contains("name ends with \"x\" in oldState (ignoring case)");
  }

  @Test
  void nestedLeaves_sayTheComparisonInWords() {
    Explanation.Condition c = explain(filter("data", obj("fields", obj("region", "EM")), "startsWith"), "data", Map.of("region", "APAC"));
    assertThat(c.reason()).isEqualTo(Reason.NESTED_MISMATCH);
    assertThat(c.message()).isEqualTo("data.region is \"APAC\" (wanted starts with \"EM\")");
  }
}
