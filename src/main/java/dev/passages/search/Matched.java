package dev.passages.search;

/**
 * How a hit matches its query; in JSON, its {@link #toString} ({@code all}, {@code some}, {@code
 * meaning}).
 */
public enum Matched {
  /** It holds every word, phrase and prefix of the query (or the query is a listing). */
  ALL("all"),
  /** It holds some of the query's parts, not all: a partial match. */
  SOME("some"),
  /** It holds none of the query's words, and is close to it in meaning. */
  MEANING("meaning");

  private final String id;

  Matched(String id) {
    this.id = id;
  }

  @Override
  public String toString() {
    return id;
  }
}
