package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.SourceDocument;
import dev.passages.embedding.Embedder;
import dev.passages.index.EngineWriter;
import dev.passages.index.PassageText;
import dev.passages.index.PassageVector;
import dev.passages.index.VectorCounts;
import dev.passages.lucene.Schema;
import dev.passages.search.EngineUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * The writing side of Passages on an OpenSearch cluster: one OpenSearch document per passage, its
 * id the passage id, so that writing a document again converges instead of duplicating. Writes are
 * batched into bulk requests, retried with backoff while the cluster says it is busy (429, 503),
 * and acknowledged by the cluster only once in its translog: what {@link #commit} returns from is
 * durable. The corpus fingerprint of the last whole sync lives in the index mapping's {@code
 * _meta}.
 */
public final class OpenSearchWriter implements EngineWriter {

  /** A bulk request is sent once it holds this many bytes or operations. */
  private static final int BULK_BYTES = 4 << 20;

  private static final int BULK_OPERATIONS = 2_000;

  /** Tries of a request the cluster refused as busy: about 12 s in all. */
  private static final int TRIES = 8;

  private final Cluster cluster;
  private final String index;
  private final AtomicLong changes = new AtomicLong();

  /** Document id → ids of its passages, as the index holds them; null until read. */
  private Map<String, List<String>> members;

  /** Passages and deletes waiting for the next bulk request. */
  private final Bulk pending = new Bulk();

  /**
   * Title passages (which carry each document's content hash) and their deletes, sent only once the
   * rest of their documents is acknowledged: a sync stopped halfway never leaves a new hash beside
   * old passages, which the next sync would take for unchanged.
   */
  private final Bulk titles = new Bulk();

  /** Newline-delimited bulk operations. */
  private static final class Bulk {
    final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    int operations;

    void add(ObjectNode action, ObjectNode source) throws IOException {
      lines.write(Cluster.JSON.writeValueAsBytes(action));
      lines.write('\n');
      if (source != null) {
        lines.write(Cluster.JSON.writeValueAsBytes(source));
        lines.write('\n');
      }
      operations++;
    }

    void clear() {
      lines.reset();
      operations = 0;
    }
  }

  private boolean uncommitted;

  private OpenSearchWriter(Cluster cluster, String index) {
    this.cluster = cluster;
    this.index = index;
  }

  /**
   * Opens index {@code index} for writing, creating it (and its template) when missing, or anew
   * when {@code fromScratch} or when an older program made it (another schema).
   */
  public static OpenSearchWriter open(
      Cluster cluster, String index, int shards, int replicas, boolean fromScratch) {
    IndexTemplate.Layout layout = new IndexTemplate.Layout(shards, replicas);
    cluster.call("PUT", "/_index_template/" + index, IndexTemplate.of(index, layout));
    Cluster.Answer existing = cluster.send("GET", "/" + index + "/_mapping", null);
    boolean exists = existing.ok();
    if (exists) {
      int schema =
          existing.body().path(index).path("mappings").path("_meta").path("schema").asInt(-1);
      if (fromScratch || schema != Schema.VERSION) {
        cluster.call("DELETE", "/" + index, null);
        exists = false;
      }
    }
    if (!exists) {
      ObjectNode create = Cluster.JSON.createObjectNode();
      create.set("settings", IndexTemplate.settings(layout));
      create.set("mappings", IndexTemplate.mappings());
      cluster.call("PUT", "/" + index + "?wait_for_active_shards=1", create);
    }
    return new OpenSearchWriter(cluster, index);
  }

  /** Deletes index {@code index} and its template, if there are. */
  public static void drop(Cluster cluster, String index) {
    cluster.send("DELETE", "/" + index, null);
    cluster.send("DELETE", "/_index_template/" + index, null);
  }

  /** A reader of what this writer writes, each change once {@link #refresh} has run. */
  public OpenSearchEngine reader() {
    return new OpenSearchEngine(cluster, index, changes, shards());
  }

  private int shards() {
    JsonNode settings = cluster.call("GET", "/" + index + "/_settings", null);
    return settings.path(index).path("settings").path("index").path("number_of_shards").asInt(1);
  }

  /** A read-only engine over index {@code index}, which must exist. */
  public static OpenSearchEngine reader(Cluster cluster, String index) {
    Cluster.Answer settings = cluster.send("GET", "/" + index + "/_settings", null);
    if (!settings.ok()) {
      throw new IllegalStateException(
          "OpenSearch has no index '" + index + "'; `passages index --engine opensearch` makes it");
    }
    int shards =
        settings
            .body()
            .path(index)
            .path("settings")
            .path("index")
            .path("number_of_shards")
            .asInt(1);
    return new OpenSearchEngine(cluster, index, new AtomicLong(), shards);
  }

