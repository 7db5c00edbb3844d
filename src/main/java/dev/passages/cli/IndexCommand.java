package dev.passages.cli;

import dev.passages.corpus.Skip;
import dev.passages.corpus.SourceDocument;
import dev.passages.index.IndexReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code passages index}: rebuilds the index from the corpus. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every file in the corpus folder and rebuilds the index from them.",
      "Unreadable or unsupported files are skipped with a warning; the exit code is non-zero only"
          + " when nothing could be indexed."
    })
final class IndexCommand implements Callable<Integer> {

  @Mixin Locations locations;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    IndexReport report = locations.indexer().rebuild();
    for (SourceDocument document : report.documents()) {
      out.printf(
          "  %-40s %-10s %4d passages%s%n",
          document.id(),
          document.source().id(),
          document.passages().size(),
          document.ignoredLines().isEmpty()
              ? ""
              : "  (left out trailing " + quoted(document.ignoredLines()) + ")");
    }
    printSummary(report, locations.index, out, spec.commandLine().getErr());
    return report.documents().isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
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
          "Indexed %d document%s, %d passages into %s in %d ms%n",
          report.documents().size(),
          report.documents().size() == 1 ? "" : "s",
          report.passages(),
          index,
          report.millis());
    }
    out.flush();
    err.flush();
  }

  private static String quoted(java.util.List<String> lines) {
    return String.join(", ", lines.stream().map(l -> "\"" + l + "\"").toList());
  }
}
