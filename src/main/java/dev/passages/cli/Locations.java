package dev.passages.cli;

import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexReport;
import dev.passages.lucene.Indexer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --corpus} and {@code --index} options, shared by every subcommand. */
final class Locations {

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      defaultValue = "corpus",
      description = "Folder of source texts (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "index",
      description = "Folder of the index, rebuilt from the corpus (default: ${DEFAULT-VALUE}).")
  Path index;

  Indexer indexer() {
    return new Indexer(corpus, index);
  }

  /**
   * Updates the index if it is missing or older than the corpus, saying so on {@code err}. When a
   * running server holds the index open, it keeps the index up to date itself: search it as is.
   */
  void ensureFreshIndex(PrintWriter err) throws IOException {
    try {
      Optional<IndexReport> report = indexer().updateIfStale();
      report.ifPresent(r -> IndexCommand.printSummary(r, index, err, err));
    } catch (IndexLockedException e) {
      err.println("note: " + index + " is open in a running server, which keeps it up to date");
      err.flush();
    }
  }
}
