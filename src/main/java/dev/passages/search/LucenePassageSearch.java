package dev.passages.search;

import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.index.IndexedPassage;
import dev.passages.index.LiveIndex;
import dev.passages.index.PassageDocuments;
import dev.passages.index.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Answers searches from a Lucene index on disk. Thread-safe. */
public final class LucenePassageSearch implements PassageSearch {

  private final SearcherManager searchers;
  private final Closeable owned;

  /** Answers by request, each with the version of the index it came from; null: none kept. */
  private final BoundedCache<SearchRequest, KeptResult> results;

  private record KeptResult(long indexVersion, SearchResult result) {}

  /**
   * Larger answers (long passages, big pages) are not kept, which bounds what the kept answers can
   * hold to about 64 KB each: a page of ten news paragraphs is about 12,000 characters.
   */
  static final int MAX_KEPT_CHARS = 32_768;

  private LucenePassageSearch(SearcherManager searchers, Closeable owned, int keptResults) {
    this.searchers = searchers;
    this.owned = owned;
    this.results = keptResults > 0 ? new BoundedCache<>(keptResults) : null;
  }

  /** Opens the last commit of the index in folder {@code index}, which must exist; read-only. */
  public static LucenePassageSearch open(Path index) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      return new LucenePassageSearch(
          new SearcherManager(directory, new HighlightingSearcher.Factory()), directory, 0);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Searches what {@code index} holds, including changes not yet committed once {@link #refresh}
   * has run (near-real-time). The index stays open after {@link #close}; its owner closes it.
   */
  public static LucenePassageSearch live(LiveIndex index) throws IOException {
    return live(index, 0);
  }

  /**
   * As {@link #live(LiveIndex)}, keeping the answers to up to {@code keptResults} distinct requests
   * until the index changes: a repeated search (the same words from many readers, a page reloaded,
   * Back) costs a lookup. 0 keeps none.
   */
  public static LucenePassageSearch live(LiveIndex index, int keptResults) throws IOException {
    return new LucenePassageSearch(
        new SearcherManager(index.writer(), new HighlightingSearcher.Factory()),
        () -> {},
        keptResults);
  }

  /**
   * Makes the latest changes to the index visible to searches that start after this returns;
   * searches under way finish on the snapshot they started with.
   */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Fewer hits than this and a corrected query is offered as a suggestion. */
  static final int FEW_HITS = 3;

  /**
   * Queries of at least this many words or phrases (question words aside) are relaxed when they
   * find fewer than {@link #FEW_HITS}; shorter ones keep their all-words meaning. Three rather than
   * four: on the relevance set, nDCG@10 0.804 against 0.747.
   */
  static final int LONG_QUERY_PARTS = 3;

  @Override
  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    return withSearcher(
        searcher -> {
          // Every change to the index, committed or near-real-time, gives its reader a new version.
          long version = ((DirectoryReader) searcher.getIndexReader()).getVersion();
          KeptResult kept = results != null ? results.get(request) : null;
          if (kept != null && kept.indexVersion() == version) {
            return kept.result().took(millisSince(start));
          }
          Answer answer = answer(searcher, request);
          List<Hit> hits = List.of();
          SourceCounts counts = SourceCounts.NONE;
          if (answer.total() > 0) {
            Explainer explainer = new Explainer(answer.parsed(), answer.typos());
            hits =
                Hits.readRanked(
                        searcher, answer.highlight(), answer.top().scoreDocs, request.offset())
                    .stream()
                    .map(h -> h.explained(explainer.explain(h)))
                    .toList();
            counts =
                answer.counts() != null
                    ? answer.counts()
                    : SourceCounter.count(
                        searcher, withFilters(answer.unfiltered(), Set.of(), request.doc()));
          }
          SearchResult result =
              new SearchResult(
                  answer.queryText(),
                  answer.total(),
                  answer.totalExact(),
                  request.offset(),
                  request.limit(),
                  millisSince(start),
                  counts,
                  answer.correctedFrom(),
                  answer.suggestion(),
                  answer.relaxed(),
                  hits);
          if (results != null && keptChars(result) <= MAX_KEPT_CHARS) {
            results.put(request, new KeptResult(version, result));
          }
          return result;
        });
  }

  private static long keptChars(SearchResult result) {
    long chars = 0;
    for (Hit hit : result.hits()) {
      chars += hit.text().length() + hit.highlight().length();
    }
    return chars;
  }

  /** Milliseconds since {@code start} (a {@link System#nanoTime}), to two decimals. */
  private static double millisSince(long start) {
    return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
  }

  /**
   * The query as typed; when it finds nothing, the query with its misspellings corrected; when that
   * finds too little for a long query, the relaxed query.
   */
  private static Answer answer(HighlightingSearcher searcher, SearchRequest request)
      throws IOException {
    String typed = request.query();
    CompiledQuery compiled = CompiledQuery.of(typed);
    Answer answer = run(searcher, request, typed, compiled.parsed(), compiled.query(), Map.of());
    if (answer.total() < FEW_HITS && !compiled.parsed().terms().isEmpty()) {
      Optional<Spelling.Correction> correction = Spelling.correct(searcher.getIndexReader(), typed);
      if (correction.isPresent()) {
        String fixed = correction.get().query();
        CompiledQuery fixedQuery = CompiledQuery.of(fixed);
        Answer corrected =
            run(
                searcher,
                request,
                fixed,
                fixedQuery.parsed(),
                fixedQuery.query(),
                correction.get().fixes());
        if (answer.total() == 0 && corrected.total() > 0) {
          answer = corrected.saying(typed, null, false);
          compiled = fixedQuery;
        } else if (corrected.total() > answer.total()) {
          answer = answer.saying(null, fixed, false);
        }
      }
    }
    // Short keyword queries keep their all-words meaning, even when that finds nothing.
    if (answer.total() < FEW_HITS && compiled.relaxed().isPresent()) {
      Answer relaxed =
          run(
              searcher,
              request,
              answer.queryText(),
              answer.parsed(),
              compiled.relaxed().get(),
              answer.typos());
      if (relaxed.total() > answer.total()) {
        answer = relaxed.saying(answer.correctedFrom(), answer.suggestion(), true);
      }
    }
    return answer;
  }

  private static Answer run(
      HighlightingSearcher searcher,
      SearchRequest request,
      String queryText,
      ParsedQuery parsed,
      LuceneQueries.PassageQuery text,
      Map<String, String> typos)
      throws IOException {
    LuceneQueries.PassageQuery query =
        new LuceneQueries.PassageQuery(
            withFilters(text.ranked(), request.sources(), request.doc()),
            withFilters(text.matching(), request.sources(), request.doc()),
            text.marked());
    if (query.ranked() instanceof MatchNoDocsQuery) {
      return new Answer(
          queryText, parsed, query, text.matching(), null, 0, true, null, typos, null, null, false);
    }
    int wanted = request.offset() + request.limit();
    Query word = text.listing() ? null : soleClause(query.matching());
    // Without deletions, a word's document frequency is its count.
    IndexReader reader = searcher.getIndexReader();
    OptionalLong known =
        word instanceof TermQuery term && !reader.hasDeletions()
            ? OptionalLong.of(reader.docFreq(term.getTerm()))
            : OptionalLong.empty();
    RankedPage ranked =
        known.isPresent() && known.getAsLong() > COUNT_UP_TO
            ? rankCommonWord(searcher, request, query, word, known.getAsLong(), wanted)
            : rankCounting(searcher, request, query, text.listing(), wanted);
    return new Answer(
        queryText,
        parsed,
        query,
        text.matching(),
        ranked.top(),
        ranked.total(),
        ranked.totalExact(),
        ranked.counts(),
        typos,
        null,
        null,
        false);
  }

  /** The page of a search, the total and whether it is exact, the counts by source or null. */
  private record RankedPage(TopDocs top, long total, boolean totalExact, SourceCounts counts) {}

  /**
   * A common word the index knows the count of: nothing needs counting, so the ranking skips what
   * cannot reach the page from the first match on, not after a thousand; the counts by source come
   * from the sources' own lists. For a common word at a million paragraphs, the thousand scored
   * matches were a quarter of the search. (A rarer word's matches are all counted, which costs less
   * than looking up the sources.)
   */
  private static RankedPage rankCommonWord(
      HighlightingSearcher searcher,
      SearchRequest request,
      LuceneQueries.PassageQuery query,
      Query word,
      long total,
      int wanted)
      throws IOException {
    TopDocs top = searcher.search(query.ranked(), new TopScoreDocCollectorManager(wanted, wanted));
    SourceCounts counts = request.sources().isEmpty() ? countsOfWord(searcher, word, total) : null;
    return new RankedPage(top, total, true, counts);
  }

  /** Ranks, or lists, counting the matches (up to {@link #COUNT_UP_TO}) and their sources. */
  private static RankedPage rankCounting(
      HighlightingSearcher searcher,
      SearchRequest request,
      LuceneQueries.PassageQuery query,
      boolean listing,
      int wanted)
      throws IOException {
    SourceCounter.Ranked ranked =
        listing
            ? searcher.search(
                query.ranked(),
                SourceCounter.alongside(
                    new TopFieldCollectorManager(
                        StoredPassages.READING_ORDER, wanted, null, COUNT_UP_TO)))
            : searcher.search(
                query.ranked(),
                SourceCounter.alongside(new TopScoreDocCollectorManager(wanted, COUNT_UP_TO)));
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
    SourceCounts counts = null;
    if (request.sources().isEmpty()) {
      // Nothing narrows the matches by source, so they are what the counts count.
      Optional<Source> only = searcher.onlySource();
      counts =
          only.isPresent() && totalExact
              ? SourceCounts.of(only.get(), total)
              : SourceCounter.counts(ranked.seen(), totalExact && ranked.sawAll(total));
    }
    return new RankedPage(top, total, totalExact, counts);
  }

  /**
   * Past this many matches a search stops counting them and skips those that cannot reach the page,
   * as Lucene's own {@code IndexSearcher.search(query, n)} does: the total is then "at least this
   * many" unless the index knows the count without counting.
   */
  public static final int COUNT_UP_TO = 1_000;

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
   * One way of answering a request, and how it came about; {@code counts} per source when the
   * search counted them, else null.
   */
  private record Answer(
      String queryText,
      ParsedQuery parsed,
      LuceneQueries.PassageQuery query,
      Query unfiltered,
      TopDocs top,
      long total,
      boolean totalExact,
      SourceCounts counts,
      Map<String, String> typos,
      String correctedFrom,
      String suggestion,
      boolean relaxed) {

    Query highlight() {
      return query.marked();
    }

    /** This answer, said to come about as given. */
    Answer saying(String correctedFrom, String suggestion, boolean relaxed) {
      return new Answer(
          queryText,
          parsed,
          query,
          unfiltered,
          top,
          total,
          totalExact,
          counts,
          typos,
          correctedFrom,
          suggestion,
          relaxed);
    }
  }

  /** Adds source and document filters, which narrow the matches without changing scores. */
  private static Query withFilters(Query query, Set<Source> sources, String doc) {
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

  @Override
  public Completions complete(String typed, int limit) {
    if (limit < 1 || limit > Completions.MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit", "limit must be between 1 and " + Completions.MAX_LIMIT + ", got " + limit);
    }
    if (typed.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "q",
          "q is "
              + typed.length()
              + " characters long; the limit is "
              + SearchRequest.MAX_QUERY_CHARS
              + " characters");
    }
    return withSearcher(
        searcher -> new Completions(typed, Completer.complete(searcher, typed, limit)));
  }

  @Override
  public List<DocumentSummary> documents() {
    return withSearcher(
        searcher -> {
          Query titles = new TermQuery(new Term(Schema.KIND, "title"));
          int n = Math.max(1, searcher.count(titles));
          StoredFields stored = searcher.storedFields();
          List<DocumentSummary> documents = new ArrayList<>();
          for (ScoreDoc doc : searcher.search(titles, n, StoredPassages.READING_ORDER).scoreDocs) {
            IndexedPassage title = PassageDocuments.fromDocument(stored.document(doc.doc));
            String id = title.passage().doc();
            int passages = searcher.count(new TermQuery(new Term(Schema.DOC, id)));
            documents.add(new DocumentSummary(id, title.title(), title.source().id(), passages));
          }
          return documents;
        });
  }

  @Override
  public boolean exists(String id) {
    return withSearcher(searcher -> searcher.count(new TermQuery(new Term(Schema.DOC, id))) > 0);
  }

  @Override
  public Optional<DocumentView> document(String id) {
    return withSearcher(
        searcher -> {
          List<IndexedPassage> passages = StoredPassages.of(searcher, id);
          if (passages.isEmpty()) {
            return Optional.empty();
          }
          List<DocumentView.PassageView> views = new ArrayList<>(passages.size());
          for (IndexedPassage indexed : passages) {
            Passage p = indexed.passage();
            views.add(
                new DocumentView.PassageView(
                    p.id(),
                    Passage.anchor(p.kind(), p.number()),
                    p.kind().id(),
                    p.paragraph(),
                    p.section(),
                    p.text()));
          }
          IndexedPassage first = passages.getFirst();
          return Optional.of(new DocumentView(id, first.title(), first.source().id(), views));
        });
  }

  @Override
  public Optional<List<RelatedPassage>> related(String doc, int paragraph) {
    return withSearcher(
        searcher -> {
          Optional<IndexedPassage> target = StoredPassages.paragraph(searcher, doc, paragraph);
          if (target.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(RelatedFinder.find(searcher, target.get()));
        });
  }

  @Override
  public List<RelatedCount> relatedCounts(String doc) {
    return withSearcher(
        searcher -> {
          List<RelatedCount> counts = new ArrayList<>();
          for (IndexedPassage passage : StoredPassages.of(searcher, doc)) {
            if (passage.passage().kind() == PassageKind.PARAGRAPH) {
              int count = RelatedFinder.find(searcher, passage).size();
              if (count > 0) {
                counts.add(new RelatedCount(passage.passage().number(), count));
              }
            }
          }
          return counts;
        });
  }

  @Override
  public List<CommentView> commentsOn(String doc) {
    return withSearcher(searcher -> StoredPassages.commentsOn(searcher, doc));
  }

  @Override
  public int passageCount() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  @Override
  public void close() throws IOException {
    try (owned) {
      searchers.close();
    }
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      HighlightingSearcher searcher = (HighlightingSearcher) searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "q", "the query expands to too many terms; use fewer words or longer prefixes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T run(HighlightingSearcher searcher) throws IOException;
  }
}
