package dev.subfilter.internal;

import dev.subfilter.JsonModel;

/** A compiled test of one present node (a field, or a leaf of a nested fieldValue). */
interface NodeTest {
  boolean test(JsonModel m, Object node);
}
