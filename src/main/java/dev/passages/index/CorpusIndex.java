package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.Skip;
import dev.passages.corpus.SourceDocument;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A corpus folder and the engine index kept in line with it: the one writer of that index. Every
 * update is committed (durable) and refreshed (searchable) before it returns. Safe to call from any
 * thread; updates run one at a time.
 */
public final class CorpusIndex implements Closeable {

  private final Path corpus;
  private final EngineWriter writer;

  /** The index {@code writer} writes, kept in line with the files under {@code corpus}. */
  public CorpusIndex(Path corpus, EngineWriter writer) {
    this.corpus = corpus;
    this.writer = writer;
  }

  /** The corpus folder. */
  public Path corpus() {
    return corpus;
  }

  /** Re-reads the corpus and applies what changed. */
  public IndexReport update() throws IOException {
    return update(progress -> {});
  }

  /** {@link #update()}, telling {@code progress} how far it has come about once a second. */
  public synchronized IndexReport update(Consumer<IndexProgress> progress) throws IOException {
    IndexReport report = CorpusSync.apply(writer, new CorpusReader(corpus), progress);
    writer.refresh();
    return report;
  }

  /**
   * {@link #update()}, unless the last commit was made from the corpus files as they are now (the
   * same {@link CorpusReader#fingerprint}) and nothing is left uncommitted: then no file is read
   * and the answer is empty. What lets a server over a large corpus start in a second.
   */
  public synchronized Optional<IndexReport> updateIfChanged() throws IOException {
    if (!writer.hasUncommittedChanges()
        && writer
            .committedFingerprint()
            .equals(Optional.of(new CorpusReader(corpus).fingerprint()))) {
      return Optional.empty();
    }
    return Optional.of(update());
  }

  /**
   * The fingerprint of the corpus files as the index's last full update read them (taken before
   * reading), or empty when no update recorded one: what a watcher starts from, so that a file
   * written after that update is still seen as a change.
   */
  public Optional<String> indexedFingerprint() throws IOException {
    return writer.committedFingerprint();
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
    CorpusSync.applyOne(writer, CorpusReader.idOf(relativePath), document);
    writer.refresh();
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

  /** Up to {@code max} passages waiting for their vectors (see {@link EngineWriter}). */
  public List<PassageText> withoutVectors(int max) throws IOException {
    return writer.withoutVectors(max);
  }

  /**
   * Stores vectors of passages whose text has not changed meanwhile, and makes them searchable;
   * durable at the next {@link #commit}. Returns how many were stored.
   */
  public synchronized int putVectors(List<PassageVector> vectors) throws IOException {
    int stored = writer.putVectors(vectors);
    writer.refresh();
    return stored;
  }

  /** How far the index is embedded. */
  public VectorCounts vectorCounts() throws IOException {
    return writer.vectorCounts();
  }

  /**
   * Lets the engine compact the index once every passage has its vector ({@link
   * EngineWriter#compactAfterVectors}). Not under this index's lock: a comment written meanwhile
   * need not wait for a merge.
   */
  public void compactAfterVectors() throws IOException {
    writer.compactAfterVectors();
  }

  /** Makes every change so far durable, vectors included. */
  public synchronized void commit() throws IOException {
    writer.commit(null);
  }

  /**
   * Brings the index in line with the corpus one last time and closes the writer, so that a server
   * stopped cleanly leaves an index the next {@code passages search} can use as it is: one-file
   * updates (comments) leave the recorded corpus fingerprint behind on purpose.
   */
  @Override
  public synchronized void close() throws IOException {
    try (writer) {
      updateIfChanged();
    }
  }
}
