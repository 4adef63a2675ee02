package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void defaults_documentedValues() {
    assertThat(Limits.DEFAULTS).isEqualTo(new Limits(8, 1_000, 16, 65_536, 8L << 20, 500));
  }

  @Test
  void with_changesOneLimit() {
    assertThat(Limits.DEFAULTS.withMaxFilters(5).maxFilters()).isEqualTo(5);
    assertThat(Limits.DEFAULTS.withMaxFilters(5).maxGroupDepth()).isEqualTo(8);
  }

  @Test
  void constructor_outOfRange_namesTheLimit() {
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxFilters(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Limits.maxFilters must be from 1 to 2147483647, was 0");
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxJsonDepth(1_001)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Limits.maxJsonDepth must be from 1 to 1000, was 1001");
  }
}
