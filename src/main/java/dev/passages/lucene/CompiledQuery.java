package dev.passages.lucene;

import dev.passages.search.BoundedCache;
import dev.passages.search.ParsedQuery;

/**
 * A parsed query turned into Lucene queries, which depend on the query alone (not on the index), so
 * they are kept and shared by later searches for the same query: analysing the words again was a
 * sixth of a search.
 *
 * @param parsed what the reader asked for
 * @param query the query to run and to highlight
 */
public record CompiledQuery(ParsedQuery parsed, LuceneQueries.PassageQuery query) {

  /** At most this many are kept. */
  private static final int MAX_KEPT = 4_096;

  private static final BoundedCache<ParsedQuery, CompiledQuery> KEPT = new BoundedCache<>(MAX_KEPT);

  /** The compiled form of {@code parsed}. */
  public static CompiledQuery of(ParsedQuery parsed) {
    return KEPT.get(parsed, CompiledQuery::compile);
  }

  private static CompiledQuery compile(ParsedQuery parsed) {
    return new CompiledQuery(parsed, LuceneQueries.toLucene(parsed));
  }
}
