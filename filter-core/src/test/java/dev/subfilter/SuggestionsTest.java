package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> OPS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "contains", "notContains", "containsOnly", "changed", "exists", "notExists");

  @Test
  void nearest_typos_findTheToken() {
    assertThat(Suggestions.nearest("change", OPS)).isEqualTo("changed");
    assertThat(Suggestions.nearest("EQ", OPS)).isEqualTo("eq");
    assertThat(Suggestions.nearest("contians", OPS)).isEqualTo("contains");
    assertThat(Suggestions.nearest("notexist", OPS)).isEqualTo("notExists");
    assertThat(Suggestions.nearest("task", List.of("TASK", "TSHET"))).isEqualTo("TASK");
  }

  @Test
  void nearest_farOrLong_isNull() {
    assertThat(Suggestions.nearest("matches", OPS)).isNull();
    assertThat(Suggestions.nearest("x".repeat(100), OPS)).isNull();
    assertThat(Suggestions.nearest("", List.of("group"))).isNull();
  }

  @Test
  void hint_sameToken_isEmpty() {
    assertThat(Suggestions.hint("eq", OPS)).isEmpty();
    assertThat(Suggestions.hint("eqq", OPS)).isEqualTo("; did you mean \"eq\"?");
  }

  @Test
  void distance_countsSwapsAsOne() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}
