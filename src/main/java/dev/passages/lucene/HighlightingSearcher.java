package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.search.BoundedCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** A searcher with its highlighter, built once per index snapshot and shared by requests. */
final class HighlightingSearcher extends IndexSearcher {

  final PassageHighlighter highlighter;

  private final List<Source> sourcesBySize;

  /** What each query word's spelling was decided to be in this snapshot (Spelling.correct). */
  final BoundedCache<String, String> spelling = new BoundedCache<>(Spelling.DECISIONS_KEPT);

  HighlightingSearcher(IndexReader reader) {
    super(reader);
    this.highlighter = new PassageHighlighter(this);
    this.sourcesBySize = sourcesBySize(reader);
  }

  /**
   * The one source every passage comes from, if there is one (a corpus of articles alone, or of
   * commentary alone): a query's count is then that source's count. A source whose passages were
   * all deleted but not yet merged away still counts as present, which costs exact counts, never
   * right ones.
   */
  Optional<Source> onlySource() {
    return sourcesBySize.size() == 1 ? Optional.of(sourcesBySize.getFirst()) : Optional.empty();
  }

  /**
   * The sources that have passages in the index, the one with most passages first. Deleted passages
   * count here too (docFreq): exact only in an index without deletions.
   */
  List<Source> sourcesBySize() {
    return sourcesBySize;
  }

  private static List<Source> sourcesBySize(IndexReader reader) {
    try {
      Map<Source, Integer> sizes = new EnumMap<>(Source.class);
      for (Source source : Source.values()) {
        int size = reader.docFreq(new Term(Schema.SOURCE, source.id()));
        if (size > 0) {
          sizes.put(source, size);
        }
      }
      List<Source> present = new ArrayList<>(sizes.keySet());
      present.sort(Comparator.comparing(sizes::get, Comparator.reverseOrder()));
      return List.copyOf(present);
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
