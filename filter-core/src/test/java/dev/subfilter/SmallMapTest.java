package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact map that keeps carried keys and small JSON objects small. */
class SmallMapTest {
  private static Map<String, Integer> ordered(int n) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = n; i > 0; i--) {
      m.put("k" + i, i);
    }
    return m;
  }

  @Test
  void copyOf_fewOrManyEntries_keepsOrderLookupsAndMapEquality() {
    for (int n : new int[] {0, 1, 2, 8, 9, 40}) {
      Map<String, Integer> source = ordered(n);
      Map<String, Integer> copy = SmallMap.copyOf(source);
      assertThat(List.copyOf(copy.keySet())).as("order, %d entries", n).containsExactlyElementsOf(source.keySet());
      assertThat(copy).isEqualTo(source).isEqualTo(new HashMap<>(source)).hasSameHashCodeAs(source);
      assertThat(copy.get("k1")).isEqualTo(n >= 1 ? 1 : null);
      assertThat(copy.containsKey("absent")).isFalse();
      assertThat(copy.get("absent")).isNull();
    }
  }

  @Test
  void copyOf_isUnmodifiableAndIndependentOfItsSource() {
    Map<String, Integer> source = ordered(3);
    Map<String, Integer> copy = SmallMap.copyOf(source);
    source.put("k9", 9);
    assertThat(copy).hasSize(3);
    assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copyOf_nullKeyOrValue_throwsNamingIt() {
    Map<String, Integer> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertThatThrownBy(() -> SmallMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class).hasMessage("value");
    Map<String, Integer> nullKey = new HashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> SmallMap.copyOf(nullKey)).isInstanceOf(NullPointerException.class).hasMessage("key");
  }
}
