package dev.subfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void defaults_documentedValues() {
    assertThat(Limits.DEFAULTS).isEqualTo(new Limits(8, 1_000, 16, 65_536, 8L << 20, 500, 1_000, 20_000_000, 50_000, 1_000));
    assertThat(new Limits(8, 1_000, 16, 65_536, 8L << 20, 500)).isEqualTo(Limits.DEFAULTS);
  }

  @Test
  void with_byName_changesThatSetting() {
    for (String name : Limits.names()) {
      Limits l = Limits.DEFAULTS.with(name, 7);
      assertThat(l).as(name).isNotEqualTo(Limits.DEFAULTS);
      assertThat(l.toString()).as(name).contains(name + "=7");
    }
    assertThat(Limits.DEFAULTS.with("maxDocumentBytes", 1L << 40).maxDocumentBytes()).isEqualTo(1L << 40);
  }

  @Test
  void with_unknownNameOrOutOfRange_namesTheSetting() {
    assertThatThrownBy(() -> Limits.DEFAULTS.with("maxFilter", 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no Limits setting maxFilter; the settings are maxGroupDepth, maxFilters,");
    assertThatThrownBy(() -> Limits.DEFAULTS.with("maxFilters", 1L << 40)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Limits.maxFilters must be from 1 to 2147483647, was 1099511627776");
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxJsonNumberLength(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Limits.maxJsonNumberLength must be from 1 to 2147483647, was 0");
  }

  @Test
  void problems_nameTheSettingToRaise() {
    Limits l = Limits.DEFAULTS;
    assertThat(l.jsonNumberLengthProblem(1_000)).isNull();
    assertThat(l.jsonNumberLengthProblem(1_001)).isEqualTo("a number of 1001 digits exceeds the limit of 1000; raise Limits.maxJsonNumberLength");
    assertThat(l.jsonStringLengthProblem(20_000_000)).isNull();
    assertThat(l.jsonStringLengthProblem(20_000_001)).isEqualTo("a string longer than 20000000 characters; raise Limits.maxJsonStringLength");
    assertThat(l.jsonNameLengthProblem(50_000)).isNull();
    assertThat(l.jsonNameLengthProblem(50_001)).isEqualTo("a member name of 50001 characters exceeds the limit of 50000; raise Limits.maxJsonNameLength");
    assertThat(l.jsonDepthProblem(501)).endsWith("raise Limits.maxJsonDepth");
    assertThat(l.documentBytesProblem((8L << 20) + 1)).endsWith("raise Limits.maxDocumentBytes");
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
