package dev.subfilter.internal;

import java.math.BigDecimal;

/**
 * JSON number text read and written by hand, so that evaluation uses neither regular expressions
 * nor exceptions for control flow. Not API: public only because {@code dev.subfilter}'s parser and
 * {@code Event} write numbers out (object ids, number lengths) the way the compiled filters read them.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Whether {@code s} is exactly a JSON number: no spaces, no {@code +}, no leading zeros, no NaN.
   *
   * @param s the text; not {@code null}
   * @return {@code true} if the whole of {@code s} is one JSON number (RFC 8259 grammar)
   * @throws NullPointerException if {@code s} is {@code null}
   */
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

  /** Returned by {@link #plainLong} for text it does not read. */
  public static final long NONE = Long.MIN_VALUE;

  /**
   * The value of a JSON-number string that is an integer of at most 18 digits without fraction or
   * exponent ({@code "1500"}, {@code "-7"}, {@code "-0"}), else {@link #NONE}: lets evaluation compare
   * the common numeric strings without allocating a BigDecimal.
   *
   * @param s the text; not {@code null}
   * @return the value ({@code 0} for {@code "-0"}), or {@link #NONE} for any other text
   * @throws NullPointerException if {@code s} is {@code null}
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

  /**
   * The value of a JSON-number string, or {@code null} when it is not one (or its exponent is out of range).
   *
   * @param s the text; not {@code null}
   * @return the exact value, scale as written ({@code "1.50"} has scale 2), or {@code null} when
   *     {@code s} is empty, longer than 1,000 characters, not a JSON number, or has an exponent
   *     beyond {@code int} range
   * @throws NullPointerException if {@code s} is {@code null}
   */
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
   * @param d the number; not {@code null}
   * @param maxLength the longest text allowed, in characters
   * @return the text, with a leading {@code -} when negative, never an exponent; {@code "0"} for
   *     any zero
   * @throws NullPointerException if {@code d} is {@code null}
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

  /**
   * The length of {@link #plain}'s text, computed without writing it out (at most Integer.MAX_VALUE).
   *
   * @param d the number; not {@code null}
   * @return the number of characters, sign and decimal point included, capped at
   *     {@link Integer#MAX_VALUE}
   * @throws NullPointerException if {@code d} is {@code null}
   */
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

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
