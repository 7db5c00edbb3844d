package dev.passages.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Multiplies each passage's score by its stored weight ({@link Schema#WEIGHT}), as Lucene's {@code
 * FunctionScoreQuery.boostByValue} does, but without hiding the wrapped query's maximum scores:
 * {@code FunctionScoreQuery} reports an unbounded maximum, which stops Lucene from skipping the
 * passages that cannot reach the page, and every match is then scored. No weight exceeds {@link
 * #MAX_WEIGHT}, so the wrapped query's bounds, scaled by it, stay true bounds.
 */
public final class PassageWeightQuery extends Query {

  /** The largest weight a passage has: paragraphs weigh 1, titles and headings less. */
  static final float MAX_WEIGHT = 1f;

  private final Query query;

  PassageWeightQuery(Query query) {
    this.query = query;
  }

  /** The query whose scores are weighted. */
  public Query query() {
    return query;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new PassageWeightQuery(rewritten);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    // Through the searcher, which may hold the query's words already looked up.
    Weight inner = searcher.createWeight(query, scoreMode, boost);
    return scoreMode.needsScores() ? new Weighted(this, inner) : inner;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "weighted(" + query.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((PassageWeightQuery) other).query);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query);
  }

  /** A weight read from doc values; 1 for a passage without one. */
  private static float weight(NumericDocValues weights, int doc) throws IOException {
    return weights != null && weights.advanceExact(doc)
        ? Float.intBitsToFloat((int) weights.longValue())
        : 1f;
  }

  private static final class Weighted extends FilterWeight {

    Weighted(Query query, Weight inner) {
      super(query, inner);
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      Explanation inner = in.explain(context, doc);
      if (!inner.isMatch()) {
        return inner;
      }
      float weight = weight(context.reader().getNumericDocValues(Schema.WEIGHT), doc);
      return Explanation.match(
          inner.getValue().floatValue() * weight,
          "product of:",
          inner,
          Explanation.match(weight, "passage weight"));
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier supplier = in.scorerSupplier(context);
      if (supplier == null) {
        return null;
      }
      NumericDocValues weights = context.reader().getNumericDocValues(Schema.WEIGHT);
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          return new WeightedScorer(supplier.get(leadCost), weights);
        }

        @Override
        public long cost() {
          return supplier.cost();
        }

        @Override
        public void setTopLevelScoringClause() throws IOException {
          supplier.setTopLevelScoringClause();
        }
      };
    }
  }

  private static final class WeightedScorer extends FilterScorer {
    private final NumericDocValues weights;

    WeightedScorer(Scorer in, NumericDocValues weights) {
      super(in);
      this.weights = weights;
    }

    @Override
    public float score() throws IOException {
      return in.score() * weight(weights, in.docID());
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) * MAX_WEIGHT;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    /**
     * A passage must score at least {@code min / MAX_WEIGHT} before its weight to reach {@code
     * min}.
     */
    @Override
    public void setMinCompetitiveScore(float min) throws IOException {
      in.setMinCompetitiveScore(min / MAX_WEIGHT);
    }
  }
}
