package dev.subfilter.internal;

/**
 * One list a subscription is filed in: under one value or text of the postings of one (state,
 * path), of one kind, case-folded or not. A path is a field, or a leaf of a nested fieldValue below
 * it. Immutable.
 */
final class Listing {
  /** Which postings of the (state, path) hold the list, and what an event's value must have to reach it. */
  enum Kind {
    /** {@link EqPostings}: the value (or an element of an array) has {@link #eqValue}. */
    EQ("eq"),
    /** {@link ContainsPostings}: a string has {@link #literal} as a substring, or an array an element of {@link #eqValue}. */
    CONTAINS("contains"),
    /** {@link PrefixPostings}: a string, or a string element of an array, begins with {@link #literal}. */
    PREFIX("prefix"),
    /** {@link PrefixPostings} on reversed strings: a string, or a string element, ends with {@link #literal}. */
    SUFFIX("suffix"),
    /** {@link SubstringPostings}: a string, or a string element of an array, has {@link #literal} as a substring. */
    SUBSTRING("substring"),
    /** {@link PresencePostings}: the value is present. */
    PRESENT("present"),
    /** {@link RangePostings}: a number (or date-time) within [{@link #lo}, {@link #hi}], compared as doubles. */
    RANGE("range"),
    /** {@link ChangedPostings}: the field differs between oldState and newState. */
    CHANGED("changed"),
    /** {@link AbsencePostings}: the state is known and the field is absent. */
    ABSENT("absent");

    /** How {@link Listing#toString} names it. */
    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  final Kind kind;
  /** Whether the condition reads oldState. */
  final boolean old;
  final IndexPath path;
  /** Whether values and texts are filed case-folded ({@code ignoreCase}), and events' strings looked up folded. */
  final boolean folded;
  /** EQ, CONTAINS: the {@link EqValues} value (for contains: looked up per element of array fields); else {@code null}. */
  final Object eqValue;
  /** CONTAINS, PREFIX, SUFFIX (as written, not reversed), SUBSTRING: the text; EQ, PRESENT: {@code null}. */
  final String literal;
  /** RANGE: the bounds as doubles ({@code -Infinity}, {@code +Infinity} when open); else 0. */
  final double lo;
  final double hi;
  /** RANGE: bounds of date-times (epoch seconds), not numbers; they are separate postings. */
  final boolean dates;
  /** RANGE: a bound is a string, so that a string that is no number (date-time) compares by code points and reaches it. */
  final boolean text;

  Listing(Kind kind, boolean old, IndexPath path, boolean folded, Object eqValue, String literal) {
    this(kind, old, path, folded, eqValue, literal, 0, 0, false, false);
  }

  /** A {@link Kind#RANGE} listing. */
  static Listing range(boolean old, IndexPath path, double lo, double hi, boolean dates, boolean text) {
    return new Listing(Kind.RANGE, old, path, false, null, null, lo, hi, dates, text);
  }

  private Listing(Kind kind, boolean old, IndexPath path, boolean folded, Object eqValue, String literal, double lo, double hi,
      boolean dates, boolean text) {
    this.kind = kind;
    this.old = old;
    this.path = path;
    this.folded = folded;
    this.eqValue = eqValue;
    this.literal = literal;
    this.lo = lo;
    this.hi = hi;
    this.dates = dates;
    this.text = text;
  }

  /** Whether postings {@code f} hold this listing's list: the same kind, state, path and folding (and for ranges, the same kind of bound). */
  boolean in(IndexedField f) {
    return f.kind == kind && f.old == old && f.folded == folded && f.path.equals(path)
        && (kind != Kind.RANGE || ((RangePostings) f).dates == dates);
  }

  /** Whether {@code o} names the same list (then a subscription is filed once for both). */
  boolean sameList(Listing o) {
    if (kind != o.kind || old != o.old || folded != o.folded || !path.equals(o.path)) {
      return false;
    }
    return switch (kind) {
      case EQ -> eqValue.equals(o.eqValue);
      case PRESENT, CHANGED, ABSENT -> true;
      case RANGE -> dates == o.dates && text == o.text && Double.compare(lo, o.lo) == 0 && Double.compare(hi, o.hi) == 0;
      default -> literal.equals(o.literal);
    };
  }

  /**
   * {@code "eq newState FIELD"}, {@code "contains oldState FIELD[] → member"}, {@code
   * "prefix/ignoreCase newState FIELD"}, ... (see {@link IndexPath#toString}).
   */
  @Override
  public String toString() {
    return kind.word + (folded ? "/ignoreCase " : dates ? "/date-time " : " ") + (old ? "oldState " : "newState ") + path;
  }
}
