package dev.passages.lucene;

import dev.passages.corpus.PassageKind;
import dev.passages.search.CommentView;
import dev.passages.search.Completion;
import dev.passages.search.CompletionRequest;
import dev.passages.search.Correction;
import dev.passages.search.DocumentSummary;
import dev.passages.search.DocumentView;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.EngineReader;
import dev.passages.search.InvalidRequestException;
import dev.passages.search.RelatedCount;
import dev.passages.search.RelatedPassage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded engine's reading side: finds, counts and marks passages in a Lucene index on disk,
 * and reads documents, completions, corrections and related passages from it. Thread-safe.
 */
public final class LuceneEngine implements EngineReader {

  private final SearcherManager searchers;
  private final Closeable owned;

  private LuceneEngine(SearcherManager searchers, Closeable owned) {
    this.searchers = searchers;
    this.owned = owned;
  }

  /** Opens the last commit of the index in folder {@code index}, which must exist; read-only. */
  public static LuceneEngine open(Path index) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      SearcherManager searchers =
          new SearcherManager(directory, new HighlightingSearcher.Factory());
      return new LuceneEngine(
          searchers,
          () -> {
            try (directory) {
              searchers.close();
            }
          });
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Searches what {@code writer} writes, each change once the writer's {@link LuceneWriter#refresh}
   * has run (near-real-time). The writer stays open after {@link #close}; its owner closes it.
   */
  public static LuceneEngine live(LuceneWriter writer) {
    return new LuceneEngine(writer.searchers(), () -> {});
  }

  @Override
  public long version() {
    return withSearcher(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
  }

  @Override
  public EnginePage find(EngineQuery request) {
    return withSearcher(
        searcher ->
            request.meaning() == null
                ? WordSearch.find(searcher, request)
                : MeaningSearch.find(searcher, request));
  }

  @Override
  public Optional<Correction> correct(String typed) {
    return withSearcher(
        searcher -> Spelling.correct(new IndexVocabulary(searcher), typed, searcher.spelling));
  }

  @Override
  public List<Completion> complete(CompletionRequest request) {
    return withSearcher(
        searcher ->
            Completer.complete(new IndexVocabulary(searcher), request.typed(), request.limit()));
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
            documents.add(
                new DocumentSummary(
                    id,
                    title.title(),
                    title.source().id(),
                    passages,
                    DocumentSummary.aboutDocument(title.metadata().about())));
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
        searcher -> StoredPassages.documentView(id, StoredPassages.of(searcher, id)));
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

  /** Closes the searchers of an index opened read-only; a live engine's writer closes its own. */
  @Override
  public void close() throws IOException {
    owned.close();
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