  @Override
  public synchronized Map<String, String> contentHashes() {
    Map<String, String> hashes = new HashMap<>();
    Map<String, List<String>> read = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode();
      body.set(
          "query", DslQueries.of(new TermQuery(new Term(Schema.KIND, PassageKind.TITLE.id()))));
      body.put("size", 1_000);
      body.put("track_total_hits", false);
      body.putArray("sort").addObject().put(Schema.DOC, "asc");
      body.putArray("_source").add(Schema.DOC).add(Schema.HASH).add(IndexTemplate.MEMBERS);
      if (after != null) {
        body.set("search_after", after);
      }
      // Every shard must answer: a document missed here would keep its stale passages.
      JsonNode hits =
          cluster
              .call("POST", "/" + index + "/_search?allow_partial_search_results=false", body)
              .path("hits")
              .path("hits");
      for (JsonNode hit : hits) {
        JsonNode source = hit.path("_source");
        String doc = source.path(Schema.DOC).asText();
        hashes.put(doc, source.path(Schema.HASH).asText());
        List<String> ids = new ArrayList<>();
        source.path(IndexTemplate.MEMBERS).forEach(id -> ids.add(id.asText()));
        read.put(doc, ids);
        after = hit.path("sort");
      }
      if (hits.size() < 1_000) {
        break;
      }
    }
    members = read;
    return hashes;
  }

  @Override
  public synchronized void put(SourceDocument document, String contentHash) throws IOException {
    knownMembers();
    List<ObjectNode> sources = PassageSources.of(document, contentHash);
    Set<String> ids = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (ObjectNode source : sources) {
      String id = source.path(Schema.ID).asText();
      // Checked before anything of the document is queued.
      if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
        throw new IOException(
            "OpenSearch takes ids of up to " + MAX_ID_BYTES + " bytes; shorten the path of " + id);
      }
    }
    for (ObjectNode source : sources) {
      String id = source.path(Schema.ID).asText();
      ids.add(id);
      order.add(id);
      boolean title = source.has(Schema.HASH);
      (title ? titles : pending).add(action("index", id), source);
    }
    for (String old : members.getOrDefault(document.id(), List.of())) {
      if (!ids.contains(old)) {
        pending.add(action("delete", old), null);
      }
    }
    members.put(document.id(), order);
    written();
  }

  /** OpenSearch's limit on a document id. */
  private static final int MAX_ID_BYTES = 512;

  @Override
  public synchronized void delete(String id) throws IOException {
    knownMembers();
    List<String> old = members.remove(id);
    if (old != null) {
      for (String passage : old) {
        // The title (and its hash) last: a delete stopped halfway is done again next time.
        (passage.endsWith("#title") ? titles : pending).add(action("delete", passage), null);
      }
      written();
    }
  }

  @Override
  public synchronized void commit(String corpusFingerprint) throws IOException {
    flush();
    if (corpusFingerprint != null) {
      ObjectNode mapping = Cluster.JSON.createObjectNode();
      mapping
          .putObject("_meta")
          .put("schema", Schema.VERSION)
          .put("fingerprint", corpusFingerprint);
      cluster.call("PUT", "/" + index + "/_mapping", mapping);
    }
    uncommitted = false;
  }

  @Override
  public Optional<String> committedFingerprint() {
    JsonNode meta =
        cluster
            .call("GET", "/" + index + "/_mapping", null)
            .path(index)
            .path("mappings")
            .path("_meta");
    return meta.hasNonNull("fingerprint")
        ? Optional.of(meta.path("fingerprint").asText())
        : Optional.empty();
  }

  @Override
  public synchronized boolean hasUncommittedChanges() {
    return uncommitted || pending.operations > 0 || titles.operations > 0;
  }

  @Override
  public synchronized void refresh() throws IOException {
    flush();
    cluster.call("POST", "/" + index + "/_refresh", null);
    changes.incrementAndGet();
  }

  @Override
  public List<PassageText> withoutVectors(int max) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.putObject("query")
        .putObject("bool")
        .putArray("must_not")
        .add(DslQueries.of(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL))));
    body.put("size", max);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put(Schema.DOC, "asc");
    sort.addObject().put(Schema.ORDINAL, "asc");
    body.putArray("_source").add(Schema.ID).add(Schema.TEXT);
    List<PassageText> texts = new ArrayList<>();
    for (JsonNode hit :
        cluster.call("POST", "/" + index + "/_search", body).path("hits").path("hits")) {
      texts.add(
          new PassageText(
              hit.path("_id").asText(), hit.path("_source").path(Schema.TEXT).asText()));
    }
    return texts;
  }

  @Override
  public synchronized int putVectors(List<PassageVector> vectors) throws IOException {
    flush();
    if (vectors.isEmpty()) {
      return 0;
    }
    ObjectNode ids = Cluster.JSON.createObjectNode();
    ArrayNode docs = ids.putArray("docs");
    for (PassageVector vector : vectors) {
      docs.addObject().put("_id", vector.id()).putArray("_source").add(Schema.TEXT);
    }
    JsonNode found = cluster.call("POST", "/" + index + "/_mget", ids).path("docs");
    int stored = 0;
    for (int i = 0; i < vectors.size(); i++) {
      JsonNode current = found.path(i);
      PassageVector vector = vectors.get(i);
      if (!current.path("found").asBoolean()
          || !current.path("_source").path(Schema.TEXT).asText().equals(vector.text())) {
        continue; // gone or changed meanwhile: its new text waits for a vector of its own
      }
      ObjectNode update = Cluster.JSON.createObjectNode();
      update
          .putObject("update")
          .put("_id", vector.id())
          .put("if_seq_no", current.path("_seq_no").asLong())
          .put("if_primary_term", current.path("_primary_term").asLong());
      ObjectNode doc = Cluster.JSON.createObjectNode();
      doc.putObject("doc")
          .put(Schema.VECTOR, PassageSources.encode(vector.vector()))
          .put(Schema.EMBEDDED, Embedder.MODEL);
      pending.add(update, doc);
      stored++;
    }
    flush();
    return stored;
  }

  @Override
  public VectorCounts vectorCounts() {
    long embedded =
        cluster
            .call("POST", "/" + index + "/_count", countOf(Schema.EMBEDDED, Embedder.MODEL))
            .path("count")
            .asLong();
    long passages = cluster.call("POST", "/" + index + "/_count", null).path("count").asLong();
    return new VectorCounts(embedded, passages);
  }

  private static ObjectNode countOf(String field, String value) {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", DslQueries.of(new TermQuery(new Term(field, value))));
    return body;
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
  }

  private void knownMembers() {
    if (members == null) {
      contentHashes();
    }
  }

  private static ObjectNode action(String type, String id) {
    ObjectNode action = Cluster.JSON.createObjectNode();
    action.putObject(type).put("_id", id);
    return action;
  }

  /** After a whole document: sends what is pending once it is large enough. */
  private void written() {
    uncommitted = true;
    if (pending.lines.size() + titles.lines.size() >= BULK_BYTES
        || pending.operations + titles.operations >= BULK_OPERATIONS) {
      flush();
    }
  }

  /** Sends what is pending, then the titles, each as one bulk request. */
  private void flush() {
    send(pending);
    send(titles);
  }

  /**
   * Sends {@code bulk}, retrying while the cluster is busy. An operation the cluster refuses for
   * good drops the whole batch (the index is read again before the next write) and names it.
   */
  private void send(Bulk bulk) {
    if (bulk.operations == 0) {
      return;
    }
    byte[] lines = bulk.lines.toByteArray();
    Cluster.retrying(
        () -> {
          Cluster.Answer answer = cluster.sendLines("/" + index + "/_bulk", lines);
          if (!answer.ok()) {
            throw Cluster.refusal("POST", "/" + index + "/_bulk", answer);
          }
          String busy = null;
          if (answer.body().path("errors").asBoolean()) {
            for (JsonNode item : answer.body().path("items")) {
              JsonNode result = item.elements().next();
              int status = result.path("status").asInt();
              if (!result.has("error")) {
                continue;
              }
              if (status == 429 || status == 503) {
                busy = "busy (" + status + ")";
              } else if ((status == 409 || status == 404) && item.has("update")) {
                continue; // a vector for a passage changed or gone meanwhile: dropped, as meant
              } else {
                pending.clear();
                titles.clear();
                members = null;
                throw new IllegalStateException(
                    "OpenSearch refused passage "
                        + result.path("_id").asText()
                        + " ("
                        + status
                        + "): "
                        + result.path("error").path("reason").asText());
              }
            }
          }
          if (busy != null) {
            throw new EngineUnavailableException("the OpenSearch cluster is " + busy, null, true);
          }
          bulk.clear();
          return null;
        },
        e -> TRIES,
        100,
        3_000);
  }
}
