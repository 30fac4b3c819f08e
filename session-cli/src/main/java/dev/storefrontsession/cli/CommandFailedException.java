package dev.storefrontsession.cli;

/**
 * The command ran but could not do its job (a rejected token, invalid claims): the tool prints the
 * message as one line on stderr and exits with 1. The message must never contain a secret or a
 * token.
 */
public final class CommandFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  public CommandFailedException(String message) {
    super(message);
  }
}
