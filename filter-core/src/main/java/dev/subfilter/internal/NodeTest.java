package dev.subfilter.internal;

import dev.subfilter.JsonModel;

/** A compiled test of one present node (a field, or a leaf of a nested fieldValue). */
interface NodeTest {
  /** {@link Outcome#HOLDS}, or why not. */
  Outcome test(JsonModel m, Object node);

  /**
   * {@link #test}, telling {@code keys} what each key of a {@code fields} level saw (only {@link
   * NodeTests.Fields} has keys to tell).
   */
  default Outcome trace(JsonModel m, Object node, KeySink keys) {
    return test(m, node);
  }

  /** Receives one key of a nested level: its index, the member found ({@code null}: absent), its outcome. */
  interface KeySink {
    void key(int index, Object child, Outcome outcome);
  }
}
