package dev.passages.search;

import dev.passages.corpus.Source;
import java.util.List;
import java.util.Set;

/**
 * A user's query after {@link QuerySyntax} has read it: the text part in Lucene's simple query
 * syntax (the same grammar as OpenSearch's {@code simple_query_string}) and the source filter.
 *
 * @param expression words, {@code "phrases"~N}, {@code prefix*}, {@code -exclusions}, {@code ( a |
 *     b )}; blank when the query had no searchable text
 * @param sources only these sources; empty means no restriction
 * @param excludedSources never these sources
 * @param unknownSources names after {@code source:} that are no source; if no known source was
 *     named beside them, nothing matches
 * @param terms the words, phrases and prefixes the reader wants (not the excluded ones)
 * @param plainWords true when the query is words alone (and {@code source:} filters): no phrase,
 *     prefix, {@code OR} or exclusion, whose exact meaning only words can keep
 */
public record ParsedQuery(
    String expression,
    Set<Source> sources,
    Set<Source> excludedSources,
    List<String> unknownSources,
    List<QueryTerm> terms,
    boolean plainWords) {

  public ParsedQuery {
    sources = Set.copyOf(sources);
    excludedSources = Set.copyOf(excludedSources);
    unknownSources = List.copyOf(unknownSources);
    terms = List.copyOf(terms);
  }

  /** True when a {@code source:} filter named only sources that do not exist. */
  public boolean filtersEverythingOut() {
    return sources.isEmpty() && !unknownSources.isEmpty();
  }
}
