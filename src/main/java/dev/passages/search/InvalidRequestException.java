package dev.passages.search;

/**
 * A search request that cannot be answered as asked, with a message that names the parameter and
 * the bound it broke. The web layer answers it with 400, the CLI with a usage error.
 */
public final class InvalidRequestException extends RuntimeException {

  private final String parameter;

  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The request parameter at fault: {@code q}, {@code limit}, {@code offset}, {@code source}. */
  public String parameter() {
    return parameter;
  }
}
