package dev.passages.search;

import dev.passages.corpus.Passage;
import dev.passages.corpus.Source;
import dev.passages.index.IndexedPassage;
import dev.passages.index.PassageDocuments;
import dev.passages.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Answers searches from a Lucene index on disk. Thread-safe. */
public final class LucenePassageSearch implements PassageSearch {

  /** Best first; equal scores in reading order (document id, then position in the document). */
  private static final Sort RANKING =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(Schema.DOC, SortField.Type.STRING),
          new SortField(Schema.ORDINAL, SortField.Type.INT));

  private static final Sort READING_ORDER =
      new Sort(
          new SortField(Schema.DOC, SortField.Type.STRING),
          new SortField(Schema.ORDINAL, SortField.Type.INT));

  private final Directory directory;
  private final SearcherManager searchers;

  private LucenePassageSearch(Directory directory) throws IOException {
    this.directory = directory;
    this.searchers = new SearcherManager(directory, new HighlightingSearcherFactory());
  }

  /** Opens the index in folder {@code index}, which must exist. */
  public static LucenePassageSearch open(Path index) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      return new LucenePassageSearch(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Makes the latest commit of the index visible to searches that start after this returns. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  @Override
  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    Query query = withFilters(LuceneQueries.toLucene(QuerySyntax.parse(request.query())), request);
    return withSearcher(
        searcher -> {
          List<Hit> hits = List.of();
          long total = 0;
          if (!(query instanceof MatchNoDocsQuery)) {
            int wanted = request.offset() + request.limit();
            TopFieldDocs top =
                searcher.search(
                    query, new TopFieldCollectorManager(RANKING, wanted, null, Integer.MAX_VALUE));
            total = top.totalHits.value();
            hits = hits(searcher, query, top.scoreDocs, request.offset());
          }
          double tookMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
          return new SearchResult(
              request.query(), total, request.offset(), request.limit(), tookMs, hits);
        });
  }

  /** Adds the request's source and document filters, which do not count towards the score. */
  private static Query withFilters(Query query, SearchRequest request) {
    if (query instanceof MatchNoDocsQuery
        || (request.sources().isEmpty() && request.doc() == null)) {
      return query;
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (!request.sources().isEmpty()) {
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      for (Source source : request.sources()) {
        anyOf.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.SHOULD);
      }
      filtered.add(anyOf.build(), Occur.FILTER);
    }
    if (request.doc() != null) {
      filtered.add(new TermQuery(new Term(Schema.DOC, request.doc())), Occur.FILTER);
    }
    return filtered.build();
  }

  private static List<Hit> hits(
      HighlightingSearcher searcher, Query query, ScoreDoc[] ranked, int offset)
      throws IOException {
    if (ranked.length <= offset) {
      return List.of();
    }
    int count = ranked.length - offset;
    int[] docIds = new int[count];
    for (int i = 0; i < count; i++) {
      docIds[i] = ranked[offset + i].doc;
    }
    Highlight[] whole = searcher.highlighter.whole(query, docIds);
    IndexedPassage[] passages = new IndexedPassage[count];
    StoredFields stored = searcher.storedFields();
    List<Integer> longOnes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      passages[i] = PassageDocuments.fromDocument(stored.document(docIds[i]));
      if (passages[i].passage().text().length() > PassageHighlighter.WHOLE_UP_TO_CHARS) {
        longOnes.add(i);
      }
    }
    String[] shown = new String[count];
    for (int i = 0; i < count; i++) {
      shown[i] = whole[i] != null ? whole[i].html() : null;
    }
    if (!longOnes.isEmpty()) {
      int[] longIds = longOnes.stream().mapToInt(i -> docIds[i]).toArray();
      Highlight[] excerpts = searcher.highlighter.excerpts(query, longIds);
      for (int j = 0; j < longIds.length; j++) {
        if (excerpts[j] != null) {
          shown[longOnes.get(j)] = excerpts[j].html();
        }
      }
    }
    List<Hit> hits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Passage passage = passages[i].passage();
      float score = (Float) ((FieldDoc) ranked[offset + i]).fields[0];
      hits.add(
          new Hit(
              passage.id(),
              passage.doc(),
              passages[i].title(),
              passages[i].source().id(),
              passage.kind().id(),
              passage.paragraph(),
              passage.section(),
              score,
              passage.text(),
              shown[i] != null ? shown[i] : escape(passage.text()),
              whole[i] != null ? whole[i].matches() : List.of()));
    }
    return hits;
  }

  @Override
  public List<DocumentSummary> documents() {
    return withSearcher(
        searcher -> {
          Query titles = new TermQuery(new Term(Schema.KIND, "title"));
          int n = Math.max(1, searcher.count(titles));
          StoredFields stored = searcher.storedFields();
          List<DocumentSummary> documents = new ArrayList<>();
          for (ScoreDoc doc : searcher.search(titles, n, READING_ORDER).scoreDocs) {
            IndexedPassage title = PassageDocuments.fromDocument(stored.document(doc.doc));
            String id = title.passage().doc();
            int passages = searcher.count(new TermQuery(new Term(Schema.DOC, id)));
            documents.add(new DocumentSummary(id, title.title(), title.source().id(), passages));
          }
          return documents;
        });
  }

  @Override
  public Optional<DocumentView> document(String id) {
    return withSearcher(
        searcher -> {
          Query passagesOf = new TermQuery(new Term(Schema.DOC, id));
          int n = searcher.count(passagesOf);
          if (n == 0) {
            return Optional.empty();
          }
          StoredFields stored = searcher.storedFields();
          List<DocumentView.PassageView> views = new ArrayList<>(n);
          IndexedPassage first = null;
          for (ScoreDoc doc : searcher.search(passagesOf, n, READING_ORDER).scoreDocs) {
            IndexedPassage indexed = PassageDocuments.fromDocument(stored.document(doc.doc));
            first = first == null ? indexed : first;
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
          return Optional.of(new DocumentView(id, first.title(), first.source().id(), views));
        });
  }

  @Override
  public int passageCount() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  @Override
  public void close() throws IOException {
    try (directory) {
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

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @FunctionalInterface
  private interface SearcherWork<T> {
    T run(HighlightingSearcher searcher) throws IOException;
  }

  /** A searcher with the highlighter bound to it, built once per index snapshot. */
  private static final class HighlightingSearcher extends IndexSearcher {
    final PassageHighlighter highlighter;

    HighlightingSearcher(IndexReader reader) {
      super(reader);
      this.highlighter = new PassageHighlighter(this);
    }
  }

  private static final class HighlightingSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      return new HighlightingSearcher(reader);
    }
  }
}
