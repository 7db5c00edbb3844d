package dev.passages.corpus;

/** A reader comment that cannot be stored as given, naming the field and the rule it broke. */
public final class CommentRejectedException extends RuntimeException {

  private final String field;

  public CommentRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault: {@code doc}, {@code paragraph}, {@code author} or {@code text}. */
  public String field() {
    return field;
  }
}
