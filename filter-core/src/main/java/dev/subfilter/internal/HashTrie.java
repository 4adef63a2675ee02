package dev.subfilter.internal;

import java.util.List;

/**
 * A persistent (immutable) hash map: a hash array mapped trie of 32-way bitmap nodes. {@link #put}
 * and {@link #remove} return a new map that shares every untouched node with this one, so an update
 * costs O(log32 n) new nodes instead of a copy of the map; readers of an old map are never
 * affected. Lookups allocate nothing. Keys and values are never {@code null}. Instances are
 * immutable and therefore safe to share between threads once safely published.
 *
 * @param <K> key type; its {@code hashCode}/{@code equals} define identity
 * @param <V> value type
 */
final class HashTrie<K, V> {
  private static final HashTrie<Object, Object> EMPTY = new HashTrie<>(null, 0);
  private static final int BITS = 5;
  private static final int MASK = 31;

  /** A {@link Node}, a {@link Leaf}, or {@code null} when the map is empty. */
  private final Object root;
  private final int size;

  private HashTrie(Object root, int size) {
    this.root = root;
    this.size = size;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  static <K, V> HashTrie<K, V> empty() {
    return (HashTrie<K, V>) EMPTY;
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The hash under which a key whose {@code hashCode()} is {@code h} is stored; see {@link #chain}. */
  public static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** The value of {@code key}, or {@code null}. */
  public V get(Object key) {
    Leaf<K, V> l = chain(key.hashCode());
    while (l != null) {
      if (l.key.equals(key)) {
        return l.value;
      }
      l = l.next;
    }
    return null;
  }

  /**
   * The chain of entries whose keys have {@code hashCode() == keyHash}, or {@code null}: lets a
   * caller look up a key it has not materialised (a {@code long} without boxing it) by walking the
   * chain with its own equality. Allocates nothing.
   */
  public Leaf<K, V> chain(int keyHash) {
    int hash = spread(keyHash);
    Object n = root;
    int shift = 0;
    while (n != null) {
      if (n instanceof Leaf) {
        @SuppressWarnings("unchecked")
        Leaf<K, V> l = (Leaf<K, V>) n;
        return l.hash == hash ? l : null;
      }
      Node node = (Node) n;
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) == 0) {
        return null;
      }
      n = node.slots[Integer.bitCount(node.bitmap & (bit - 1))];
      shift += BITS;
    }
    return null;
  }

  /** This map with {@code key} mapped to {@code value} (replacing any previous value). */
  public HashTrie<K, V> put(K key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("HashTrie holds no null keys or values");
    }
    int hash = spread(key.hashCode());
    boolean present = get(key) != null;
    return new HashTrie<>(put(root, 0, hash, key, value), present ? size : size + 1);
  }

  /** This map without {@code key}; this very map when it has no such key. */
  public HashTrie<K, V> remove(Object key) {
    if (size == 0 || get(key) == null) {
      return this;
    }
    Object r = remove(root, 0, spread(key.hashCode()), key);
    return r == null ? empty() : new HashTrie<>(r, size - 1);
  }

  /** Appends every value to {@code out}, in no particular order. Not for the hot path. */
  public void values(List<? super V> out) {
    values(root, out);
  }

