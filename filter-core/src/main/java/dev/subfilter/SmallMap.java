package dev.subfilter;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered map of a few string keys in one array: a subscription's
 * carried keys and most nested fieldValues have two or three members, for which a LinkedHashMap
 * (map, table, one node per entry, an unmodifiable wrapper) costs several times the data. Lookups
 * scan the keys, so only maps of at most {@link #MAX} entries are built this way.
 */
final class SmallMap<V> extends AbstractMap<String, V> {
  /** The most entries kept in arrays; larger maps stay LinkedHashMaps. */
  static final int MAX = 8;

  /** Keys at even indexes, each followed by its value: one array, not two. */
  private final Object[] kv;

  private SmallMap(Object[] kv) {
    this.kv = kv;
  }

  /**
   * An unmodifiable copy of {@code m} in its iteration order.
   *
   * @throws NullPointerException for a null key or value (named {@code "key"} / {@code "value"})
   */
  static <V> Map<String, V> copyOf(Map<String, ? extends V> m) {
    if (m.isEmpty()) {
      return Map.of();
    }
    if (m.size() > MAX) {
      LinkedHashMap<String, V> copy = new LinkedHashMap<>(m.size() * 2);
      m.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
      return Collections.unmodifiableMap(copy);
    }
    Object[] kv = new Object[2 * m.size()];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : m.entrySet()) {
      kv[i++] = Objects.requireNonNull(e.getKey(), "key");
      kv[i++] = Objects.requireNonNull(e.getValue(), "value");
    }
    return new SmallMap<>(kv);
  }

  @Override
  public int size() {
    return kv.length / 2;
  }

  /** The index of the value of {@code key}, or -1. */
  private int indexOf(Object key) {
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i].equals(key)) {
        return i + 1;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) kv[i];
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return kv.length / 2;
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < kv.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<String, V> next() {
            if (next >= kv.length) {
              throw new NoSuchElementException();
            }
            int i = next;
            next += 2;
            return new AbstractMap.SimpleImmutableEntry<>((String) kv[i], (V) kv[i + 1]);
          }
        };
      }
    };
  }
}
