package dev.storefrontsession.cli;

import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * {@code encode}: reads claims JSON on stdin and prints an Auth.js session token made with the
 * newest secret.
 */
final class EncodeCommand implements Command, SessionTool.OptionsDeclaring {

  @Override
  public String name() {
    return "encode";
  }

  @Override
  public String summary() {
    return "encrypt claims JSON (stdin) into an Auth.js session token";
  }

  @Override
  public String usage() {
    return """
        session-tool encode --secret S [--secret OLDER ...] --cookie-name NAME [--max-age SECONDS] [--now EPOCH_SECONDS]
          reads one JSON object of claims on stdin; sets iat, exp (now + max-age, default 2592000) and jti
          --secret       AUTH_SECRET (the first one encodes; default: $AUTH_SECRET)
          --cookie-name  the cookie the token goes into, e.g. __Secure-authjs.session-token (the key salt)""";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("secret", "cookie-name", "max-age", "now");
  }

  @Override
  public void run(Arguments args, Console console)
      throws UsageException, CommandFailedException, IOException {
    SessionCodec codec = CodecOptions.codec(args, console);
    String cookieName = args.required("cookie-name");
    Duration maxAge =
        args.optionalLong("max-age").map(Duration::ofSeconds).orElse(SessionCodec.DEFAULT_MAX_AGE);
    if (!args.positional().isEmpty()) {
      throw new UsageException("encode takes no arguments; pipe the claims JSON to stdin");
    }
    String json = console.readStdin().strip();
    if (json.isEmpty()) {
      throw new CommandFailedException(
          "no claims on stdin: pipe a JSON object, e.g. {\"user\":{\"cartId\":null}}");
    }
    SessionClaims claims;
    try {
      claims = SessionClaims.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("invalid claims JSON on stdin: " + e.getMessage());
    }
    console.out().println(codec.encode(claims, cookieName, maxAge));
  }
}
