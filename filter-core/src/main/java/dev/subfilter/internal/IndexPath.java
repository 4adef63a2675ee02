package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import java.util.Arrays;

/**
 * Where an index key's value sits in a state: a field (looked up as {@code FieldRef} does), then
 * the steps of a nested fieldValue down to the leaf the key was taken from. A {@code fields} step
 * (or bare object) descends into one member of an object; an {@code objects} step into that member
 * of every object element of an array, so such a path may reach several leaves. Immutable; equal
 * paths name the same index. Not API.
 */
final class IndexPath {
  final String field;
  /** The member names below the field, outermost first. */
  private final String[] steps;
  /** Whether step {@code i} descends into every element of an array ({@code objects}). */
  private final boolean[] each;
  /** How the field itself is looked up: the compiled conditions' own reference. */
  private final FieldRef ref;
  private final boolean anyEach;
  private final int hash;

  private IndexPath(String field, String[] steps, boolean[] each) {
    this.field = field;
    this.steps = steps;
    this.each = each;
    this.ref = FieldRef.of(field);
    boolean any = false;
    for (boolean b : each) {
      any |= b;
    }
    this.anyEach = any;
    this.hash = 31 * (31 * field.hashCode() + Arrays.hashCode(steps)) + Arrays.hashCode(each);
  }

  /** The field itself. */
  static IndexPath of(String field) {
    return new IndexPath(field, NO_STEPS, NO_EACH);
  }

  private static final String[] NO_STEPS = {};
  private static final boolean[] NO_EACH = {};

  /** This path one step further down: into {@code member}, of every array element when {@code objects}. */
  IndexPath then(String member, boolean objects) {
    String[] s = Arrays.copyOf(steps, steps.length + 1);
    boolean[] e = Arrays.copyOf(each, each.length + 1);
    s[steps.length] = member;
    e[each.length] = objects;
    return new IndexPath(field, s, e);
  }

  boolean nested() {
    return steps.length > 0;
  }

  /** Whether one event may reach several leaves (so one list more than once). */
  boolean mayRepeat() {
    return anyEach;
  }

  /** The field's node in {@code state}, or {@code null}, looked up exactly as the compiled conditions look it up. */
  Object field(JsonModel m, Object state) {
    return ref.lookup(m, state);
  }

  /** The number of steps below the field. */
  int depth() {
    return steps.length;
  }

  /** The member step {@code i} descends into. */
  String step(int i) {
    return steps[i];
  }

  /** Whether step {@code i} descends into that member of every object element of an array. */
  boolean each(int i) {
    return each[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexPath p && hash == p.hash && field.equals(p.field)
        && Arrays.equals(steps, p.steps) && Arrays.equals(each, p.each);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** {@code FIELD}, {@code FIELD → member}, {@code FIELD[] → member} (an {@code objects} step). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(field);
    for (int i = 0; i < steps.length; i++) {
      b.append(each[i] ? "[] → " : " → ").append(steps[i]);
    }
    return b.toString();
  }
}
