package dev.passages.lucene;

import dev.passages.search.BoundedCache;
import dev.passages.search.ParsedQuery;
import dev.passages.search.PassageSearch;
import java.util.Optional;

/**
 * A parsed query turned into Lucene queries, which depend on the query alone (not on the index), so
 * they are kept and shared by later searches for the same query: analysing the words again was a
 * sixth of a search.
 *
 * @param parsed what the reader asked for
 * @param query the query to run and to highlight
 * @param parts the distinct searchable parts, as {@link LuceneQueries#partCount} counts them
 * @param relaxed the looser query for when this one finds too little; empty for short queries
 */
record CompiledQuery(
    ParsedQuery parsed,
    LuceneQueries.PassageQuery query,
    int parts,
    Optional<LuceneQueries.PassageQuery> relaxed) {

  /** At most this many are kept. */
  private static final int MAX_KEPT = 4_096;

  private static final BoundedCache<ParsedQuery, CompiledQuery> KEPT = new BoundedCache<>(MAX_KEPT);

  /** The compiled form of {@code parsed}. */
  static CompiledQuery of(ParsedQuery parsed) {
    return KEPT.get(parsed, CompiledQuery::compile);
  }

  private static CompiledQuery compile(ParsedQuery parsed) {
    int parts = LuceneQueries.partCount(parsed);
    return new CompiledQuery(
        parsed,
        LuceneQueries.toLucene(parsed),
        parts,
        parts >= PassageSearch.LONG_QUERY_PARTS ? LuceneQueries.relaxed(parsed) : Optional.empty());
  }
}
