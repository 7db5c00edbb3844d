package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), now::get);

  @Test
  void allowsTheLimitPerWindowAndSaysWhenToComeBack() {
    assertThat(limiter.tryAcquire("a")).isEmpty();
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).isEmpty();
    assertThat(limiter.tryAcquire("a")).hasValue(50);
  }

  @Test
  void theWindowSlides() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(limiter.tryAcquire("a")).isEmpty();
  }

  @Test
  void clientsAreCountedApart() {
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    limiter.tryAcquire("a");
    assertThat(limiter.tryAcquire("b")).isEmpty();
  }
}
