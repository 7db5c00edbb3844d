package dev.passages.search;

import dev.passages.corpus.Source;

/**
 * How many passages a query matches in each source, whatever source filter the page applies.
 *
 * @param exact false when the search stopped counting (see {@link SearchResult#totalExact}): each
 *     count is then a lower bound
 */
public record SourceCounts(long article, long commentary, long comment, boolean exact) {

  public static final SourceCounts NONE = new SourceCounts(0, 0, 0, true);

  /** {@code count} passages, all from {@code source}. */
  public static SourceCounts of(Source source, long count) {
    return new SourceCounts(
        source == Source.ARTICLE ? count : 0,
        source == Source.COMMENTARY ? count : 0,
        source == Source.COMMENT ? count : 0,
        true);
  }
}
