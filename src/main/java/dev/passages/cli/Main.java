package dev.passages.cli;

import dev.passages.lucene.LuceneWriter;
import dev.passages.web.WebServer;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of {@code passages.jar}. */
public final class Main {

  /** Held so the level set below is not lost when the logger is garbage-collected. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  private static final Logger VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private Main() {}

  /**
   * Work of {@code serve} done ahead on a second core, in the order the first core will need it:
   * Lucene's memory-mapped directory (the first thing opening the index does), the web layer's
   * files (needed when the server is created), the search path's classes (at the first search),
   * zstd (at the first compressed answer). Whatever this has not done when it is needed is done
   * there, or waited for.
   */
  private static void prepare() {
    try {
      LuceneWriter.prepareOpening();
      WebServer.prepareServer();
      LuceneWriter.prepare();
      WebServer.prepareCompression();
    } catch (IOException | RuntimeException e) {
      // Only time is lost: the server does itself what this could not.
      Logger.getLogger(Main.class.getName()).log(Level.FINE, "preparing the server", e);
    }
  }

  public static void main(String[] args) {
    // Lucene reports its vectorisation set-up at INFO on every start; users need only warnings.
    LUCENE_LOG.setLevel(Level.WARNING);
    // Whether to use the vector module is the launcher's choice per command, not a user concern.
    VECTOR_LOG.setLevel(Level.SEVERE);
    if (args.length > 0 && args[0].equals("serve")) {
      // The web layer's files and the search path's classes are made ready on a second core
      // while this one reads the command line and starts the server: the first search's own
      // time, 18 ms without, 7 ms with (bench/first-searches.sh).
      Thread.ofPlatform().daemon().name("prepare").start(Main::prepare);
    }
    System.exit(PassagesCommand.commandLine(args).execute(args));
  }
}
