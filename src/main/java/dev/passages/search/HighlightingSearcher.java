package dev.passages.search;

import dev.passages.corpus.Source;
import dev.passages.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** A searcher with its highlighter, built once per index snapshot and shared by requests. */
final class HighlightingSearcher extends IndexSearcher {

  final PassageHighlighter highlighter;

  private final Optional<Source> onlySource;

  HighlightingSearcher(IndexReader reader) {
    super(reader);
    this.highlighter = new PassageHighlighter(this);
    this.onlySource = onlySource(reader);
  }

  /**
   * The one source every passage comes from, if there is one (a corpus of articles alone, or of
   * commentary alone): a query's count is then that source's count.
   */
  Optional<Source> onlySource() {
    return onlySource;
  }

  private static Optional<Source> onlySource(IndexReader reader) {
    try {
      // Deleted passages count here too (docFreq): a source whose passages were all deleted but
      // not yet merged away makes this empty, which costs exact counts, never right ones.
      List<Source> present = new ArrayList<>();
      for (Source source : Source.values()) {
        if (reader.docFreq(new Term(Schema.SOURCE, source.id())) > 0) {
          present.add(source);
        }
      }
      return present.size() == 1 ? Optional.of(present.getFirst()) : Optional.empty();
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
