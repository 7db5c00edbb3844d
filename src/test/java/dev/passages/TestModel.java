package dev.passages;

import dev.passages.embedding.Embedder;
import dev.passages.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The embedding model, loaded once for every test of a run that needs it (a second). */
public final class TestModel {

  private static EmbeddingModel shared;

  private TestModel() {}

  /** The loaded model; never closed, it lives as long as the test JVM. */
  public static synchronized EmbeddingModel shared() {
    if (shared == null) {
      try {
        shared = EmbeddingModel.of(Embedder.load());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }
}
