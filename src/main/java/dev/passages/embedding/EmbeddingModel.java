package dev.passages.embedding;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The embedding model as a command holds it: loaded in the background (a second or two, which a
 * server does not wait for before its first answer), loaded on demand (for a command that may not
 * need it), or off. Until it is loaded, searches go by words alone.
 */
public final class EmbeddingModel implements AutoCloseable {

  private final CompletableFuture<Embedder> loading;

  /** Whether the model is loaded when first asked for, on the asking thread. */
  private final boolean onDemand;

  /** Whether a background load has begun (or is about to, after its delay). */
  private volatile boolean loadingStarted;

  private EmbeddingModel(CompletableFuture<Embedder> loading, boolean onDemand) {
    this.loading = loading;
    this.onDemand = onDemand;
  }

  /** Starts loading the model on a thread of its own. */
  public static EmbeddingModel loadInBackground() {
    EmbeddingModel model = deferred();
    model.startLoading(Duration.ZERO);
    return model;
  }

  /**
   * A model to be loaded in the background once {@link #startLoading} says when: a server starts
   * answering first, and loads the model (a second of CPU on a core it would otherwise share)
   * after.
   */
  public static EmbeddingModel deferred() {
    return new EmbeddingModel(new CompletableFuture<>(), false);
  }

  /**
   * The model, loaded the first time it is asked for (by {@link #now} or {@link #await}): for a
   * command that may not need it at all, such as a one-word search.
   */
  public static EmbeddingModel onDemand() {
    return new EmbeddingModel(new CompletableFuture<>(), true);
  }

  /** A model already loaded. */
  public static EmbeddingModel of(Embedder embedder) {
    return new EmbeddingModel(CompletableFuture.completedFuture(embedder), false);
  }

  /** No model: meaning-based search is off. */
  public static EmbeddingModel off() {
    return new EmbeddingModel(
        CompletableFuture.failedFuture(new IOException("meaning-based search is off")), false);
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
              } catch (InterruptedException | IOException | RuntimeException e) {
                loading.completeExceptionally(e);
              }
            });
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

  /** Whether the model is loaded by now; never loads it. */
  public boolean isLoaded() {
    return loading.isDone() && !loading.isCompletedExceptionally();
  }

  /**
   * The model if it is loaded by now (loading it first when on demand); empty while loading in the
   * background, when off, or when it failed.
   */
  public Optional<Embedder> now() {
    loadIfDemanded();
    return isLoaded() ? Optional.of(loading.join()) : Optional.empty();
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
   * Runtime is still setting up a model is aborted by the runtime's own exit handlers. A model that
   * no one asked for (on demand) or whose load never began (deferred) is never loaded: whoever
   * waits for it hears it is gone.
   */
  @Override
  public void close() {
    if (loading.isDone() || loadingStarted) {
      await().ifPresent(Embedder::close);
    } else {
      loading.completeExceptionally(new IOException("the model was closed before it was loaded"));
    }
  }
}
