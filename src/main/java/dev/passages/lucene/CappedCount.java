package dev.passages.lucene;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matches up to a cap, then stops: "at least 64" ranks a completion as well as the exact
 * count, and "at least 1,000" is all a page says of a large total.
 */
final class CappedCount implements CollectorManager<CappedCount.Counter, Integer> {
  private final int cap;

  CappedCount(int cap) {
    this.cap = cap;
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Integer reduce(Collection<Counter> counters) {
    int total = 0;
    for (Counter counter : counters) {
      total += counter.count;
    }
    return Math.min(total, cap);
  }

  /** Counts one slice of the index (each searcher thread has its own). */
  final class Counter extends SimpleCollector {
    int count;

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      if (count >= cap) {
        throw new CollectionTerminatedException();
      }
    }

    @Override
    public void collect(int doc) {
      if (++count >= cap) {
        throw new CollectionTerminatedException();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
