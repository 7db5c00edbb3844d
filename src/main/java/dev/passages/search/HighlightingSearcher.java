package dev.passages.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** A searcher with its highlighter, built once per index snapshot and shared by requests. */
final class HighlightingSearcher extends IndexSearcher {

  final PassageHighlighter highlighter;

  HighlightingSearcher(IndexReader reader) {
    super(reader);
    this.highlighter = new PassageHighlighter(this);
  }

  /** Makes {@link HighlightingSearcher}s for a {@code SearcherManager}. */
  static final class Factory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      return new HighlightingSearcher(reader);
    }
  }
}
