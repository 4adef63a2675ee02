package dev.subfilter;

/**
 * Bounds on what subfilter reads, so that no input can exhaust the stack or the heap. Each error
 * that a limit causes names the limit to raise. Immutable.
 *
 * @param maxGroupDepth how deeply groups may nest in {@link Mode#EXTENDED} (a top-level group is depth 1)
 * @param maxFilters how many filters and groups one subscription may hold in all
 * @param maxValueDepth how deeply a {@code fieldValue} may nest (objects and arrays)
 * @param maxStringLength the longest string (or key) a subscription may hold, and the longest
 *     plain decimal text of a number {@code fieldValue}
 * @param maxDocumentBytes the largest subscription or event document read (Jackson's StreamReadConstraints maxDocumentLength)
 * @param maxJsonDepth the deepest nesting of a JSON document read (Jackson's StreamReadConstraints maxNestingDepth)
 */
public record Limits(
    int maxGroupDepth,
    int maxFilters,
    int maxValueDepth,
    int maxStringLength,
    long maxDocumentBytes,
    int maxJsonDepth) {

  /** The defaults: group depth 8, 1,000 filters, value depth 16, strings of 65,536 chars, 8 MiB documents, JSON depth 500. */
  public static final Limits DEFAULTS = new Limits(8, 1_000, 16, 65_536, 8L << 20, 500);

  /**
   * The deepest {@code maxJsonDepth} (and so group and value depth) allowed: documents are turned
   * into trees by recursion, and this many levels fit any thread's default stack.
   */
  public static final int MAX_DEPTH = 1_000;

  /** The largest {@code maxStringLength} allowed (16 Mi characters). */
  public static final int MAX_STRING_LENGTH = 1 << 24;

  /**
   * Limits; each must be at least 1.
   *
   * @param maxGroupDepth group nesting, in levels, at most {@link #MAX_DEPTH}
   * @param maxFilters filters and groups per subscription
   * @param maxValueDepth {@code fieldValue} nesting, in levels, at most {@link #MAX_DEPTH}
   * @param maxStringLength in characters (UTF-16 units), at most {@link #MAX_STRING_LENGTH}
   * @param maxDocumentBytes in bytes
   * @param maxJsonDepth JSON nesting, in levels, at most {@link #MAX_DEPTH}
   * @throws IllegalArgumentException when a limit is below 1, a depth above {@link #MAX_DEPTH} or the string length above {@link #MAX_STRING_LENGTH}
   */
  public Limits {
    range("maxGroupDepth", maxGroupDepth, MAX_DEPTH);
    range("maxFilters", maxFilters, Integer.MAX_VALUE);
    range("maxValueDepth", maxValueDepth, MAX_DEPTH);
    range("maxStringLength", maxStringLength, MAX_STRING_LENGTH);
    range("maxDocumentBytes", maxDocumentBytes, Long.MAX_VALUE);
    range("maxJsonDepth", maxJsonDepth, MAX_DEPTH);
  }

  // Each withX returns a copy with that one limit changed; see the record components for meanings.

  /**
   * A copy with {@link #maxGroupDepth()} changed.
   *
   * @param v how deeply groups may nest, from 1 to {@link #MAX_DEPTH}
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is out of that range
   */
  public Limits withMaxGroupDepth(int v) {
    return new Limits(v, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth);
  }

  /**
   * A copy with {@link #maxFilters()} changed.
   *
   * @param v how many filters and groups a subscription may hold, at least 1
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is below 1
   */
  public Limits withMaxFilters(int v) {
    return new Limits(maxGroupDepth, v, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth);
  }

  /**
   * A copy with {@link #maxValueDepth()} changed.
   *
   * @param v how deeply a fieldValue may nest, from 1 to {@link #MAX_DEPTH}
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is out of that range
   */
  public Limits withMaxValueDepth(int v) {
    return new Limits(maxGroupDepth, maxFilters, v, maxStringLength, maxDocumentBytes, maxJsonDepth);
  }

  /**
   * A copy with {@link #maxStringLength()} changed.
   *
   * @param v the longest string, in characters, from 1 to {@link #MAX_STRING_LENGTH}
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is out of that range
   */
  public Limits withMaxStringLength(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, v, maxDocumentBytes, maxJsonDepth);
  }

  /**
   * A copy with {@link #maxDocumentBytes()} changed.
   *
   * @param v the largest document, in bytes, at least 1
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is below 1
   */
  public Limits withMaxDocumentBytes(long v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, v, maxJsonDepth);
  }

  /**
   * A copy with {@link #maxJsonDepth()} changed.
   *
   * @param v the deepest JSON nesting, in levels, from 1 to {@link #MAX_DEPTH}
   * @return the new limits; this one is unchanged
   * @throws IllegalArgumentException when {@code v} is out of that range
   */
  public Limits withMaxJsonDepth(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, v);
  }

  /**
   * What is wrong with reading a document of {@code bytes} bytes, in words that name the setting
   * to raise; {@code null} within the limit. Every reader checks the length here.
   *
   * @param bytes the document's length so far (or in all)
   * @return the problem, or {@code null}
   */
  public String documentBytesProblem(long bytes) {
    return bytes > maxDocumentBytes ? "document longer than " + maxDocumentBytes + " bytes; raise Limits.maxDocumentBytes" : null;
  }

  /**
   * What is wrong with a JSON document nested {@code depth} levels deep, in words that name the
   * setting to raise; {@code null} within the limit. Every reader checks the depth here.
   *
   * @param depth the nesting reached (a top-level object is depth 1)
   * @return the problem, or {@code null}
   */
  public String jsonDepthProblem(int depth) {
    return depth > maxJsonDepth ? "JSON nested deeper than " + maxJsonDepth + " levels; raise Limits.maxJsonDepth" : null;
  }

  private static void range(String name, long value, long max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException("Limits." + name + " must be from 1 to " + max + ", was " + value);
    }
  }
}
