package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.lucene.CompiledQuery;
import dev.passages.lucene.Completer;
import dev.passages.lucene.IndexedPassage;
import dev.passages.lucene.LuceneQueries;
import dev.passages.lucene.PageMarker;
import dev.passages.lucene.Schema;
import dev.passages.lucene.Spelling;
import dev.passages.lucene.StoredPassages;
import dev.passages.search.CommentView;
import dev.passages.search.Completion;
import dev.passages.search.CompletionRequest;
import dev.passages.search.Correction;
import dev.passages.search.DocumentSummary;
import dev.passages.search.DocumentView;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.EngineReader;
import dev.passages.search.EngineUnavailableException;
import dev.passages.search.InvalidRequestException;
import dev.passages.search.Matched;
import dev.passages.search.ParsedQuery;
import dev.passages.search.QueryTerm;
import dev.passages.search.RelatedCount;
import dev.passages.search.RelatedPassage;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The reading side of Passages on an OpenSearch cluster. The cluster finds, ranks and counts the
 * passages of the whole archive, running the query the embedded engine would run ({@link
 * DslQueries}); the page it returns is marked here by the embedded engine's highlighter ({@link
 * PageMarker}), so hits, marks and offsets are the same whichever engine answers. Thread-safe.
 */
public final class OpenSearchEngine implements EngineReader {

  /** Passages read per request when reading a whole document or listing. */
  private static final int READ_BATCH = 1_000;

  /**
   * How long an answer kept by {@code PassageSearch} may outlive a change made by another process:
   * changes made through this process's writer are seen at once.
   */
  private static final long FOREIGN_CHANGE_NANOS = 5_000_000_000L;

  private static final List<String> NOT_READ =
      List.of(IndexTemplate.WORDS, Schema.VECTOR, IndexTemplate.MEMBERS, Schema.HASH);

  private final Cluster cluster;
  private final String index;
  private final AtomicLong changes;
  private final boolean spreadStatistics;

  /**
   * Searches index {@code index} of {@code cluster}; {@code changes} counts the refreshes of the
   * writer in this process, if any. With more than one shard, term statistics are gathered from all
   * before scoring ({@code dfs_query_then_fetch}), so that a passage scores as it would in one
   * index.
   */
  OpenSearchEngine(Cluster cluster, String index, AtomicLong changes, int shards) {
    this.cluster = cluster;
    this.index = index;
    this.changes = changes;
    this.spreadStatistics = shards > 1;
  }

  @Override
  public long version() {
    return changes.get() * 1_000_003L + System.nanoTime() / FOREIGN_CHANGE_NANOS;
  }

