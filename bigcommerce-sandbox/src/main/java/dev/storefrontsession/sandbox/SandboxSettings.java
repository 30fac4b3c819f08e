package dev.storefrontsession.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Immutable configuration of one sandbox instance. Build with {@link #builder()}; derive variants
 * with {@link #toBuilder()}. Development defaults for the credentials can be overridden by the
 * environment variables {@code SANDBOX_STOREFRONT_TOKEN}, {@code SANDBOX_CLIENT_ID}, {@code
 * SANDBOX_CLIENT_SECRET} and {@code SANDBOX_STORE_HASH} (read when a builder is created).
 *
 * <p>{@link #toString()} never shows the storefront token, the client secret or a database
 * password.
 */
public final class SandboxSettings {

  /** Default store hash, as in {@code store-<hash>-<channel>.mybigcommerce.com}. */
  public static final String DEFAULT_STORE_HASH = "sandbox1";

  /** Default (and only) channel. */
  public static final long DEFAULT_CHANNEL_ID = 1L;

  /** Development-only storefront token (a JWT-shaped string, as BigCommerce's tokens are). */
  public static final String DEFAULT_STOREFRONT_TOKEN =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9"
          + ".eyJjaWQiOlsxXSwiY29ycyI6W10sImVhdCI6NDEwMjQ0NDgwMCwiaWF0IjoxNzAwMDAwMDAwLCJpc3MiOiJCQyIsInNpZCI6MSwic3ViIjoic2FuZGJveCIsInN1Yl90eXBlIjoyLCJ0b2tlbl90eXBlIjoxfQ"
          + ".c2FuZGJveC1kZXZlbG9wbWVudC10b2tlbi1ub3QtYS1zZWNyZXQ";

  /** Development-only API account client id (the {@code iss} of Customer Login JWTs). */
  public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";

  /** Development-only API account client secret (the HS256 key of Customer Login JWTs). */
  public static final String DEFAULT_CLIENT_SECRET =
      "sandbox-client-secret-change-me-0123456789abcdef";

  /** Customer access token lifetime unless configured. BigCommerce does not document its own. */
  public static final Duration DEFAULT_CUSTOMER_ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);

  /** bcrypt cost factor for new password hashes. */
  public static final int DEFAULT_BCRYPT_COST = 10;

  /**
   * Failed logins allowed per email and per client IP within {@link
   * #DEFAULT_LOGIN_THROTTLE_WINDOW}.
   */
  public static final int DEFAULT_MAX_FAILED_LOGINS = 5;

  /** Window in which failed logins are counted. */
  public static final Duration DEFAULT_LOGIN_THROTTLE_WINDOW = Duration.ofMinutes(15);

  /** Default folder of the H2 file database. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "sandbox");

  /** Where the data lives. */
  public sealed interface Database {
    /** H2 in memory; gone when the sandbox closes. */
    record InMemory(String name) implements Database {}

    /** H2 file database in a folder. */
    record H2Files(Path directory) implements Database {}

    /** Any JDBC URL (H2 or PostgreSQL). */
    record Jdbc(String url, String user, String password) implements Database {
      @Override
      public String toString() {
        return "Jdbc[url=" + url + ", user=" + user + ", password=<redacted>]";
      }
    }
  }

  private final String bindAddress;
  private final int port;
  private final Database database;
  private final boolean persistentCart;
  private final Duration customerAccessTokenLifetime;
  private final String storefrontToken;
  private final String clientId;
  private final String clientSecret;
  private final String storeHash;
  private final long channelId;
  private final Clock clock;
  private final int bcryptCost;
  private final int maxFailedLogins;
  private final Duration loginThrottleWindow;
  private final String trustedProxySecret;

  private SandboxSettings(Builder b) {
    this.bindAddress = Objects.requireNonNull(b.bindAddress, "bindAddress");
    if (b.port < 0 || b.port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + b.port);
    }
    this.port = b.port;
    this.database = Objects.requireNonNull(b.database, "database");
    this.persistentCart = b.persistentCart;
    this.customerAccessTokenLifetime =
        Objects.requireNonNull(b.customerAccessTokenLifetime, "lifetime");
    if (customerAccessTokenLifetime.isNegative() || customerAccessTokenLifetime.isZero()) {
      throw new IllegalArgumentException("customerAccessTokenLifetime must be positive");
    }
    this.storefrontToken = requireText(b.storefrontToken, "storefrontToken");
    this.clientId = requireText(b.clientId, "clientId");
    this.clientSecret = requireText(b.clientSecret, "clientSecret");
    if (clientSecret.length() < 32) {
      throw new IllegalArgumentException(
          "clientSecret must have at least 32 characters (HS256 key)");
    }
    this.storeHash = requireText(b.storeHash, "storeHash");
    if (b.channelId < 1) {
      throw new IllegalArgumentException("channelId must be positive");
    }
    this.channelId = b.channelId;
    this.clock = Objects.requireNonNull(b.clock, "clock");
    if (b.bcryptCost < 4 || b.bcryptCost > 31) {
      throw new IllegalArgumentException("bcryptCost must be 4..31");
    }
    this.bcryptCost = b.bcryptCost;
    if (b.maxFailedLogins < 1) {
      throw new IllegalArgumentException("maxFailedLogins must be positive");
    }
    this.maxFailedLogins = b.maxFailedLogins;
    this.loginThrottleWindow = Objects.requireNonNull(b.loginThrottleWindow, "loginThrottleWindow");
    this.trustedProxySecret =
        b.trustedProxySecret == null || b.trustedProxySecret.isBlank()
            ? null
            : b.trustedProxySecret;
    refuseDevelopmentCredentialsBeyondLoopback();
  }

  /**
   * The development storefront token and client secret are published (in this source and its
   * README): with them, anyone who reaches the sandbox could call it, and mint a Customer Login JWT
   * for any customer and sign in as them. They are accepted only on a loopback address.
   */
  private void refuseDevelopmentCredentialsBeyondLoopback() {
    if (isLoopback(bindAddress)) {
      return;
    }
    java.util.List<String> published = new java.util.ArrayList<>();
    if (storefrontToken.equals(DEFAULT_STOREFRONT_TOKEN)) {
      published.add("SANDBOX_STOREFRONT_TOKEN");
    }
    if (clientSecret.equals(DEFAULT_CLIENT_SECRET)) {
      published.add("SANDBOX_CLIENT_SECRET");
    }
    if (!published.isEmpty()) {
      throw new IllegalArgumentException(
          "The sandbox is bound to "
              + bindAddress
              + ", beyond loopback, with its"
              + " public development "
              + (published.size() == 2
                  ? "storefront token and client secret"
                  : published.get(0).equals("SANDBOX_STOREFRONT_TOKEN")
                      ? "storefront token"
                      : "client secret")
              + ": anyone who reaches it"
              + " could use them to sign in as any customer. Set "
              + String.join(" and ", published)
              + " to values of your own (the client secret at least 32 characters), or bind to 127.0.0.1.");
    }
  }

  private static boolean isLoopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** A builder with development defaults (environment overrides applied). */
  public static Builder builder() {
    return new Builder(System.getenv());
  }

  /** A builder with development defaults and overrides from the given environment map. */
  public static Builder builder(Map<String, String> environment) {
    return new Builder(environment);
  }

  public Builder toBuilder() {
    Builder b = new Builder(Map.of());
    b.bindAddress = bindAddress;
    b.port = port;
    b.database = database;
    b.persistentCart = persistentCart;
    b.customerAccessTokenLifetime = customerAccessTokenLifetime;
    b.storefrontToken = storefrontToken;
    b.clientId = clientId;
    b.clientSecret = clientSecret;
    b.storeHash = storeHash;
    b.channelId = channelId;
    b.clock = clock;
    b.bcryptCost = bcryptCost;
    b.maxFailedLogins = maxFailedLogins;
    b.loginThrottleWindow = loginThrottleWindow;
    b.trustedProxySecret = trustedProxySecret;
    return b;
  }

  public String bindAddress() {
    return bindAddress;
  }

  /**
   * The configured port; 0 means "any free port" (see {@link SandboxServer#port()} for the bound
   * one).
   */
  public int port() {
    return port;
  }

  public Database database() {
    return database;
  }

  /**
   * Whether a customer's cart stays with the account on logout (true) or is handed back as a guest
   * cart.
   */
  public boolean persistentCart() {
    return persistentCart;
  }

  public Duration customerAccessTokenLifetime() {
    return customerAccessTokenLifetime;
  }

  /** The storefront token expected in {@code Authorization: Bearer …}. A secret: never log it. */
  public String storefrontToken() {
    return storefrontToken;
  }

  /** API account client id: the {@code iss} of Customer Login JWTs. */
  public String clientId() {
    return clientId;
  }

  /** API account client secret: the HS256 key of Customer Login JWTs. A secret: never log it. */
  public String clientSecret() {
    return clientSecret;
  }

  public String storeHash() {
    return storeHash;
  }

  public long channelId() {
    return channelId;
  }

  /** Clock for token expiry, JWT {@code iat} checks, throttling and timestamps. */
  public Clock clock() {
    return clock;
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  public int maxFailedLogins() {
    return maxFailedLogins;
  }

  public Duration loginThrottleWindow() {
    return loginThrottleWindow;
  }

  /**
   * The secret a storefront proves itself a trusted proxy with ({@code X-BC-Trusted-Proxy-Secret});
   * only then is its {@code True-Client-IP} taken as the shopper's IP, and only when it is exactly
   * one IP address, as BigCommerce does. Empty: every request counts as coming from its socket
   * peer. A secret: never log it.
   */
  public Optional<String> trustedProxySecret() {
    return Optional.ofNullable(trustedProxySecret);
  }

  @Override
  public String toString() {
    return "SandboxSettings[bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", database="
        + database
        + ", persistentCart="
        + persistentCart
        + ", customerAccessTokenLifetime="
        + customerAccessTokenLifetime
        + ", storefrontToken=<redacted>, clientId="
        + clientId
        + ", clientSecret=<redacted>, storeHash="
        + storeHash
        + ", channelId="
        + channelId
        + ", bcryptCost="
        + bcryptCost
        + ", trustedProxySecret="
        + (trustedProxySecret == null ? "none" : "<redacted>")
        + "]";
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port = 0;
    private Database database = new Database.H2Files(DEFAULT_DATA_DIRECTORY);
    private boolean persistentCart = true;
    private Duration customerAccessTokenLifetime = DEFAULT_CUSTOMER_ACCESS_TOKEN_LIFETIME;
    private String storefrontToken;
    private String clientId;
    private String clientSecret;
    private String storeHash;
    private long channelId = DEFAULT_CHANNEL_ID;
    private Clock clock = Clock.systemUTC();
    private int bcryptCost = DEFAULT_BCRYPT_COST;
    private int maxFailedLogins = DEFAULT_MAX_FAILED_LOGINS;
    private Duration loginThrottleWindow = DEFAULT_LOGIN_THROTTLE_WINDOW;
    private String trustedProxySecret;

    private Builder(Map<String, String> env) {
      trustedProxySecret = env.get("SANDBOX_TRUSTED_PROXY_SECRET");
      storefrontToken = env.getOrDefault("SANDBOX_STOREFRONT_TOKEN", DEFAULT_STOREFRONT_TOKEN);
      clientId = env.getOrDefault("SANDBOX_CLIENT_ID", DEFAULT_CLIENT_ID);
      clientSecret = env.getOrDefault("SANDBOX_CLIENT_SECRET", DEFAULT_CLIENT_SECRET);
      storeHash = env.getOrDefault("SANDBOX_STORE_HASH", DEFAULT_STORE_HASH);
    }

    /** Address to bind; {@code 127.0.0.1} unless changed. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** Port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A private in-memory H2 database, gone on {@link SandboxServer#close()}. */
    public Builder inMemoryDatabase() {
      this.database = new Database.InMemory("sandbox-" + UUID.randomUUID());
      return this;
    }

    /** An H2 file database in {@code directory} (created when missing). */
    public Builder dataDirectory(Path directory) {
      this.database = new Database.H2Files(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /** Any JDBC database (H2 or PostgreSQL URL). */
    public Builder jdbcUrl(String url, String user, String password) {
      this.database = new Database.Jdbc(requireText(url, "url"), user, password);
      return this;
    }

    public Builder persistentCart(boolean persistentCart) {
      this.persistentCart = persistentCart;
      return this;
    }

    public Builder customerAccessTokenLifetime(Duration lifetime) {
      this.customerAccessTokenLifetime = lifetime;
      return this;
    }

    public Builder storefrontToken(String token) {
      this.storefrontToken = token;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder storeHash(String storeHash) {
      this.storeHash = storeHash;
      return this;
    }

    public Builder channelId(long channelId) {
      this.channelId = channelId;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** bcrypt cost for new hashes; tests may lower it (minimum 4). */
    public Builder bcryptCost(int cost) {
      this.bcryptCost = cost;
      return this;
    }

    /**
     * Login throttling: at most {@code maxFailures} failed logins per email and per IP within
     * {@code window}.
     */
    public Builder loginThrottle(int maxFailures, Duration window) {
      this.maxFailedLogins = maxFailures;
      this.loginThrottleWindow = window;
      return this;
    }

    /**
     * The trusted-proxy secret ({@link SandboxSettings#trustedProxySecret()}); null or blank: none.
     */
    public Builder trustedProxySecret(String secret) {
      this.trustedProxySecret = secret;
      return this;
    }

    public SandboxSettings build() {
      return new SandboxSettings(this);
    }
  }
}
