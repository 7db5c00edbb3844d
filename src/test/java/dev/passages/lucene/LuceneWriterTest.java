package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import dev.passages.corpus.TextDocumentParser;
import dev.passages.embedding.Embedder;
import dev.passages.index.IndexStatus;
import dev.passages.index.PassageText;
import dev.passages.index.PassageVector;
import dev.passages.index.VectorCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded engine's writer keeps: documents, vectors, commits and the schema it wrote. */
class LuceneWriterTest {

  @TempDir Path dir;

  private static SourceDocument document(String id, String text) {
    return TextDocumentParser.parse(id, Source.ARTICLE, text).orElseThrow();
  }

  private static float[] unit() {
    float[] vector = new float[Embedder.DIMENSIONS];
    vector[0] = 1;
    return vector;
  }

  /** A title and two paragraphs: three passages. */
  private static final String TEXT =
      "Writer fixture\nThe first paragraph.\nThe second paragraph.\n";

  @Test
  void vectorsAreStoredForPassagesWrittenButNotYetRefreshedAndCounted() throws IOException {
    Path index = dir.resolve("index");
    try (LuceneWriter writer = LuceneWriter.open(index, true)) {
      writer.put(document("doc", TEXT), "hash");
      assertThat(writer.hasUncommittedChanges()).isTrue();
      writer.refresh();
      List<PassageText> pending = writer.withoutVectors(10);
      assertThat(pending)
          .extracting(PassageText::id)
          .containsExactly("doc#title", "doc#p1", "doc#p2");
      // Rewritten since its texts were read: the second paragraph's vector no longer fits.
      writer.put(document("doc", TEXT.replace("second", "new second")), "hash");

      int stored =
          writer.putVectors(
              List.of(
                  new PassageVector(pending.get(0).id(), pending.get(0).text(), unit()),
                  new PassageVector(pending.get(1).id(), pending.get(1).text(), unit()),
                  new PassageVector(pending.get(2).id(), pending.get(2).text(), unit()),
                  new PassageVector("doc#p99", "no such passage", unit())));

      assertThat(stored).isEqualTo(2);
      assertThat(writer.hasUncommittedChanges()).isTrue();
      writer.commit("fingerprint");
      writer.refresh();
      assertThat(writer.vectorCounts()).isEqualTo(new VectorCounts(2, 3));
      assertThat(writer.withoutVectors(10))
          .extracting(PassageText::id)
          .containsExactly(pending.get(2).id());
      assertThat(writer.contentHashes()).isEqualTo(Map.of("doc", "hash"));
    }
    assertThat(new Indexer(dir.resolve("corpus"), index).pendingVectors()).isEqualTo(1);
  }

