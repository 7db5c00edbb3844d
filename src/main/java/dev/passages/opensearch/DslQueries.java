package dev.passages.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.lucene.PassageWeightQuery;
import dev.passages.lucene.Schema;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Puts a Lucene query of the {@link Schema} to OpenSearch in its query DSL, clause for clause, so
 * that the cluster runs the query the embedded engine would run and scores it the same way (both
 * are Lucene's BM25 with the same parameters). The query language is parsed once, by our parser:
 * the terms arrive analysed and go out as term-level queries, never re-analysed by the cluster.
 */
final class DslQueries {

  private DslQueries() {}

  /** {@code query} in OpenSearch's query DSL. */
  static ObjectNode of(Query query) {
    ObjectNode dsl = Cluster.JSON.createObjectNode();
    switch (query) {
      case TermQuery term ->
          dsl.putObject("term")
              .putObject(term.getTerm().field())
              .put("value", term.getTerm().text());
      case PhraseQuery phrase -> phrase(dsl, phrase);
      case PrefixQuery prefix ->
          dsl.putObject("prefix")
              .putObject(prefix.getField())
              .put("value", prefix.getPrefix().text())
              .put("rewrite", "constant_score");
      case BooleanQuery bool -> bool(dsl, bool);
      case BoostQuery boost -> {
        ObjectNode wrapper = dsl.putObject("bool");
        wrapper.putArray("must").add(of(boost.getQuery()));
        wrapper.put("boost", boost.getBoost());
      }
      case ConstantScoreQuery constant ->
          dsl.putObject("constant_score").set("filter", of(constant.getQuery()));
      case MatchAllDocsQuery all -> dsl.putObject("match_all");
      case MatchNoDocsQuery none -> dsl.putObject("match_none");
      case PassageWeightQuery weighted -> {
        // Score times the passage's weight, as PassageWeightQuery multiplies them.
        ObjectNode function = dsl.putObject("function_score");
        function.set("query", of(weighted.query()));
        function.putObject("field_value_factor").put("field", Schema.WEIGHT).put("missing", 1);
        function.put("boost_mode", "multiply");
      }
      default ->
          throw new IllegalArgumentException(
              "no OpenSearch form for " + query.getClass().getSimpleName() + ": " + query);
    }
    return dsl;
  }

  /**
   * A phrase of analysed terms at their positions: the terms joined by spaces, each position
   * without a term as {@link IndexTemplate#GAP}, which the terms analyzer drops while keeping its
   * place.
   */
  private static void phrase(ObjectNode dsl, PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) {
      dsl.putObject("match_none");
      return;
    }
    TreeMap<Integer, String> byPosition = new TreeMap<>();
    for (int i = 0; i < terms.length; i++) {
      if (byPosition.put(positions[i], terms[i].text()) != null) {
        throw new IllegalArgumentException("two terms at one position: " + phrase);
      }
    }
    StringBuilder text = new StringBuilder();
    for (int position = byPosition.firstKey(); position <= byPosition.lastKey(); position++) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(byPosition.getOrDefault(position, IndexTemplate.GAP));
    }
    dsl.putObject("match_phrase")
        .putObject(terms[0].field())
        .put("query", text.toString())
        .put("analyzer", IndexTemplate.TERMS_ANALYZER)
        .put("slop", phrase.getSlop());
  }

  private static void bool(ObjectNode dsl, BooleanQuery query) {
    long should =
        query.clauses().stream().filter(c -> c.occur() == BooleanClause.Occur.SHOULD).count();
    if (query.clauses().isEmpty() || query.getMinimumNumberShouldMatch() > should) {
      // Lucene matches nothing here; OpenSearch would match everything, or lower the minimum.
      dsl.putObject("match_none");
      return;
    }
    ObjectNode bool = dsl.putObject("bool");
    boolean positive = false;
    for (BooleanClause clause : query.clauses()) {
      String occur =
          switch (clause.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
      positive |= clause.occur() != BooleanClause.Occur.MUST_NOT;
      ArrayNode clauses = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
      clauses.add(of(clause.query()));
    }
    if (query.getMinimumNumberShouldMatch() > 0) {
      bool.put("minimum_should_match", query.getMinimumNumberShouldMatch());
    }
    if (!positive) {
      // Lucene matches nothing with exclusions alone; OpenSearch would add "everything".
      bool.put("adjust_pure_negative", false);
    }
  }
}
