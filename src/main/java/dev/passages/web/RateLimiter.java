package dev.passages.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} actions per client per window, counted over a sliding window. Keeps the
 * times of recent actions per client and forgets clients whose window has passed.
 */
final class RateLimiter {

  private final int limit;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

  RateLimiter(int limit, Duration window) {
    this(limit, window, System::nanoTime);
  }

  RateLimiter(int limit, Duration window, LongSupplier clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.clock = clock;
  }

  /**
   * Records an action by {@code client} if it is allowed; otherwise the seconds until the next one
   * would be, for a {@code Retry-After} header.
   */
  OptionalLong tryAcquire(String client) {
    long now = clock.getAsLong();
    Deque<Long> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
        times.pollFirst();
      }
      if (times.size() < limit) {
        times.addLast(now);
        return OptionalLong.empty();
      }
      long waitNanos = windowNanos - (now - times.peekFirst());
      return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000));
    }
  }
}
