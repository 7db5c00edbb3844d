package dev.passages.search;

import java.util.List;

/**
 * What an engine found for an {@link EngineQuery}.
 *
 * @param total matching passages: those holding any part of the query; at least this many when not
 *     {@code totalExact}
 * @param totalExact false when the engine stopped counting past {@link PassageSearch#COUNT_UP_TO}
 * @param allParts the passages of {@code total} that hold every part of the query (all of them for
 *     a query of one part); counted up to {@link PassageSearch#COUNT_UP_TO}: past that, {@code
 *     total}
 * @param byMeaning the passages of {@code total} found by meaning alone, holding none of the words
 * @param counts matches per source, ignoring the query's {@code sources} (not the text's own {@code
 *     source:} filter)
 * @param hits the requested page, best first, ties in reading order, highlighted as {@link
 *     EngineReader} says
 */
public record EnginePage(
    long total,
    boolean totalExact,
    long allParts,
    long byMeaning,
    SourceCounts counts,
    List<Hit> hits) {

  public static final EnginePage EMPTY =
      new EnginePage(0, true, 0, 0, SourceCounts.NONE, List.of());

  public EnginePage {
    hits = List.copyOf(hits);
  }
}
