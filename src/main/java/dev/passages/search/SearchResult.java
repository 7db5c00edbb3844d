package dev.passages.search;

import java.util.List;

/**
 * A page of hits.
 *
 * @param query the query answered: as given, or corrected (see {@code correctedFrom})
 * @param total all matching passages, not just this page; at least this many when not {@code
 *     totalExact}
 * @param totalExact false when the search stopped counting past {@link PassageSearch#COUNT_UP_TO}
 *     matches to skip those that cannot reach the page, as Elasticsearch's {@code track_total_hits}
 *     does
 * @param allWords the passages of {@code total} that hold every word, phrase and prefix of the
 *     query, which come first; all of them for a query of one part. Counted up to {@link
 *     PassageSearch#COUNT_UP_TO}; past that, the split is not known and this is {@code total}
 * @param offset hits skipped before this page
 * @param limit the page size asked for
 * @param tookMs time spent searching and highlighting, in milliseconds
 * @param sources matches per source, ignoring the request's source filter (not the query's)
 * @param correctedFrom the query as typed, when it found nothing and a corrected one did; else null
 * @param suggestion a corrected query worth trying when this one found little; else null
 * @param byMeaning the passages of {@code total} found by meaning alone: close to the question,
 *     holding none of its words
 * @param semantic whether meaning was used: the query was a question or paraphrase in plain words
 *     (or found no passage holding every word), and the model was ready
 * @param relaxed true when some matches hold only some of the query's parts ({@code total} is more
 *     than {@code allWords}): after those that hold every part come the best partial matches
 * @param hits best first; ties in reading order
 */
public record SearchResult(
    String query,
    long total,
    boolean totalExact,
    long allWords,
    int offset,
    int limit,
    double tookMs,
    SourceCounts sources,
    String correctedFrom,
    String suggestion,
    boolean relaxed,
    long byMeaning,
    boolean semantic,
    List<Hit> hits) {

  public SearchResult {
    hits = List.copyOf(hits);
  }

  /**
   * Whether {@code other} is the same answer as this one, whatever time each took: a kept answer
   * given again.
   */
  public boolean sameAnswerAs(SearchResult other) {
    return other != null && took(0).equals(other.took(0));
  }

  /** This answer, given again in {@code ms} milliseconds. */
  public SearchResult took(double ms) {
    return new SearchResult(
        query,
        total,
        totalExact,
        allWords,
        offset,
        limit,
        ms,
        sources,
        correctedFrom,
        suggestion,
        relaxed,
        byMeaning,
        semantic,
        hits);
  }
}
