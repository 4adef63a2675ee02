package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values eq postings are filed under: what eq equates must be filed together. */
class EqValuesTest {
  private static Constant c(JsonValue v) {
    return Constant.of(v);
  }

  private static JsonValue num(String s) {
    return new JsonValue.Num(new BigDecimal(s));
  }

  @Test
  void ofConstant_numbersAndNumericStrings_shareOneValueByNumber() {
    Object one = EqValues.ofConstant(c(JsonValue.of(1)));
    assertThat(one).isEqualTo(1L);
    for (JsonValue v : List.of(num("1.0"), num("1E+0"), JsonValue.of("1"), JsonValue.of("1.00"), JsonValue.of("1e0"))) {
      assertThat(EqValues.ofConstant(c(v))).as("%s", v).isEqualTo(one);
    }
    assertThat(EqValues.ofConstant(c(num("0.50")))).isEqualTo(new BigDecimal("0.5"));
    assertThat(EqValues.ofConstant(c(JsonValue.of("0.5")))).isEqualTo(new BigDecimal("0.5"));
    assertThat(EqValues.ofConstant(c(num("9223372036854775808")))).as("past long: a BigDecimal").isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(EqValues.ofConstant(c(num("0.000")))).isEqualTo(0L);
  }

  @Test
  void ofConstant_booleansAndTheirStrings_shareOneValue_otherStringsAreThemselves() {
    assertThat(EqValues.ofConstant(c(JsonValue.of(true)))).isEqualTo(Boolean.TRUE);
    assertThat(EqValues.ofConstant(c(JsonValue.of("true")))).isEqualTo(Boolean.TRUE);
    assertThat(EqValues.ofConstant(c(JsonValue.of("false")))).isEqualTo(Boolean.FALSE);
    assertThat(EqValues.ofConstant(c(JsonValue.of("True")))).isEqualTo("True");
    assertThat(EqValues.ofConstant(c(JsonValue.of("01")))).as("not a JSON number").isEqualTo("01");
    assertThat(EqValues.ofConstant(c(JsonValue.of("")))).isEqualTo("");
  }

  @Test
  void ofConstant_nullArrayAndObject_haveNoValue() {
    assertThat(EqValues.ofConstant(c(JsonValue.NULL))).isNull();
    assertThat(EqValues.ofConstant(c(new JsonValue.Arr(List.of(JsonValue.of(1)))))).isNull();
    assertThat(EqValues.ofConstant(c(new JsonValue.Obj(Map.of("a", JsonValue.of(1)))))).isNull();
  }

  @Test
  void lookup_findsTheListOfAnEqualNode_withoutLookingUpNullsArraysOrObjects() {
    HashTrie<Object, String> map = HashTrie.<Object, String>empty()
        .put(1L, "one").put(Boolean.TRUE, "true").put("CUR", "cur").put(new BigDecimal("0.5"), "half")
        .put(new BigDecimal("123456789012345678901"), "long");
    JsonModel m = JsonModel.JAVA;
    assertThat(EqValues.lookup(map, m, 1)).isEqualTo("one");
    assertThat(EqValues.lookup(map, m, new BigDecimal("1.000"))).isEqualTo("one");
    assertThat(EqValues.lookup(map, m, "1")).isEqualTo("one");
    assertThat(EqValues.lookup(map, m, "-0")).isNull();
    assertThat(EqValues.lookup(map, m, "true")).isEqualTo("true");
    assertThat(EqValues.lookup(map, m, true)).isEqualTo("true");
    assertThat(EqValues.lookup(map, m, "CUR")).isEqualTo("cur");
    assertThat(EqValues.lookup(map, m, "0.50")).isEqualTo("half");
    assertThat(EqValues.lookup(map, m, "123456789012345678901")).as("a long digit string").isEqualTo("long");
    assertThat(EqValues.lookup(map, m, "01")).isNull();
    assertThat(EqValues.lookup(map, m, List.of(1))).isNull();
    assertThat(EqValues.lookup(map, m, Map.of("a", 1))).isNull();
  }
}
