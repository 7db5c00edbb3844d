package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.analysis.TextAnalysis;
import dev.passages.corpus.Source;
import dev.passages.lucene.ElidedQuotes;
import dev.passages.lucene.IndexedPassage;
import dev.passages.lucene.LuceneQueries;
import dev.passages.lucene.PageMarker;
import dev.passages.lucene.RelatedFinder;
import dev.passages.lucene.Schema;
import dev.passages.search.Hit;
import dev.passages.search.RelatedPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The commentary and comment passages that discuss a paragraph, found on the cluster as {@link
 * RelatedFinder} finds them in the embedded index: replies addressed to it, passages quoting it
 * (whole runs, or runs cut by elisions) and passages sharing its telling words (OpenSearch's
 * more_like_this, a fork of Lucene's MoreLikeThis, kept at the same share of the paragraph's own
 * score). Its searches are run together with those of other paragraphs ({@link
 * OpenSearchEngine#searchAll}): first {@link #searches}, then {@link #read} of their answers.
 */
final class ClusterRelated {

  private final IndexedPassage paragraph;
  private final List<String> words;
  private final Query replies;
  private final Query quotes;
  private final Query seeds;
  private final ObjectNode like;
  private final List<ObjectNode> searches = new ArrayList<>();

  ClusterRelated(IndexedPassage paragraph) {
    this.paragraph = paragraph;
    String text = paragraph.passage().text();
    this.words = TextAnalysis.exactTerms(text);
    this.replies =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ABOUT, paragraph.passage().id())), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.KIND, "paragraph")), Occur.FILTER)
            .build();
    this.quotes = RelatedFinder.quoteQuery(text);
    this.seeds = RelatedFinder.windowsOf(words, ElidedQuotes.SEED_WORDS);
    this.like = moreLikeThis(text);
    int max = RelatedFinder.MAX_PER_REASON;
    searches.add(OpenSearchEngine.ranking(DslQueries.of(replies), max));
    if (quotes != null) {
      searches.add(OpenSearchEngine.ranking(DslQueries.of(elsewhere(quotes)), max));
    }
    if (seeds != null) {
      searches.add(OpenSearchEngine.ranking(DslQueries.of(elsewhere(seeds)), max));
    }
    // The paragraph's own score, which the others' are measured against.
    ObjectNode own = Cluster.JSON.createObjectNode();
    own.put("size", 1);
    ObjectNode itself = own.putObject("query").putObject("bool");
    itself.putArray("must").add(like);
    itself
        .putArray("filter")
        .add(DslQueries.of(new TermQuery(new Term(Schema.ID, paragraph.passage().id()))));
    own.putArray("_source").add(Schema.ID);
    searches.add(own);
    ObjectNode similar = Cluster.JSON.createObjectNode();
    ObjectNode bool = similar.putObject("bool");
    bool.putArray("must").add(like);
    bool.putArray("filter").add(DslQueries.of(elsewhereFilter()));
    bool.putArray("must_not")
        .add(DslQueries.of(new TermQuery(new Term(Schema.DOC, paragraph.passage().doc()))));
    searches.add(OpenSearchEngine.ranking(similar, max));
  }

  /** The searches to run, in order. */
  List<ObjectNode> searches() {
    return searches;
  }

  /** The related passages, from the answers to {@link #searches} in the same order. */
  List<RelatedPassage> read(List<JsonNode> answers) {
    int next = 0;
    Map<String, RelatedPassage> found = new LinkedHashMap<>();
    for (Hit hit : PageMarker.mark(replies, OpenSearchEngine.page(answers.get(next++)))) {
      found.putIfAbsent(hit.id(), new RelatedPassage("reply", hit, null, null));
    }
    if (quotes != null) {
      for (Hit hit : PageMarker.mark(quotes, OpenSearchEngine.page(answers.get(next++)))) {
        found.putIfAbsent(
            hit.id(), new RelatedPassage("quote", hit, RelatedFinder.longestMatch(hit), null));
      }
    }
    if (seeds != null) {
      for (PageMarker.Ranked candidate : OpenSearchEngine.page(answers.get(next++))) {
        ElidedQuotes.Quote quote =
            ElidedQuotes.quoteIn(candidate.passage().passage().text(), words);
        if (quote != null) {
          Hit marked = PageMarker.mark(quote.marks(), List.of(candidate)).getFirst();
          found.putIfAbsent(marked.id(), new RelatedPassage("quote", marked, quote.text(), null));
        }
      }
    }
    JsonNode own = answers.get(next++).path("hits").path("hits");
    JsonNode similar = answers.get(next);
    if (own.isEmpty() || own.path(0).path("_score").asDouble() <= 0) {
      return List.copyOf(found.values());
    }
    float ownScore = (float) own.path(0).path("_score").asDouble();
    List<PageMarker.Ranked> close = new ArrayList<>();
    for (PageMarker.Ranked candidate : OpenSearchEngine.page(similar)) {
      if (candidate.score() / ownScore >= RelatedFinder.SIMILAR_SHARE) {
        close.add(candidate);
      }
    }
    List<Hit> hits = PageMarker.mark(sharedWords(), close);
    for (int i = 0; i < hits.size(); i++) {
      float share = Math.min(1f, close.get(i).score() / ownScore);
      found.putIfAbsent(
          hits.get(i).id(),
          new RelatedPassage("similar", hits.get(i), null, Math.round(share * 100) / 100f));
    }
    return List.copyOf(found.values());
  }

  /** The paragraph's telling words, as MoreLikeThis picks them (50, not its default 25). */
  private static ObjectNode moreLikeThis(String text) {
    ObjectNode like = Cluster.JSON.createObjectNode();
    ObjectNode mlt = like.putObject("more_like_this");
    mlt.putArray("fields").add(Schema.TEXT);
    mlt.put("like", text);
    mlt.put("min_term_freq", 1);
    mlt.put("min_doc_freq", 1);
    mlt.put("max_query_terms", RelatedFinder.SIMILAR_TERMS);
    // Lucene's MoreLikeThis asks for any one term; OpenSearch's default is 30 % of them.
    mlt.put("minimum_should_match", "1");
    return like;
  }

  /** Marks the words a similar passage shares with the paragraph. */
  private Query sharedWords() {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String term : new LinkedHashSet<>(TextAnalysis.keywordTerms(paragraph.passage().text()))) {
      any.add(new TermQuery(new Term(Schema.TEXT, term)), Occur.SHOULD);
    }
    return any.build();
  }

  /** {@code query} limited to commentary and comments outside the paragraph's own document. */
  private Query elsewhere(Query query) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(elsewhereFilter(), Occur.FILTER)
        .add(new TermQuery(new Term(Schema.DOC, paragraph.passage().doc())), Occur.MUST_NOT)
        .build();
  }

  private static Query elsewhereFilter() {
    return LuceneQueries.anySource(List.of(Source.COMMENTARY, Source.COMMENT));
  }
}
