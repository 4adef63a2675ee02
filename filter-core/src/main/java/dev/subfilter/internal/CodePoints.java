package dev.subfilter.internal;

/** Strings compared by Unicode code point, as the semantics table orders them. */
final class CodePoints {
  private CodePoints() {}

  /** Compares by Unicode code point (String.compareTo compares UTF-16 units, which differs above U+FFFF). */
  static int compare(String a, String b) {
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

}
