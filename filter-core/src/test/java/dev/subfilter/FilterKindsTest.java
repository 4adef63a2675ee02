package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of filter and every operator compiles and prints: the compiler's instanceof chains miss none. */
class FilterKindsTest {
  @Test
  void permittedSubclasses_areConditionAndGroup() {
    assertThat(Filter.class.getPermittedSubclasses()).containsExactlyInAnyOrder(Filter.Condition.class, Filter.Group.class);
  }

  @Test
  void compile_everyOperatorInAGroup_evaluates() {
    for (Operator op : Operator.values()) {
      JsonValue x = op == Operator.IN || op == Operator.NOT_IN ? new JsonValue.Arr(List.of(JsonValue.of("x"))) : JsonValue.of("x");
      Filter c = Filter.Condition.of("a", op, op.usesValue() ? x : null, State.NEW_STATE, op.allowsIgnoreCase());
      Filter g = new Filter.Group(Connector.OR, List.of(c, Filter.Condition.of("b", Operator.EXISTS, null)));
      Subscription s = Subscription.of("TASK", "UPDATE", g);
      Event e = Event.workfront(JsonModel.JAVA, "UPDATE", Map.of("objCode", "TASK", "b", 1), Map.of("objCode", "TASK")).build();
      assertThat(s.compile().matches(e)).as(op.token()).isTrue();
      assertThat(SubscriptionParser.extended().parse(s.toJson())).isEqualTo(s);
    }
  }

  @Test
  void operatorTokens_roundTrip() {
    Arrays.stream(Operator.values()).forEach(op -> assertThat(Operator.fromToken(op.token())).isSameAs(op));
    assertThat(Operator.fromToken("EQ")).isNull();
  }
}
