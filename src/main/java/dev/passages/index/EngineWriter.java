package dev.passages.index;

import dev.passages.corpus.SourceDocument;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writing side of a search engine: what {@link CorpusIndex} needs to keep an engine's index in
 * line with the corpus. One document's passages are written and replaced together, keyed by the
 * document id; an engine keeps each document's content hash beside it, so that a later sync can
 * tell what changed without reading the passages back.
 *
 * <p>{@link #put} and {@link #delete} are called from several threads at once during a sync; the
 * other methods from one thread at a time. Nothing written is searchable before {@link #refresh},
 * nor durable before {@link #commit}.
 */
public interface EngineWriter extends Closeable {

  /** Document id → content hash ({@link ContentHash}) of every document the index holds. */
  Map<String, String> contentHashes() throws IOException;

  /** Adds {@code document}'s passages, replacing all that the index held under its id. */
  void put(SourceDocument document, String contentHash) throws IOException;

  /** Removes every passage of document {@code id}; nothing happens when there is none. */
  void delete(String id) throws IOException;

  /**
   * Makes every change so far durable: after this returns, a crash loses none of them. {@code
   * corpusFingerprint} records which corpus files a whole sync was made from; null leaves the
   * recorded one as it was (a one-file update must not make a stale index look fresh).
   */
  void commit(String corpusFingerprint) throws IOException;

  /** The fingerprint the last {@link #commit} recorded, if any. */
  Optional<String> committedFingerprint() throws IOException;

  /** Whether changes were made since the last {@link #commit}. */
  boolean hasUncommittedChanges();

  /** Makes every change so far visible to searches that start after this returns. */
  void refresh() throws IOException;

  /**
   * Up to {@code max} passages that have no vector of the current embedding model, in a stable
   * order, as of the last {@link #refresh}.
   */
  List<PassageText> withoutVectors(int max) throws IOException;

  /**
   * Gives each passage its vector, unless its text has changed since the vector was made (its new
   * text then waits for a vector of its own); the rest of the passage is kept as it is. Sees every
   * write made before it, and must not run beside {@link #put} or {@link #delete} ({@link
   * CorpusIndex} runs them one at a time): a passage replaced in between could get its old text
   * back. Returns how many were stored.
   */
  int putVectors(List<PassageVector> vectors) throws IOException;

  /** How many passages have vectors, of how many, as of the last {@link #refresh}. */
  VectorCounts vectorCounts() throws IOException;

  /**
   * Called when every passage has its vector, after a fill's first run or one that rewrote most
   * passages with {@link #putVectors}: the rewritten passages sit in new parts of the index, which
   * an engine may join again now, and make durable as {@link #commit} does. May run beside {@link
   * #put} and {@link #delete}. Does nothing unless the engine says otherwise.
   */
  default void compactAfterVectors() throws IOException {}
}
