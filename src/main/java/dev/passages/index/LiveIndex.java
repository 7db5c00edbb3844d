package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.Skip;
import dev.passages.corpus.SourceDocument;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index of a corpus, open for writing: the one IndexWriter of an index folder (Lucene locks the
 * folder while it is open). {@link #update()} brings it in line with the corpus files; a
 * near-real-time searcher opened on {@link #writer()} sees each update without a reopen.
 */
public final class LiveIndex implements Closeable {

  /** The writer's buffer before it flushes a segment. */
  static final double RAM_BUFFER_MB = 128;

  private final Path corpus;
  private final Directory directory;
  private final IndexWriter writer;

  private LiveIndex(Path corpus, Directory directory, IndexWriter writer) {
    this.corpus = corpus;
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * Opens the index in {@code index} for writing, creating it if needed. An index written by
   * another schema version is started afresh, as is every index when {@code fromScratch}.
   *
   * @throws IndexLockedException when another process has it open for writing
   */
  public static LiveIndex open(Path corpus, Path index, boolean fromScratch) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      boolean keep = !fromScratch && sameSchema(directory);
      IndexWriterConfig config =
          new IndexWriterConfig(Schema.ANALYZER)
              // Large corpora index in fewer, larger segments; small ones never fill it.
              .setRAMBufferSizeMB(RAM_BUFFER_MB)
              .setOpenMode(
                  keep
                      ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                      : IndexWriterConfig.OpenMode.CREATE);
      return new LiveIndex(corpus, directory, new IndexWriter(directory, config));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(index, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Re-reads the corpus and applies what changed; one commit. Safe to call from any thread. */
  public IndexReport update() throws IOException {
    return update(progress -> {});
  }

  /**
   * {@link #update()}, unless the last commit was made from the corpus files as they are now (the
   * same {@link CorpusReader#fingerprint}) and nothing is left uncommitted: then no file is read
   * and the answer is empty. What lets a server over a large corpus start in a second.
   */
  public synchronized Optional<IndexReport> updateIfChanged() throws IOException {
    if (!writer.hasUncommittedChanges()) {
      String committed = null;
      for (Map.Entry<String, String> data : writer.getLiveCommitData()) {
        if (data.getKey().equals(Schema.COMMIT_FINGERPRINT)) {
          committed = data.getValue();
        }
      }
      if (new CorpusReader(corpus).fingerprint().equals(committed)) {
        return Optional.empty();
      }
    }
    return Optional.of(update());
  }

  /** {@link #update()}, telling {@code progress} how far it has come about once a second. */
  public synchronized IndexReport update(Consumer<IndexProgress> progress) throws IOException {
    return IndexSync.apply(writer, new CorpusReader(corpus), progress);
  }

  /**
   * Re-reads the one file at {@code relativePath} and puts its document in line with it (added,
   * replaced or removed), without reading the rest of the corpus: what a posted comment needs, and
   * safe while other files are being written.
   */
  public synchronized IndexReport updateFile(String relativePath) throws IOException {
    long start = System.nanoTime();
    List<Skip> problems = new ArrayList<>();
    Optional<SourceDocument> document = new CorpusReader(corpus).readFile(relativePath, problems);
    IndexSync.applyOne(writer, CorpusReader.idOf(relativePath), document);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new IndexReport(
        document.map(DocumentStats::of).stream().toList(),
        0,
        document.isPresent() ? 1 : 0,
        document.isPresent() ? 0 : 1,
        0,
        problems,
        millis);
  }

  /** The writer, for opening near-real-time searchers on it. */
  public IndexWriter writer() {
    return writer;
  }

  /**
   * Brings the index in line with the corpus one last time and closes it, so that a server stopped
   * cleanly leaves an index the next {@code passages search} can use as it is: one-file updates
   * (comments) leave the stored corpus fingerprint behind on purpose.
   */
  @Override
  public synchronized void close() throws IOException {
    try (directory;
        writer) {
      updateIfChanged();
    }
  }

  /** Whether the folder holds a readable index of this schema version; false means start afresh. */
  static boolean sameSchema(Directory directory) throws IOException {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return false;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      return String.valueOf(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA));
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return false;
    }
  }
}
