package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.ParsedQuery;
import dev.passages.search.PassageSearch;
import dev.passages.search.QueryTerm;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Search by words: ranks a query's matches with BM25 and the ranking signals, counts them (and by
 * source), tells which hold every part of the query, and marks the page.
 */
final class WordSearch {

  private WordSearch() {}

  /** The page and counts of {@code request}'s matches by words. */
  static EnginePage find(HighlightingSearcher searcher, EngineQuery request) throws IOException {
    LuceneQueries.PassageQuery query = compile(searcher, request.query());
    Answer answer = rank(searcher, request, query, request.offset() + request.limit());
    if (answer.total() == 0) {
      // None in the sources asked for; the counts say where the query does match.
      SourceCounts elsewhere =
          request.sources().isEmpty() || answer.unfiltered() instanceof MatchNoDocsQuery
              ? SourceCounts.NONE
              : SourceCounter.count(
                  searcher, withFilters(answer.unfiltered(), Set.of(), request.doc()));
      return new EnginePage(0, answer.totalExact(), 0, 0, elsewhere, List.of());
    }
    ScoreDoc[] page = answer.top().scoreDocs;
    // The ranking adds a constant to a passage holding every part, which no other passage reaches.
    Set<Integer> holdingAll = new HashSet<>();
    for (ScoreDoc hit : page) {
      if (hit.score >= LuceneQueries.ALL_PARTS_BONUS) {
        holdingAll.add(hit.doc);
      }
    }
    List<Hit> hits =
        request.limit() == 0
            ? List.of()
            : Hits.readRanked(
                searcher,
                query.marked(),
                page,
                request.offset(),
                doc ->
                    query.all() == null || holdingAll.contains(doc) ? Matched.ALL : Matched.SOME);
    SourceCounts counts =
        answer.counts() != null
            ? answer.counts()
            : SourceCounter.count(
                searcher, withFilters(answer.unfiltered(), Set.of(), request.doc()));
    long allParts = answer.total();
    if (query.all() != null && answer.holdingAll() != null) {
      allParts = answer.holdingAll();
    } else if (query.all() != null) {
      // Past the counting limit the split is not known; the total stands for both.
      int counted =
          searcher.search(
              withFilters(query.all(), request.sources(), request.doc()),
              new CappedCount(PassageSearch.COUNT_UP_TO + 1));
      allParts = counted > PassageSearch.COUNT_UP_TO ? answer.total() : counted;
    }
    return new EnginePage(answer.total(), answer.totalExact(), allParts, 0, counts, hits);
  }

  /** The Lucene query of {@code parsed}: kept compiled, cut down to its telling words when long. */
  static LuceneQueries.PassageQuery compile(IndexSearcher searcher, ParsedQuery parsed)
      throws IOException {
    // A long query (a pasted paragraph) is cut to its telling words before it is compiled, and not
    // kept: compiled whole it would be a thousand clauses, and kept, thousands of those.
    if (parsed.terms().size() > MAX_QUERY_PARTS) {
      return tellingPartsOf(searcher, parsed);
    }
    return CompiledQuery.of(parsed).query();
  }

  static final int MAX_QUERY_PARTS = LuceneQueries.MAX_QUERY_PARTS;

  /**
   * {@code parsed} with only its {@link #MAX_QUERY_PARTS} most telling single words (by how often
   * the query says each, and how rare it is in the index: Lucene's MoreLikeThis), and all its
   * phrases, prefixes and groups.
   */
  private static LuceneQueries.PassageQuery tellingPartsOf(
      IndexSearcher searcher, ParsedQuery parsed) throws IOException {
    MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setAnalyzer(Schema.ANALYZER);
    moreLikeThis.setFieldNames(new String[] {Schema.TEXT});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(1);
    moreLikeThis.setMaxQueryTerms(MAX_QUERY_PARTS);
    String words =
        parsed.terms().stream()
            .filter(t -> t.kind() == QueryTerm.Kind.WORD)
            .map(QueryTerm::text)
            .collect(Collectors.joining(" "));
    Set<String> telling =
        Set.of(moreLikeThis.retrieveInterestingTerms(new StringReader(words), Schema.TEXT));
    return LuceneQueries.toLucene(parsed, telling::contains);
  }

