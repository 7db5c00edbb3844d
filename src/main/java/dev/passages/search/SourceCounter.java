package dev.passages.search;

import dev.passages.corpus.Source;
import dev.passages.index.Schema;
import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts a query's matches per source in one pass over them, reading each match's source from doc
 * values: what "article 3 · commentary 5 · comments 12" costs.
 */
final class SourceCounter implements CollectorManager<SourceCounter.PerSource, long[]> {

  static SourceCounts count(IndexSearcher searcher, Query query) throws IOException {
    return counts(searcher.search(query, new SourceCounter()));
  }

  /** The counts as this collector's {@link #reduce} adds them up. */
  static SourceCounts counts(long[] counts) {
    return new SourceCounts(
        counts[Source.ARTICLE.ordinal()],
        counts[Source.COMMENTARY.ordinal()],
        counts[Source.COMMENT.ordinal()]);
  }

  @Override
  public PerSource newCollector() {
    return new PerSource();
  }

  @Override
  public long[] reduce(Collection<PerSource> collectors) {
    long[] total = new long[Source.values().length];
    for (PerSource collector : collectors) {
      for (int i = 0; i < total.length; i++) {
        total[i] += collector.counts[i];
      }
    }
    return total;
  }

  /** Counts of one slice of the index. */
  static final class PerSource extends SimpleCollector {
    final long[] counts = new long[Source.values().length];
    private SortedDocValues sources;
    private int[] sourceOfOrd;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      sources = DocValues.getSorted(context.reader(), Schema.SOURCE);
      sourceOfOrd = new int[sources.getValueCount()];
      for (int ord = 0; ord < sourceOfOrd.length; ord++) {
        sourceOfOrd[ord] =
            Source.byId(sources.lookupOrd(ord).utf8ToString()).map(Enum::ordinal).orElse(-1);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      if (sources.advanceExact(doc)) {
        int source = sourceOfOrd[sources.ordValue()];
        if (source >= 0) {
          counts[source]++;
        }
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
