package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One-shot indexing of a corpus folder, for the CLI and tests: each call opens the index, does its
 * work in one commit and closes it. A reader sees the index before or after, never halfway.
 */
public final class Indexer {

  private final Path corpus;
  private final Path index;

  public Indexer(Path corpus, Path index) {
    this.corpus = corpus;
    this.index = index;
  }

  /** Re-indexes the documents whose content changed and removes those whose files are gone. */
  public IndexReport update() throws IOException {
    return update(false, progress -> {});
  }

  /** Throws the index away and indexes the whole corpus. */
  public IndexReport rebuild() throws IOException {
    return update(true, progress -> {});
  }

  /**
   * {@link #update()}, or {@link #rebuild()} when {@code fromScratch}, telling {@code progress} how
   * far it has come about once a second.
   */
  public IndexReport update(boolean fromScratch, Consumer<IndexProgress> progress)
      throws IOException {
    try (LiveIndex live = LiveIndex.open(corpus, index, fromScratch)) {
      return live.update(progress);
    }
  }

  /** Updates the index when it is missing or out of date; empty when it was fresh. */
  public Optional<IndexReport> updateIfStale() throws IOException {
    return status() == IndexStatus.FRESH ? Optional.empty() : Optional.of(update());
  }

  /** Whether the index exists and was built from the corpus files as they are now. */
  public IndexStatus status() throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return IndexStatus.MISSING;
      }
      if (!LiveIndex.sameSchema(directory)) {
        return IndexStatus.STALE;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      boolean sameCorpus =
          new CorpusReader(corpus).fingerprint().equals(data.get(Schema.COMMIT_FINGERPRINT));
      return sameCorpus ? IndexStatus.FRESH : IndexStatus.STALE;
    } catch (IndexNotFoundException e) {
      return IndexStatus.MISSING;
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return IndexStatus.STALE; // an update starts it afresh
    }
  }
}
