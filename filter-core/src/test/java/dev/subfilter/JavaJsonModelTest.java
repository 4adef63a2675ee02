package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaJsonModelTest {
  private final JsonModel m = JsonModel.JAVA;

  @Test
  void java_whenJsonValueOfANumberComesFirst_isStillSet() throws Exception {
    // a fresh loader, so that the classes are initialised in that order (JavaJsonModel first)
    java.net.URL classes = JsonModel.class.getProtectionDomain().getCodeSource().getLocation();
    try (java.net.URLClassLoader l = new java.net.URLClassLoader(new java.net.URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> value = Class.forName("dev.subfilter.JsonValue", true, l);
      value.getMethod("fromJava", Object.class).invoke(null, 1);
      assertThat(Class.forName("dev.subfilter.JsonModel", true, l).getField("JAVA").get(null)).isNotNull();
    }
  }

  @Test
  void get_nullValueVersusMissingKey_nullIsPresent() {
    Map<String, Object> state = new HashMap<>();
    state.put("sponsorID", null);
    assertThat(m.get(state, "missing")).isNull();
    Object v = m.get(state, "sponsorID");
    assertThat(v).isNotNull();
    assertThat(m.kind(v)).isEqualTo(JsonModel.Kind.NULL);
  }

  @Test
  void kind_javaTypes_mapToJsonKinds() {
    assertThat(m.kind(Map.of())).isEqualTo(JsonModel.Kind.OBJECT);
    assertThat(m.kind(List.of())).isEqualTo(JsonModel.Kind.ARRAY);
    assertThat(m.kind(1L)).isEqualTo(JsonModel.Kind.NUMBER);
    assertThat(m.kind(new BigDecimal("1.5"))).isEqualTo(JsonModel.Kind.NUMBER);
    assertThat(m.kind(Double.NaN)).isEqualTo(JsonModel.Kind.STRING);
    assertThat(m.text(Double.NaN)).isEqualTo("NaN");
    assertThat(m.kind(true)).isEqualTo(JsonModel.Kind.BOOLEAN);
    assertThat(m.decimalValue(0.1d)).isEqualByComparingTo("0.1");
    assertThat(m.element(Arrays.asList(1, null), 1)).satisfies(n -> assertThat(m.kind(n)).isEqualTo(JsonModel.Kind.NULL));
  }

  @Test
  void evaluate_mapStates_nullAndAbsentFollowTheTable() {
    Map<String, Object> state = new HashMap<>(Map.of("objCode", "TASK", "ID", "t1", "accessorIDs", new ArrayList<>(List.of("u1", "u2"))));
    state.put("sponsorID", null);
    Event e = Event.workfront(m, "UPDATE", state, Map.of("objCode", "TASK")).build();
    assertThat(match(Filter.Condition.of("sponsorID", Operator.EQ, JsonValue.NULL), e)).isTrue();
    assertThat(match(Filter.Condition.of("sponsorID", Operator.NE, JsonValue.of("x")), e)).isTrue();
    assertThat(match(Filter.Condition.of("nope", Operator.NE, JsonValue.of("x")), e)).isFalse();
    assertThat(match(Filter.Condition.of("accessorIDs", Operator.CONTAINS, JsonValue.of("u2")), e)).isTrue();
    assertThat(match(Filter.Condition.of("sponsorID", Operator.CHANGED, null), e)).isTrue();
  }

  private static boolean match(Filter f, Event e) {
    return Subscription.of("TASK", "UPDATE", f).compile().matches(e);
  }
}