  /**
   * Ranks the matches of {@code text} under the request's filters, the best {@code wanted} kept,
   * counting them (and by source where that is cheap).
   */
  static Answer rank(
      HighlightingSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery text,
      int wanted)
      throws IOException {
    LuceneQueries.PassageQuery query =
        new LuceneQueries.PassageQuery(
            withFilters(text.ranked(), request.sources(), request.doc()),
            withFilters(text.matching(), request.sources(), request.doc()),
            text.marked(),
            text.all(),
            text.parts());
    if (query.ranked() instanceof MatchNoDocsQuery) {
      return new Answer(query, text.matching(), null, 0, true, null, 0L);
    }
    // At least one hit is ranked, also when only the counts are asked for: a count of 0 is the
    // collector's signal to count nothing.
    wanted = Math.max(1, wanted);
    Query word = text.listing() ? null : soleClause(query.matching());
    // Without deletions, a word's document frequency (kept with its place in the index) is its
    // count.
    OptionalLong known =
        word instanceof TermQuery term && !searcher.getIndexReader().hasDeletions()
            ? OptionalLong.of(searcher.docFreq(term.getTerm()))
            : OptionalLong.empty();
    RankedPage ranked =
        known.isPresent() && known.getAsLong() > PassageSearch.COUNT_UP_TO
            ? rankCommonWord(searcher, request, query, word, known.getAsLong(), wanted)
            : rankCounting(searcher, request, query, text.listing(), wanted);
    return new Answer(
        query,
        text.matching(),
        ranked.top(),
        ranked.total(),
        ranked.totalExact(),
        ranked.counts(),
        ranked.holdingAll());
  }

  /**
   * The page of a search, the total and whether it is exact, the counts by source or null, and how
   * many matches hold every part when the ranking saw them all, else null.
   */
  private record RankedPage(
      TopDocs top, long total, boolean totalExact, SourceCounts counts, Long holdingAll) {

    RankedPage(TopDocs top, long total, boolean totalExact, SourceCounts counts) {
      this(top, total, totalExact, counts, null);
    }
  }

  /**
   * A common word the index knows the count of: nothing needs counting, so the ranking skips what
   * cannot reach the page from the first match on, not after a thousand; the counts by source come
   * from the sources' own lists. For a common word at a million paragraphs, the thousand scored
   * matches were a quarter of the search. (A rarer word's matches are all counted, which costs less
   * than looking up the sources.)
   */
  private static RankedPage rankCommonWord(
      HighlightingSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      Query word,
      long total,
      int wanted)
      throws IOException {
    TopDocs top = searcher.search(query.ranked(), new TopScoreDocCollectorManager(wanted, wanted));
    SourceCounts counts = request.sources().isEmpty() ? countsOfWord(searcher, word, total) : null;
    return new RankedPage(top, total, true, counts);
  }

  /**
   * Ranks, or lists, counting the matches (up to {@link PassageSearch#COUNT_UP_TO}) and their
   * sources; ranks only the passages holding every part when they fill the page ({@link
   * #rankHoldingAll}).
   */
  private static RankedPage rankCounting(
      HighlightingSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      boolean listing,
      int wanted)
      throws IOException {
    // Counting the passages that hold every part is wasted where the rarest part is in fewer
    // passages than the page: 7 % of "sanctions China" on the seed corpus (JFR), and as much of
    // the question "what did China say about the Russian-led forces", whose page of fused
    // candidates is a hundred deep.
    if (!listing && query.all() != null && MatchBound.atMost(searcher, query.all()) >= wanted) {
      RankedPage holdingAll = rankHoldingAll(searcher, request, query, wanted);
      if (holdingAll != null) {
        return holdingAll;
      }
    }
    SourceCounter.Ranked ranked =
        listing
            ? searcher.search(
                query.ranked(),
                SourceCounter.alongside(
                    new TopFieldCollectorManager(
                        StoredPassages.READING_ORDER, wanted, null, PassageSearch.COUNT_UP_TO)))
            : searcher.search(
                query.ranked(),
                SourceCounter.alongside(
                    new TopScoreDocCollectorManager(wanted, PassageSearch.COUNT_UP_TO),
                    query.all() == null ? Float.NaN : LuceneQueries.ALL_PARTS_BONUS));
    TopDocs top = ranked.top();
    long total = top.totalHits.value();
    boolean totalExact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
    if (!totalExact && listing) {
      OptionalLong listed = countIfKnown(searcher, query.matching());
      total = listed.orElse(total);
      totalExact = listed.isPresent();
    }
    if (listing) {
      for (ScoreDoc hit : top.scoreDocs) {
        hit.score = LISTING_SCORE; // sorted by field, so Lucene computed none
      }
    }
    SourceCounts counts =
        countsBySource(
            searcher,
            request,
            total,
            totalExact,
            ranked.seen(),
            totalExact && ranked.sawAll(total));
    // Every match seen: those scoring the bonus are those holding every part.
    Long holdingAll =
        query.all() != null && totalExact && ranked.sawAll(total) ? ranked.high() : null;
    return new RankedPage(top, total, totalExact, counts, holdingAll);
  }

