package dev.passages.cli;

import picocli.CommandLine;

/** Entry point of {@code passages.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(PassagesCommand.commandLine().execute(args));
  }
}
