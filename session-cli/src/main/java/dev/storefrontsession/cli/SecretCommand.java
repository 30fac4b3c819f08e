package dev.storefrontsession.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * {@code secret}: prints a new random AUTH_SECRET, 32 random bytes in base64 (as {@code npx auth
 * secret}).
 */
final class SecretCommand implements Command, SessionTool.OptionsDeclaring {

  private final SecureRandom random = new SecureRandom();

  @Override
  public String name() {
    return "secret";
  }

  @Override
  public String summary() {
    return "print a new random secret for AUTH_SECRET";
  }

  @Override
  public String usage() {
    return "session-tool secret\n  prints 32 random bytes in base64, for AUTH_SECRET";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of();
  }

  @Override
  public void run(Arguments args, Console console) throws UsageException {
    if (!args.positional().isEmpty()) {
      throw new UsageException("secret takes no arguments");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    console.out().println(Base64.getEncoder().encodeToString(bytes));
  }
}
