package dev.passages.cli;

import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexReport;
import dev.passages.index.VectorFill;
import dev.passages.lucene.Indexer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --corpus} and {@code --index} options, shared by every subcommand. */
final class Locations {

  Path corpus;

  Path index;

  /** The options, added to {@code spec} as a mixin's would be. */
  Locations(CommandSpec spec) {
    spec.addOption(
        Options.option("--corpus", Path.class, () -> corpus, value -> corpus = value)
            .paramLabel("DIR")
            .defaultValue("corpus")
            .description("Folder of source texts (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--index", Path.class, () -> index, value -> index = value)
            .paramLabel("DIR")
            .defaultValue("index")
            .description(
                "Folder of the index, rebuilt from the corpus (default: ${DEFAULT-VALUE}).")
            .build());
  }

  Indexer indexer() {
    return new Indexer(corpus, index);
  }

  /**
   * Updates the index if it is missing or older than the corpus, saying so on {@code err}; with a
   * {@code model} (a search that will go by meaning), gives passages without a vector theirs when
   * there are few enough to take seconds ({@value #EMBED_UP_TO}), else says how to. When a running
   * server holds the index open, it keeps the index up to date itself: search it as is.
   */
  void ensureFreshIndex(PrintWriter err, EmbeddingModel model) throws IOException {
    try {
      Indexer indexer = indexer();
      Optional<IndexReport> report = indexer.updateIfStale();
      report.ifPresent(r -> IndexCommand.printSummary(r, index, err, err));
      long pending = model != null ? indexer.pendingVectors() : 0;
      if (pending > EMBED_UP_TO) {
        err.printf(
            Locale.ROOT,
            "note: %,d passages have no vector yet, so questions are searched by meaning only"
                + " among the others; `passages index` or `passages serve` embeds them%n",
            pending);
      } else if (pending > 0) {
        try (CorpusIndex live = Indexer.open(corpus, index, false)) {
          new VectorFill(live, model, Runtime.getRuntime().availableProcessors()).runToEnd(p -> {});
        }
      }
    } catch (IndexLockedException e) {
      err.println("note: " + index + " is open in a running server, which keeps it up to date");
    }
    err.flush();
  }

  /** More passages without vectors than this are left for {@code passages index} to embed. */
  static final int EMBED_UP_TO = 2_000;
}
