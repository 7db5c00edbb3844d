package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.CorpusScan;
import dev.passages.corpus.SourceDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the index of a corpus folder and tells whether an index is up to date with its corpus.
 * Each build replaces the whole index in one commit, so a reader sees either the old index or the
 * new one, never a half-built one.
 */
public final class Indexer {

  private final Path corpus;
  private final Path index;

  public Indexer(Path corpus, Path index) {
    this.corpus = corpus;
    this.index = index;
  }

  /** Reads the corpus and replaces the index with what it holds. */
  public IndexReport rebuild() throws IOException {
    long start = System.nanoTime();
    CorpusScan scan = new CorpusReader(corpus).scan();
    IndexWriterConfig config =
        new IndexWriterConfig(Schema.ANALYZER).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (SourceDocument document : scan.documents()) {
        writer.addDocuments(PassageDocuments.toDocuments(document));
      }
      writer.setLiveCommitData(
          Map.of(
                  Schema.COMMIT_SCHEMA, String.valueOf(Schema.VERSION),
                  Schema.COMMIT_FINGERPRINT, scan.fingerprint())
              .entrySet());
      writer.commit();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new IndexReport(scan.documents(), scan.problems(), millis);
  }

  /** Rebuilds the index when it is missing or out of date; empty when it was fresh. */
  public Optional<IndexReport> rebuildIfStale() throws IOException {
    return status() == IndexStatus.FRESH ? Optional.empty() : Optional.of(rebuild());
  }

  /** Whether the index exists and was built from the corpus files as they are now. */
  public IndexStatus status() throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return IndexStatus.MISSING;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      boolean sameSchema = String.valueOf(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA));
      boolean sameCorpus =
          new CorpusReader(corpus).fingerprint().equals(data.get(Schema.COMMIT_FINGERPRINT));
      return sameSchema && sameCorpus ? IndexStatus.FRESH : IndexStatus.STALE;
    } catch (IndexNotFoundException e) {
      return IndexStatus.MISSING;
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return IndexStatus.STALE; // a rebuild replaces it
    }
  }
}
