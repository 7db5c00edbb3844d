package dev.passages.search;

import java.util.List;

/**
 * A page of hits.
 *
 * @param query the query as given
 * @param total all matching passages, not just this page
 * @param offset hits skipped before this page
 * @param limit the page size asked for
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param sources matches per source, ignoring the request's source filter (not the query's)
 * @param hits best first; ties in reading order
 */
public record SearchResult(
    String query,
    long total,
    int offset,
    int limit,
    double tookMs,
    SourceCounts sources,
    List<Hit> hits) {

  public SearchResult {
    hits = List.copyOf(hits);
  }
}
