package dev.passages.cli;

import dev.passages.corpus.Skip;
import dev.passages.index.DocumentStats;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexProgress;
import dev.passages.index.IndexReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passages index}: rebuilds the index from the corpus. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Brings the index up to date with the corpus folder: re-indexes the documents whose"
          + " content changed, adds new ones and removes those whose files are gone.",
      "Unreadable or unsupported files are skipped with a warning; the exit code is non-zero only"
          + " when nothing could be indexed."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin Locations locations;

  @Spec CommandSpec spec;

  @Option(names = "--rebuild", description = "Throw the index away and index everything anew.")
  boolean rebuild;

  /** More documents than this are summed up, not listed: a large corpus would print pages. */
  static final int LISTED_UP_TO = 50;

  @Option(
      names = "--list",
      description =
          "Name every document indexed, however many (default: up to " + LISTED_UP_TO + ").")
  boolean list;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IndexReport report;
    try {
      PrintWriter err = spec.commandLine().getErr();
      report = locations.indexer().update(rebuild, progress -> printProgress(progress, err));
    } catch (IndexLockedException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "error: "
              + locations.index
              + " is open in a running `passages serve`, which keeps it up to date by itself");
      err.flush();
      return ExitCodes.FAILURE;
    }
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
    printSummary(report, locations.index, out, spec.commandLine().getErr());
    return report.documents().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
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
  static void printSummary(IndexReport report, Path index, PrintWriter out, PrintWriter err) {
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
