package dev.passages.web;

/**
 * How the server treats writes.
 *
 * @param commentsPerMinute comments one client address may post per minute
 * @param adminToken the token that allows deleting comments; null or blank disables deletion
 */
public record WebOptions(int commentsPerMinute, String adminToken) {

  /** Ten comments a minute per address; deletion disabled. */
  public static final WebOptions DEFAULTS = new WebOptions(10, null);

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
