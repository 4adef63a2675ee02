package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;

/**
 * The node tests of the string operators, {@code startsWith}, {@code endsWith} and {@code like}:
 * true on a string that passes, or on an array with a string element that does; false on anything
 * else. With {@code fold} ({@code ignoreCase}) the literals are folded already and the event's text
 * is compared folded, without building it.
 */
final class TextTests {
  private TextTests() {}

  /** A test of one string, applied to a string node or to each string element of an array. */
  abstract static class OnStrings implements NodeTest {
    private final Outcome miss;

    OnStrings(Outcome miss) {
      this.miss = miss;
    }

    abstract boolean holds(String s);

    @Override
    public final Outcome test(JsonModel m, Object node) {
      Kind k = m.kind(node);
      if (k == Kind.STRING) {
        return holds(m.text(node)) ? Outcome.HOLDS : miss;
      }
      if (k != Kind.ARRAY) {
        return Outcome.TYPE_MISMATCH;
      }
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        Object e = m.element(node, i);
        if (m.kind(e) == Kind.STRING && holds(m.text(e))) {
          return Outcome.HOLDS;
        }
      }
      return miss;
    }
  }

  static final class StartsWith extends OnStrings {
    private final String prefix;
    private final boolean fold;

    StartsWith(String prefix, boolean fold) {
      super(Outcome.NOT_STARTING_WITH);
      this.prefix = prefix;
      this.fold = fold;
    }

    @Override
    boolean holds(String s) {
      return fold ? CaseFold.regionMatches(s, 0, prefix) : s.startsWith(prefix);
    }
  }

  static final class EndsWith extends OnStrings {
    private final String suffix;
    private final boolean fold;

    EndsWith(String suffix, boolean fold) {
      super(Outcome.NOT_ENDING_WITH);
      this.suffix = suffix;
      this.fold = fold;
    }

    @Override
    boolean holds(String s) {
      return fold ? CaseFold.regionMatches(s, s.length() - suffix.length(), suffix) : s.endsWith(suffix);
    }
  }

  static final class Like extends OnStrings {
    private final LikePattern pattern;
    private final boolean fold;

    Like(LikePattern pattern, boolean fold) {
      super(Outcome.NOT_LIKE);
      this.pattern = pattern;
      this.fold = fold;
    }

    @Override
    boolean holds(String s) {
      return pattern.matches(s, fold);
    }
  }
}
