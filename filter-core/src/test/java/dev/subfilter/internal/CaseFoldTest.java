package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subfilter.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Case folding: what it maps, and the properties the allocation-free comparisons rely on. */
class CaseFoldTest {
  private static int javaFold(int cp) {
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  @Test
  void fold_everyCodePoint_keepsItsUtf16LengthAndIsIdempotent() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int f = CaseFold.fold(cp);
      assertThat(f).as("U+%04X", cp).isEqualTo(javaFold(cp));
      if (Character.charCount(f) != Character.charCount(cp) || CaseFold.fold(f) != f) {
        throw new AssertionError(String.format("U+%04X folds to U+%04X", cp, f));
      }
    }
  }

  @Test
  void at_everyBmpCharAndSomePairs_isTheFoldedStringsChar() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 0xD800; c++) {
      b.append(c);
    }
    for (char c = 0xE000; c != 0; c++) {
      b.append(c);
    }
    b.appendCodePoint(0x10400).appendCodePoint(0x10428).appendCodePoint(0x1E900).append('\uD800').append('x').append('\uDC00');
    String s = b.toString();
    String folded = reference(s);
    assertThat(CaseFold.fold(s)).isEqualTo(folded);
    for (int i = 0; i < s.length(); i++) {
      if (CaseFold.at(s, i) != folded.charAt(i)) {
        throw new AssertionError("char " + i + " of " + Integer.toHexString(s.codePointAt(i)));
      }
    }
    assertThat(CaseFold.hash(s)).isEqualTo(folded.hashCode());
    assertThat(CaseFold.equalsFolded(folded, s)).isTrue();
  }

  private static String reference(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().map(CaseFoldTest::javaFold).forEach(b::appendCodePoint);
    return b.toString();
  }

  @Test
  void fold_theDocumentedLetters() {
    assertThat(CaseFold.fold("I\u0130\u0131i")).as("Turkish: I, dotted İ, dotless ı are all i").isEqualTo("iiii");
    assertThat(CaseFold.fold("\u00df\u1e9e")).as("German: ß and ẞ are ß, not ss").isEqualTo("\u00df\u00df");
    assertThat(CaseFold.fold("\u03a3\u03c3\u03c2")).as("Greek: Σ, σ and final ς are σ").isEqualTo("\u03c3\u03c3\u03c3");
    assertThat(CaseFold.fold("\u212a\u017f")).as("the Kelvin sign is k, the long s is s").isEqualTo("ks");
    assertThat(CaseFold.fold("e\u0301")).as("no normalisation: é written with a combining accent stays two chars").isEqualTo("e\u0301");
    String plain = "already folded 123";
    assertThat(CaseFold.fold(plain)).isSameAs(plain);
  }

  @Test
  void regionMatchesAndIndexOf_compareFoldedInPlace() {
    assertThat(CaseFold.regionMatches("Hello World", 6, "world")).isTrue();
    assertThat(CaseFold.regionMatches("Hello", 3, "lo!")).as("past the end").isFalse();
    assertThat(CaseFold.regionMatches("Hello", -1, "h")).isFalse();
    assertThat(CaseFold.indexOf("aXbXc", "xc", 0, 5)).isEqualTo(3);
    assertThat(CaseFold.indexOf("aXbXc", "xc", 0, 4)).as("must end by the limit").isEqualTo(-1);
    assertThat(CaseFold.indexOf("ab", "", 1, 2)).isEqualTo(1);
  }

  @Test
  void foldStrings_foldsValuesNotKeys() {
    JsonValue v = new JsonValue.Obj(Map.of("Key", new JsonValue.Arr(List.of(JsonValue.of("ABC"), JsonValue.of(1), JsonValue.of(true)))));
    assertThat(CaseFold.foldStrings(v))
        .isEqualTo(new JsonValue.Obj(Map.of("Key", new JsonValue.Arr(List.of(JsonValue.of("abc"), JsonValue.of(1), JsonValue.of(true))))));
  }
}
