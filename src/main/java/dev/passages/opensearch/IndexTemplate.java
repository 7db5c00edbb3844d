package dev.passages.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.analysis.TextAnalysis;
import dev.passages.analysis.Typography;
import dev.passages.lucene.Schema;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index template of a Passages index on OpenSearch: the embedded {@link Schema}'s fields, and
 * its two views of text ({@link TextAnalysis}) built from OpenSearch's own char filters, tokenizer
 * and token filters, which are Lucene's: the same terms at the same offsets (a test checks every
 * seed passage with {@code _analyze}).
 */
final class IndexTemplate {

  /** The keyword view: possessives, lower case, accents, stopwords, Porter stems. */
  static final String KEYWORD_ANALYZER = "passages_keyword";

  /** The exact view: lower case and accents only. */
  static final String EXACT_ANALYZER = "passages_exact";

  /**
   * Terms already analysed, separated by spaces, {@link #GAP} standing for a position that holds no
   * term (a stopword the keyword view dropped): how a Lucene phrase of terms at given positions is
   * put to OpenSearch as a {@code match_phrase}.
   */
  static final String TERMS_ANALYZER = "passages_terms";

  /** A position without a term in a phrase; no analyzer of ours makes it a term. */
  static final String GAP = "\u2042";

  /** Field names on OpenSearch, beside those of {@link Schema}. */
  static final String WORDS = "words";

  static final String MEMBERS = "members";

  /** Shards and replicas of a new index. */
  record Layout(int shards, int replicas) {
    Layout {
      if (shards < 1 || replicas < 0) {
        throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0");
      }
    }
  }

  private IndexTemplate() {}

  /** The composable index template for index {@code name}. */
  static ObjectNode of(String name, Layout layout) {
    ObjectNode template = Cluster.JSON.createObjectNode();
    template.putArray("index_patterns").add(name);
    template.put("priority", 100);
    ObjectNode body = template.putObject("template");
    body.set("settings", settings(layout));
    body.set("mappings", mappings());
    template.putObject("_meta").put("schema", Schema.VERSION);
    return template;
  }

  static ObjectNode settings(Layout layout) {
    ObjectNode settings = Cluster.JSON.createObjectNode();
    settings.put("number_of_shards", layout.shards());
    settings.put("number_of_replicas", layout.replicas());
    // Paging goes to SearchRequest.MAX_OFFSET plus a page.
    settings.put("max_result_window", 20_000);
    ObjectNode analysis = settings.putObject("analysis");
    ObjectNode charFilters = analysis.putObject("char_filter");
    charFilters
        .putObject("passages_digit_groups")
        .put("type", "pattern_replace")
        .put("pattern", TextAnalysis.DIGIT_GROUP_SEPARATOR_PATTERN)
        .put("replacement", "");
    ArrayNode folds =
        charFilters.putObject("passages_typography").put("type", "mapping").putArray("mappings");
    for (Map.Entry<String, String> fold : new TreeMap<>(Typography.folds()).entrySet()) {
      folds.add(escaped(fold.getKey()) + " => " + escaped(fold.getValue()));
    }
    ObjectNode filters = analysis.putObject("filter");
    filters
        .putObject("passages_possessive")
        .put("type", "stemmer")
        .put("language", "possessive_english");
    filters.putObject("passages_stop").put("type", "stop").put("stopwords", "_english_");
    filters.putObject("passages_gap").put("type", "stop").putArray("stopwords").add(GAP);
    ObjectNode analyzers = analysis.putObject("analyzer");
    ObjectNode keyword = analyzers.putObject(KEYWORD_ANALYZER).put("type", "custom");
    keyword.putArray("char_filter").add("passages_digit_groups").add("passages_typography");
    keyword.put("tokenizer", "standard");
    keyword
        .putArray("filter")
        .add("passages_possessive")
        .add("lowercase")
        .add("asciifolding")
        .add("passages_stop")
        .add("porter_stem");
    ObjectNode exact = analyzers.putObject(EXACT_ANALYZER).put("type", "custom");
    exact.putArray("char_filter").add("passages_digit_groups").add("passages_typography");
    exact.put("tokenizer", "standard");
    exact.putArray("filter").add("lowercase").add("asciifolding");
    ObjectNode terms = analyzers.putObject(TERMS_ANALYZER).put("type", "custom");
    terms.put("tokenizer", "whitespace");
    terms.putArray("filter").add("passages_gap");
    return settings;
  }

  static ObjectNode mappings() {
    ObjectNode mappings = Cluster.JSON.createObjectNode();
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put("schema", Schema.VERSION);
    ObjectNode properties = mappings.putObject("properties");
    for (String field :
        new String[] {
          Schema.ID,
          Schema.DOC,
          Schema.SOURCE,
          Schema.KIND,
          Schema.ABOUT,
          Schema.ABOUT_DOC,
          Schema.EMBEDDED
        }) {
      properties.putObject(field).put("type", "keyword");
    }
    properties.putObject(Schema.NUMBER).put("type", "integer");
    properties.putObject(Schema.ORDINAL).put("type", "integer");
    properties.putObject(Schema.WEIGHT).put("type", "float");
    for (String field :
        new String[] {
          Schema.TITLE, Schema.SECTION, Schema.AUTHOR, Schema.DATE, Schema.URL, Schema.HASH, MEMBERS
        }) {
      // Kept for reading back, never searched.
      properties
          .putObject(field)
          .put("type", "keyword")
          .put("index", false)
          .put("doc_values", false);
    }
    properties
        .putObject(Schema.TEXT)
        .put("type", "text")
        .put("analyzer", KEYWORD_ANALYZER)
        .put("copy_to", Schema.TEXT_EXACT);
    properties.putObject(Schema.TEXT_EXACT).put("type", "text").put("analyzer", EXACT_ANALYZER);
    // Every distinct word of the passage in the exact view: completions count passages per word.
    properties.putObject(WORDS).put("type", "keyword").put("ignore_above", 256);
    properties.putObject(Schema.VECTOR).put("type", "binary");
    return mappings;
  }

  /** {@code text} as the mapping char filter reads it, each character as a {@code \\uXXXX}. */
  private static String escaped(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      escaped.append(String.format("\\u%04X", (int) c));
    }
    return escaped.toString();
  }
}
