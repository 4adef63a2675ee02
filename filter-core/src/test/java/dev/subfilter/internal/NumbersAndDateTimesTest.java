package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NumbersAndDateTimesTest {
  @Test
  void isJsonNumber_grammar_acceptsOnlyJsonNumbers() {
    for (String ok : new String[] {"0", "-0", "1", "1.5", "1e5", "1E+5", "-2.50e-3", "1500"}) {
      assertThat(Numbers.isJsonNumber(ok)).as(ok).isTrue();
    }
    for (String bad : new String[] {"", "-", "+1", " 1", "1 ", "01", "1.", ".5", "1e", "NaN", "Infinity", "0x10", "1,5"}) {
      assertThat(Numbers.isJsonNumber(bad)).as(bad).isFalse();
    }
  }

  @Test
  void parseNumber_hugeExponent_isNull() {
    assertThat(Numbers.parseNumber("1e99999999999")).isNull();
    assertThat(Numbers.parseNumber("1e5")).isEqualByComparingTo(new BigDecimal("100000"));
  }

  @Test
  void plain_numbers_writtenOutWithoutTrailingZeros() {
    assertThat(Numbers.plain(new BigDecimal("2.0"), 100)).isEqualTo("2");
    assertThat(Numbers.plain(new BigDecimal("1e5"), 100)).isEqualTo("100000");
    assertThat(Numbers.plain(new BigDecimal("0.00"), 100)).isEqualTo("0");
    assertThat(Numbers.plain(new BigDecimal("-0.50"), 100)).isEqualTo("-0.5");
  }

  @Test
  void plainLength_matchesWrittenText_andBoundsHugeExponents() {
    for (String n : new String[] {"0", "-0.0", "7", "-7", "12.5", "0.005", "-0.005", "1e5", "-1.5e3", "123.456", "1e-3", "100"}) {
      BigDecimal d = new BigDecimal(n);
      assertThat(Numbers.plainLength(d)).as(n).isEqualTo(Numbers.plain(d, 100).length());
    }
    assertThat(Numbers.plainLength(new BigDecimal("1e999999999"))).isEqualTo(1_000_000_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Numbers.plain(new BigDecimal("1e999999999"), 100))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseDateTime_workfrontAndIsoOffsets_sameInstant() {
    Instant a = DateTimes.parseDateTime("2022-12-11T16:00:00.000-0800");
    assertThat(a).isEqualTo(Instant.parse("2022-12-12T00:00:00Z"));
    assertThat(DateTimes.parseDateTime("2022-12-12T05:30:00+05:30")).isEqualTo(a);
    assertThat(DateTimes.parseDateTime("2022-12-12T00:00:00Z")).isEqualTo(a);
    assertThat(DateTimes.parseDateTime("2022-12-12T00:00:00.123456789Z")).isEqualTo(Instant.parse("2022-12-12T00:00:00.123456789Z"));
    assertThat(DateTimes.parseDateTime("1969-12-31T23:59:59Z")).isEqualTo(Instant.ofEpochSecond(-1));
    assertThat(DateTimes.parseDateTime("2024-02-29T00:00:00Z")).isNotNull();
  }

  @Test
  void parseDateTime_malformed_isNull() {
    for (String bad : new String[] {"2022-12-11T16:00:00", "2022-12-11T16:00:00.Z", "2022-12-11T16:00:00.1234567890Z",
        "2022-13-11T16:00:00Z", "2023-02-29T00:00:00Z", "2022-12-11T24:00:00Z", "2022-12-11 16:00:00Z",
        "2022-12-11T16:00:00+1900", "2022-12-11T16:00:00+08:0", "2022-12-11T16:00:00Zx", "2022-12-11"}) {
      assertThat(DateTimes.parseDateTime(bad)).as(bad).isNull();
    }
  }

  @Test
  void compareCodePoints_supplementaryCharacters_orderByCodePoint() {
    String high = new String(Character.toChars(0x1F600));
    assertThat("\uFFFF".compareTo(high)).isPositive(); // UTF-16 order puts the emoji first
    assertThat(CodePoints.compare("\uFFFF", high)).isNegative();
    assertThat(CodePoints.compare("ab", "abc")).isNegative();
    assertThat(CodePoints.compare("abc", "abc")).isZero();
  }
}
