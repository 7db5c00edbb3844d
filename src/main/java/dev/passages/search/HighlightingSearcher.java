package dev.passages.search;

import dev.passages.corpus.Source;
import dev.passages.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;

/** A searcher with its highlighter, built once per index snapshot and shared by requests. */
final class HighlightingSearcher extends IndexSearcher {

  final PassageHighlighter highlighter;

  /**
   * The one source every passage of this snapshot comes from, if there is one; null: not known yet.
   */
  private volatile Optional<Source> onlySource;

  HighlightingSearcher(IndexReader reader) {
    super(reader);
    this.highlighter = new PassageHighlighter(this);
  }

  /**
   * The one source every passage comes from, if there is one (a corpus of articles alone, or of
   * commentary alone): a query's count is then that source's count.
   */
  Optional<Source> onlySource() {
    Optional<Source> only = onlySource;
    if (only == null) {
      only = onlySource(getIndexReader()); // two threads may both work it out: same answer
      onlySource = only;
    }
    return only;
  }

  private static Optional<Source> onlySource(IndexReader reader) {
    if (reader.numDocs() == 0) {
      return Optional.empty();
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    try {
      for (Source source : Source.values()) {
        // Counted with deletions: docFreq would count replaced passages too.
        if (searcher.count(new TermQuery(new Term(Schema.SOURCE, source.id())))
            == reader.numDocs()) {
          return Optional.of(source);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@link HighlightingSearcher}s for a {@code SearcherManager}. */
  static final class Factory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      return new HighlightingSearcher(reader);
    }
  }
}
