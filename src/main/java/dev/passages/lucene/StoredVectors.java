package dev.passages.lucene;

import dev.passages.embedding.Embedder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Reads passages' stored meaning vectors, for the few passages a search has in hand. */
final class StoredVectors {

  private StoredVectors() {}

  /** The vectors of {@code docs}; a doc without one is left out. */
  static Map<Integer, float[]> of(IndexSearcher searcher, List<Integer> docs) throws IOException {
    Map<Integer, float[]> vectors = new HashMap<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Integer> sorted = new ArrayList<>(docs);
    sorted.sort(null);
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator iterator = null;
    LeafReaderContext current = null;
    for (int doc : sorted) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      if (leaf != current) {
        current = leaf;
        values = leaf.reader().getFloatVectorValues(Schema.VECTOR);
        iterator = values == null ? null : values.iterator();
      }
      int inLeaf = doc - leaf.docBase;
      if (iterator != null
          && (iterator.docID() == inLeaf
              || (iterator.docID() < inLeaf && iterator.advance(inLeaf) == inLeaf))) {
        // The values object reuses its array: keep a copy.
        vectors.put(doc, values.vectorValue(iterator.index()).clone());
      }
    }
    return vectors;
  }

  /** The cosines of {@code docs}' vectors to {@code meaning}; a doc without one is left out. */
  static Map<Integer, Float> similarities(
      IndexSearcher searcher, List<Integer> docs, float[] meaning) throws IOException {
    Map<Integer, Float> similarity = new HashMap<>();
    of(searcher, docs).forEach((doc, vector) -> similarity.put(doc, Embedder.dot(meaning, vector)));
    return similarity;
  }
}
