package dev.passages.cli;

import dev.passages.corpus.Skip;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.DocumentStats;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexProgress;
import dev.passages.index.IndexReport;
import dev.passages.index.VectorFill;
import dev.passages.lucene.Indexer;
import dev.passages.opensearch.Cluster;
import dev.passages.opensearch.OpenSearchWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code passages index}: rebuilds the index from the corpus. */
final class IndexCommand implements Callable<Integer> {

  final CommandSpec spec =
      Options.command(
          this,
          "index",
          "Brings the index up to date with the corpus folder: re-indexes the documents whose"
              + " content changed, adds new ones and removes those whose files are gone.",
          "Unreadable or unsupported files are skipped with a warning; the exit code is non-zero"
              + " only when nothing could be indexed.");

  final Locations locations = new Locations(spec);

  final SemanticOption semantic = new SemanticOption(spec);

  final EngineOptions engine = new EngineOptions(spec);

  boolean rebuild;

  /** Set once embedding begins: whether a signal stopped it. */
  private Signals.Stop stopped;

  /** More documents than this are summed up, not listed: a large corpus would print pages. */
  static final int LISTED_UP_TO = 50;

  boolean list;

  IndexCommand() {
    spec.addOption(
        Options.option("--rebuild", boolean.class, () -> rebuild, value -> rebuild = value)
            .description("Throw the index away and index everything anew.")
            .build());
    spec.addOption(
        Options.option("--list", boolean.class, () -> list, value -> list = value)
            .description(
                "Name every document indexed, however many (default: up to " + LISTED_UP_TO + ").")
            .build());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (engine.problem() != null) {
      err.println("error: " + engine.problem());
      err.flush();
      return ExitCodes.USAGE;
    }
    if (engine.onCluster()) {
      return indexOnCluster(out, err);
    }
    try (CorpusIndex index = Indexer.open(locations.corpus, locations.index, rebuild)) {
      IndexReport report = index.update(progress -> printProgress(progress, err));
      printDocuments(report, out);
      printSummary(report, locations.index, out, err);
      if (report.documents().isEmpty()) {
        return ExitCodes.FAILURE;
      }
      if (semantic.on()) {
        embed(index, out, err);
      }
      return stopped == null ? ExitCodes.OK : stopped.exitCode(ExitCodes.OK);
    } catch (IndexLockedException e) {
      err.println(
          "error: "
              + locations.index
              + " is open in a running `passages serve`, which keeps it up to date by itself");
      err.flush();
      return ExitCodes.FAILURE;
    }
  }

  /**
   * Pushes the corpus to the cluster's index with bulk requests: what changed, and deletes of what
   * is gone. Questions are searched by words alone there, so nothing is embedded.
   */
  private int indexOnCluster(PrintWriter out, PrintWriter err) throws IOException {
    try (Cluster cluster = engine.connect();
        CorpusIndex index =
            new CorpusIndex(
                locations.corpus,
                OpenSearchWriter.open(
                    cluster, engine.indexName, engine.shards, engine.replicas, rebuild))) {
      IndexReport report = index.update(progress -> printProgress(progress, err));
      printDocuments(report, out);
      printSummary(report, engine.where(), out, err);
      return report.documents().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
  }

  private void printDocuments(IndexReport report, PrintWriter out) {
    boolean listEach = list || report.documents().size() <= LISTED_UP_TO;
    if (!listEach) {
      out.printf(Locale.ROOT, "  (%,d documents; --list names each)%n", report.documents().size());
    }
    for (DocumentStats document : listEach ? report.documents() : List.<DocumentStats>of()) {
      out.printf(
          "  %-40s %-10s %4d passages%s%n",
          document.id(),
          document.source().id(),
          document.passages(),
          document.ignoredLines().isEmpty()
              ? ""
              : "  (left out trailing " + quoted(document.ignoredLines()) + ")");
    }
  }

  /**
   * Gives every passage without a vector its vector, on every core, saying how far it is about once
   * a second. Interrupted (Ctrl-C), it keeps what it committed: the next run, or {@code serve},
   * goes on from there.
   */
  private void embed(CorpusIndex index, PrintWriter out, PrintWriter err) throws IOException {
    long pending = index.vectorCounts().pending();
    if (pending == 0) {
      out.println("Every passage has its vector for meaning-based search");
      out.flush();
      return;
    }
    try (EmbeddingModel model = EmbeddingModel.onDemand()) {
      if (model.await().isEmpty()) {
        err.println(
            "warning: meaning-based search is unavailable here ("
                + model.problem().orElse("the model did not load")
                + "); the index is searched by words alone");
        err.flush();
        return;
      }
      VectorFill fill = new VectorFill(index, model, Runtime.getRuntime().availableProcessors());
      // Ctrl-C stops after the batch under way, which is committed: the next run goes on from it.
      stopped =
          Signals.onStop(
              () -> {
                try {
                  fill.close();
                } catch (IOException e) {
                  System.err.println("error while stopping: " + e.getMessage());
                }
              });
      long start = System.nanoTime();
      long done =
          fill.runToEnd(
              progress -> {
                err.println("  embedding: " + progress.describe());
                err.flush();
              });
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "Embedded %,d passages for meaning-based search in %.1f s (%,.0f passages/s)%n",
          done,
          seconds,
          done / seconds);
    }
    out.flush();
    err.flush();
  }

  /** A line about a long run's progress, on standard error: files, passages, rate and time left. */
  static void printProgress(IndexProgress progress, PrintWriter err) {
    long left = progress.remainingMillis();
    err.printf(
        Locale.ROOT,
        "  indexing: %d/%d files, %,d passages, %,.0f passages/s%s%n",
        progress.filesDone(),
        progress.files(),
        progress.passages(),
        progress.passagesPerSecond(),
        left < 0 ? "" : String.format(", about %d s left", (left + 999) / 1000));
    err.flush();
  }

  /** The warnings (on {@code err}) and the one-line total (on {@code out}) of an indexing run. */
  static void printSummary(IndexReport report, Object index, PrintWriter out, PrintWriter err) {
    for (Skip problem : report.problems()) {
      err.printf(
          "%s: %s: %s%n",
          problem.indexed() ? "warning" : "skipped", problem.path(), problem.reason());
    }
    if (report.documents().isEmpty()) {
      err.println("error: nothing could be indexed; the index in " + index + " is empty");
    } else {
      out.printf(
          "Indexed %d document%s, %d passages into %s in %d ms"
              + " (%d added, %d updated, %d removed, %d unchanged)%n",
          report.documents().size(),
          report.documents().size() == 1 ? "" : "s",
          report.passages(),
          index,
          report.millis(),
          report.added(),
          report.updated(),
          report.removed(),
          report.unchanged());
    }
    out.flush();
    err.flush();
  }

  private static String quoted(java.util.List<String> lines) {
    return String.join(", ", lines.stream().map(l -> "\"" + l + "\"").toList());
  }
}
