package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.embedding.Embedder;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Fusion;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.ParsedQuery;
import dev.passages.search.PassageSearch;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Search by words and meaning together: the word ranking's best passages and the passages nearest
 * the query's vector (HNSW), fused ({@link Fusion}). A passage found by meaning alone is counted
 * and shown as such; its marks are left to the search layer, which knows the model.
 */
final class MeaningSearch {

  private MeaningSearch() {}

  static EnginePage find(HighlightingSearcher searcher, EngineQuery request) throws IOException {
    LuceneQueries.PassageQuery query = WordSearch.compile(searcher, request.query());
    int wanted = request.offset() + request.limit();
    WordSearch.Answer words =
        request.meaningOnly()
            ? null
            : WordSearch.rank(searcher, request, query, Math.max(Fusion.DEPTH, wanted));
    ScoreDoc[] ranked =
        words == null || words.top() == null ? new ScoreDoc[0] : words.top().scoreDocs;
    // The same depth whatever the page: paging through an answer never reorders it.
    ScoreDoc[] head = Arrays.copyOf(ranked, Math.min(ranked.length, Fusion.DEPTH));
    ScoreDoc[] near = nearest(searcher, request, true);
    List<Fusion.Fused> fused = fuse(searcher, request, query, words, head, near);
    Map<Integer, Matched> matched = new HashMap<>();
    List<Integer> byMeaningAlone = new ArrayList<>();
    for (Fusion.Fused hit : fused) {
      matched.put(hit.key(), hit.matched());
      if (hit.matched() == Matched.MEANING) {
        byMeaningAlone.add(hit.key());
      }
    }
    List<ScoreDoc> order = inOrder(fused, ranked, head.length, matched, query.all() != null);
    int from = Math.min(request.offset(), order.size());
    int to = Math.min(order.size(), wanted);
    ScoreDoc[] page = order.subList(from, to).toArray(ScoreDoc[]::new);
    List<Hit> hits =
        page.length == 0
            ? List.of()
            : Hits.readRanked(searcher, query.marked(), page, 0, matched::get);
    long wordTotal = words == null ? 0 : words.total();
    long total = wordTotal + byMeaningAlone.size();
    long allParts = 0;
    if (words != null) {
      long counted = holdingAllCount(searcher, request, query, words);
      // Past the counting limit the split is not known: the total stands for both, as documented.
      allParts =
          query.all() != null && counted > PassageSearch.COUNT_UP_TO
              ? total
              : Math.min(wordTotal, counted);
    }
    SourceCounts counts = words == null ? SourceCounts.NONE : wordCounts(searcher, request, words);
    return new EnginePage(
        total,
        words == null || words.totalExact(),
        allParts,
        byMeaningAlone.size(),
        plus(counts, meaningAloneBySource(searcher, request, words, byMeaningAlone)),
        hits);
  }

  /** The {@link Fusion#DEPTH} paragraphs nearest the query's meaning, in the request's sources. */
  private static ScoreDoc[] nearest(
      IndexSearcher searcher, EngineQuery request, boolean inRequestedSources) throws IOException {
    return searcher.search(
            new KnnFloatVectorQuery(
                Schema.VECTOR,
                request.meaning(),
                Fusion.DEPTH,
                filter(request.query(), request, inRequestedSources)),
            Fusion.DEPTH)
        .scoreDocs;
  }

