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
 * @param meaning the query's meaning, a unit vector of the index's embedding model: passages close
 *     to it are found beside those holding its words ({@link Fusion}); null for words alone
 * @param meaningOnly find by meaning alone, not by words (to measure the two apart)
 */
public record EngineQuery(
    ParsedQuery query,
    Set<Source> sources,
    String doc,
    int offset,
    int limit,
    float[] meaning,
    boolean meaningOnly) {

  public EngineQuery {
    Objects.requireNonNull(query, "query");
    sources = Set.copyOf(sources);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    if (meaningOnly && meaning == null) {
      throw new IllegalArgumentException("a search by meaning alone needs the query's meaning");
    }
  }

  /** A search by words alone. */
  public EngineQuery(ParsedQuery query, Set<Source> sources, String doc, int offset, int limit) {
    this(query, sources, doc, offset, limit, null, false);
  }
}
