package dev.subfilter.internal;

/**
 * A fieldValue read once, when a subscription is planned (from its folded strings for {@code
 * ignoreCase}): a {@link Constant} for a leaf, a {@link LikePattern} for a {@code like} leaf, an
 * {@link InList} for an {@code in}/{@code notIn} leaf, a {@link Nested} for {@code fields} and
 * {@code objects}. What the compiler builds tests from and the index takes keys from.
 */
sealed interface Operand permits Constant, LikePattern, InList, Operand.Nested {

  /**
   * A nested fieldValue: the keys to look up below the field and what each must hold; an object
   * field's members, or ({@link #each}) those of some object element of an array field.
   */
  final class Nested implements Operand {
    final String[] keys;
    final Operand[] values;
    /** {@code objects}: the keys are looked up in each element of an array. */
    final boolean each;

    Nested(String[] keys, Operand[] values, boolean each) {
      this.keys = keys;
      this.values = values;
      this.each = each;
    }
  }
}
