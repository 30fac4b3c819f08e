package dev.storefrontsession.cli;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionCodec;
import java.io.IOException;
import java.util.Set;

/**
 * {@code decode}: prints a session token's claims as one JSON object; a rejected token fails with
 * the reason.
 */
final class DecodeCommand implements Command, SessionTool.OptionsDeclaring {

  @Override
  public String name() {
    return "decode";
  }

  @Override
  public String summary() {
    return "decrypt an Auth.js session token and print its claims as JSON";
  }

  @Override
  public String usage() {
    return """
        session-tool decode --secret S [--secret OLDER ...] --cookie-name NAME [--now EPOCH_SECONDS] TOKEN
          --secret       AUTH_SECRET (repeat for rotated secrets, newest first; default: $AUTH_SECRET)
          --cookie-name  the cookie the token came from, e.g. __Secure-authjs.session-token (the key salt)
          --now          check expiry at this time instead of now
          TOKEN          the cookie value (joined if chunked); '-' reads it from stdin""";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("secret", "cookie-name", "now");
  }

  @Override
  public void run(Arguments args, Console console)
      throws UsageException, CommandFailedException, IOException {
    SessionCodec codec = CodecOptions.codec(args, console);
    String cookieName = args.required("cookie-name");
    if (args.positional().size() != 1) {
      throw new UsageException(
          args.positional().isEmpty() ? "TOKEN is missing" : "give exactly one TOKEN");
    }
    String token = args.positional().get(0);
    if (token.equals("-")) {
      token = console.readStdin().strip();
    }
    DecodeResult result = codec.decode(token, cookieName);
    if (result instanceof DecodeResult.Rejected rejected) {
      throw new CommandFailedException(
          "token rejected: " + rejected.reason() + " (" + rejected.reason().description() + ")");
    }
    console.out().println(((DecodeResult.Decoded) result).claims().toJson());
  }
}