  @Override
  public EnginePage find(EngineQuery request) {
    LuceneQueries.PassageQuery query = compile(request.query());
    // The cluster has no vector search (README: running on a cluster): words alone, and a search
    // by meaning alone finds nothing here.
    if (request.meaningOnly() || query.ranked() instanceof MatchNoDocsQuery) {
      return EnginePage.EMPTY;
    }
    ObjectNode body = Cluster.JSON.createObjectNode();
    ObjectNode ranked = DslQueries.of(query.ranked());
    body.set("query", request.doc() == null ? ranked : filtered(ranked, docFilter(request.doc())));
    if (!request.sources().isEmpty()) {
      // After the counts by source, which ignore the page's own source filter.
      body.set("post_filter", DslQueries.of(LuceneQueries.anySource(request.sources())));
    }
    body.put("from", request.offset());
    body.put("size", request.limit());
    body.put("track_total_hits", true);
    ArrayNode sort = body.putArray("sort");
    if (!query.listing()) {
      sort.add("_score");
    }
    sort.addObject().put(Schema.DOC, "asc");
    sort.addObject().put(Schema.ORDINAL, "asc");
    excludeUnread(body);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("sources").putObject("terms").put("field", Schema.SOURCE).put("size", 10);
    if (query.all() != null) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(query.all(), Occur.FILTER);
      if (!request.sources().isEmpty()) {
        all.add(LuceneQueries.anySource(request.sources()), Occur.FILTER);
      }
      if (request.doc() != null) {
        all.add(new TermQuery(new Term(Schema.DOC, request.doc())), Occur.FILTER);
      }
      aggs.putObject("all").set("filter", DslQueries.of(all.build()));
    }
    JsonNode answer = search(body);
    long total = answer.path("hits").path("total").path("value").asLong();
    long[] bySource = new long[Source.values().length];
    for (JsonNode bucket : answer.path("aggregations").path("sources").path("buckets")) {
      Source.byId(bucket.path("key").asText())
          .ifPresent(source -> bySource[source.ordinal()] = bucket.path("doc_count").asLong());
    }
    SourceCounts counts =
        new SourceCounts(
            bySource[Source.ARTICLE.ordinal()],
            bySource[Source.COMMENTARY.ordinal()],
            bySource[Source.COMMENT.ordinal()],
            true);
    if (total == 0) {
      return new EnginePage(
          0, true, 0, 0, request.sources().isEmpty() ? SourceCounts.NONE : counts, List.of());
    }
    long allParts =
        query.all() == null
            ? total
            : answer.path("aggregations").path("all").path("doc_count").asLong();
    List<PageMarker.Ranked> page = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      float score = query.listing() ? 1f : (float) hit.path("sort").path(0).asDouble();
      Matched matched =
          query.all() == null || score >= LuceneQueries.ALL_PARTS_BONUS
              ? Matched.ALL
              : Matched.SOME;
      page.add(new PageMarker.Ranked(PassageSources.passage(hit.path("_source")), score, matched));
    }
    return new EnginePage(total, true, allParts, 0, counts, PageMarker.mark(query.marked(), page));
  }

  /**
   * The query of {@code parsed}. A very long one (a pasted paragraph) keeps its {@value
   * LuceneQueries#MAX_QUERY_PARTS} most telling words, as the embedded engine keeps them (Lucene's
   * MoreLikeThis: how often the query says each, times how rare it is in the index), with all its
   * phrases, prefixes and groups.
   */
  private LuceneQueries.PassageQuery compile(ParsedQuery parsed) {
    if (parsed.terms().size() <= LuceneQueries.MAX_QUERY_PARTS) {
      return CompiledQuery.of(parsed).query();
    }
    StringBuilder words = new StringBuilder();
    for (QueryTerm term : parsed.terms()) {
      if (term.kind() == QueryTerm.Kind.WORD) {
        words.append(term.text()).append(' ');
      }
    }
    // The index's statistics of the query's words, as if the words were a passage.
    ObjectNode request = Cluster.JSON.createObjectNode();
    request.putObject("doc").put(Schema.TEXT, words.toString());
    request.putArray("fields").add(Schema.TEXT);
    request.put("term_statistics", true);
    request.put("positions", false);
    request.put("offsets", false);
    JsonNode terms =
        read("/" + index + "/_termvectors", request)
            .path("term_vectors")
            .path(Schema.TEXT)
            .path("terms");
    long passages = Math.max(1, count(null));
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    terms
        .properties()
        .forEach(
            entry -> {
              long docFreq = entry.getValue().path("doc_freq").asLong();
              if (docFreq > 0) {
                // ClassicSimilarity's idf, as MoreLikeThis weighs terms.
                double idf = Math.log((passages + 1.0) / (docFreq + 1.0)) + 1;
                scored.add(
                    Map.entry(entry.getKey(), entry.getValue().path("term_freq").asInt() * idf));
              }
            });
    scored.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Set<String> telling = new HashSet<>();
    scored.stream()
        .limit(LuceneQueries.MAX_QUERY_PARTS)
        .forEach(entry -> telling.add(entry.getKey()));
    return LuceneQueries.toLucene(parsed, telling::contains);
  }

  @Override
  public Optional<Correction> correct(String typed) {
    return Spelling.correct(new ClusterVocabulary(this), typed);
  }

  @Override
  public List<Completion> complete(CompletionRequest request) {
    try {
      return Completer.complete(new ClusterVocabulary(this), request.typed(), request.limit());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<DocumentSummary> documents() {
    List<DocumentSummary> documents = new ArrayList<>();
    for (JsonNode source :
        readAll(new TermQuery(new Term(Schema.KIND, PassageKind.TITLE.id())), true)) {
      documents.add(
          new DocumentSummary(
              source.path(Schema.DOC).asText(),
              source.path(Schema.TITLE).asText(),
              source.path(Schema.SOURCE).asText(),
              source.path(IndexTemplate.MEMBERS).size(),
              source.hasNonNull(Schema.ABOUT_DOC) ? source.path(Schema.ABOUT_DOC).asText() : null));
    }
    return documents;
  }

  @Override
  public boolean exists(String id) {
    return count(new TermQuery(new Term(Schema.DOC, id))) > 0;
  }

  @Override
  public Optional<DocumentView> document(String id) {
    return StoredPassages.documentView(id, passagesOf(new TermQuery(new Term(Schema.DOC, id))));
  }

  @Override
  public int passageCount() {
    return (int) Math.min(Integer.MAX_VALUE, count(null));
  }

  @Override
  public Optional<List<RelatedPassage>> related(String doc, int paragraph) {
    String id = doc + "#" + Passage.anchor(PassageKind.PARAGRAPH, paragraph);
    List<IndexedPassage> found = passagesOf(new TermQuery(new Term(Schema.ID, id)));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(related(List.of(found.getFirst())).getFirst());
  }

  @Override
  public List<RelatedCount> relatedCounts(String doc) {
    List<IndexedPassage> paragraphs =
        passagesOf(new TermQuery(new Term(Schema.DOC, doc))).stream()
            .filter(p -> p.passage().kind() == PassageKind.PARAGRAPH)
            .toList();
    List<List<RelatedPassage>> related = related(paragraphs);
    List<RelatedCount> counts = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      if (!related.get(i).isEmpty()) {
        counts.add(new RelatedCount(paragraphs.get(i).passage().number(), related.get(i).size()));
      }
    }
    return counts;
  }

  /** The passages related to each of {@code paragraphs}, all searched in one request. */
  private List<List<RelatedPassage>> related(List<IndexedPassage> paragraphs) {
    List<ClusterRelated> finders = paragraphs.stream().map(ClusterRelated::new).toList();
    List<ObjectNode> searches = new ArrayList<>();
    finders.forEach(finder -> searches.addAll(finder.searches()));
    List<JsonNode> answers = searchAll(searches);
    List<List<RelatedPassage>> related = new ArrayList<>();
    int next = 0;
    for (ClusterRelated finder : finders) {
      int n = finder.searches().size();
      related.add(finder.read(answers.subList(next, next + n)));
      next += n;
    }
    return related;
  }

  @Override
  public List<CommentView> commentsOn(String doc) {
    Query comments =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ABOUT_DOC, doc)), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.SOURCE, Source.COMMENT.id())), Occur.FILTER)
            .build();
    Map<String, List<IndexedPassage>> byComment = new LinkedHashMap<>();
    for (IndexedPassage passage : passagesOf(comments)) {
      byComment.computeIfAbsent(passage.passage().doc(), k -> new ArrayList<>()).add(passage);
    }
    List<CommentView> views = new ArrayList<>();
    byComment.forEach((id, passages) -> views.add(StoredPassages.commentView(id, passages)));
    return views;
  }

  /** Nothing to close: the cluster connection belongs to whoever opened it. */
  @Override
  public void close() {}

  // What the helpers below share with ClusterVocabulary and ClusterRelated.

  /** Runs a search of this index. */
  JsonNode search(ObjectNode body) {
    String path =
        "/" + index + "/_search" + (spreadStatistics ? "?search_type=dfs_query_then_fetch" : "");
    return read(path, body);
  }

  /**
   * Reads tried this many times while the cluster answers but not in full (a node lost, a replica
   * being promoted, which takes seconds when the node was the elected manager): about 7 s in all. A
   * cluster that does not answer at all is tried twice.
   */
  private static final int READ_TRIES = 8;

  private static final int UNREACHABLE_TRIES = 2;

  /**
   * A read, retried a few times within a second while the cluster cannot answer in full: a node
   * that just left, a replica being promoted. An answer that misses shards is never taken for the
   * whole: past the tries it is the cluster being unavailable.
   */
  private JsonNode read(String path, ObjectNode body) {
    return retrying(
        () -> {
          JsonNode answer;
          try {
            answer = cluster.call("POST", path, body);
          } catch (Cluster.Refused refused) {
            if (refused.status == 400) {
              // A query the cluster will not run as asked (too many clauses, say), as Lucene's
              // refusal of too many terms.
              throw new InvalidRequestException(
                  "q",
                  "the search engine cannot run this query; use fewer words or longer prefixes");
            }
            throw refused;
          }
          if (answer.path("_shards").path("failed").asInt() > 0) {
            throw new EngineUnavailableException(
                "some shards of OpenSearch index '" + index + "' did not answer", null, true);
          }
          return answer;
        });
  }

  private static <T> T retrying(java.util.function.Supplier<T> read) {
    return Cluster.retrying(read, e -> e.reachable() ? READ_TRIES : UNREACHABLE_TRIES, 150, 1_500);
  }

  /** How many passages match {@code query} (all, when null). */
  long count(Query query) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    if (query != null) {
      body.set("query", DslQueries.of(query));
    }
    return read("/" + index + "/_count", body).path("count").asLong();
  }

  /** Every passage matching {@code query}, in reading order. */
  List<IndexedPassage> passagesOf(Query query) {
    List<IndexedPassage> passages = new ArrayList<>();
    for (JsonNode source : readAll(query, false)) {
      passages.add(PassageSources.passage(source));
    }
    return passages;
  }

  /**
   * The sources of every passage matching {@code query} in reading order, read in batches; the
   * title's members too when {@code members}.
   */
  private List<JsonNode> readAll(Query query, boolean members) {
    List<JsonNode> sources = new ArrayList<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode();
      body.set("query", DslQueries.of(query));
      body.put("size", READ_BATCH);
      body.put("track_total_hits", false);
      ArrayNode sort = body.putArray("sort");
      sort.addObject().put(Schema.DOC, "asc");
      sort.addObject().put(Schema.ORDINAL, "asc");
      if (after != null) {
        body.set("search_after", after);
      }
      ArrayNode excludes = body.putObject("_source").putArray("excludes");
      NOT_READ.stream()
          .filter(field -> !(members && field.equals(IndexTemplate.MEMBERS)))
          .forEach(excludes::add);
      JsonNode hits = read("/" + index + "/_search", body).path("hits").path("hits");
      for (JsonNode hit : hits) {
        sources.add(hit.path("_source"));
        after = hit.path("sort");
      }
      if (hits.size() < READ_BATCH) {
        return sources;
      }
    }
  }

  /** Leaves out of a search's answer the fields no reader needs. */
  static void excludeUnread(ObjectNode body) {
    ArrayNode excludes = body.putObject("_source").putArray("excludes");
    NOT_READ.forEach(excludes::add);
  }

  /** A search for the best {@code max} passages of {@code query}, ties in reading order. */
  static ObjectNode ranking(ObjectNode query, int max) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", query);
    body.put("size", max);
    ArrayNode sort = body.putArray("sort");
    sort.add("_score");
    sort.addObject().put(Schema.DOC, "asc");
    sort.addObject().put(Schema.ORDINAL, "asc");
    excludeUnread(body);
    return body;
  }

  /** The passages of a {@link #ranking} answer, best first. */
  static List<PageMarker.Ranked> page(JsonNode answer) {
    List<PageMarker.Ranked> page = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      page.add(
          new PageMarker.Ranked(
              PassageSources.passage(hit.path("_source")),
              (float) hit.path("sort").path(0).asDouble(),
              Matched.ALL));
    }
    return page;
  }

  /**
   * Runs {@code searches} in one request ({@code _msearch}), each answered as by {@link #search};
   * what related passages need: five searches per paragraph, a round trip for them all.
   */
  List<JsonNode> searchAll(List<ObjectNode> searches) {
    if (searches.isEmpty()) {
      return List.of();
    }
    StringBuilder lines = new StringBuilder();
    try {
      for (ObjectNode search : searches) {
        lines.append("{}\n").append(Cluster.JSON.writeValueAsString(search)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String path =
        "/" + index + "/_msearch" + (spreadStatistics ? "?search_type=dfs_query_then_fetch" : "");
    return retrying(
        () -> {
          Cluster.Answer answer = cluster.sendLines(path, body);
          if (!answer.ok()) {
            throw Cluster.refusal("POST", path, answer);
          }
          List<JsonNode> responses = new ArrayList<>();
          for (JsonNode response : answer.body().path("responses")) {
            int status = response.path("status").asInt(200);
            if (status == 429
                || status == 503
                || response.path("_shards").path("failed").asInt() > 0) {
              throw new EngineUnavailableException(
                  "some shards of OpenSearch index '" + index + "' did not answer", null, true);
            }
            if (response.has("error")) {
              throw Cluster.refusal("POST", path, new Cluster.Answer(status, response));
            }
            responses.add(response);
          }
          return responses;
        });
  }

  private static ObjectNode filtered(ObjectNode query, ObjectNode filter) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ObjectNode bool = body.putObject("bool");
    bool.putArray("must").add(query);
    bool.putArray("filter").add(filter);
    return body;
  }

  private static ObjectNode docFilter(String doc) {
    return DslQueries.of(new TermQuery(new Term(Schema.DOC, doc)));
  }
}
