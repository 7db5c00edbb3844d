package dev.passages.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code passages index|search|serve}. */
@Command(
    name = "passages",
    mixinStandardHelpOptions = true,
    version = "passages 0.1.0",
    description = "Paragraph-level full-text search over an article and its commentary.")
public final class PassagesCommand implements Runnable {

  /**
   * The subcommands' names, in the order help lists them. They are added in {@link #commandLine},
   * not by the annotation, so that a command line naming one reads the annotations of that one
   * alone: picocli's reflection over all three cost tens of milliseconds of every start.
   */
  private static final List<String> SUBCOMMANDS = List.of("index", "search", "serve");

  /** A new subcommand object, by name. */
  private static Object subcommand(String name) {
    return switch (name) {
      case "index" -> new IndexCommand();
      case "search" -> new SearchCommand();
      case "serve" -> new ServeCommand();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    CommandLine commandLine = new CommandLine(new PassagesCommand());
    if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
      commandLine.addSubcommand(subcommand(args[0]));
    } else {
      SUBCOMMANDS.forEach(name -> commandLine.addSubcommand(subcommand(name)));
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
