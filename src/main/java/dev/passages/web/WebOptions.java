package dev.passages.web;

import dev.passages.search.MeaningStatus;
import java.util.function.Supplier;

/**
 * How the server treats writes, and what it says of itself.
 *
 * @param commentsPerMinute comments one client address may post per minute
 * @param adminToken the token that allows deleting comments; null or blank disables deletion
 * @param meaning how far meaning-based search is, for {@code /health}
 */
public record WebOptions(
    int commentsPerMinute, String adminToken, Supplier<MeaningStatus> meaning) {

  /** Ten comments a minute per address; deletion disabled. */
  public static final WebOptions DEFAULTS = new WebOptions(10, null);

  /** Writes limited as given; meaning-based search said to be off. */
  public WebOptions(int commentsPerMinute, String adminToken) {
    this(commentsPerMinute, adminToken, () -> MeaningStatus.OFF);
  }

  public WebOptions {
    if (commentsPerMinute < 1) {
      throw new IllegalArgumentException(
          "commentsPerMinute must be at least 1, got " + commentsPerMinute);
    }
  }

  boolean deletionEnabled() {
    return adminToken != null && !adminToken.isBlank();
  }
}
