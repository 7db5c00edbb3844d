package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.Skip;
import dev.passages.corpus.SourceDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Brings an engine's index in line with the corpus, touching only what changed: a document whose
 * content hash differs is replaced as a whole (all its passages in one update), one whose file is
 * gone is deleted. One commit ends the run, carrying the corpus fingerprint.
 */
final class CorpusSync {

  private CorpusSync() {}

  /** Reading and indexing threads: parsing is the costly part and runs on every core. */
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * Reads every file of {@code reader}'s corpus on all cores and applies what changed; {@code
   * progress} hears about it about once a second. Only per-document figures are kept, never the
   * text, so memory does not grow with the corpus.
   */
  static IndexReport apply(
      EngineWriter writer, CorpusReader reader, Consumer<IndexProgress> progress)
      throws IOException {
    return apply(writer, reader, progress, REPORT_EVERY_NANOS);
  }

  /**
   * {@link #apply(EngineWriter, CorpusReader, Consumer)}, telling {@code progress} at most once per
   * {@code reportEveryNanos}: tests set it to see every report, or none, without waiting a second.
   */
  static IndexReport apply(
      EngineWriter writer,
      CorpusReader reader,
      Consumer<IndexProgress> progress,
      long reportEveryNanos)
      throws IOException {
    long start = System.nanoTime();
    String fingerprint = reader.fingerprint(); // before reading: see CorpusReader#scan
    Map<String, String> indexed = writer.contentHashes();
    List<Skip> problems = Collections.synchronizedList(new ArrayList<>());
    List<CorpusReader.CorpusFile> files = reader.list(problems);
    long bytes = files.stream().mapToLong(CorpusReader.CorpusFile::bytes).sum();
    Run run = new Run(writer, indexed, files.size(), bytes, start, progress, reportEveryNanos);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>(files.size());
      for (CorpusReader.CorpusFile file : files) {
        work.add(
            pool.submit(
                () -> {
                  run.index(file, reader.read(file, problems));
                  return null;
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int removed = 0;
    for (String id : indexed.keySet()) {
      if (!run.present.contains(id)) {
        writer.delete(id);
        removed++;
      }
    }
    writer.commit(fingerprint);
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<DocumentStats> documents = new ArrayList<>(run.documents);
    documents.sort(Comparator.comparing(DocumentStats::id));
    List<Skip> sortedProblems = new ArrayList<>(problems);
    sortedProblems.sort(Comparator.comparing(Skip::path));
    return new IndexReport(
        documents,
        run.added.get(),
        run.updated.get(),
        removed,
        run.unchanged.get(),
        sortedProblems,
        millis);
  }

  /** The shared state of one run, updated from the reading threads. */
  private static final class Run {
    final EngineWriter writer;
    final Map<String, String> indexed;
    final int files;
    final long bytes;
    final long start;
    final Consumer<IndexProgress> progress;
    final long reportEveryNanos;
    final Set<String> present = ConcurrentHashMap.newKeySet();
    final Queue<DocumentStats> documents = new ConcurrentLinkedQueue<>();
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger filesDone = new AtomicInteger();
    final AtomicLong passages = new AtomicLong();
    final AtomicLong bytesDone = new AtomicLong();
    final AtomicLong lastReport;

    Run(
        EngineWriter writer,
        Map<String, String> indexed,
        int files,
        long bytes,
        long start,
        Consumer<IndexProgress> progress,
        long reportEveryNanos) {
      this.writer = writer;
      this.indexed = indexed;
      this.files = files;
      this.bytes = bytes;
      this.start = start;
      this.progress = progress;
      this.reportEveryNanos = reportEveryNanos;
      this.lastReport = new AtomicLong(start);
    }

    void index(CorpusReader.CorpusFile file, Optional<SourceDocument> read) throws IOException {
      if (read.isPresent()) {
        SourceDocument document = read.get();
        present.add(document.id());
        documents.add(DocumentStats.of(document));
        passages.addAndGet(document.passages().size());
        String hash = ContentHash.of(document);
        String before = indexed.get(document.id());
        if (hash.equals(before)) {
          unchanged.incrementAndGet();
        } else {
          writer.put(document, hash);
          (before == null ? added : updated).incrementAndGet();
        }
      }
      int done = filesDone.incrementAndGet();
      long bytesRead = bytesDone.addAndGet(file.bytes());
      long now = System.nanoTime();
      long last = lastReport.get();
      if (now - last > reportEveryNanos && lastReport.compareAndSet(last, now)) {
        progress.accept(
            new IndexProgress(
                done, files, bytesRead, bytes, passages.get(), (now - start) / 1_000_000));
      }
    }
  }

  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  /**
   * Puts one document in line with its file, in one commit: {@code document} replaces what the
   * index holds under {@code id}, or, when empty, the document is removed. The recorded corpus
   * fingerprint is left as it was, so a one-file update never makes a stale index look fresh.
   */
  static void applyOne(EngineWriter writer, String id, Optional<SourceDocument> document)
      throws IOException {
    if (document.isPresent()) {
      writer.put(document.get(), ContentHash.of(document.get()));
    } else {
      writer.delete(id);
    }
    writer.commit(null);
  }
}
