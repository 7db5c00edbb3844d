package dev.passages.lucene;

import dev.passages.embedding.Embedder;
import dev.passages.search.Hit;
import dev.passages.search.RelatedPassage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Commentary close in meaning to a paragraph, by their stored vectors, and tied to the paragraph it
 * is closest to: a commentary passage about the whole article is close to most of its paragraphs,
 * and listing it under each would say nothing.
 *
 * <p>Measured on the sample commentary against the seed article's 13 paragraphs: a paraphrase of
 * paragraph 5 has a cosine of 0.89 to it (0.61 to the next); passages that discuss a paragraph
 * 0.45-0.68 to it; a passage sharing only a name at most 0.40; unrelated text below 0.05.
 */
final class SimilarByMeaning {

  /** A passage is similar from this cosine on. */
  static final float MIN_SIMILARITY = 0.45f;

  /** A passage is similar to the paragraphs within this of its closest one in the document. */
  static final float NEAREST_MARGIN = 0.05f;

  private SimilarByMeaning() {}

  /**
   * The passages {@code elsewhere} admits that are similar to {@code paragraph} (doc id {@code
   * doc}); empty when the paragraph has no vector, and MoreLikeThis is to answer.
   */
  static Optional<List<RelatedPassage>> find(
      HighlightingSearcher searcher,
      IndexedPassage paragraph,
      UnaryOperator<org.apache.lucene.search.Query> elsewhere)
      throws IOException {
    TopDocs self = searcher.search(new TermQuery(new Term(Schema.ID, paragraph.passage().id())), 1);
    if (self.scoreDocs.length == 0) {
      return Optional.empty();
    }
    int selfDoc = self.scoreDocs[0].doc;
    float[] vector = StoredVectors.of(searcher, List.of(selfDoc)).get(selfDoc);
    if (vector == null) {
      return Optional.empty();
    }
    TopDocs near =
        searcher.search(
            new KnnFloatVectorQuery(
                Schema.VECTOR,
                vector,
                RelatedFinder.MAX_PER_REASON,
                elsewhere.apply(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL)))),
            RelatedFinder.MAX_PER_REASON);
    List<ScoreDoc> close = new ArrayList<>();
    for (ScoreDoc doc : near.scoreDocs) {
      if (2 * doc.score - 1 >= MIN_SIMILARITY) {
        close.add(doc);
      }
    }
    if (close.isEmpty()) {
      return Optional.of(List.of());
    }
    Map<Integer, float[]> paragraphs =
        StoredVectors.of(searcher, paragraphsOf(searcher, paragraph));
    Map<Integer, float[]> candidates =
        StoredVectors.of(searcher, close.stream().map(d -> d.doc).toList());
    List<ScoreDoc> tied = new ArrayList<>();
    for (ScoreDoc doc : close) {
      float[] candidate = candidates.get(doc.doc);
      float own = Embedder.dot(candidate, vector);
      float closest = own;
      for (float[] other : paragraphs.values()) {
        closest = Math.max(closest, Embedder.dot(candidate, other));
      }
      if (own >= closest - NEAREST_MARGIN) {
        tied.add(new ScoreDoc(doc.doc, own));
      }
    }
    List<Hit> hits = Hits.read(searcher, new MatchNoDocsQuery(), tied.toArray(ScoreDoc[]::new), 0);
    List<RelatedPassage> similar = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      float cosine = Math.min(1f, tied.get(i).score);
      similar.add(
          new RelatedPassage("similar", hits.get(i), null, Math.round(cosine * 100) / 100f));
    }
    return Optional.of(similar);
  }

  /** The Lucene doc ids of the paragraphs of {@code paragraph}'s document. */
  private static List<Integer> paragraphsOf(HighlightingSearcher searcher, IndexedPassage paragraph)
      throws IOException {
    BooleanQuery paragraphs =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.DOC, paragraph.passage().doc())), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.KIND, "paragraph")), Occur.FILTER)
            .build();
    int count = Math.max(1, searcher.count(paragraphs));
    List<Integer> docs = new ArrayList<>(count);
    for (ScoreDoc doc : searcher.search(paragraphs, count).scoreDocs) {
      docs.add(doc.doc);
    }
    return docs;
  }
}
