package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import dev.passages.corpus.Source;
import dev.passages.search.Hit;
import dev.passages.search.RelatedPassage;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Finds the commentary and comment passages that discuss a paragraph: replies addressed to it,
 * passages quoting it (eight words in a row, or runs cut by elisions: {@link ElidedQuotes}), and
 * passages similar to it: by meaning ({@link SimilarByMeaning}) where the paragraph has a vector,
 * else those Lucene's MoreLikeThis finds.
 */
public final class RelatedFinder {

  /** A quote is at least this many consecutive words of the paragraph. */
  public static final int QUOTE_WORDS = 8;

  /**
   * A passage is similar when its MoreLikeThis score is at least this share of the paragraph's own
   * score. Tuned on RelatedPassagesTest's fixtures against all 13 seed paragraphs: a paraphrase of
   * paragraph 5 scores 0.24; the best passage not about a paragraph scores 0.12 (it shares a
   * clause); unrelated texts and ones sharing only a name score 0.01-0.08.
   */
  public static final float SIMILAR_SHARE = RelatedPassage.MIN_SIMILARITY;

  /**
   * Terms MoreLikeThis takes from the paragraph. Its default, 25, keeps only the paragraph's rarest
   * words, which a paraphrase seldom repeats; 50 covers most content words of a paragraph.
   */
  public static final int SIMILAR_TERMS = 50;

  /** At most this many passages per reason. */
  public static final int MAX_PER_REASON = 20;

  /** Quote windows are spaced to stay under this many clauses for very long paragraphs. */
  private static final int MAX_WINDOWS = 500;

  private RelatedFinder() {}

  static List<RelatedPassage> find(HighlightingSearcher searcher, IndexedPassage paragraph)
      throws IOException {
    Map<String, RelatedPassage> found = new LinkedHashMap<>();
    for (Hit hit : replies(searcher, paragraph)) {
      found.putIfAbsent(hit.id(), new RelatedPassage("reply", hit, null, null));
    }
    Query quotes = quoteQuery(paragraph.passage().text());
    if (quotes != null) {
      for (Hit hit : search(searcher, elsewhere(quotes, paragraph))) {
        found.putIfAbsent(hit.id(), new RelatedPassage("quote", hit, longestMatch(hit), null));
      }
    }
    for (RelatedPassage quote :
        ElidedQuotes.find(searcher, paragraph.passage().text(), q -> elsewhere(q, paragraph))) {
      found.putIfAbsent(quote.passage().id(), quote);
    }
    // By meaning where the paragraph has a vector; by MoreLikeThis's shared words where not.
    Optional<List<RelatedPassage>> byMeaning =
        SimilarByMeaning.find(searcher, paragraph, q -> elsewhere(q, paragraph));
    List<RelatedPassage> similar =
        byMeaning.isPresent() ? byMeaning.get() : similar(searcher, paragraph);
    for (RelatedPassage passage : similar) {
      found.putIfAbsent(passage.passage().id(), passage);
    }
    return List.copyOf(found.values());
  }

  private static List<Hit> replies(HighlightingSearcher searcher, IndexedPassage paragraph)
      throws IOException {
    Query replies =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ABOUT, paragraph.passage().id())), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.KIND, "paragraph")), Occur.FILTER)
            .build();
    return search(searcher, replies);
  }

  private static List<RelatedPassage> similar(
      HighlightingSearcher searcher, IndexedPassage paragraph) throws IOException {
    MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setAnalyzer(Schema.ANALYZER);
    moreLikeThis.setFieldNames(new String[] {Schema.TEXT});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(1);
    moreLikeThis.setMaxQueryTerms(SIMILAR_TERMS);
    Query like = moreLikeThis.like(Schema.TEXT, new StringReader(paragraph.passage().text()));
    Query itself =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(new Term(Schema.ID, paragraph.passage().id())), Occur.FILTER)
            .build();
    TopDocs own = searcher.search(itself, 1);
    if (own.scoreDocs.length == 0 || own.scoreDocs[0].score <= 0) {
      return List.of();
    }
    float ownScore = own.scoreDocs[0].score;
    TopDocs top = searcher.search(elsewhere(like, paragraph), MAX_PER_REASON);
    List<ScoreDoc> close = new ArrayList<>();
    for (ScoreDoc doc : top.scoreDocs) {
      if (doc.score / ownScore >= SIMILAR_SHARE) {
        close.add(doc);
      }
    }
    List<Hit> hits = Hits.read(searcher, like, close.toArray(ScoreDoc[]::new), 0);
    List<RelatedPassage> similar = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      float share = Math.min(1f, close.get(i).score / ownScore);
      similar.add(new RelatedPassage("similar", hits.get(i), null, Math.round(share * 100) / 100f));
    }
    return similar;
  }

  /** {@code query} limited to commentary and comments outside the paragraph's own document. */
  private static Query elsewhere(Query query, IndexedPassage paragraph) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(LuceneQueries.anySource(List.of(Source.COMMENTARY, Source.COMMENT)), Occur.FILTER)
        .add(new TermQuery(new Term(Schema.DOC, paragraph.passage().doc())), Occur.MUST_NOT)
        .build();
  }

  /**
   * Any run of {@value #QUOTE_WORDS} consecutive words of {@code text} as a phrase in the exact
   * view, which folds typography and keeps every word; null for a shorter text. An elision ("…") in
   * a quote splits it into runs, and each run long enough is found on its own.
   */
  public static Query quoteQuery(String text) {
    return windowsOf(TextAnalysis.exactTerms(text), QUOTE_WORDS);
  }

  /**
   * Any run of {@code length} consecutive {@code words} as a phrase in the exact view; null when
   * there are fewer words. Runs are spaced to stay under {@value #MAX_WINDOWS} clauses.
   */
  public static Query windowsOf(List<String> words, int length) {
    if (words.size() < length) {
      return null;
    }
    int windows = words.size() - length + 1;
    int stride = Math.max(1, (windows + MAX_WINDOWS - 1) / MAX_WINDOWS);
    BooleanQuery.Builder anyWindow = new BooleanQuery.Builder();
    for (int start = 0; start < windows; start += stride) {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      for (int i = 0; i < length; i++) {
        phrase.add(new Term(Schema.TEXT_EXACT, words.get(start + i)), i);
      }
      anyWindow.add(phrase.build(), Occur.SHOULD);
    }
    return anyWindow.build();
  }

  /** The longest marked stretch of {@code hit}'s text: the quote it holds. */
  public static String longestMatch(Hit hit) {
    int[] longest = null;
    for (int[] match : hit.matches()) {
      if (longest == null || match[1] - match[0] > longest[1] - longest[0]) {
        longest = match;
      }
    }
    return longest == null ? null : hit.text().substring(longest[0], longest[1]);
  }

  private static List<Hit> search(HighlightingSearcher searcher, Query query) throws IOException {
    return Hits.read(searcher, query, searcher.search(query, MAX_PER_REASON).scoreDocs, 0);
  }
}
