package dev.passages.search;

import java.util.List;

/**
 * What an engine found for an {@link EngineQuery}.
 *
 * @param total matching passages; at least this many when not {@code totalExact}
 * @param totalExact false when the engine stopped counting past {@link PassageSearch#COUNT_UP_TO}
 * @param counts matches per source, ignoring the query's {@code sources} (not the text's own {@code
 *     source:} filter)
 * @param hits the requested page, best first, ties in reading order, highlighted as {@link
 *     EngineReader} says
 */
public record EnginePage(long total, boolean totalExact, SourceCounts counts, List<Hit> hits) {

  public static final EnginePage EMPTY = new EnginePage(0, true, SourceCounts.NONE, List.of());

  public EnginePage {
    hits = List.copyOf(hits);
  }
}
