package dev.subfilter;

/**
 * Bounds on what subfilter reads, so that no input can exhaust the stack or the heap. Each error
 * that a limit causes names the limit to raise. Immutable.
 *
 * <p>The last five bound every JSON document read (subscriptions, events, deliveries, mappings):
 * filter-jackson gives each to Jackson as the matching {@code StreamReadConstraints} setting and
 * answers a limit hit with this record's own message ({@link #documentBytesProblem}, {@link
 * #jsonDepthProblem}, {@link #jsonNumberLengthProblem}, {@link #jsonStringLengthProblem}, {@link
 * #jsonNameLengthProblem}), so every message names a {@code Limits} setting, never Jackson's.
 * Jackson's sixth constraint, a token count, has no setting: {@code maxDocumentBytes} bounds the
 * tokens already (each is at least one byte), and subfilter leaves Jackson's count off.
 *
 * <p>A value out of range is a programming error, not bad input: the constructor and each {@code
 * withX} throw {@link IllegalArgumentException} naming the setting ({@code Limits.maxFilters must
 * be from 1 to ...}), as every configuration error of subfilter does.
 *
 * @param maxGroupDepth how deeply groups may nest in {@link Mode#EXTENDED} (a top-level group is depth 1)
 * @param maxFilters how many filters and groups one subscription may hold in all
 * @param maxValueDepth how deeply a {@code fieldValue} may nest (objects and arrays)
 * @param maxStringLength the longest string (or key) a subscription may hold, and the longest
 *     plain decimal text of a number {@code fieldValue}
 * @param maxDocumentBytes the largest JSON document read (Jackson's {@code maxDocumentLength})
 * @param maxJsonDepth the deepest nesting of a JSON document read (Jackson's {@code maxNestingDepth})
 * @param maxJsonNumberLength the most digits of a number of a JSON document read (integer, fraction
 *     and exponent digits; Jackson's {@code maxNumberLength})
 * @param maxJsonStringLength the longest string value of a JSON document read, in characters
 *     (Jackson's {@code maxStringLength}); a subscription's strings are bounded further by {@code maxStringLength}
 * @param maxJsonNameLength the longest member name of a JSON document read, in characters (Jackson's {@code maxNameLength})
 * @param maxInValues the most values the list of an {@code in} or {@code notIn} condition may hold
 */
