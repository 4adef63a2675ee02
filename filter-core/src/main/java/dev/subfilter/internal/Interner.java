package dev.subfilter.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded pool of shared immutable values: thousands of compiled subscriptions read the same
 * few dozen fields and key sets, so each distinct one is kept once. Once the pool holds {@code max}
 * values, new ones are returned unshared (never evicted, so the pool costs at most {@code max}
 * entries). Thread-safe.
 */
final class Interner<T> {
  private final ConcurrentHashMap<T, T> pool = new ConcurrentHashMap<>();
  private final int max;

  Interner(int max) {
    this.max = max;
  }

  /** The pooled value equal to {@code v}, or {@code v} (pooled, while there is room). */
  T of(T v) {
    T shared = pool.get(v);
    if (shared != null) {
      return shared;
    }
    if (pool.size() >= max) {
      return v;
    }
    shared = pool.putIfAbsent(v, v);
    return shared == null ? v : shared;
  }
}