  /** The best by words ({@code head}) and the nearest by meaning as one ranking. */
  private static List<Fusion.Fused> fuse(
      HighlightingSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      WordSearch.Answer words,
      ScoreDoc[] head,
      ScoreDoc[] near)
      throws IOException {
    // Every candidate is known both ways: by its score by words and by its cosine.
    Map<Integer, Float> wordScores = new LinkedHashMap<>();
    for (ScoreDoc doc : head) {
      wordScores.put(doc.doc, doc.score);
    }
    Map<Integer, Float> similarity = new HashMap<>();
    List<Integer> deeper = new ArrayList<>();
    for (ScoreDoc doc : near) {
      // Lucene scores a dot product as (1 + cosine) / 2.
      similarity.put(doc.doc, 2 * doc.score - 1);
      if (!wordScores.containsKey(doc.doc)) {
        deeper.add(doc.doc);
      }
    }
    if (words != null && !holdsEveryMatch(words, head)) {
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
    List<Fusion.Candidate> pool = new ArrayList<>(all.size());
    for (int doc : all) {
      Float score = wordScores.get(doc);
      // The ranking adds a constant to those holding every part, which no other passage reaches;
      // fusion wants the words' own score.
      boolean holds =
          score != null && (query.all() == null || score >= LuceneQueries.ALL_PARTS_BONUS);
      float own =
          score == null
              ? 0
              : score - (holds && query.all() != null ? LuceneQueries.ALL_PARTS_BONUS : 0);
      pool.add(
          new Fusion.Candidate(
              doc, score != null, holds, own, similarity.getOrDefault(doc, Float.NaN)));
    }
    return Fusion.fuse(
        pool, words == null ? 0 : bestPossible(searcher, words.query().matching(), query));
  }

  /**
   * Whether {@code head}, the best of the word ranking, holds every passage the words match: then
   * no passage past it holds any of them, and scoring the near ones again finds nothing. So it is
   * wherever the words match no more passages than the depth read; scoring them was an eighth of a
   * question's search on the seed corpus (JFR, under load).
   */
  private static boolean holdsEveryMatch(WordSearch.Answer words, ScoreDoc[] head) {
    return words.totalExact() && words.total() == head.length;
  }

  /**
   * The whole order: the fused candidates, and after them the rest of the word ranking, in its own
   * order; those holding every part of the query before all others.
   */
  private static List<ScoreDoc> inOrder(
      List<Fusion.Fused> fused,
      ScoreDoc[] ranked,
      int fusedDepth,
      Map<Integer, Matched> matched,
      boolean severalParts) {
    List<ScoreDoc> holdingAll = new ArrayList<>();
    List<ScoreDoc> others = new ArrayList<>();
    for (Fusion.Fused hit : fused) {
      (hit.matched() == Matched.ALL ? holdingAll : others)
          .add(new ScoreDoc(hit.key(), hit.score()));
    }
    for (int i = fusedDepth; i < ranked.length; i++) {
      ScoreDoc doc = ranked[i];
      if (matched.containsKey(doc.doc)) {
        continue;
      }
      boolean all = !severalParts || doc.score >= LuceneQueries.ALL_PARTS_BONUS;
      matched.put(doc.doc, all ? Matched.ALL : Matched.SOME);
      List<ScoreDoc> group = all ? holdingAll : others;
      // Just below the last of its group: the page keeps this order (Hits sorts by score).
      float below = group.isEmpty() ? (all ? 10f : 0f) : Math.nextDown(group.getLast().score);
      group.add(new ScoreDoc(doc.doc, below));
    }
    // Every other score is already below those holding every part: fused, a passage holding every
    // part scores at least 9 (Fusion adds 10 to a mean of shares and cosines), any other at most 1,
    // and the rest follow the last of their group.
    List<ScoreDoc> order = new ArrayList<>(holdingAll.size() + others.size());
    order.addAll(holdingAll);
    order.addAll(others);
    return order;
  }

  /**
   * The passages found by meaning alone by source: among those of the page's sources, and, when the
   * request narrows the sources, among the nearest in every source, as the word counts are.
   */
  private static SourceCounts meaningAloneBySource(
      HighlightingSearcher searcher,
      EngineQuery request,
      WordSearch.Answer words,
      List<Integer> found)
      throws IOException {
    if (request.sources().isEmpty()) {
      return sources(searcher, found);
    }
    List<Integer> nearAnywhere = new ArrayList<>();
    for (ScoreDoc doc : nearest(searcher, request, false)) {
      if (2 * doc.score - 1 >= Fusion.MIN_SIMILARITY) {
        nearAnywhere.add(doc.doc);
      }
    }
    if (words != null) {
      nearAnywhere.removeAll(scores(searcher, words.unfiltered(), nearAnywhere).keySet());
    }
    return sources(searcher, nearAnywhere);
  }

  /**
   * The highest score {@code query} can give a passage, as Lucene's score bounds tell it: what a
   * passage holding every part at its best would score. A part no passage holds has no bound; it
   * counts as an average part, so that a passage holding one word of a question whose other words
   * the text never uses is not taken for a perfect match.
   */
  private static float bestPossible(
      HighlightingSearcher searcher, Query query, LuceneQueries.PassageQuery parsed)
      throws IOException {
    int present = 0;
    for (Query part : parsed.parts()) {
      // Most parts are words, which the kept statistics answer for without a search.
      boolean holds =
          MatchBound.atMost(searcher, part) > 0
              && (MatchBound.surelyMatches(searcher, part) || searcher.count(part) > 0);
      present += holds ? 1 : 0;
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
    // One scorer per segment, moved forward through the documents in order: a scorer made per
    // document cost a seventh of a question's search (JFR, the query mix under load).
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    for (int doc : sorted(docs)) {
      LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc, leaves));
      if (at != leaf) {
        leaf = at;
        scorer = weight.scorer(leaf);
      }
      if (scorer == null) {
        continue;
      }
      int inLeaf = doc - leaf.docBase;
      int current = scorer.docID();
      if (current < inLeaf) {
        current = scorer.iterator().advance(inLeaf);
      }
      if (current == inLeaf) {
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
    if (words.total() == 0
        && (request.sources().isEmpty() || words.unfiltered() instanceof MatchNoDocsQuery)) {
      return SourceCounts.NONE;
    }
    return words.counts() != null
        ? words.counts()
        : SourceCounter.count(
            searcher, WordSearch.withFilters(words.unfiltered(), Set.of(), request.doc()));
  }

  /**
   * The passages holding every part of the query, counted up to one past {@link
   * PassageSearch#COUNT_UP_TO}: the ranking pass's count when it saw every match.
   */
  private static long holdingAllCount(
      IndexSearcher searcher,
      EngineQuery request,
      LuceneQueries.PassageQuery query,
      WordSearch.Answer words)
      throws IOException {
    if (query.all() == null) {
      return words.total();
    }
    if (words.holdingAll() != null) {
      return words.holdingAll();
    }
    return searcher.search(
        WordSearch.withFilters(query.all(), request.sources(), request.doc()),
        new CappedCount(PassageSearch.COUNT_UP_TO + 1));
  }

  /**
   * What a meaning search keeps to: paragraphs with a vector of this model, from the sources and
   * the document asked for (the query's own {@code source:} filters included).
   */
  private static Query filter(ParsedQuery parsed, EngineQuery request, boolean inRequestedSources) {
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL)), Occur.FILTER)
            // Titles and headings are too short to mean much: a few words lie close to almost any
            // question ("What to watch" to "penalties"), and answer none.
            .add(new TermQuery(new Term(Schema.KIND, "paragraph")), Occur.FILTER);
    if (inRequestedSources && !request.sources().isEmpty()) {
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

  /**
   * The sources of {@code docs}, counted, from the passages the snapshot keeps: read from the
   * stored fields for every question, they took 1.4 % of the server's CPU under the query mix.
   */
  private static SourceCounts sources(HighlightingSearcher searcher, List<Integer> docs)
      throws IOException {
    long[] counts = new long[Source.values().length];
    HighlightingSearcher.PassageReads reads = searcher.passageReads();
    for (int doc : docs) {
      counts[reads.read(doc).source().ordinal()]++;
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
