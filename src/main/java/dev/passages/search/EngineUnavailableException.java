package dev.passages.search;

/**
 * The engine cannot answer now: a search cluster that is down, unreachable or overloaded. Not the
 * reader's fault, and usually over soon: the web answers 503, the command line says what failed.
 */
public final class EngineUnavailableException extends RuntimeException {

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public EngineUnavailableException(String message) {
    super(message);
  }
}
