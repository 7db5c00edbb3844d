package dev.passages.index;

import java.io.IOException;
import java.nio.file.Path;

/** The index folder is open for writing elsewhere: most likely a running {@code passages serve}. */
public final class IndexLockedException extends IOException {

  public IndexLockedException(Path index, Throwable cause) {
    super(index + " is open for writing in another process", cause);
  }
}
