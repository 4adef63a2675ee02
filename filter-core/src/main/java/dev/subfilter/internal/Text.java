package dev.subfilter.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hand-written scanners for the two text forms filters read (JSON numbers and Workfront
 * date-times), so that evaluation uses neither regular expressions nor exceptions for control flow.
 * Not API.
 */
public final class Text {
  private Text() {}

  /** Whether {@code s} is exactly a JSON number: no spaces, no {@code +}, no leading zeros, no NaN. */
  public static boolean isJsonNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    if (i >= n) {
      return false;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else if (digit(s.charAt(i))) {
      i = skipDigits(s, i);
    } else {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      int start = i + 1;
      i = skipDigits(s, start);
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = skipDigits(s, start);
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && digit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returned by {@link #plainLong} and {@link #dateTimeField} for text they do not read. */
  public static final long NONE = Long.MIN_VALUE;

  /**
   * The value of a JSON-number string that is an integer of at most 18 digits without fraction or
   * exponent ({@code "1500"}, {@code "-7"}, {@code "-0"}), else {@link #NONE}: lets evaluation compare
   * the common numeric strings without allocating a BigDecimal.
   */
  public static long plainLong(String s) {
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    int digits = n - i;
    if (digits < 1 || digits > 18 || (s.charAt(i) == '0' && digits > 1)) {
      return NONE;
    }
    long v = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!digit(c)) {
        return NONE;
      }
      v = v * 10 + (c - '0');
    }
    return s.charAt(0) == '-' ? -v : v;
  }

  /** The value of a JSON-number string, or {@code null} when it is not one (or its exponent is out of range). */
  public static BigDecimal parseNumber(String s) {
    if (s.isEmpty() || s.length() > 1000 || !isJsonNumber(s)) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null; // exponent beyond int range: not a number we can order
    }
  }

  /**
   * Plain decimal text without trailing zeros: {@code 2.0 -> "2"}, {@code 1e5 -> "100000"}.
   *
   * @throws IllegalArgumentException when that text would be longer than {@code maxLength}
   *     ({@code 1e999999999} would be a billion characters)
   */
  public static String plain(BigDecimal d, int maxLength) {
    if (d.signum() == 0) {
      return "0";
    }
    if (plainLength(d) > maxLength) {
      throw new IllegalArgumentException("the number " + d + " has more than " + maxLength + " characters written out");
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** The length of {@link #plain}'s text, computed without writing it out (at most Integer.MAX_VALUE). */
  public static int plainLength(BigDecimal d) {
    if (d.signum() == 0) {
      return 1;
    }
    BigDecimal s = d.stripTrailingZeros();
    long digits = s.precision();
    long scale = s.scale();
    long length = (scale <= 0 ? digits - scale : Math.max(digits, scale) + 1 + (digits > scale ? 0 : 1)) + (s.signum() < 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, length);
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm|±hhmm)}, or returns {@code null}. Calendar
   * fields are checked (month 1-12, day within the month, hour 0-23, offset within ±18:00).
   */
  public static Instant parseDateTime(String s) {
    long secs = dateTimeField(s, false);
    return secs == NONE ? null : Instant.ofEpochSecond(secs, dateTimeField(s, true));
  }

  /**
   * {@code -1, 0, 1} as the date-time {@code s} is before, at or after {@code c}, or {@code
   * Integer.MIN_VALUE} when {@code s} is not a date-time ({@link #parseDateTime}); allocates nothing.
   */
  public static int compareDateTime(String s, Instant c) {
    long secs = dateTimeField(s, false);
    if (secs == NONE) {
      return Values.INCOMPARABLE;
    }
    if (secs != c.getEpochSecond()) {
      return secs < c.getEpochSecond() ? -1 : 1;
    }
    return Integer.signum(Long.compare(dateTimeField(s, true), c.getNano()));
  }

  /** The epoch second (or, with {@code nanos}, the nano of second) of the date-time {@code s}, or {@link #NONE}. */
  private static long dateTimeField(String s, boolean nanos) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return NONE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NONE;
    }
    int i = 19;
    int nano = 0;
    if (s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && digit(s.charAt(i))) {
        nano = nano * 10 + (s.charAt(i) - '0');
        i++;
      }
      int len = i - start;
      if (len < 1 || len > 9) {
        return NONE;
      }
      for (int k = len; k < 9; k++) {
        nano *= 10;
      }
    }
    if (i >= n) {
      return NONE;
    }
    int offsetSeconds;
    char c = s.charAt(i);
    if (c == 'Z') {
      if (i + 1 != n) {
        return NONE;
      }
      offsetSeconds = 0;
    } else if (c == '+' || c == '-') {
      int oh = digits(s, i + 1, 2);
      int om;
      if (n == i + 6 && s.charAt(i + 3) == ':') {
        om = digits(s, i + 4, 2);
      } else if (n == i + 5) {
        om = digits(s, i + 3, 2);
      } else {
        return NONE;
      }
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return NONE;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return NONE;
    }
    if (nanos) {
      return nano;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
  }

  /** Compares by Unicode code point (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!digit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  private static long epochDay(int y, int m, int d) {
    long year = m <= 2 ? y - 1 : y;
    long era = Math.floorDiv(year, 400);
    long yoe = year - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
