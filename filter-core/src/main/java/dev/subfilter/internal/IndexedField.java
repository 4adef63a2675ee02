package dev.subfilter.internal;

import dev.subfilter.Event;
import dev.subfilter.JsonModel;

/**
 * One (state, path) of a bucket that an index reads ({@link EqPostings}, {@link ContainsPostings}):
 * where its values sit in an event, and the walk down a nested path to them. Immutable.
 */
abstract class IndexedField {
  final boolean old;
  final IndexPath path;
  final int size;

  IndexedField(boolean old, IndexPath path, int size) {
    this.old = old;
    this.path = path;
    this.size = size;
  }

  /** The field's node in {@code state}, or {@code null}: as {@code FieldRef}, DE: names fall back into parameterValues. */
  final Object lookup(JsonModel m, Object state) {
    return path.field(m, state);
  }

  /** Adds the candidates this index finds for {@code leaf}, a node its path reaches. */
  abstract MatchRun atLeaf(Event e, JsonModel m, Object leaf, MatchRun run, SubscriptionIndex.Counters counters);

  /**
   * {@link #atLeaf} for every node the path reaches from the field's {@code node}, descending as
   * the compiled nested tests do (an object's member, or that member of each object element of
   * an array; absent members and other kinds reach nothing). Recursion depth is the path's
   * length, which maxValueDepth bounds.
   */
  final MatchRun walk(Event e, JsonModel m, Object node, int step, MatchRun run, SubscriptionIndex.Counters counters) {
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
