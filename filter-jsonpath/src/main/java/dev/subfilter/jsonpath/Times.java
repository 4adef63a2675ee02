package dev.subfilter.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** How a mapping reads a time: {@code eventTime}'s {@code format}. Stateless. */
enum Times {
  /**
   * ISO-8601 date-times with an offset: {@code 2019-05-15T15:20:33Z}, fractions of 1–9 digits,
   * offsets {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}; a space may stand for the
   * {@code T} and {@code UTC} (after a space) for {@code Z}, as GitLab writes
   * {@code 2017-09-15 16:50:55 UTC}.
   */
  ISO_8601("iso-8601"),
  /** Seconds since 1970-01-01T00:00Z, a number or numeric string, possibly with a fraction. */
  EPOCH_SECONDS("epoch-seconds"),
  /** Milliseconds since 1970-01-01T00:00Z, a number or numeric string. */
  EPOCH_MILLIS("epoch-millis");

  private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  /** The name a mapping gives it. */
  final String label;

  Times(String label) {
    this.label = label;
  }

  /** The format of this name, or {@code null}. */
  static Times of(String label) {
    for (Times t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The instant {@code n} denotes in this format, or {@code null} when it does not denote one
   * (wrong type, malformed, out of range).
   */
  Instant read(JsonNode n) {
    if (this == ISO_8601) {
      if (!n.isTextual()) {
        return null;
      }
      String s = n.textValue();
      if (s.endsWith(" UTC")) {
        s = s.substring(0, s.length() - 4) + "Z";
      }
      if (s.length() > 64) {
        return null;
      }
      try {
        return OffsetDateTime.parse(s, ISO).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    String text = Texts.scalar(n);
    if (text == null || !(n.isNumber() || n.isTextual()) || text.length() > 40) {
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
    try {
      if (this == EPOCH_MILLIS) {
        d = d.movePointLeft(3);
      }
      BigDecimal seconds = d.setScale(0, java.math.RoundingMode.FLOOR);
      long nanos = d.subtract(seconds).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }
}
