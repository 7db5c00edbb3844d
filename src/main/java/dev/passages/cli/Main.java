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

  private static void prepare() {
    try {
      LuceneWriter.prepare();
      WebServer.prepare();
    } catch (IOException | RuntimeException e) {
      // Only time is lost: the real server initialises what this could not.
      Logger.getLogger(Main.class.getName()).log(Level.FINE, "preparing the web server", e);
    }
  }

  public static void main(String[] args) {
    // Lucene reports its vectorisation set-up at INFO on every start; users need only warnings.
    LUCENE_LOG.setLevel(Level.WARNING);
    // Whether to use the vector module is the launcher's choice per command, not a user concern.
    VECTOR_LOG.setLevel(Level.SEVERE);
    if (args.length > 0 && args[0].equals("serve")) {
      // Two chains of start-up work that do not need each other: reading the command line and
      // opening the index on this thread; initialising the classes of the index and of the web
      // server on a second core.
      Thread.ofPlatform().daemon().name("prepare").start(Main::prepare);
    }
    System.exit(PassagesCommand.commandLine().execute(args));
  }
}
