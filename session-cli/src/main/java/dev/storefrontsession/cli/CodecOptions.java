package dev.storefrontsession.cli;

import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code --secret}/{@code --now} options shared by decode and encode. */
final class CodecOptions {

  private CodecOptions() {}

  static SessionCodec codec(Arguments args, Console console) throws UsageException {
    List<String> secrets = args.all("secret");
    if (secrets.isEmpty()) {
      String fromEnvironment = console.environment().get("AUTH_SECRET");
      if (fromEnvironment == null || fromEnvironment.isEmpty()) {
        throw new UsageException("option --secret is required (or set AUTH_SECRET)");
      }
      secrets = List.of(fromEnvironment);
    }
    if (secrets.stream().anyMatch(String::isEmpty)) {
      throw new UsageException("option --secret must not be empty");
    }
    Clock clock =
        args.optionalLong("now")
            .map(now -> Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
            .orElse(Clock.systemUTC());
    KeyRing keyRing =
        KeyRing.of(secrets.get(0), secrets.subList(1, secrets.size()).toArray(String[]::new));
    return new SessionCodec(keyRing, clock);
  }
}
