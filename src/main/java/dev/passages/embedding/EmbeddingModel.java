package dev.passages.embedding;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The embedding model as a server holds it: loaded in the background (a second or two, which a
 * server does not wait for before its first answer), or off. Until it is loaded, searches go by
 * words alone.
 */
public final class EmbeddingModel implements AutoCloseable {

  private final CompletableFuture<Embedder> loading;

  /** Whether the model is loaded when first asked for, on the asking thread. */
  private volatile boolean onDemand;

  /** Whether a background load has begun (or is about to, after its delay). */
  private volatile boolean loadingStarted;

  private EmbeddingModel(CompletableFuture<Embedder> loading) {
    this.loading = loading;
  }

  /**
   * The model, loaded the first time it is asked for (by {@link #now}): for a command that may not
   * need it at all, such as a one-word search.
   */
  public static EmbeddingModel onDemand() {
    EmbeddingModel model = new EmbeddingModel(new CompletableFuture<>());
    model.onDemand = true;
    return model;
  }

  private synchronized void loadIfDemanded() {
    if (onDemand && !loading.isDone()) {
      try {
        loading.complete(Embedder.load());
      } catch (IOException | RuntimeException e) {
        loading.completeExceptionally(e);
      }
    }
  }

  /** Starts loading the model on a thread of its own. */
  public static EmbeddingModel loadInBackground() {
    EmbeddingModel model = new EmbeddingModel(new CompletableFuture<>());
    model.startLoading(Duration.ZERO);
    return model;
  }

  /**
   * A model to be loaded in the background once {@link #startLoading} says when: a server starts
   * answering first, and loads the model (a second of CPU on a core it would otherwise share)
   * after.
   */
  public static EmbeddingModel deferred() {
    return new EmbeddingModel(new CompletableFuture<>());
  }

  /** Loads the model on a thread of its own, {@code after} from now. */
  public void startLoading(Duration after) {
    loadingStarted = true;
    Thread.ofPlatform()
        .daemon()
        .name("embedding-model")
        .start(
            () -> {
              try {
                Thread.sleep(after);
                loading.complete(Embedder.load());
              } catch (InterruptedException e) {
                loading.completeExceptionally(e);
              } catch (IOException | RuntimeException e) {
                loading.completeExceptionally(e);
              }
            });
  }

  /** A model already loaded. */
  public static EmbeddingModel of(Embedder embedder) {
    return new EmbeddingModel(CompletableFuture.completedFuture(embedder));
  }

  /** No model: meaning-based search is off. */
  public static EmbeddingModel off() {
    return new EmbeddingModel(
        CompletableFuture.failedFuture(new IOException("meaning-based search is off")));
  }

  /**
   * The model if it is loaded by now (loading it first when on demand); empty while loading in the
   * background, when off, or when it failed.
   */
  public Optional<Embedder> now() {
    loadIfDemanded();
    return loading.isDone() && !loading.isCompletedExceptionally()
        ? Optional.of(loading.join())
        : Optional.empty();
  }

  /** The model, waiting for it to load; empty when off or when it could not be loaded. */
  public Optional<Embedder> await() {
    loadIfDemanded();
    try {
      return Optional.of(loading.get());
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Why there is no model, once that is known: off, or the reason loading failed. */
  public Optional<String> problem() {
    if (!loading.isCompletedExceptionally()) {
      return Optional.empty();
    }
    try {
      loading.join();
      return Optional.empty();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return Optional.of(cause.getMessage());
    }
  }

  /**
   * Closes the model, waiting for a load under way to finish first: a process that exits while ONNX
   * Runtime is still setting up a model is aborted by the runtime's own exit handlers.
   */
  @Override
  public void close() {
    if (!onDemand || loading.isDone()) {
      await().ifPresent(Embedder::close);
    }
  }
}
