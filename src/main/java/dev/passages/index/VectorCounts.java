package dev.passages.index;

/**
 * How far an index is embedded.
 *
 * @param embedded passages with a vector of the current model
 * @param passages passages in the index
 */
public record VectorCounts(long embedded, long passages) {

  /** Passages still to embed. */
  public long pending() {
    return Math.max(0, passages - embedded);
  }
}
