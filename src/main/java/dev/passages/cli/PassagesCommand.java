package dev.passages.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: {@code passages index|search|serve}. */
public final class PassagesCommand implements Runnable {

  /**
   * The subcommands' names, in the order help lists them. A command line naming one gets that one
   * alone, so that a start makes no parser it will not use; help and a typo's suggestion get all
   * three.
   */
  private static final List<String> SUBCOMMANDS = List.of("index", "search", "serve");

  /** A new subcommand, by name. */
  private static CommandSpec subcommand(String name) {
    return switch (name) {
      case "index" -> new IndexCommand().spec;
      case "search" -> new SearchCommand().spec;
      case "serve" -> new ServeCommand().spec;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private final CommandSpec spec =
      Options.command(
          this, "passages", "Paragraph-level full-text search over an article and its commentary.");

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line with every subcommand, also used by tests to run commands. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for {@code args}: with only the subcommand they name first, or with
   * all (for help, a typo's suggestion) when they name none.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine commandLine = new CommandLine(new PassagesCommand().spec);
    if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
      commandLine.addSubcommand(new CommandLine(subcommand(args[0])));
    } else {
      SUBCOMMANDS.forEach(name -> commandLine.addSubcommand(new CommandLine(subcommand(name))));
    }
    CommandLine search = commandLine.getSubcommands().get("search");
    if (search != null) {
      // "passages search -Kazakhstan": an exclusion in the query, not an unknown option.
      search.setUnmatchedOptionsArePositionalParams(true);
    }
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
