package dev.passages.index;

import dev.passages.embedding.Embedder;
import dev.passages.embedding.EmbeddingModel;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every passage of an index its vector, after its words are indexed: lexical search is
 * available at once, and searches use the vectors there are so far. Resumable: what was embedded is
 * committed every few seconds, and a restart goes on with the passages that have none. A passage
 * whose text changes meanwhile keeps its new text and waits for a vector of its own.
 */
public final class VectorFill implements Closeable {

  private static final Logger LOG = Logger.getLogger(VectorFill.class.getName());

  /** Passages embedded per thread between two writes to the index. */
  static final int BATCH_PER_THREAD = 16;

  /** Vectors written are made durable at least this often: five seconds. */
  static final long COMMIT_EVERY_NANOS = 5_000_000_000L;

  /** How often {@link #runToEnd} tells how far it has come: a second. */
  static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  /** How long the background fill sleeps when nothing is left to embed. */
  static final long IDLE_MS = 500;

  private final CorpusIndex index;
  private final EmbeddingModel model;
  private final int threads;
  private final long commitEveryNanos;
  private final long reportEveryNanos;
  private volatile VectorProgress progress = VectorProgress.NOT_STARTED;
  private volatile boolean stopping;

  /** Whether a run has offered the engine to compact the index yet. */
  private volatile boolean compactionOffered;

  private Thread background;

  /** Fills {@code index} with vectors of {@code model}, embedding on {@code threads} cores. */
  public VectorFill(CorpusIndex index, EmbeddingModel model, int threads) {
    this(index, model, threads, COMMIT_EVERY_NANOS, REPORT_EVERY_NANOS);
  }

  /**
   * A fill that commits and reports at the intervals given: tests set them to see every commit and
   * report, or none, without waiting seconds.
   */
  VectorFill(
      CorpusIndex index,
      EmbeddingModel model,
      int threads,
      long commitEveryNanos,
      long reportEveryNanos) {
    this.index = index;
    this.model = model;
    this.threads = Math.max(1, threads);
    this.commitEveryNanos = commitEveryNanos;
    this.reportEveryNanos = reportEveryNanos;
  }

  /** How far the index is embedded, as of the last batch. */
  public VectorProgress progress() {
    return progress;
  }

  /**
   * Embeds every passage that has no vector, then returns; {@code report} hears how far it has come
   * about once a second. Waits for the model to load. The first run, and one that embedded most
   * passages, then let the engine compact the index ({@link CorpusIndex#compactAfterVectors}).
   *
   * @return the passages embedded
   */
  public long runToEnd(Consumer<VectorProgress> report) throws IOException {
    Embedder embedder = model.await().orElse(null);
    if (embedder == null) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long lastReport = start;
      long lastCommit = start;
      long done = 0;
      VectorCounts counts = index.vectorCounts();
      long startedAt = counts.embedded();
      progress = VectorProgress.of(counts, 0, 0);
      while (!stopping) {
        List<PassageText> batch = index.withoutVectors(BATCH_PER_THREAD * threads);
        if (batch.isEmpty()) {
          break;
        }
        done += index.putVectors(embed(embedder, batch, pool));
        long now = System.nanoTime();
        counts = index.vectorCounts();
        progress = VectorProgress.of(counts, counts.embedded() - startedAt, now - start);
        if (now - lastCommit > commitEveryNanos) {
          index.commit();
          lastCommit = now;
        }
        if (now - lastReport > reportEveryNanos) {
          report.accept(progress);
          lastReport = now;
        }
      }
      index.commit();
      // A run that rewrote most of the index (a new index, a new model) left it in pieces; one
      // that embedded a comment or an edited file did not, and is left to the engine's merging.
      // The first run also takes an index that an earlier build left in pieces.
      if (!stopping && (!compactionOffered || (done > 0 && done * 2 >= counts.passages()))) {
        compactionOffered = true;
        index.compactAfterVectors();
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts filling in the background, and keeps at it while the server runs: new and changed
   * passages are embedded within a second or so of being indexed. {@code log} hears about a long
   * run every ten seconds and when it is done.
   */
  public synchronized void start(Consumer<String> log) {
    try {
      progress = VectorProgress.of(index.vectorCounts(), 0, 0);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot count the passages to embed: " + e.getMessage(), e);
    }
    background =
        Thread.ofPlatform()
            .daemon()
            .name("vector-fill")
            .start(
                () -> {
                  while (!stopping) {
                    try {
                      VectorCounts counts = index.vectorCounts();
                      progress = VectorProgress.of(counts, 0, 0);
                      if (counts.pending() > 0 && !model.isLoaded()) {
                        if (model.problem().isPresent()) {
                          return; // off, or it cannot run here: words alone
                        }
                        idle(); // still loading: look again, or stop when asked
                        continue;
                      }
                      if (counts.pending() > 0) {
                        fillAndSay(counts.pending(), log);
                      } else if (!compactionOffered) { // an index filled by an earlier process
                        compactionOffered = true;
                        index.compactAfterVectors();
                      }
                    } catch (IOException | RuntimeException e) {
                      if (stopping) {
                        return;
                      }
                      LOG.log(Level.WARNING, "could not embed passages: " + e.getMessage(), e);
                    }
                    idle();
                  }
                });
  }

  /**
   * Waits a little before looking again, or until {@link #close}. Never by interrupting: a thread
   * interrupted while Lucene writes closes the index under it.
   */
  private synchronized void idle() {
    if (!stopping) {
      try {
        wait(IDLE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }

  private void fillAndSay(long pending, Consumer<String> log) throws IOException {
    long start = System.nanoTime();
    long[] lastSaid = {start};
    long done =
        runToEnd(
            p -> {
              long now = System.nanoTime();
              if (now - lastSaid[0] > 10_000_000_000L) {
                log.accept("Embedding passages for meaning-based search: " + p.describe());
                lastSaid[0] = now;
              }
            });
    if (done > 0 && pending > 1) {
      log.accept(
          String.format(
              Locale.ROOT,
              "Meaning-based search covers every passage: %,d embedded in %.1f s",
              done,
              (System.nanoTime() - start) / 1e9));
    }
  }

  private static List<PassageVector> embed(
      Embedder embedder, List<PassageText> batch, ExecutorService pool) throws IOException {
    List<Future<PassageVector>> work = new ArrayList<>(batch.size());
    for (PassageText passage : batch) {
      work.add(
          pool.submit(
              () ->
                  new PassageVector(passage.id(), passage.text(), embedder.embed(passage.text()))));
    }
    List<PassageVector> vectors = new ArrayList<>(batch.size());
    try {
      for (Future<PassageVector> vector : work) {
        vectors.add(vector.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("embedding was interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("embedding failed: " + e.getCause().getMessage(), e.getCause());
    }
    return vectors;
  }

  /**
   * Stops the background fill after its current batch (a fraction of a second), which commits what
   * it embedded.
   */
  @Override
  public void close() throws IOException {
    Thread running;
    synchronized (this) {
      stopping = true;
      running = background;
      notifyAll();
    }
    if (running != null) {
      try {
        running.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
