package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreCachingWrappingScorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;

/**
 * Counts a query's matches per source in one pass over them, reading each match's source from its
 * segment's kept sources ({@link SegmentSources}): what "article 3 · commentary 5 · comments 12"
 * costs.
 */
final class SourceCounter implements CollectorManager<SourceCounter.PerSource, long[]> {

  static SourceCounts count(IndexSearcher searcher, Query query) throws IOException {
    return counts(searcher.search(query, new SourceCounter()));
  }

  /** The counts as this collector's {@link #reduce} adds them up. */
  static SourceCounts counts(long[] counts) {
    return counts(counts, true);
  }

  static SourceCounts counts(long[] counts, boolean exact) {
    return new SourceCounts(
        counts[Source.ARTICLE.ordinal()],
        counts[Source.COMMENTARY.ordinal()],
        counts[Source.COMMENT.ordinal()],
        exact);
  }

  /**
   * {@code ranking}, which also counts by source every passage it is shown. Unlike a {@code
   * MultiCollector} beside a counter, this leaves Lucene free to skip passages that cannot reach
   * the page: the counts are then of the passages seen, and {@link Ranked#sawAll} says whether that
   * was every match.
   */
  static <C extends Collector> CollectorManager<Counting<C>, Ranked> alongside(
      CollectorManager<C, ? extends TopDocs> ranking) {
    return alongside(ranking, Float.NaN);
  }

  /**
   * As {@link #alongside(CollectorManager)}, also counting the passages seen that score at least
   * {@code atLeast} (none when NaN): those holding every part of a query, whose ranking adds a
   * constant no other passage reaches. What a separate count of them cost was most of what a query
   * of two words adds to one of one.
   */
  static <C extends Collector> CollectorManager<Counting<C>, Ranked> alongside(
      CollectorManager<C, ? extends TopDocs> ranking, float atLeast) {
    return new CollectorManager<>() {
      @Override
      public Counting<C> newCollector() throws IOException {
        return new Counting<>(ranking.newCollector(), atLeast);
      }

      @Override
      public Ranked reduce(Collection<Counting<C>> collectors) throws IOException {
        List<C> rankers = new ArrayList<>(collectors.size());
        long[] total = new long[Source.values().length];
        long high = 0;
        for (Counting<C> collector : collectors) {
          rankers.add(collector.ranker);
          high += collector.high;
          for (int i = 0; i < total.length; i++) {
            total[i] += collector.counter.counts[i];
          }
        }
        return new Ranked(ranking.reduce(rankers), total, high);
      }
    };
  }

  /**
   * The top passages, the passages seen per source (indexed by {@link Source#ordinal}), and how
   * many of them scored at least the bound asked for.
   */
  record Ranked(TopDocs top, long[] seen, long high) {

    /** Whether the counts are exact: every one of the {@code total} matches was seen. */
    boolean sawAll(long total) {
      return LongStream.of(seen).sum() == total;
    }
  }

  /**
   * A collector that counts what it passes on to {@code ranker}. It keeps the ranker's competitive
   * iterator to itself: with one, a listing's sort would skip passages and miss them in the counts.
   */
  static final class Counting<C extends Collector> extends FilterCollector {
    final C ranker;
    final PerSource counter = new PerSource();
    private final float atLeast;
    long high;

    Counting(C ranker, float atLeast) {
      super(ranker);
      this.ranker = ranker;
      this.atLeast = atLeast;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      counter.doSetNextReader(context);
      if (Float.isNaN(atLeast)) {
        return new FilterLeafCollector(super.getLeafCollector(context)) {
          @Override
          public void collect(int doc) throws IOException {
            counter.collect(doc);
            in.collect(doc);
          }
        };
      }
      // The ranker asks for the same score: the wrapping scorer computes it once.
      return ScoreCachingWrappingScorer.wrap(
          new FilterLeafCollector(super.getLeafCollector(context)) {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
              this.scorer = scorer;
              in.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
              counter.collect(doc);
              if (scorer.score() >= atLeast) {
                high++;
              }
              in.collect(doc);
            }
          });
    }
  }

  /** The most matches counted: past it, collection stops. */
  private final long cap;

  /** Counts every match. */
  SourceCounter() {
    this(Long.MAX_VALUE);
  }

  /**
   * Counts per source up to {@code cap} matches in all, then stops: the counts of the first matches
   * in index order.
   */
  SourceCounter(long cap) {
    this.cap = cap;
  }

  @Override
  public PerSource newCollector() {
    return new PerSource(cap);
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
    private final long cap;
    private long seen;

    /** The sources of the current segment's passages ({@link SegmentSources}). */
    private byte[] sources;

    PerSource() {
      this(Long.MAX_VALUE);
    }

    PerSource(long cap) {
      this.cap = cap;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      if (seen >= cap) {
        throw new CollectionTerminatedException();
      }
      sources = SegmentSources.of(context.reader());
    }

    @Override
    public void collect(int doc) throws IOException {
      if (++seen > cap) {
        throw new CollectionTerminatedException();
      }
      int source = sources[doc];
      if (source != SegmentSources.NONE) {
        counts[source]++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