  /** Appends every key to {@code out}, in no particular order. Not for the hot path. */
  public void keys(List<? super K> out) {
    keys(root, out);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void values(Object n, List<? super V> out) {
    if (n instanceof Leaf) {
      for (Leaf<K, V> l = (Leaf<K, V>) n; l != null; l = l.next) {
        out.add(l.value);
      }
    } else if (n != null) {
      for (Object s : ((Node) n).slots) {
        values(s, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void keys(Object n, List<? super K> out) {
    if (n instanceof Leaf) {
      for (Leaf<K, V> l = (Leaf<K, V>) n; l != null; l = l.next) {
        out.add(l.key);
      }
    } else if (n != null) {
      for (Object s : ((Node) n).slots) {
        keys(s, out);
      }
    }
  }

  // ------------------------------------------------------------------ structure

  /** An entry; entries whose keys' spread hashes are equal form a chain. Immutable. */
  public static final class Leaf<K, V> {
    final int hash;
    final K key;
    final V value;
    final Leaf<K, V> next;

    Leaf(int hash, K key, V value, Leaf<K, V> next) {
      this.hash = hash;
      this.key = key;
      this.value = value;
      this.next = next;
    }

    public K key() {
      return key;
    }

    public V value() {
      return value;
    }

    /** The next entry of the chain, or {@code null}. */
    public Leaf<K, V> next() {
      return next;
    }
  }

  /** A bitmap-indexed node: slot {@code i} holds the child for the {@code i}-th set bit. Immutable. */
  private static final class Node {
    final int bitmap;
    final Object[] slots;

    Node(int bitmap, Object[] slots) {
      this.bitmap = bitmap;
      this.slots = slots;
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Object put(Object n, int shift, int hash, K key, V value) {
    if (n == null) {
      return new Leaf<>(hash, key, value, null);
    }
    if (n instanceof Leaf) {
      Leaf<K, V> l = (Leaf<K, V>) n;
      if (l.hash == hash) {
        return chainPut(l, key, value);
      }
      return merge(l, new Leaf<>(hash, key, value, null), shift);
    }
    Node node = (Node) n;
    int bit = 1 << ((hash >>> shift) & MASK);
    int idx = Integer.bitCount(node.bitmap & (bit - 1));
    if ((node.bitmap & bit) == 0) {
      Object[] slots = new Object[node.slots.length + 1];
      System.arraycopy(node.slots, 0, slots, 0, idx);
      slots[idx] = new Leaf<>(hash, key, value, null);
      System.arraycopy(node.slots, idx, slots, idx + 1, node.slots.length - idx);
      return new Node(node.bitmap | bit, slots);
    }
    Object[] slots = node.slots.clone();
    slots[idx] = put(node.slots[idx], shift + BITS, hash, key, value);
    return new Node(node.bitmap, slots);
  }

  private static <K, V> Leaf<K, V> chainPut(Leaf<K, V> chain, K key, V value) {
    if (chain == null) {
      return null;
    }
    if (chain.key.equals(key)) {
      return new Leaf<>(chain.hash, key, value, chain.next);
    }
    Leaf<K, V> rest = chainPut(chain.next, key, value);
    if (rest == null) {
      // not in the chain: prepend (chains hold only keys with equal 32-bit hashes: short)
      return new Leaf<>(chain.hash, key, value, chain);
    }
    return new Leaf<>(chain.hash, chain.key, chain.value, rest);
  }

  /** A subtree holding two leaves (chains) of different hashes, from level {@code shift} down. */
  private static Object merge(Leaf<?, ?> a, Leaf<?, ?> b, int shift) {
    int ia = (a.hash >>> shift) & MASK;
    int ib = (b.hash >>> shift) & MASK;
    if (ia == ib) {
      return new Node(1 << ia, new Object[] {merge(a, b, shift + BITS)});
    }
    return new Node((1 << ia) | (1 << ib), ia < ib ? new Object[] {a, b} : new Object[] {b, a});
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Object remove(Object n, int shift, int hash, Object key) {
    if (n == null) {
      return null;
    }
    if (n instanceof Leaf) {
      Leaf<K, V> l = (Leaf<K, V>) n;
      return l.hash == hash ? chainRemove(l, key) : l;
    }
    Node node = (Node) n;
    int bit = 1 << ((hash >>> shift) & MASK);
    if ((node.bitmap & bit) == 0) {
      return node;
    }
    int idx = Integer.bitCount(node.bitmap & (bit - 1));
    Object child = node.slots[idx];
    Object replaced = remove(child, shift + BITS, hash, key);
    if (replaced == child) {
      return node;
    }
    if (replaced == null) {
      if (node.slots.length == 1) {
        return null;
      }
      if (node.slots.length == 2 && node.slots[1 - idx] instanceof Leaf) {
        return node.slots[1 - idx]; // a lone leaf moves up: lookups check the full hash at a leaf
      }
      Object[] slots = new Object[node.slots.length - 1];
      System.arraycopy(node.slots, 0, slots, 0, idx);
      System.arraycopy(node.slots, idx + 1, slots, idx, node.slots.length - idx - 1);
      return new Node(node.bitmap & ~bit, slots);
    }
    if (node.slots.length == 1 && replaced instanceof Leaf) {
      return replaced;
    }
    Object[] slots = node.slots.clone();
    slots[idx] = replaced;
    return new Node(node.bitmap, slots);
  }

  private static <K, V> Leaf<K, V> chainRemove(Leaf<K, V> chain, Object key) {
    if (chain == null) {
      return null;
    }
    if (chain.key.equals(key)) {
      return chain.next;
    }
    Leaf<K, V> rest = chainRemove(chain.next, key);
    return rest == chain.next ? chain : new Leaf<>(chain.hash, chain.key, chain.value, rest);
  }
}
