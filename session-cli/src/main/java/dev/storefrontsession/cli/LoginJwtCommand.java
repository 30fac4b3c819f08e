package dev.storefrontsession.cli;

import dev.storefrontsession.client.CustomerLoginJwt;
import java.util.Optional;
import java.util.Set;

/**
 * {@code login-jwt}: prints a BigCommerce Customer Login JWT (HS256 with the API account's client
 * secret) for {@code loginWithCustomerLoginJwt} or {@code /login/token/<jwt>}. The client secret is
 * never printed.
 */
final class LoginJwtCommand implements Command, SessionTool.OptionsDeclaring {

  static final String SECRET_VARIABLE = "BIGCOMMERCE_CLIENT_SECRET";

  @Override
  public String name() {
    return "login-jwt";
  }

  @Override
  public String summary() {
    return "print a Customer Login JWT (BigCommerce SSO) for a customer";
  }

  @Override
  public String usage() {
    return """
        session-tool login-jwt --client-id ID --client-secret SECRET --store-hash HASH --customer-id N
                               [--channel-id N] [--redirect-to PATH] [--request-ip IP] [--impersonator-id N]
          prints a one-time JWT, valid for 30 s from now
          --client-secret    the API account's client secret (default: $BIGCOMMERCE_CLIENT_SECRET)
          --redirect-to      a relative path, e.g. /account/orders
          --impersonator-id  the store staff member signing in as the customer ("login as customer")""";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of(
        "client-id",
        "client-secret",
        "store-hash",
        "customer-id",
        "channel-id",
        "redirect-to",
        "request-ip",
        "impersonator-id");
  }

  @Override
  public void run(Arguments args, Console console) throws UsageException {
    if (!args.positional().isEmpty()) {
      throw new UsageException("login-jwt takes no arguments, only options");
    }
    String clientId = args.required("client-id");
    Optional<String> secretOption = args.optional("client-secret");
    String secret = secretOption.orElseGet(() -> console.environment().get(SECRET_VARIABLE));
    if (secret == null || secret.isBlank()) {
      throw new UsageException(
          "option --client-secret is required (or set $" + SECRET_VARIABLE + ")");
    }
    String storeHash = args.required("store-hash");
    long customerId =
        positive(args, "customer-id")
            .orElseThrow(() -> new UsageException("option --customer-id is required"));
    Long channelId = positive(args, "channel-id").orElse(null);
    Optional<Long> impersonatorId = positive(args, "impersonator-id");
    try {
      CustomerLoginJwt.Builder builder =
          CustomerLoginJwt.builder()
              .clientId(clientId)
              .clientSecret(secret)
              .storeHash(storeHash)
              .customerId(customerId)
              .channelId(channelId)
              .redirectTo(args.optional("redirect-to").orElse(null))
              .requestIp(args.optional("request-ip").orElse(null));
      impersonatorId.ifPresent(id -> builder.claim("impersonator_id", id));
      console.out().println(builder.build().token());
    } catch (IllegalArgumentException e) {
      // Builder messages name the bad part and never echo the secret.
      throw new UsageException(e.getMessage());
    }
  }

  private static Optional<Long> positive(Arguments args, String name) throws UsageException {
    Optional<String> value = args.optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long number = Long.parseLong(value.get().trim());
      if (number < 1) {
        throw new NumberFormatException();
      }
      return Optional.of(number);
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " must be a positive whole number");
    }
  }
}