  /**
   * The page when passages holding every part of the query fill it, else null. Those passages
   * outrank every other ({@link LuceneQueries#ALL_PARTS_BONUS}), so the page is theirs, ranked by
   * the same scores, and the passages holding only some parts need counting, not ranking. Ranking
   * them too (the whole query scored until a thousand matches were counted) was an eighth of a
   * search of two common words at a million passages.
   */
  private static RankedPage rankHoldingAll(
      HighlightingSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      int wanted)
      throws IOException {
    int holding =
        searcher.search(
            withFilters(query.all(), request.sources(), request.doc()), new CappedCount(wanted));
    if (holding < wanted) {
      return null; // the page needs passages holding some of the parts
    }
    Query rankedHoldingAll =
        new BooleanQuery.Builder()
            .add(query.ranked(), Occur.MUST)
            .add(query.all(), Occur.FILTER)
            .build();
    TopDocs top =
        searcher.search(
            rankedHoldingAll, new TopScoreDocCollectorManager(wanted, PassageSearch.COUNT_UP_TO));
    long[] seen =
        searcher.search(query.matching(), new SourceCounter(PassageSearch.COUNT_UP_TO + 1));
    // Past the limit, the total is what was counted, "1,001 or more", as the ranking's count says.
    long total = LongStream.of(seen).sum();
    boolean totalExact = total <= PassageSearch.COUNT_UP_TO;
    SourceCounts counts = countsBySource(searcher, request, total, totalExact, seen, totalExact);
    Long allParts =
        top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : null;
    return new RankedPage(top, total, totalExact, counts, allParts);
  }

  /**
   * The counts by source of a search's {@code total} matches, from those it saw ({@code seen}, by
   * {@link Source#ordinal}; every match when {@code sawAll}); null when the request narrows the
   * sources, as its matches are then not what the counts count.
   */
  private static SourceCounts countsBySource(
      HighlightingSearcher searcher,
      EngineQuery request,
      long total,
      boolean totalExact,
      long[] seen,
      boolean sawAll) {
    if (!request.sources().isEmpty()) {
      return null;
    }
    Optional<Source> only = searcher.onlySource();
    return only.isPresent() && totalExact
        ? SourceCounts.of(only.get(), total)
        : SourceCounter.counts(seen, sawAll);
  }

  /**
   * The exact count per source of the {@code total} passages holding {@code word}, in an index
   * without deletions: each source but the largest counted where it meets the word (as long as the
   * shorter of the two lists), the largest by difference.
   */
  private static SourceCounts countsOfWord(HighlightingSearcher searcher, Query word, long total)
      throws IOException {
    List<Source> sources = searcher.sourcesBySize();
    if (sources.isEmpty()) {
      return SourceCounts.NONE;
    }
    long[] counts = new long[Source.values().length];
    long rest = total;
    for (Source source : sources.subList(1, sources.size())) {
      Query inSource =
          new BooleanQuery.Builder()
              .add(word, Occur.FILTER)
              .add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.FILTER)
              .build();
      counts[source.ordinal()] = searcher.count(inSource);
      rest -= counts[source.ordinal()];
    }
    counts[sources.getFirst().ordinal()] = rest;
    return SourceCounter.counts(counts);
  }

  /** The score of every passage of a listing, which ranks nothing: a match-all query's. */
  private static final float LISTING_SCORE = 1f;

  /**
   * The number of matches of {@code query} when every segment of the index knows it without
   * visiting them, as it does for a listing (its passages, less deletions).
   */
  private static OptionalLong countIfKnown(IndexSearcher searcher, Query query) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long count = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int known = weight.count(leaf);
      if (known < 0) {
        return OptionalLong.empty();
      }
      count += known;
    }
    return OptionalLong.of(count);
  }

  /**
   * The one clause a query comes down to ({@code word} without filters is a boolean query of one
   * clause), else the query itself: a single word is a {@link TermQuery}.
   */
  private static Query soleClause(Query query) {
    while (query instanceof BooleanQuery bool
        && bool.clauses().size() == 1
        && bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().getFirst().occur() != Occur.MUST_NOT) {
      query = bool.clauses().getFirst().query();
    }
    return query;
  }

  /**
   * The ranked matches of one query; {@code counts} per source when the search counted them, else
   * null.
   */
  record Answer(
      LuceneQueries.PassageQuery query,
      Query unfiltered,
      TopDocs top,
      long total,
      boolean totalExact,
      SourceCounts counts,
      Long holdingAll) {}

  /** Adds source and document filters, which narrow the matches without changing scores. */
  static Query withFilters(Query query, Set<Source> sources, String doc) {
    if (query instanceof MatchNoDocsQuery || (sources.isEmpty() && doc == null)) {
      return query;
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (!sources.isEmpty()) {
      filtered.add(LuceneQueries.anySource(sources), Occur.FILTER);
    }
    if (doc != null) {
      filtered.add(new TermQuery(new Term(Schema.DOC, doc)), Occur.FILTER);
    }
    return filtered.build();
  }
}
