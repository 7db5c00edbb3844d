package dev.passages.search;

/**
 * The engine cannot answer now: a search cluster that is down, unreachable or overloaded. Not the
 * reader's fault, and usually over soon: the web answers 503, the command line says what failed.
 */
public final class EngineUnavailableException extends RuntimeException {

  private final boolean reachable;

  /** An engine that cannot be reached at all. */
  public EngineUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param reachable whether the engine answered, only not in full (overloaded, a shard moving to
   *     another node): worth waiting a little for, unlike an engine that does not answer at all
   */
  public EngineUnavailableException(String message, Throwable cause, boolean reachable) {
    super(message, cause);
    this.reachable = reachable;
  }

  /** Whether the engine answered, only not in full; see the constructor. */
  public boolean reachable() {
    return reachable;
  }
}
