package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's contract: what was kept is found again, and it never holds more than its bound. */
class BoundedCacheTest {

  @Test
  void aValueKeptIsFoundAgain() {
    BoundedCache<String, String> cache = new BoundedCache<>(4);
    cache.put("oil", "kept");
    assertThat(cache.get("oil")).isEqualTo("kept");
    assertThat(cache.get("gas")).isNull();
  }

  @Test
  void aMissingValueIsMadeOnceAndThenKept() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(4);
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(
              cache.get(
                  "steppe",
                  key -> {
                    made.add(key);
                    return key.length();
                  }))
          .isEqualTo(6);
    }
    assertThat(made).containsExactly("steppe");
  }

  @Test
  void whenFullItStartsAfresh() {
    BoundedCache<String, String> cache = new BoundedCache<>(2);
    cache.put("a", "1");
    cache.put("b", "2");
    assertThat(cache.get("a")).isEqualTo("1");
    assertThat(cache.get("b")).isEqualTo("2");
    cache.put("c", "3");
    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("c")).isEqualTo("3");
  }
}
