package dev.storefrontsession.sandbox;

import java.nio.file.Path;

/**
 * Command line entry point ({@code bin/sandbox}): {@code [--port N] [--data DIR] [--jdbc-url URL
 * --jdbc-user U --jdbc-password P] [--bind ADDRESS] [--no-persistent-cart] [--site-url URL]}. Runs
 * in the foreground until interrupted. The site URL is where the checkout sends shoppers back; by
 * default the storefront's default address, {@value #DEFAULT_SITE_URL}.
 */
public final class SandboxMain {

  /**
   * Where {@code bin/storefront} listens by default: the checkout's way back unless {@code
   * --site-url} says.
   */
  static final String DEFAULT_SITE_URL = "http://localhost:8080";

  private SandboxMain() {}

  public static void main(String[] args) {
    SandboxSettings.Builder builder = SandboxSettings.builder().port(3100);
    String jdbcUrl = null;
    String jdbcUser = null;
    String jdbcPassword = System.getenv("SANDBOX_JDBC_PASSWORD");
    java.net.URI siteUrl = java.net.URI.create(DEFAULT_SITE_URL);
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--port" -> builder.port(parsePort(value(args, ++i, arg)));
          case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, arg)));
          case "--bind" -> builder.bindAddress(value(args, ++i, arg));
          case "--jdbc-url" -> jdbcUrl = value(args, ++i, arg);
          case "--jdbc-user" -> jdbcUser = value(args, ++i, arg);
          case "--jdbc-password" -> jdbcPassword = value(args, ++i, arg);
          case "--no-persistent-cart" -> builder.persistentCart(false);
          case "--site-url" -> siteUrl = siteUrl(value(args, ++i, arg));
          case "-h", "--help" -> {
            System.out.println(usage());
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (jdbcUrl != null) {
        builder.jdbcUrl(jdbcUrl, jdbcUser, jdbcPassword);
      }
      SandboxSettings settings = builder.build();
      SandboxServer server = SandboxServer.start(settings, true);
      server.channelSiteUrl(siteUrl);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
      System.out.println();
      System.out.println("BigCommerce sandbox running");
      System.out.println("  endpoint:          " + server.graphqlEndpoint());
      System.out.println("  store hash:        " + settings.storeHash());
      System.out.println(
          "  every channel:     "
              + server.graphqlEndpointTemplate()
              + "  (channels 1 English/USD, 2 French/EUR)");
      System.out.println("  channel id:        " + settings.channelId());
      System.out.println("  storefront token:  " + settings.storefrontToken());
      System.out.println("  API client id:     " + settings.clientId());
      System.out.println("  API client secret: " + settings.clientSecret());
      System.out.println("  database:          " + settings.database());
      System.out.println(
          "  storefront (site): "
              + server.channelSiteUrl()
              + " (checkout returns here; --site-url)");
      System.out.println(
          "  trusted proxy:     "
              + (settings.trustedProxySecret().isPresent()
                  ? "the storefront sending SANDBOX_TRUSTED_PROXY_SECRET (forwarded shopper IPs count)"
                  : "none (set SANDBOX_TRUSTED_PROXY_SECRET to let a storefront forward shopper IPs)"));
      System.out.println(
          "  demo customers:    shopper@example.com, wholesale@example.com (passwords in bigcommerce-sandbox/README.md)");
      System.out.println("Press Ctrl+C to stop.");
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static java.net.URI siteUrl(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getUserInfo() != null) {
        throw new IllegalArgumentException(
            "--site-url must be an http(s) URL without query, was '" + text + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "--site-url must be an http(s) URL without query, was '" + text + "'");
    }
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was '" + text + "'");
    }
  }

  private static String usage() {
    return "usage: sandbox [--port N] [--data DIR] [--bind ADDRESS] [--no-persistent-cart]"
        + " [--site-url URL] [--jdbc-url URL [--jdbc-user USER] [--jdbc-password PASSWORD]]";
  }
}