  @Test
  void anIndexBuiltAfreshIsOneSegmentOnceItsCorpusIsCommittedAndLaterChangesAreNotMerged()
      throws IOException {
    Path index = dir.resolve("index");
    try (LuceneWriter writer = LuceneWriter.open(index, true)) {
      // Each refresh writes what was put so far as a segment of its own.
      for (String id : List.of("a", "b", "c")) {
        writer.put(document(id, TEXT), "hash");
        writer.refresh();
      }
      writer.commit(null); // vectors, say: not a whole corpus
      assertThat(segments(index)).isEqualTo(3);
      writer.commit("fingerprint");
      assertThat(segments(index)).isEqualTo(1);
      writer.put(document("d", TEXT), "hash");
      writer.commit("fingerprint");
      assertThat(segments(index)).isEqualTo(2);
    }
    // Opened again, the index is not afresh: an update is not merged either.
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      writer.put(document("e", TEXT), "hash");
      writer.commit("fingerprint");
    }
    assertThat(segments(index)).isEqualTo(3);
  }

  private static int segments(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().size();
    }
  }

  @Test
  void noIndexHasNothingPendingAndIsMissing() throws IOException {
    Path index = dir.resolve("index");
    assertThat(new Indexer(dir.resolve("corpus"), index).pendingVectors()).isZero();
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.MISSING);
  }

  @Test
  void anIndexOfTheFingerprintGivenIsFreshAndOfAnotherStale() throws IOException {
    Path index = dir.resolve("index");
    indexOneDocument(index);
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.FRESH);
    assertThat(LuceneWriter.status(index, "other")).isEqualTo(IndexStatus.STALE);
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      assertThat(writer.contentHashes()).containsOnlyKeys("doc");
      assertThat(writer.committedFingerprint()).contains("fingerprint");
    }
  }

  /** An index written by another schema version is stale, and opening it starts afresh. */
  @Test
  void anIndexOfAnotherSchemaIsStaleAndStartedAfresh() throws IOException {
    Path index = dir.resolve("index");
    writtenByLucene(index, new IndexWriterConfig(Schema.ANALYZER), Schema.VERSION - 1, "old");
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.STALE);
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      assertThat(writer.contentHashes()).isEmpty();
    }
  }

  /**
   * Passages are written with {@link PassagesCodec}; an index written before it, with Lucene's own
   * codec, opens and keeps its passages, and its later segments are written with ours.
   */
  @Test
  void anIndexOfLucenesOwnCodecOpensAndItsNewSegmentsAreWrittenWithOurs() throws IOException {
    Path index = dir.resolve("index");
    writtenByLucene(index, new IndexWriterConfig(Schema.ANALYZER), Schema.VERSION, "old");
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      writer.put(document("new", TEXT), "hash");
      writer.commit("fingerprint");
      assertThat(writer.contentHashes()).containsOnlyKeys("old", "new");
    }
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(
              SegmentInfos.readLatestCommit(directory).asList().stream()
                  .map(segment -> segment.info.getCodec().getName())
                  .toList())
          .containsExactly(Codec.getDefault().getName(), PassagesCodec.NAME);
      StoredFields stored = reader.storedFields();
      List<String> texts = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        texts.add(stored.document(doc).get(Schema.TEXT));
      }
      assertThat(texts)
          .containsExactly(
              "Writer fixture",
              "The first paragraph.",
              "The second paragraph.",
              "Writer fixture",
              "The first paragraph.",
              "The second paragraph.");
    }
  }

  /**
   * A commit point that cannot be read (a crash mid-write, an index of a newer Lucene) makes the
   * index stale, and the next update starts it afresh rather than failing on it.
   */
  @Test
  void aCorruptIndexIsStaleAndStartedAfresh() throws IOException {
    Path index = dir.resolve("index");
    indexOneDocument(index);
    try (var files = Files.list(index)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(file, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
      }
    }
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.STALE);
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      assertThat(writer.contentHashes()).isEmpty();
    }
  }

  /**
   * An index whose segments name a codec this build does not know (as a later build's would be, for
   * this one) is stale, and opening it starts afresh instead of failing on the unknown name.
   */
  @Test
  void anIndexOfAnUnknownCodecIsStaleAndStartedAfresh() throws IOException {
    Path index = dir.resolve("index");
    writtenByLucene(
        index,
        new IndexWriterConfig(Schema.ANALYZER).setCodec(new LaterCodec()),
        Schema.VERSION,
        "later");
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.STALE);
    try (LuceneWriter writer = LuceneWriter.open(index, false)) {
      assertThat(writer.contentHashes()).isEmpty();
      writer.put(document("doc", TEXT), "hash");
      writer.commit("fingerprint");
    }
    assertThat(LuceneWriter.status(index, "fingerprint")).isEqualTo(IndexStatus.FRESH);
  }

  /** A codec registered nowhere: Lucene writes with it, and cannot find it to read. */
  private static final class LaterCodec extends FilterCodec {
    LaterCodec() {
      super("PassagesLater", new Lucene104Codec());
    }
  }

  /**
   * An index in {@code index} of the passages of one document, {@code id}, written by Lucene itself
   * with {@code config} and committed as of schema {@code schema} with the fingerprint
   * "fingerprint", as {@link LuceneWriter} commits.
   */
  private static void writtenByLucene(Path index, IndexWriterConfig config, int schema, String id)
      throws IOException {
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, config)) {
      writer.addDocuments(PassageDocuments.toDocuments(document(id, TEXT), "hash"));
      writer.setLiveCommitData(
          Map.of(
                  Schema.COMMIT_SCHEMA,
                  String.valueOf(schema),
                  Schema.COMMIT_FINGERPRINT,
                  "fingerprint")
              .entrySet());
      writer.commit();
    }
  }

  /**
   * An index in {@code index} of one document, "doc", committed with the fingerprint "fingerprint".
   */
  private static void indexOneDocument(Path index) throws IOException {
    try (LuceneWriter writer = LuceneWriter.open(index, true)) {
      writer.put(document("doc", TEXT), "hash");
      writer.commit("fingerprint");
    }
  }
}
