package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The eq values against eq itself. */
class EqValuesProperties {
  @Provide
  Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of("1", "1.0", "01", "-0", "0", "1e2", "100", "true", "false", "True", "", "CUR", "1.5", "15e-1", "-7", "9223372036854775807", "9223372036854775808"),
        Arbitraries.longs().between(-3, 200).map(Object.class::cast),
        Arbitraries.of(new BigDecimal("1.50"), new BigDecimal("100.0"), new BigDecimal("-0.0"), new BigDecimal("9223372036854775808")).map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast));
  }

  /** For every node and constant that eq equates, the node finds the list filed under the constant's value. */
  @Property(tries = 3000)
  void lookup_ofANodeEqualToAConstant_findsTheConstantsValue(@ForAll("scalars") Object node, @ForAll("scalars") Object constant) {
    Constant k = Constant.of(JsonValue.fromJava(constant));
    Object value = EqValues.ofConstant(k);
    HashTrie<Object, String> map = HashTrie.<Object, String>empty().put(value, "hit");
    boolean eq = Values.eq(JsonModel.JAVA, node, k);
    Statistics.label("eq").collect(eq);
    if (eq) {
      assertThat(EqValues.lookup(map, JsonModel.JAVA, node)).as("%s eq %s", node, constant).isEqualTo("hit");
    }
    Statistics.label("eq").coverage(cov -> {
      cov.check(true).count(n -> n > 0);
      cov.check(false).count(n -> n > 0);
    });
  }
}
