package dev.subfilter.internal;

import java.time.Instant;

/**
 * Workfront and ISO-8601 date-times with an offset, read by hand and compared without building an
 * {@link Instant} per event.
 */
final class DateTimes {
  /** Returned by {@link #dateTimeField} for text that is not a date-time. */
  private static final long NONE = Long.MIN_VALUE;

  private DateTimes() {}

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm|±hhmm)}, or returns {@code null}. Calendar
   * fields are checked (month 1-12, day within the month, hour 0-23, offset within ±18:00).
   */
  static Instant parseDateTime(String s) {
    long secs = dateTimeField(s, false);
    return secs == NONE ? null : Instant.ofEpochSecond(secs, dateTimeField(s, true));
  }

  /**
   * {@code -1, 0, 1} as the date-time {@code s} is before, at or after {@code c}, or {@link
   * Values#INCOMPARABLE} when {@code s} is not a date-time ({@link #parseDateTime}); allocates nothing.
   */
  static int compareDateTime(String s, Instant c) {
    long secs = dateTimeField(s, false);
    if (secs == NONE) {
      return Values.INCOMPARABLE;
    }
    if (secs != c.getEpochSecond()) {
      return secs < c.getEpochSecond() ? -1 : 1;
    }
    return Integer.signum(Long.compare(dateTimeField(s, true), c.getNano()));
  }

  /** The epoch second of the date-time {@code s}, or {@link Long#MIN_VALUE} when {@code s} is not one. */
  static long epochSecond(String s) {
    return dateTimeField(s, false);
  }

  /** The nano of second of the date-time {@code s}, which {@link #epochSecond} read. */
  static long nanoOfSecond(String s) {
    return dateTimeField(s, true);
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
