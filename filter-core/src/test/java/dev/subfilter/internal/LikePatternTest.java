package dev.subfilter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Like patterns: the syntax, its runs, and matching (the differential properties do the rest). */
class LikePatternTest {
  private static boolean like(String pattern, String s) {
    return LikePattern.of(pattern).matches(s, false);
  }

  @Test
  void problem_badEscapes_sayWhereAndWhat() {
    assertThat(LikePattern.problem("a\\b")).isEqualTo(
        "the like pattern has a backslash before 'b' (character 2); a backslash escapes only * and \\ (write \\\\ for a backslash)");
    assertThat(LikePattern.problem("abc\\")).startsWith("the like pattern ends with a lone backslash");
    assertThat(LikePattern.problem("a\\*b\\\\c*")).isNull();
    assertThat(LikePattern.problem("")).isNull();
    assertThatThrownBy(() -> LikePattern.of("\\x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_splitsAtUnescapedStars() {
    assertThat(LikePattern.of("a*b*").parts).containsExactly("a", "b", "");
    assertThat(LikePattern.of("a\\*b").parts).containsExactly("a*b");
    assertThat(LikePattern.of("\\\\*").parts).containsExactly("\\", "");
    assertThat(LikePattern.of("**").parts).containsExactly("", "", "");
    LikePattern p = LikePattern.of("ab*cdef*g");
    assertThat(p.leading()).isEqualTo("ab");
    assertThat(p.trailing()).isEqualTo("g");
    assertThat(p.longest()).isEqualTo("cdef");
    assertThat(LikePattern.of("abc").trailing()).isEmpty();
  }

  @Test
  void matches_wholeString_starsAnyRun() {
    assertThat(like("a*c", "abc")).isTrue();
    assertThat(like("a*c", "ac")).isTrue();
    assertThat(like("a*c", "abcd")).isFalse();
    assertThat(like("*", "")).isTrue();
    assertThat(like("", "")).isTrue();
    assertThat(like("", "a")).isFalse();
    assertThat(like("a*a", "a")).as("the runs may not overlap").isFalse();
    assertThat(like("*ab*ab*", "abab")).isTrue();
    assertThat(like("*ab*ab*", "aba")).isFalse();
    assertThat(like("a\\*c", "a*c")).isTrue();
    assertThat(like("a\\*c", "abc")).isFalse();
    assertThat(like("x*y*z", "xzyz")).isTrue();
    assertThat(like("x*y*z", "xzzy")).isFalse();
  }

  @Test
  void matches_folded_comparesTheFoldedText() {
    LikePattern p = LikePattern.of(CaseFold.fold("De*GN"));
    assertThat(p.matches("design", true)).isTrue();
    assertThat(p.matches("DESIGN", true)).isTrue();
    assertThat(p.matches("DESIGN", false)).isFalse();
  }
}
