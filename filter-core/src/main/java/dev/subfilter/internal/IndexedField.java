package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * The postings of one (state, path) of a bucket, of one {@link Listing.Kind}, case-folded or not:
 * where their values sit in an event, the walk down a nested path to them, and the subscriptions
 * filed under what an event's value there must have. Immutable: {@link #plus} and {@link #minus}
 * return new postings.
 */
abstract class IndexedField {
  final Listing.Kind kind;
  final boolean old;
  final IndexPath path;
  final boolean folded;
  /** How many listings are filed here. */
  final int size;

  IndexedField(Listing.Kind kind, boolean old, IndexPath path, boolean folded, int size) {
    this.kind = kind;
    this.old = old;
    this.path = path;
    this.folded = folded;
    this.size = size;
  }

  /** Empty postings for the list of {@code k}. */
  static IndexedField empty(Listing k) {
    return switch (k.kind) {
      case EQ -> new EqPostings(k.old, k.path, k.folded, HashTrie.empty(), 0);
      case CONTAINS -> new ContainsPostings(k.old, k.path, k.folded, HashTrie.empty(), HashTrie.empty(), 0);
      case PREFIX, SUFFIX -> new PrefixPostings(k.kind, k.old, k.path, k.folded, HashTrie.empty(), 0);
      case SUBSTRING -> new SubstringPostings(k.old, k.path, k.folded, HashTrie.empty(), 0);
      case PRESENT -> new PresencePostings(k.old, k.path, Entry.NONE);
      case RANGE -> RangePostings.empty(k.old, k.path, k.dates);
      case CHANGED -> new ChangedPostings(k.path, Entry.NONE);
      case ABSENT -> new AbsencePostings(k.old, k.path, Entry.NONE);
    };
  }

  /** The distinct values (or texts) filed here, for {@code SubscriptionSet.stats()}. */
  abstract int distinctKeys();

  /** These postings with {@code e} filed under listing {@code k} (one of theirs). */
  abstract IndexedField plus(Entry e, Listing k);

  /** These postings without {@code e}'s listing {@code k}, which they hold. */
  abstract IndexedField minus(Entry e, Listing k);

  /** The field's node in {@code state}, or {@code null}: as {@code FieldRef}, DE: names fall back into parameterValues. */
  final Object lookup(JsonModel m, Object state) {
    return path.field(m, state);
  }

  /**
   * Adds the candidates these postings find in {@code e}: by default those of each node the path
   * reaches in the state they read (none when the state is unknown or the field absent: every
   * condition listed here is then false). Postings that read something else (both states, an
   * absence) override it.
   */
  MatchRun reach(Event e, JsonModel m, MatchRun run, IndexCounters counters) {
    Object state = old ? e.oldState() : e.newState();
    if (state == null) {
      return run; // unknown old state: every oldState condition is false
    }
    Object node = lookup(m, state);
    if (node == null) {
      return run; // absent: every indexed condition is false
    }
    return path.nested() ? walk(e, m, node, 0, run, counters) : atLeaf(e, m, node, run, counters);
  }

  /** Adds the candidates these postings find for {@code leaf}, a node the path reaches. */
  abstract MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, IndexCounters counters);

  /**
   * {@link #atLeaf} for every node the path reaches from the field's {@code node}, descending as
   * the compiled nested tests do (an object's member, or that member of each object element of
   * an array; absent members and other kinds reach nothing). Recursion depth is the path's
   * length, which maxValueDepth bounds.
   */
  final MatchRun walk(Event e, JsonModel m, Object node, int step, MatchRun run, IndexCounters counters) {
    if (step == path.depth()) {
      return atLeaf(e, m, node, run, counters);
    }
    String name = path.step(step);
    if (!path.each(step)) {
      if (m.kind(node) == JsonModel.Kind.OBJECT) {
        Object c = m.get(node, name);
        if (c != null) {
          run = walk(e, m, c, step + 1, run, counters);
        }
      }
      return run;
    }
    if (m.kind(node) == JsonModel.Kind.ARRAY) {
      int n = m.size(node);
      for (int i = 0; i < n; i++) {
        Object el = m.element(node, i);
        if (m.kind(el) == JsonModel.Kind.OBJECT) {
          Object c = m.get(el, name);
          if (c != null) {
            run = walk(e, m, c, step + 1, run, counters);
          }
        }
      }
    }
    return run;
  }
}
