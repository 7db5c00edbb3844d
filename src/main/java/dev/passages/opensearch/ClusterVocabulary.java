package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.lucene.Schema;
import dev.passages.lucene.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The words of an index on OpenSearch: counts from term queries, corrections from the term
 * suggester (Lucene's {@code DirectSpellChecker} with the same defaults), words by prefix from the
 * passages' {@value IndexTemplate#WORDS} field.
 */
final class ClusterVocabulary implements Vocabulary {

  private final OpenSearchEngine engine;

  ClusterVocabulary(OpenSearchEngine engine) {
    this.engine = engine;
  }

  @Override
  public boolean contains(String word) {
    return frequency(word) > 0;
  }

  @Override
  public Optional<String> closest(String word, int maxEdits) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode term =
        body.putObject("suggest").putObject("word").put("text", word).putObject("term");
    term.put("field", Schema.TEXT_EXACT);
    term.put("suggest_mode", "missing");
    term.put("max_edits", maxEdits);
    term.put("size", 1);
    // Per shard, "missing" asks each shard alone; the word is known to be missing from all.
    JsonNode options = engine.search(body).path("suggest").path("word").path(0).path("options");
    return options.isEmpty()
        ? Optional.empty()
        : Optional.of(options.path(0).path("text").asText());
  }

  @Override
  public List<Map.Entry<String, Integer>> startingWith(String prefix, int max) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("query").putObject("prefix").put(IndexTemplate.WORDS, prefix);
    ObjectNode terms = body.putObject("aggs").putObject("words").putObject("terms");
    terms.put("field", IndexTemplate.WORDS);
    terms.put("include", escapedRegex(prefix) + ".*");
    terms.put("size", max);
    terms.put("shard_size", max);
    terms.putObject("order").put("_key", "asc");
    List<Map.Entry<String, Integer>> words = new ArrayList<>();
    for (JsonNode bucket : engine.search(body).path("aggregations").path("words").path("buckets")) {
      words.add(Map.entry(bucket.path("key").asText(), bucket.path("doc_count").asInt()));
    }
    return words;
  }

  @Override
  public int frequency(String word) {
    return (int) engine.count(new TermQuery(new Term(Schema.TEXT_EXACT, word)));
  }

  @Override
  public Map<String, Integer> pairCounts(String previous, List<String> next, int cap) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (next.isEmpty()) {
      return counts;
    }
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.set("query", DslQueries.of(new TermQuery(new Term(Schema.TEXT_EXACT, previous))));
    ObjectNode filters =
        body.putObject("aggs").putObject("pairs").putObject("filters").putObject("filters");
    for (int i = 0; i < next.size(); i++) {
      filters.set(
          String.valueOf(i),
          DslQueries.of(new PhraseQuery(Schema.TEXT_EXACT, previous, next.get(i))));
    }
    JsonNode buckets = engine.search(body).path("aggregations").path("pairs").path("buckets");
    for (int i = 0; i < next.size(); i++) {
      int count = buckets.path(String.valueOf(i)).path("doc_count").asInt();
      if (count > 0) {
        counts.put(next.get(i), Math.min(cap, count));
      }
    }
    return counts;
  }

  @Override
  public List<String> textsHolding(String word, int max) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", DslQueries.of(new TermQuery(new Term(Schema.TEXT_EXACT, word))));
    body.put("size", max);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put(Schema.DOC, "asc");
    sort.addObject().put(Schema.ORDINAL, "asc");
    body.putArray("_source").add(Schema.TEXT);
    List<String> texts = new ArrayList<>();
    for (JsonNode hit : engine.search(body).path("hits").path("hits")) {
      texts.add(hit.path("_source").path(Schema.TEXT).asText());
    }
    return texts;
  }

  /** {@code text} as a Lucene regular expression matching it literally. */
  private static String escapedRegex(String text) {
    StringBuilder regex = new StringBuilder();
    // Letters and digits stand for themselves (escaped, some are classes: \\d); the rest escaped.
    text.codePoints()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c)) {
                regex.append('\\');
              }
              regex.appendCodePoint(c);
            });
    return regex.toString();
  }
}
