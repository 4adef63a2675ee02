package dev.subfilter.internal;

/**
 * Postings that are one list of entries with no keys ({@link PresencePostings}, {@link
 * AbsencePostings}, {@link ChangedPostings}): they differ only in when an event reaches the list.
 * Immutable.
 */
abstract class ListPostings extends IndexedField {
  final Entry[] entries;

  ListPostings(Listing.Kind kind, boolean old, IndexPath path, Entry[] entries) {
    super(kind, old, path, false, entries.length);
    this.entries = entries;
  }

  /** The same postings over {@code entries}. */
  abstract ListPostings with(Entry[] entries);

  @Override
  final int distinctKeys() {
    return entries.length == 0 ? 0 : 1;
  }

  @Override
  final ListPostings plus(Entry e, Listing k) {
    return with(Entry.append(entries, e));
  }

  @Override
  final ListPostings minus(Entry e, Listing k) {
    Entry[] l = Entry.remove(entries, e);
    return with(l == null ? Entry.NONE : l);
  }
}
