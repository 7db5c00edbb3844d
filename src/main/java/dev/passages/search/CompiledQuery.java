package dev.passages.search;

import java.util.Optional;

/**
 * A typed query read and turned into Lucene queries, which depend on the text alone (not on the
 * index), so they are kept and shared by later searches for the same text: reading the syntax and
 * analysing the words again was a sixth of a search.
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

  private static final BoundedCache<String, CompiledQuery> KEPT = new BoundedCache<>(MAX_KEPT);

  /** The compiled form of {@code typed}. */
  static CompiledQuery of(String typed) {
    return KEPT.get(typed, CompiledQuery::compile);
  }

  private static CompiledQuery compile(String typed) {
    ParsedQuery parsed = QuerySyntax.parse(typed);
    int parts = LuceneQueries.partCount(parsed);
    return new CompiledQuery(
        parsed,
        LuceneQueries.toLucene(parsed),
        parts,
        parts >= LucenePassageSearch.LONG_QUERY_PARTS
            ? LuceneQueries.relaxed(parsed)
            : Optional.empty());
  }
}
