package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.embedding.Embedder;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Fusion;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.ParsedQuery;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * Search by words and meaning together: the word ranking's best passages and the passages nearest
 * the query's vector (HNSW), fused ({@link Fusion}). A passage found by meaning alone is counted
 * and shown as such; its marks are left to the search layer, which knows the model.
 */
final class MeaningSearch {

  /** The most neighbours asked of the vector index, however deep the page. */
  static final int MAX_NEIGHBOURS = 1_000;

  private MeaningSearch() {}

  static EnginePage find(HighlightingSearcher searcher, EngineQuery request) throws IOException {
    LuceneQueries.PassageQuery query = WordSearch.compile(searcher, request.query());
    int depth = Math.max(Fusion.DEPTH, request.offset() + request.limit());
    WordSearch.Answer words =
        request.meaningOnly() ? null : WordSearch.rank(searcher, request, query, depth);
    ScoreDoc[] ranked =
        words == null || words.top() == null ? new ScoreDoc[0] : words.top().scoreDocs;
    TopDocs near =
        searcher.search(
            new KnnFloatVectorQuery(
                Schema.VECTOR,
                request.meaning(),
                Math.min(depth, MAX_NEIGHBOURS),
                filter(request.query(), request)),
            Math.min(depth, MAX_NEIGHBOURS));
    // Every candidate is known both ways: by its score by words and by its cosine.
    Map<Integer, Float> wordScores = new LinkedHashMap<>();
    for (ScoreDoc doc : ranked) {
      wordScores.put(doc.doc, doc.score);
    }
    Map<Integer, Float> similarity = new HashMap<>();
    List<Integer> deeper = new ArrayList<>();
    for (ScoreDoc doc : near.scoreDocs) {
      // Lucene scores a dot product as (1 + cosine) / 2.
      similarity.put(doc.doc, 2 * doc.score - 1);
      if (!wordScores.containsKey(doc.doc)) {
        deeper.add(doc.doc);
      }
    }
    if (words != null) {
      // A near passage that holds some of the words, ranked past the depth read, is a word
      // match all the same: it is neither counted twice nor said to be found by meaning alone.
      wordScores.putAll(scores(searcher, words.query().ranked(), deeper));
    }
    List<Integer> unmeasured = new ArrayList<>();
    for (int doc : wordScores.keySet()) {
      if (!similarity.containsKey(doc)) {
        unmeasured.add(doc);
      }
    }
    similarity.putAll(StoredVectors.similarities(searcher, unmeasured, request.meaning()));
    Set<Integer> all = new LinkedHashSet<>(wordScores.keySet());
    all.addAll(similarity.keySet());
    ScoreDoc[] candidates = all.stream().map(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
    Set<Integer> holdingAll = WordSearch.holdingAll(searcher, query.all(), candidates, 0);
    List<Fusion.Candidate> pool = new ArrayList<>(all.size());
    for (int doc : all) {
      Float score = wordScores.get(doc);
      boolean holds = score != null && (holdingAll == null || holdingAll.contains(doc));
      // The ranking adds a constant to those holding every part; fusion wants the words' own score.
      float own =
          score == null
              ? 0
              : score - (holds && query.all() != null ? LuceneQueries.ALL_PARTS_BONUS : 0);
      pool.add(
          new Fusion.Candidate(
              doc, score != null, holds, own, similarity.getOrDefault(doc, Float.NaN)));
    }
    List<Fusion.Fused> fused =
        Fusion.fuse(
            pool, words == null ? 0 : bestPossible(searcher, words.query().matching(), query));
    Map<Integer, Matched> matched = new HashMap<>();
    List<Integer> byMeaningAlone = new ArrayList<>();
    for (Fusion.Fused hit : fused) {
      matched.put(hit.key(), hit.matched());
      if (hit.matched() == Matched.MEANING) {
        byMeaningAlone.add(hit.key());
      }
    }
    int from = Math.min(request.offset(), fused.size());
    int to = Math.min(fused.size(), request.offset() + request.limit());
    ScoreDoc[] page = new ScoreDoc[to - from];
    for (int i = from; i < to; i++) {
      page[i - from] = new ScoreDoc(fused.get(i).key(), fused.get(i).score());
    }
    List<Hit> hits =
        page.length == 0
            ? List.of()
            : Hits.readRanked(searcher, query.marked(), page, 0, matched::get);
    long wordTotal = words == null ? 0 : words.total();
    SourceCounts counts = words == null ? SourceCounts.NONE : wordCounts(searcher, request, words);
    long allParts =
        words == null ? 0 : Math.min(wordTotal, holdingAllCount(searcher, request, query, words));
    return new EnginePage(
        wordTotal + byMeaningAlone.size(),
        words == null || words.totalExact(),
        allParts,
        byMeaningAlone.size(),
        plus(counts, sources(searcher, byMeaningAlone)),
        hits);
  }

  /**
   * The highest score {@code query} can give a passage, as Lucene's score bounds tell it: what a
   * passage holding every part at its best would score. A part no passage holds has no bound; it
   * counts as an average part, so that a passage holding one word of a question whose other words
   * the text never uses is not taken for a perfect match.
   */
  private static float bestPossible(
      IndexSearcher searcher, Query query, LuceneQueries.PassageQuery parsed) throws IOException {
    int present = 0;
    for (Query part : parsed.parts()) {
      present += searcher.count(part) > 0 ? 1 : 0;
    }
    if (present == 0) {
      return 0;
    }
    return bestBound(searcher, query) * parsed.parts().size() / present;
  }

  private static float bestBound(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
    float best = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null) {
        scorer.advanceShallow(0);
        best = Math.max(best, scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS));
      }
    }
    return best;
  }

  /** The scores {@code query} gives those of {@code docs} it matches. */
  private static Map<Integer, Float> scores(IndexSearcher searcher, Query query, List<Integer> docs)
      throws IOException {
    Map<Integer, Float> scores = new HashMap<>();
    if (docs.isEmpty()) {
      return scores;
    }
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int doc : sorted(docs)) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      Scorer scorer = weight.scorer(leaf);
      int inLeaf = doc - leaf.docBase;
      if (scorer != null && scorer.iterator().advance(inLeaf) == inLeaf) {
        scores.put(doc, scorer.score());
      }
    }
    return scores;
  }

  private static List<Integer> sorted(List<Integer> docs) {
    List<Integer> sorted = new ArrayList<>(docs);
    sorted.sort(null);
    return sorted;
  }

  private static SourceCounts wordCounts(
      HighlightingSearcher searcher, EngineQuery request, WordSearch.Answer words)
      throws IOException {
    if (words.total() == 0) {
      return SourceCounts.NONE;
    }
    return words.counts() != null
        ? words.counts()
        : SourceCounter.count(
            searcher, WordSearch.withFilters(words.unfiltered(), Set.of(), request.doc()));
  }

  private static long holdingAllCount(
      IndexSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      WordSearch.Answer words)
      throws IOException {
    if (query.all() == null) {
      return words.total();
    }
    int counted =
        searcher.search(
            WordSearch.withFilters(query.all(), request.sources(), request.doc()),
            new CappedCount(dev.passages.search.PassageSearch.COUNT_UP_TO + 1));
    return counted > dev.passages.search.PassageSearch.COUNT_UP_TO ? words.total() : counted;
  }

  /**
   * What a meaning search keeps to: paragraphs with a vector of this model, from the sources and
   * the document asked for (the query's own {@code source:} filters included).
   */
  private static Query filter(ParsedQuery parsed, EngineQuery request) {
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL)), Occur.FILTER)
            // Titles and headings are too short to mean much: a few words lie close to almost any
            // question ("What to watch" to "penalties"), and answer none.
            .add(new TermQuery(new Term(Schema.KIND, "paragraph")), Occur.FILTER);
    if (!request.sources().isEmpty()) {
      filter.add(LuceneQueries.anySource(request.sources()), Occur.FILTER);
    }
    if (!parsed.sources().isEmpty()) {
      filter.add(LuceneQueries.anySource(parsed.sources()), Occur.FILTER);
    }
    for (Source source : parsed.excludedSources()) {
      filter.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.MUST_NOT);
    }
    if (request.doc() != null) {
      filter.add(new TermQuery(new Term(Schema.DOC, request.doc())), Occur.FILTER);
    }
    if (parsed.filtersEverythingOut()) {
      filter.add(new TermQuery(new Term(Schema.SOURCE, "")), Occur.FILTER);
    }
    return filter.build();
  }

  /** The sources of {@code docs}, counted. */
  private static SourceCounts sources(IndexSearcher searcher, List<Integer> docs)
      throws IOException {
    long[] counts = new long[Source.values().length];
    StoredFields stored = searcher.storedFields();
    for (int doc : docs) {
      Source.byId(stored.document(doc, Set.of(Schema.SOURCE)).get(Schema.SOURCE))
          .ifPresent(s -> counts[s.ordinal()]++);
    }
    return new SourceCounts(
        counts[Source.ARTICLE.ordinal()],
        counts[Source.COMMENTARY.ordinal()],
        counts[Source.COMMENT.ordinal()],
        true);
  }

  private static SourceCounts plus(SourceCounts a, SourceCounts b) {
    return new SourceCounts(
        a.article() + b.article(),
        a.commentary() + b.commentary(),
        a.comment() + b.comment(),
        a.exact() && b.exact());
  }
}
