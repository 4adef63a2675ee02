package dev.subfilter.internal;

import dev.subfilter.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case folding for {@code ignoreCase}: each code point becomes {@code
 * Character.toLowerCase(Character.toUpperCase(cp))}, Unicode's simple (one code point to one)
 * case mappings, the same in every locale. That is Unicode's simple case folding, except that the
 * dotted capital {@code İ} and the dotless {@code ı} also fold to {@code i} (so {@code I i İ ı} are
 * one letter); {@code ß} stays {@code ß} (equal to {@code ẞ}, not to {@code ss}, which only full
 * folding gives); {@code Σ σ ς} are one letter. A folded code point has as many UTF-16 units as the
 * original and folding twice changes nothing (CaseFoldTest checks both over every code point), so
 * a folded string has the original's length and its char at {@code i} is {@link #at}: evaluation
 * compares an event's text with folded constants char by char, without building the folded text.
 */
final class CaseFold {
  private CaseFold() {}

  /** The folded code point. */
  static int fold(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  /** The char at {@code i} of {@code s} folded (a surrogate of a pair: that of the folded pair; a lone one: itself). */
  static char at(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if (!Character.isSurrogate(c)) {
      return (char) fold(c);
    }
    if (Character.isHighSurrogate(c)) {
      if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        return Character.highSurrogate(fold(Character.toCodePoint(c, s.charAt(i + 1))));
      }
      return c;
    }
    if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
      return Character.lowSurrogate(fold(Character.toCodePoint(s.charAt(i - 1), c)));
    }
    return c;
  }

  /** {@code s} folded; {@code s} itself when folding changes nothing. */
  static String fold(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && at(s, i) == s.charAt(i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = new char[n];
    s.getChars(0, i, out, 0);
    for (; i < n; i++) {
      out[i] = at(s, i);
    }
    return new String(out);
  }

  /** {@code fold(s).hashCode()}, without building the folded text. */
  static int hash(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + at(s, i);
    }
    return h;
  }

  /** Whether {@code fold(s)} equals {@code folded} (a folded text). */
  static boolean equalsFolded(String folded, String s) {
    return s.length() == folded.length() && regionMatches(s, 0, folded);
  }

  /** Whether {@code fold(s)} holds {@code folded} at {@code offset} (false when it runs past either end). */
  static boolean regionMatches(String s, int offset, String folded) {
    int n = folded.length();
    if (offset < 0 || offset + n > s.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (at(s, offset + i) != folded.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@code fold(s)} holds {@code folded} first at or after {@code from}, ending at or before
   * {@code end}; -1 when nowhere.
   */
  static int indexOf(String s, String folded, int from, int end) {
    int last = end - folded.length();
    for (int i = Math.max(from, 0); i <= last; i++) {
      if (regionMatches(s, i, folded)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code json} with every string in it folded (object keys are names, kept as written). */
  static JsonValue foldStrings(JsonValue json) {
    if (json instanceof JsonValue.Str s) {
      String f = fold(s.value());
      return f == s.value() ? json : new JsonValue.Str(f);
    }
    if (json instanceof JsonValue.Arr a) {
      List<JsonValue> out = new ArrayList<>(a.elements().size());
      for (JsonValue e : a.elements()) {
        out.add(foldStrings(e));
      }
      return new JsonValue.Arr(out);
    }
    if (json instanceof JsonValue.Obj o) {
      Map<String, JsonValue> out = new LinkedHashMap<>();
      o.members().forEach((k, v) -> out.put(k, foldStrings(v)));
      return new JsonValue.Obj(out);
    }
    return json;
  }
}
