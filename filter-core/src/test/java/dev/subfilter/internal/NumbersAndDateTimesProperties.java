package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The allocation-free readers of {@link Numbers} and {@link DateTimes} agree with the BigDecimal and Instant ones. */
class NumbersAndDateTimesProperties {
  @Provide
  Arbitrary<String> numberish() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(21);
    return Combinators.combine(Arbitraries.of("", "", "-", "+"), digits, Arbitraries.of("", "", "", ".5", "e3", " "))
        .as((sign, d, tail) -> sign + d + tail);
  }

  @Property(tries = 2000)
  void plainLong_anyText_isTheExactValueOfShortJsonIntegersOnly(@ForAll("numberish") String s) {
    long v = Numbers.plainLong(s);
    boolean shortInteger = Numbers.isJsonNumber(s) && s.chars().allMatch(c -> c == '-' || Character.isDigit(c))
        && s.replace("-", "").length() <= 18;
    assertThat(v != Numbers.NONE).as(s).isEqualTo(shortInteger);
    if (shortInteger) {
      assertThat(v).as(s).isEqualTo(new BigDecimal(s).longValueExact());
    }
    Statistics.label("read").collect(shortInteger ? "as long" : "not");
    Statistics.label("read").coverage(c -> {
      c.check("as long").count((Integer n) -> n > 0);
      c.check("not").count((Integer n) -> n > 0);
    });
  }

  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<String> fraction = Arbitraries.of("", ".5", ".123", ".123456789", ".1234567890", ".");
    Arbitrary<String> offset = Arbitraries.of("Z", "+00:00", "-0600", "+05:30", "+18:00", "+18:01", "", "z");
    return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
            fraction, offset)
        .as((y, mo, d, h, mi, f, o) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h, mi, mi % 60, f, o));
  }

  @Property(tries = 2000)
  void compareDateTime_generatedTexts_agreesWithParseDateTime(@ForAll("dateTimes") String s, @ForAll("dateTimes") String other) {
    Instant c = DateTimes.parseDateTime(other);
    if (c == null) {
      c = Instant.parse("2017-10-06T19:48:07.776Z");
    }
    Instant i = DateTimes.parseDateTime(s);
    int r = DateTimes.compareDateTime(s, c);
    if (i == null) {
      assertThat(r).as(s).isEqualTo(Integer.MIN_VALUE);
    } else {
      assertThat(r).as(s + " vs " + c).isEqualTo(Integer.signum(i.compareTo(c)));
    }
    Statistics.label("parsed").collect(i == null ? "not a date-time" : "date-time");
    Statistics.label("parsed").coverage(cov -> {
      cov.check("date-time").count((Integer n) -> n > 0);
      cov.check("not a date-time").count((Integer n) -> n > 0);
    });
  }

  @Property(tries = 500)
  void compareDateTime_sameSecond_ordersByNanos(@ForAll("dateTimes") String s) {
    Instant i = DateTimes.parseDateTime(s);
    if (i != null) {
      assertThat(DateTimes.compareDateTime(s, i)).isZero();
      assertThat(DateTimes.compareDateTime(s, i.plusNanos(1))).isEqualTo(-1);
      assertThat(DateTimes.compareDateTime(s, i.minusNanos(1))).isEqualTo(1);
    }
  }
}
