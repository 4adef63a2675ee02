package dev.subfilter.internal;

import java.util.Arrays;

/**
 * What {@link SubscriptionIndex#match} calls evaluated: candidates and matches by where the candidate came from
 * (a pinned objId, eq, contains, prefix, suffix, substring, presence, range, changed or absence
 * postings, a fallback list), the candidates listed in
 * several lists and their matches, and the reaches of such a candidate skipped because it had
 * been evaluated for that event already. Not API: for tests and statistics. Not thread-safe. Package-private:
 * the API package reaches it as {@link SubscriptionIndex.Counters}.
 */
class IndexCounters {
  private final long[] candidates = new long[MatchRun.Source.values().length];
  private final long[] matches = new long[candidates.length];
  private long multi;
  private long multiMatches;
  long deduped;

  /** Per id, {evaluated, matched}; {@code null} unless asked for. */
  java.util.Map<String, long[]> perId;

  /** Counters at zero. */
  IndexCounters() {}

  void count(MatchRun.Source source, Entry e, boolean matched) {
    boolean isMulti = e.multi;
    if (perId != null) {
      long[] c = perId.computeIfAbsent(e.id, k -> new long[2]);
      c[0]++;
      if (matched) {
        c[1]++;
      }
    }
    candidates[source.ordinal()]++;
    if (matched) {
      matches[source.ordinal()]++;
    }
    if (isMulti) {
      multi++;
      if (matched) {
        multiMatches++;
      }
    }
  }

  /** @return candidates evaluated in all */
  public long candidates() {
    return Arrays.stream(candidates).sum();
  }

  /** @return matches found in all */
  public long matches() {
    return Arrays.stream(matches).sum();
  }

  /** @return candidates evaluated from objId pins */
  public long pinnedCandidates() {
    return candidates[MatchRun.Source.PINNED.ordinal()];
  }

  /** @return candidates evaluated from eq postings */
  public long eqCandidates() {
    return candidates[MatchRun.Source.EQ.ordinal()];
  }

  /** @return candidates evaluated from contains postings */
  public long containsCandidates() {
    return candidates[MatchRun.Source.CONTAINS.ordinal()];
  }

  /** @return candidates evaluated from prefix postings ({@code startsWith}, a {@code like} pattern's leading literal) */
  public long prefixCandidates() {
    return candidates[MatchRun.Source.PREFIX.ordinal()];
  }

  /** @return candidates evaluated from suffix postings ({@code endsWith}, a {@code like} pattern's trailing literal) */
  public long suffixCandidates() {
    return candidates[MatchRun.Source.SUFFIX.ordinal()];
  }

  /** @return candidates evaluated from substring postings (a {@code like} pattern's inner literal run) */
  public long substringCandidates() {
    return candidates[MatchRun.Source.SUBSTRING.ordinal()];
  }

  /** @return candidates evaluated from presence postings ({@code notIn}, {@code ne}, {@code exists}, a range on a string) */
  public long presenceCandidates() {
    return candidates[MatchRun.Source.PRESENT.ordinal()];
  }

  /** @return candidates evaluated from range postings (gt, gte, lt, lte on numbers and date-times) */
  public long rangeCandidates() {
    return candidates[MatchRun.Source.RANGE.ordinal()];
  }

  /** @return matches among {@link #rangeCandidates()} */
  public long rangeMatches() {
    return matches[MatchRun.Source.RANGE.ordinal()];
  }

  /** @return candidates evaluated from changed postings (the field differs between the states) */
  public long changedCandidates() {
    return candidates[MatchRun.Source.CHANGED.ordinal()];
  }

  /** @return matches among {@link #changedCandidates()} */
  public long changedMatches() {
    return matches[MatchRun.Source.CHANGED.ordinal()];
  }

  /** @return candidates evaluated from absence postings (notExists) */
  public long absentCandidates() {
    return candidates[MatchRun.Source.ABSENT.ordinal()];
  }

  /** @return matches among {@link #absentCandidates()} */
  public long absentMatches() {
    return matches[MatchRun.Source.ABSENT.ordinal()];
  }

  /** @return candidates evaluated from fallback lists */
  public long fallbackCandidates() {
    return candidates[MatchRun.Source.FALLBACK.ordinal()];
  }

  /** @return matches among {@link #pinnedCandidates()} */
  public long pinnedMatches() {
    return matches[MatchRun.Source.PINNED.ordinal()];
  }

  /** @return matches among {@link #eqCandidates()} */
  public long eqMatches() {
    return matches[MatchRun.Source.EQ.ordinal()];
  }

  /** @return matches among {@link #containsCandidates()} */
  public long containsMatches() {
    return matches[MatchRun.Source.CONTAINS.ordinal()];
  }

  /** @return matches among {@link #prefixCandidates()} */
  public long prefixMatches() {
    return matches[MatchRun.Source.PREFIX.ordinal()];
  }

  /** @return matches among {@link #suffixCandidates()} */
  public long suffixMatches() {
    return matches[MatchRun.Source.SUFFIX.ordinal()];
  }

  /** @return matches among {@link #substringCandidates()} */
  public long substringMatches() {
    return matches[MatchRun.Source.SUBSTRING.ordinal()];
  }

  /** @return matches among {@link #presenceCandidates()} */
  public long presenceMatches() {
    return matches[MatchRun.Source.PRESENT.ordinal()];
  }

  /** @return matches among {@link #fallbackCandidates()} */
  public long fallbackMatches() {
    return matches[MatchRun.Source.FALLBACK.ordinal()];
  }

  /** @return candidates evaluated that are listed in several lists (an OR's branches, a key inside an objects array) */
  public long multiCandidates() {
    return multi;
  }

  /** @return matches among {@link #multiCandidates()} */
  public long multiMatches() {
    return multiMatches;
  }

  /** @return reaches of an already evaluated multi-listed candidate, skipped */
  public long deduped() {
    return deduped;
  }
}
