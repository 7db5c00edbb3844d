package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.analysis.TextAnalysis;
import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import dev.passages.lucene.IndexedPassage;
import dev.passages.lucene.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The one place where our passages become OpenSearch documents ({@code _source}) and back: one
 * OpenSearch document per passage, its id the passage id, with the fields of {@link Schema}.
 */
final class PassageSources {

  private PassageSources() {}

  /** Every passage of {@code document} in reading order; the title carries hash and members. */
  static List<ObjectNode> of(SourceDocument document, String hash) {
    List<ObjectNode> sources = new ArrayList<>(document.passages().size());
    List<String> members = document.passages().stream().map(Passage::id).toList();
    int ordinal = 0;
    for (Passage passage : document.passages()) {
      ObjectNode source =
          of(
              new IndexedPassage(
                  passage, document.title(), document.source(), ordinal++, document.metadata()));
      if (passage.kind() == PassageKind.TITLE) {
        source.put(Schema.HASH, hash);
        ArrayNode ids = source.putArray(IndexTemplate.MEMBERS);
        members.forEach(ids::add);
      }
      sources.add(source);
    }
    return sources;
  }

  static ObjectNode of(IndexedPassage indexed) {
    Passage passage = indexed.passage();
    ObjectNode source = Cluster.JSON.createObjectNode();
    source.put(Schema.ID, passage.id());
    source.put(Schema.DOC, passage.doc());
    source.put(Schema.SOURCE, indexed.source().id());
    source.put(Schema.KIND, passage.kind().id());
    source.put(Schema.NUMBER, passage.number());
    source.put(Schema.ORDINAL, indexed.ordinal());
    source.put(
        Schema.WEIGHT, passage.kind() == PassageKind.PARAGRAPH ? 1f : Schema.SHORT_PASSAGE_WEIGHT);
    source.put(Schema.TITLE, indexed.title());
    putIfStated(source, Schema.SECTION, passage.section());
    Metadata metadata = indexed.metadata();
    putIfStated(source, Schema.AUTHOR, metadata.author());
    putIfStated(source, Schema.DATE, metadata.date());
    putIfStated(source, Schema.URL, metadata.url());
    if (metadata.about() != null) {
      String about = metadata.about();
      int hash = about.indexOf('#');
      source.put(Schema.ABOUT, about);
      source.put(Schema.ABOUT_DOC, hash < 0 ? about : about.substring(0, hash));
    }
    source.put(Schema.TEXT, passage.text());
    ArrayNode words = source.putArray(IndexTemplate.WORDS);
    new LinkedHashSet<>(TextAnalysis.exactTerms(passage.text())).forEach(words::add);
    return source;
  }

  private static void putIfStated(ObjectNode source, String field, String value) {
    if (value != null) {
      source.put(field, value);
    }
  }

  /** The passage in {@code source}, a document written by {@link #of}. */
  static IndexedPassage passage(JsonNode source) {
    Passage passage =
        new Passage(
            source.path(Schema.ID).asText(),
            source.path(Schema.DOC).asText(),
            PassageKind.valueOf(source.path(Schema.KIND).asText().toUpperCase(Locale.ROOT)),
            source.path(Schema.NUMBER).asInt(),
            text(source, Schema.SECTION),
            source.path(Schema.TEXT).asText());
    Metadata metadata =
        new Metadata(
            null,
            text(source, Schema.AUTHOR),
            text(source, Schema.DATE),
            text(source, Schema.URL),
            text(source, Schema.ABOUT));
    return new IndexedPassage(
        passage,
        source.path(Schema.TITLE).asText(),
        Source.byId(source.path(Schema.SOURCE).asText()).orElseThrow(),
        source.path(Schema.ORDINAL).asInt(),
        metadata);
  }

  private static String text(JsonNode source, String field) {
    JsonNode value = source.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A vector as OpenSearch keeps it: little-endian floats, base64. */
  static String encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** The vector {@link #encode} wrote; null when there is none. */
  static float[] decode(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(value.asText())).order(ByteOrder.LITTLE_ENDIAN);
    float[] vector = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(vector);
    return vector;
  }
}
