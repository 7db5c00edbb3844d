package dev.passages.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe map that never grows past a bound: when full, it starts afresh. Cruder than an LRU,
 * but it takes no lock on reads, and what it holds (compiled queries, analysed words, answers) is
 * cheap to make again; a workload that cycles through more keys than it holds simply misses.
 */
public final class BoundedCache<K, V> {

  private final Map<K, V> entries = new ConcurrentHashMap<>();
  private final int capacity;

  public BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  /** The value kept for {@code key}, or null. */
  public V get(K key) {
    return entries.get(key);
  }

  /** Keeps {@code value} for {@code key}, emptying the cache first when it is full. */
  public void put(K key, V value) {
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, value);
  }

  /** The value kept for {@code key}, made by {@code make} (outside any lock) when missing. */
  public V get(K key, Function<K, V> make) {
    V value = entries.get(key);
    if (value == null) {
      value = make.apply(key);
      put(key, value);
    }
    return value;
  }
}
