package dev.subfilter.internal;

import dev.subfilter.JsonModel;
import dev.subfilter.JsonModel.Kind;
import dev.subfilter.JsonValue;

/**
 * The list of an {@code in} or {@code notIn} condition read once: its scalars as {@link Constant}s
 * (folded already for {@code ignoreCase}) and, for a longer list, the same filed by {@link
 * EqValues} value, so that a lookup costs one hash probe and the {@code eq} of the few values
 * under it instead of one {@code eq} per value. Immutable.
 */
final class InList implements Operand {
  /** Up to this many values a lookup tries each in turn (no table). */
  private static final int LINEAR = 8;

  final Constant[] values;
  /** Values by eq value, {@code null} while the list is short. */
  private final HashTrie<Object, Constant[]> byKey;

  private InList(Constant[] values, HashTrie<Object, Constant[]> byKey) {
    this.values = values;
    this.byKey = byKey;
  }

  /** The list of {@code array}, an array of scalars. */
  static InList of(JsonValue.Arr array) {
    Constant[] values = new Constant[array.elements().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Constant.of(array.elements().get(i));
    }
    HashTrie<Object, Constant[]> byKey = null;
    if (values.length > LINEAR) {
      byKey = HashTrie.empty();
      for (Constant c : values) {
        Object key = key(c);
        Constant[] old = byKey.get(key);
        Constant[] now = old == null ? new Constant[1] : java.util.Arrays.copyOf(old, old.length + 1);
        now[now.length - 1] = c;
        byKey = byKey.put(key, now);
      }
    }
    return new InList(values, byKey);
  }

  /** The eq value a list value is filed under ({@link EqValues#NULL} for null). */
  static Object key(Constant c) {
    return c.kind == Kind.NULL ? EqValues.NULL : EqValues.ofConstant(c);
  }

  /** Whether {@code node}, a scalar (or any node: arrays and objects equal no scalar), {@code eq}s a value of the list. */
  boolean has(JsonModel m, Object node, boolean fold) {
    if (byKey == null) {
      for (Constant c : values) {
        if (Values.eq(m, node, c, fold)) {
          return true;
        }
      }
      return false;
    }
    Constant[] under = fold ? EqValues.lookupFolded(byKey, m, node) : EqValues.lookup(byKey, m, node);
    if (under != null) {
      for (Constant c : under) {
        if (Values.eq(m, node, c, fold)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the field's {@code node} is {@code in}: a scalar that is in the list, or an array with an element that is. */
  boolean holds(JsonModel m, Object node, boolean fold) {
    if (m.kind(node) != Kind.ARRAY) {
      return has(m, node, fold);
    }
    int n = m.size(node);
    for (int i = 0; i < n; i++) {
      if (has(m, m.element(node, i), fold)) {
        return true;
      }
    }
    return false;
  }
}
