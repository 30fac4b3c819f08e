package dev.storefrontsession.cli;

/**
 * One subcommand of {@code bin/session-tool}. Register new ones in {@link SessionTool#commands()}.
 */
public interface Command {

  /** The word after {@code session-tool}, e.g. {@code decode}. */
  String name();

  /** One line: what it does. */
  String summary();

  /** The usage lines, starting with {@code session-tool <name>}. */
  String usage();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @throws UsageException bad arguments (exit 2)
   * @throws CommandFailedException the command could not do its job (exit 1)
   */
  void run(Arguments args, Console console)
      throws UsageException, CommandFailedException, java.io.IOException;
}
