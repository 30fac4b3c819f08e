package dev.storefrontsession.cli;

/**
 * Bad arguments: the tool prints the message and the command's usage on stderr and exits with 2.
 */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
