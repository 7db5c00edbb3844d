package dev.passages.search;

import dev.passages.corpus.Source;
import java.util.Objects;
import java.util.Set;

/**
 * One search, validated where it is made so that every layer above can pass user input straight in
 * and report the message of the exception.
 *
 * @param query the user's query text, in the query language of {@link QuerySyntax}
 * @param limit hits per page, 1 to {@value #MAX_LIMIT}
 * @param offset hits to skip, 0 to {@value #MAX_OFFSET}
 * @param sources only passages from these sources; empty means all
 * @param doc only passages of the document with this id; null means all
 */
public record SearchRequest(String query, int limit, int offset, Set<Source> sources, String doc) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;

  /**
   * Longer queries are refused rather than read: a pasted article is shorter. Long queries are
   * answered by their most telling words, so what this bounds is the reading, not the search.
   */
  public static final int MAX_QUERY_CHARS = 10_000;

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    checkLength(query);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new InvalidRequestException(
          "offset", "offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
    }
    sources = Set.copyOf(sources);
    if (doc != null && doc.isBlank()) {
      doc = null;
    }
  }

  /** Refuses a query text over {@link #MAX_QUERY_CHARS}, naming the bound. */
  static void checkLength(String query) {
    if (query.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "q",
          "q is "
              + query.length()
              + " characters long; the limit is "
              + MAX_QUERY_CHARS
              + " characters");
    }
  }

  /** A search over every document. */
  public SearchRequest(String query, int limit, int offset, Set<Source> sources) {
    this(query, limit, offset, sources, null);
  }

  /** The first page of hits for {@code query} over all sources. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, DEFAULT_LIMIT, 0, Set.of());
  }
}
