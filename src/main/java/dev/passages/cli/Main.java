package dev.passages.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of {@code passages.jar}. */
public final class Main {

  /** Held so the level set below is not lost when the logger is garbage-collected. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  private static final Logger VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private Main() {}

  public static void main(String[] args) {
    // Lucene reports its vectorisation set-up at INFO on every start; users need only warnings.
    LUCENE_LOG.setLevel(Level.WARNING);
    // Whether to use the vector module is the launcher's choice per command, not a user concern.
    VECTOR_LOG.setLevel(Level.SEVERE);
    System.exit(PassagesCommand.commandLine().execute(args));
  }
}
