package dev.passages.lucene;

import dev.passages.corpus.Source;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The source of every passage of a segment, read from doc values once per segment and kept while
 * the segment is open: a passage's source never changes (an edited passage is a new document).
 * Opening the doc values and naming their values again for every query, then reading them passage
 * by passage, was 3 % of a search (JFR, the query mix); kept, the mix costs 2 % less (both ways in
 * turn in one JVM). A byte a passage is 1 MB at a million.
 */
final class SegmentSources {

  /** A passage of no known source. */
  static final byte NONE = -1;

  private static final Map<IndexReader.CacheKey, byte[]> KEPT = new ConcurrentHashMap<>();

  private SegmentSources() {}

  /** The {@link Source#ordinal} of each passage of {@code segment} by its id there, or NONE. */
  static byte[] of(LeafReader segment) throws IOException {
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null) {
      return read(segment);
    }
    IndexReader.CacheKey key = core.getKey();
    byte[] sources = KEPT.get(key);
    if (sources == null) {
      sources = read(segment);
      if (KEPT.putIfAbsent(key, sources) == null) {
        core.addClosedListener(KEPT::remove);
      }
    }
    return sources;
  }

  private static byte[] read(LeafReader segment) throws IOException {
    SortedDocValues values = DocValues.getSorted(segment, Schema.SOURCE);
    byte[] sourceOfOrd = new byte[values.getValueCount()];
    for (int ord = 0; ord < sourceOfOrd.length; ord++) {
      sourceOfOrd[ord] =
          Source.byId(values.lookupOrd(ord).utf8ToString())
              .map(source -> (byte) source.ordinal())
              .orElse(NONE);
    }
    byte[] sources = new byte[segment.maxDoc()];
    Arrays.fill(sources, NONE);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      sources[doc] = sourceOfOrd[values.ordValue()];
    }
    return sources;
  }
}
