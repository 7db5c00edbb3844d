package dev.passages.cli;

/** Exit codes shared by the subcommands. */
final class ExitCodes {
  static final int OK = 0;

  /** Nothing found (search) or nothing could be indexed (index); also unexpected failures. */
  static final int FAILURE = 1;

  /** The user asked for something that cannot be done as asked: bad option or query. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