public record Limits(
    int maxGroupDepth,
    int maxFilters,
    int maxValueDepth,
    int maxStringLength,
    long maxDocumentBytes,
    int maxJsonDepth,
    int maxJsonNumberLength,
    int maxJsonStringLength,
    int maxJsonNameLength,
    int maxInValues) {

  /** The default {@code maxInValues}: 1,000 values in an {@code in} or {@code notIn} list. */
  public static final int DEFAULT_MAX_IN_VALUES = 1_000;

  /** The default {@code maxJsonNumberLength}: 1,000 digits (Jackson's default). */
  public static final int DEFAULT_MAX_JSON_NUMBER_LENGTH = 1_000;

  /** The default {@code maxJsonStringLength}: 20,000,000 characters (Jackson's default). */
  public static final int DEFAULT_MAX_JSON_STRING_LENGTH = 20_000_000;

  /** The default {@code maxJsonNameLength}: 50,000 characters (Jackson's default). */
  public static final int DEFAULT_MAX_JSON_NAME_LENGTH = 50_000;

  /**
   * The defaults: group depth 8, 1,000 filters, value depth 16, subscription strings of 65,536
   * chars, 8 MiB documents, JSON depth 500, JSON numbers of 1,000 digits, JSON strings of 20,000,000
   * chars, JSON names of 50,000 chars, 1,000 values in an {@code in} list.
   */
  public static final Limits DEFAULTS = new Limits(8, 1_000, 16, 65_536, 8L << 20, 500);

  /**
   * The deepest {@code maxJsonDepth} (and so group and value depth) allowed: documents are turned
   * into trees by recursion, and this many levels fit any thread's default stack.
   */
  public static final int MAX_DEPTH = 1_000;

  /** The largest {@code maxStringLength} allowed (16 Mi characters). */
  public static final int MAX_STRING_LENGTH = 1 << 24;

  /**
   * Checks every limit; each must be at least 1.
   *
   * @param maxGroupDepth group nesting, in levels, at most {@link #MAX_DEPTH}
   * @param maxFilters filters and groups per subscription
   * @param maxValueDepth {@code fieldValue} nesting, in levels, at most {@link #MAX_DEPTH}
   * @param maxStringLength in characters (UTF-16 units), at most {@link #MAX_STRING_LENGTH}
   * @param maxDocumentBytes in bytes
   * @param maxJsonDepth JSON nesting, in levels, at most {@link #MAX_DEPTH}
   * @param maxJsonNumberLength digits of a JSON number
   * @param maxJsonStringLength characters of a JSON string value
   * @param maxJsonNameLength characters of a JSON member name
   * @param maxInValues values of an {@code in} or {@code notIn} list
   * @throws IllegalArgumentException naming the setting, when a limit is below 1, a depth above
   *     {@link #MAX_DEPTH} or {@code maxStringLength} above {@link #MAX_STRING_LENGTH}
   */
  public Limits {
    range("maxGroupDepth", maxGroupDepth, MAX_DEPTH);
    range("maxFilters", maxFilters, Integer.MAX_VALUE);
    range("maxValueDepth", maxValueDepth, MAX_DEPTH);
    range("maxStringLength", maxStringLength, MAX_STRING_LENGTH);
    range("maxDocumentBytes", maxDocumentBytes, Long.MAX_VALUE);
    range("maxJsonDepth", maxJsonDepth, MAX_DEPTH);
    range("maxJsonNumberLength", maxJsonNumberLength, Integer.MAX_VALUE);
    range("maxJsonStringLength", maxJsonStringLength, Integer.MAX_VALUE);
    range("maxJsonNameLength", maxJsonNameLength, Integer.MAX_VALUE);
    range("maxInValues", maxInValues, Integer.MAX_VALUE);
  }

  /**
   * The first six limits, the JSON token lengths and {@code maxInValues} at their defaults (the
   * constructor of snapshots before those four existed).
   *
   * @param maxGroupDepth see the record component
   * @param maxFilters see the record component
   * @param maxValueDepth see the record component
   * @param maxStringLength see the record component
   * @param maxDocumentBytes see the record component
   * @param maxJsonDepth see the record component
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Limits(int maxGroupDepth, int maxFilters, int maxValueDepth, int maxStringLength, long maxDocumentBytes, int maxJsonDepth) {
    this(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth,
        DEFAULT_MAX_JSON_NUMBER_LENGTH, DEFAULT_MAX_JSON_STRING_LENGTH, DEFAULT_MAX_JSON_NAME_LENGTH, DEFAULT_MAX_IN_VALUES);
  }

  /**
   * The names of the settings, in component order: what {@link #with(String, long)} takes.
   *
   * @return {@code maxGroupDepth}, {@code maxFilters}, ...
   */
  public static java.util.List<String> names() {
    return java.util.List.of("maxGroupDepth", "maxFilters", "maxValueDepth", "maxStringLength", "maxDocumentBytes",
        "maxJsonDepth", "maxJsonNumberLength", "maxJsonStringLength", "maxJsonNameLength", "maxInValues");
  }

  /**
   * A copy with the setting called {@code name} changed, for configuration read as text (the CLI's
   * {@code --limit NAME=VALUE}).
   *
   * @param name one of {@link #names()}
   * @param value the new value
   * @return the copy
   * @throws IllegalArgumentException naming the setting when {@code name} is not one of {@link
   *     #names()} or {@code value} is out of its range (an {@code int} setting above {@link Integer#MAX_VALUE} included)
   */
  public Limits with(String name, long value) {
    java.util.Objects.requireNonNull(name, "name");
    if (name.equals("maxDocumentBytes")) {
      return withMaxDocumentBytes(value);
    }
    if (!names().contains(name)) {
      throw new IllegalArgumentException("no Limits setting " + name + "; the settings are " + String.join(", ", names()));
    }
    range(name, value, Integer.MAX_VALUE);
    int v = (int) value;
    switch (name) {
      case "maxGroupDepth": return withMaxGroupDepth(v);
      case "maxFilters": return withMaxFilters(v);
      case "maxValueDepth": return withMaxValueDepth(v);
      case "maxStringLength": return withMaxStringLength(v);
      case "maxJsonDepth": return withMaxJsonDepth(v);
      case "maxJsonNumberLength": return withMaxJsonNumberLength(v);
      case "maxJsonStringLength": return withMaxJsonStringLength(v);
      case "maxJsonNameLength": return withMaxJsonNameLength(v);
      default: return withMaxInValues(v);
    }
  }

  // Each withX returns a copy with that one limit changed; see the record components for meanings.

  /**
   * A copy with {@code maxGroupDepth} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxGroupDepth(int v) {
    return new Limits(v, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxFilters} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxFilters(int v) {
    return new Limits(maxGroupDepth, v, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxValueDepth} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxValueDepth(int v) {
    return new Limits(maxGroupDepth, maxFilters, v, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxStringLength} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxStringLength(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, v, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxDocumentBytes} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxDocumentBytes(long v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, v, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxJsonDepth} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxJsonDepth(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, v, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxJsonNumberLength} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxJsonNumberLength(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, v, maxJsonStringLength, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxJsonStringLength} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxJsonStringLength(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, v, maxJsonNameLength, maxInValues);
  }

  /**
   * A copy with {@code maxJsonNameLength} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxJsonNameLength(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, v, maxInValues);
  }

  /**
   * A copy with {@code maxInValues} changed.
   *
   * @param v the new value
   * @return the copy
   */
  public Limits withMaxInValues(int v) {
    return new Limits(maxGroupDepth, maxFilters, maxValueDepth, maxStringLength, maxDocumentBytes, maxJsonDepth, maxJsonNumberLength, maxJsonStringLength, maxJsonNameLength, v);
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

  /**
   * What is wrong with a JSON number of {@code length} digits, in words that name the setting to
   * raise; {@code null} within the limit.
   *
   * @param length the number's digits (integer, fraction and exponent; no sign, point or {@code e})
   * @return the problem, or {@code null}
   */
  public String jsonNumberLengthProblem(int length) {
    return length > maxJsonNumberLength
        ? "a number of " + length + " digits exceeds the limit of " + maxJsonNumberLength + "; raise Limits.maxJsonNumberLength" : null;
  }

  /**
   * What is wrong with a JSON string value of {@code length} characters (or more: readers may
   * check as they go), in words that name the setting to raise; {@code null} within the limit.
   *
   * @param length the string's length read so far
   * @return the problem, or {@code null}
   */
  public String jsonStringLengthProblem(int length) {
    return length > maxJsonStringLength
        ? "a string longer than " + maxJsonStringLength + " characters; raise Limits.maxJsonStringLength" : null;
  }

  /**
   * What is wrong with a JSON member name of {@code length} characters, in words that name the
   * setting to raise; {@code null} within the limit.
   *
   * @param length the name's length
   * @return the problem, or {@code null}
   */
  public String jsonNameLengthProblem(int length) {
    return length > maxJsonNameLength
        ? "a member name of " + length + " characters exceeds the limit of " + maxJsonNameLength + "; raise Limits.maxJsonNameLength" : null;
  }

  /**
   * What is wrong with an {@code in} or {@code notIn} list of {@code values} values, in words that
   * name the setting to raise; {@code null} within the limit.
   *
   * @param values the length of the list
   * @return the problem, or {@code null}
   */
  public String inValuesProblem(int values) {
    return values > maxInValues ? "a list of " + values + " values exceeds the limit of " + maxInValues + "; raise Limits.maxInValues" : null;
  }

  private static void range(String name, long value, long max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException("Limits." + name + " must be from 1 to " + max + ", was " + value);
    }
  }
}
