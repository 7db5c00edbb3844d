package dev.passages.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code passages index|search|serve}. */
@Command(
    name = "passages",
    mixinStandardHelpOptions = true,
    version = "passages 0.1.0",
    description = "Paragraph-level full-text search over an article and its commentary.",
    subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class})
public final class PassagesCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PassagesCommand());
    // "passages search -Kazakhstan": an exclusion in the query, not an unknown option.
    commandLine.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          err.flush();
          return ExitCodes.FAILURE;
        });
    return commandLine;
  }
}
