package dev.passages.search;

import dev.passages.corpus.Source;
import java.util.Objects;
import java.util.Set;

/**
 * One search as {@link PassageSearch} puts it to an engine.
 *
 * @param query what the reader asked for, read by {@link QuerySyntax}
 * @param sources only passages from these sources (beside the query's own {@code source:}); empty
 *     means all
 * @param doc only passages of this document; null means all
 * @param offset hits to skip
 * @param limit hits to return; 0 asks only for the counts
 */
public record EngineQuery(
    ParsedQuery query, Set<Source> sources, String doc, int offset, int limit) {

  public EngineQuery {
    Objects.requireNonNull(query, "query");
    sources = Set.copyOf(sources);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }
}
