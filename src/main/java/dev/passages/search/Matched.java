package dev.passages.search;

/** How a hit matches its query; in JSON, its {@link #toString} ({@code all}, {@code some}). */
public enum Matched {
  /** It holds every word, phrase and prefix of the query (or the query is a listing). */
  ALL("all"),
  /** It holds some of the query's parts, not all: a partial match. */
  SOME("some");

  private final String id;

  Matched(String id) {
    this.id = id;
  }

  @Override
  public String toString() {
    return id;
  }
}
