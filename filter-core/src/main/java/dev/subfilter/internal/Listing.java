package dev.subfilter.internal;

/**
 * One list a subscription is filed in: the {@code eq} postings or the {@code contains} texts of one
 * (state, path), under one value. A path is a field, or a leaf of a nested fieldValue below it.
 * Immutable.
 */
final class Listing {
  /** Which index of the (state, path) holds the list. */
  enum Kind {
    /** {@link EqPostings}: filed under {@link #eqValue}. */
    EQ,
    /** {@link ContainsPostings}: filed under {@link #literal} (and {@link #eqValue}, for array fields). */
    CONTAINS
  }

  final Kind kind;
  /** Whether the condition reads oldState. */
  final boolean old;
  final IndexPath path;
  /** The {@link EqValues} value of the fieldValue (for contains: looked up per element of array fields). */
  final Object eqValue;
  /** CONTAINS: the text looked for in a string field (it determines {@link #eqValue}); EQ: {@code null}. */
  final String literal;

  Listing(Kind kind, boolean old, IndexPath path, Object eqValue, String literal) {
    this.kind = kind;
    this.old = old;
    this.path = path;
    this.eqValue = eqValue;
    this.literal = literal;
  }

  /** Whether {@code o} names the same list (then a subscription is filed once for both). */
  boolean sameList(Listing o) {
    return kind == o.kind && old == o.old && path.equals(o.path)
        && (kind == Kind.EQ ? eqValue.equals(o.eqValue) : literal.equals(o.literal));
  }

  /** {@code "eq newState FIELD"}, {@code "contains oldState FIELD[] → member"}, ... (see {@link IndexPath#toString}) */
  @Override
  public String toString() {
    return (kind == Kind.EQ ? "eq " : "contains ") + (old ? "oldState " : "newState ") + path;
  }
}
