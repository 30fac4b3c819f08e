package dev.storefrontsession.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storefrontsession.client.internal.CacheKey;
import dev.storefrontsession.client.internal.Endpoints;
import dev.storefrontsession.client.internal.GuestCache;
import dev.storefrontsession.client.internal.LibraryVersion;
import dev.storefrontsession.client.internal.OperationParser;
import dev.storefrontsession.client.internal.ParsedResponse;
import dev.storefrontsession.client.internal.ResponseParser;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BigCommerce Storefront GraphQL API client: one immutable, thread-safe instance per store,
 * shared by all requests; derive variants with {@link #toBuilder()} (they share the HTTP client,
 * the guest cache and the counters unless the builder changes what those depend on).
 *
 * <h2>Rules it enforces</h2>
 *
 * <ul>
 *   <li>A call with a customer context is never cached and never served from the cache, whatever it
 *       asks.
 *   <li>Only guest queries whose {@link CachePolicy} allows it are cached; the key is endpoint,
 *       channel, locale, document and variables; concurrent identical calls share one upstream
 *       request; errors are never kept.
 *   <li>The shopper's IP ({@code X-Forwarded-For}, {@code True-Client-IP}) is only sent on
 *       non-cached calls.
 *   <li>No log line holds a token, a secret, a password or variables; operation, duration and
 *       complexity are logged at {@code DEBUG} through {@link System.Logger}.
 *   <li>No exception message holds one either: whatever comes from a response body or an I/O
 *       failure is redacted (the storefront token, the trusted-proxy secret, the call's customer
 *       access token, password or login JWT, the {@linkplain Builder#redacting secrets the
 *       application names}, and anything shaped like a customer access token, a JWT or a JWE, even
 *       cut short).
 * </ul>
 */
public final class StorefrontClient {

  public static final String DEFAULT_API_DOMAIN = "mybigcommerce.com";
  public static final long DEFAULT_CHANNEL_ID = 1;
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(3600);
  public static final long DEFAULT_CACHE_MAXIMUM_SIZE = 10_000;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  static final String HEADER_CUSTOMER_ACCESS_TOKEN = "X-Bc-Customer-Access-Token";
  static final String HEADER_ERROR_ON_INVALID_CAT = "X-Bc-Error-On-Invalid-Customer-Access-Token";
  static final String HEADER_TRUSTED_PROXY_SECRET = "X-BC-Trusted-Proxy-Secret";
  static final String HEADER_COMPLEXITY = "x-bc-graphql-complexity";

  private static final System.Logger LOG = System.getLogger(StorefrontClient.class.getName());
  private static final JsonMapper MAPPER = dev.storefrontsession.client.internal.Json.MAPPER;
  private static final Cache<String, OperationParser.Operation> OPERATIONS =
      Caffeine.newBuilder().maximumSize(2_000).build();

  private final String storefrontToken;
  private final String storeHash;
  private final String apiDomain;
  private final String endpointOverride;
  private final long defaultChannelId;
  private final ChannelResolver channelResolver;
  private final String trustedProxySecret;
  private final List<String> redactions;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration defaultCacheTtl;
  private final long cacheMaximumSize;
  private final long maxResponseBytes;
  private final ErrorHandler errorHandler;
  private final CallObserver callObserver;
  private final Clock clock;
  private final String userAgent;
  private final boolean customHttpClient;
  private final HttpClient http;
  private final SharedState shared;
  private final Endpoints endpoints;
  private final Transport transport;
  private final SessionOperations sessions = new SessionOperations(this::execute);

  private StorefrontClient(Builder b) {
    if (b.storefrontToken == null) {
      throw new IllegalStateException("a storefront token is required");
    }
    this.storefrontToken = b.storefrontToken;
    this.storeHash = b.storeHash;
    this.apiDomain = b.apiDomain;
    this.endpointOverride = b.endpointOverride;
    this.endpoints = new Endpoints(b.endpointOverride, b.storeHash, b.apiDomain);
    this.defaultChannelId = b.defaultChannelId;
    this.channelResolver = b.channelResolver;
    this.trustedProxySecret = b.trustedProxySecret;
    this.redactions = b.redactions;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.defaultCacheTtl = b.defaultCacheTtl;
    this.cacheMaximumSize = b.cacheMaximumSize;
    this.maxResponseBytes = b.maxResponseBytes;
    this.errorHandler = b.errorHandler;
    this.callObserver = b.callObserver;
    this.clock = b.clock;
    this.userAgent =
        b.userAgentProduct == null
            ? LibraryVersion.userAgent()
            : LibraryVersion.userAgent() + " " + b.userAgentProduct;
    this.customHttpClient = b.customHttpClient;
    this.http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    this.shared = b.shared != null ? b.shared : new SharedState(cacheMaximumSize, clock);
    this.transport =
        new Transport(
            storefrontToken,
            trustedProxySecret,
            redactions,
            userAgent,
            connectTimeout,
            requestTimeout,
            maxResponseBytes,
            callObserver,
            http,
            shared);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Javalin-style: {@code StorefrontClient.create(c -> c.storeHash("abc").storefrontToken(t))}. */
  public static StorefrontClient create(Consumer<Builder> configuration) {
    Builder b = builder();
    configuration.accept(b);
    return b.build();
  }

  /**
   * A builder holding this client's configuration; the built client shares this one's HTTP client
   * and cache.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.storefrontToken = storefrontToken;
    b.storeHash = storeHash;
    b.apiDomain = apiDomain;
    b.endpointOverride = endpointOverride;
    b.defaultChannelId = defaultChannelId;
    b.channelResolver = channelResolver;
    b.trustedProxySecret = trustedProxySecret;
    b.redactions = redactions;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.defaultCacheTtl = defaultCacheTtl;
    b.cacheMaximumSize = cacheMaximumSize;
    b.maxResponseBytes = maxResponseBytes;
    b.errorHandler = errorHandler;
    b.callObserver = callObserver;
    b.clock = clock;
    b.userAgentProduct =
        userAgent.equals(LibraryVersion.userAgent())
            ? null
            : userAgent.substring(LibraryVersion.userAgent().length() + 1);
    b.customHttpClient = customHttpClient;
    b.http = http;
    b.shared = shared;
    return b;
  }

  /** Same as {@link #toBuilder()} (OkHttp's name). */
  public Builder newBuilder() {
    return toBuilder();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Generic calls

  /** Sends a document with variables for a context, with every other default. */
  public GraphQLResponse execute(
      String document, Map<String, ?> variables, CustomerContext context) {
    return execute(GraphQLRequest.builder(document).variables(variables).context(context).build());
  }

  /**
   * Sends one call (or answers it from the guest cache) and applies its error policy.
   *
   * @throws StorefrontGraphQLException (or its auth subtypes) per the error policy
   * @throws StorefrontApiException on a non-2xx status
   * @throws StorefrontTimeoutException on a connect or request timeout
   * @throws MalformedResponseException when the body is not a GraphQL response
   * @throws StorefrontTransportException on I/O failure or interruption
   * @throws IllegalArgumentException when the document holds no operation or variables cannot be
   *     serialized
   */
  public GraphQLResponse execute(GraphQLRequest request) {
    return execute(request, List.of());
  }

  private GraphQLResponse execute(GraphQLRequest request, List<String> extraSecrets) {
    Objects.requireNonNull(request, "request");
    OperationParser.Operation op = OPERATIONS.get(request.document(), OperationParser::parse);
    CustomerContext context = request.context();
    long channelId = channelFor(request.channelId(), context);
    ErrorPolicy policy = request.errorPolicy();

    CustomerAccessToken cat = context.accessToken().orElse(null);
    if (cat != null
        && request.validateCustomerAccessToken()
        && cat.isExpired(clock)
        && (policy == ErrorPolicy.NONE || policy == ErrorPolicy.AUTH)) {
      InvalidCustomerAccessTokenException expired =
          new InvalidCustomerAccessTokenException(
              op.name(),
              List.of(
                  new GraphQLError(
                      "Customer access token expired at " + cat.expiresAt(),
                      null,
                      null,
                      InvalidCustomerAccessTokenException.CODE)),
              true);
      LOG.log(
          Level.DEBUG,
          () ->
              "Storefront "
                  + Transport.describe(op)
                  + ": customer access token already expired, not sent");
      errorHandler.onError(expired, op.type());
      throw expired;
    }

    boolean cacheable =
        op.type() == OperationType.QUERY
            && context.isGuest()
            && request.cachePolicy().allowsStore();
    String body = transport.body(request);
    List<String> secrets = new ArrayList<>(extraSecrets);
    secrets.add(storefrontToken);
    secrets.add(trustedProxySecret);
    secrets.addAll(redactions);
    if (cat != null) {
      secrets.add(cat.value());
    }
    Transport.Call call =
        new Transport.Call(
            op,
            channelId,
            endpoints.forOperation(channelId, op.type(), op.name()),
            body,
            transport.headers(request, !cacheable),
            secrets);

    ParsedResponse parsed;
    boolean fromCache;
    if (cacheable) {
      Duration ttl =
          request.cachePolicy().ttl() != null ? request.cachePolicy().ttl() : defaultCacheTtl;
      CacheKey key =
          new CacheKey(
              endpoints.base(channelId),
              channelId,
              context.locale().orElse(null),
              request.document(),
              transport.canonicalVariables(request));
      GuestCache.Lookup lookup =
          shared.cache.get(
              key,
              () ->
                  transport
                      .send(call, "miss")
                      .handle(
                          (p, failure) -> {
                            if (failure != null) {
                              Throwable cause = Transport.unwrap(failure);
                              return GuestCache.Entry.failed(
                                  cause instanceof StorefrontException se
                                      ? se
                                      : transport.transportError(op, cause));
                            }
                            return p.hasErrors()
                                ? GuestCache.Entry.uncacheable(p)
                                : new GuestCache.Entry(p, ttl, request.cachePolicy().tags());
                          }));
      parsed = Transport.await(lookup.future(), op, false);
      fromCache = !lookup.loaded();
      if (fromCache) {
        LOG.log(
            Level.DEBUG,
            () -> "Storefront " + Transport.describe(op) + " channel " + channelId + ": cache hit");
      }
    } else {
      shared.bypassed.increment();
      parsed = Transport.await(transport.send(call, "bypass"), op, true);
      fromCache = false;
    }
    return applyPolicy(op, channelId, parsed, policy, fromCache);
  }

  private GraphQLResponse applyPolicy(
      OperationParser.Operation op,
      long channelId,
      ParsedResponse parsed,
      ErrorPolicy policy,
      boolean fromCache) {
    JsonNode data = parsed.data().deepCopy();
    List<GraphQLError> errors = parsed.errors();
    if (!errors.isEmpty()) {
      switch (policy) {
        case NONE -> {
          StorefrontGraphQLException error = ResponseParser.classify(op.name(), errors);
          errorHandler.onError(error, op.type());
          throw error;
        }
        case AUTH -> {
          StorefrontGraphQLException error = ResponseParser.classify(op.name(), errors);
          if (error instanceof StorefrontAuthException) {
            errorHandler.onError(error, op.type());
            throw error;
          }
        }
        case IGNORE -> errors = List.of();
        case ALL -> {}
      }
    }
    return new GraphQLResponse(
        op.name(), op.type(), channelId, data, errors, fromCache, parsed.complexity());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Session operations (SessionOperations)

  /**
   * Signs a customer in with email and password ({@code login} mutation), assigning or merging the
   * guest cart. Never cached; the context's IP and locale are used. A guest context is the usual
   * case; a customer context sends its customer access token along (without asking the store to
   * reject it when invalid), for a shopper who signs in again on the same device, e.g. after
   * changing the password: a store may then retire that token.
   *
   * @param guestCartId the shopper's guest cart, or null
   * @throws LoginFailedException for refused credentials, a required password reset or too many
   *     attempts
   */
  public CustomerLogin login(
      String email, String password, String guestCartId, CustomerContext context) {
    return login(email, password, guestCartId, context, null);
  }

  /**
   * As {@link #login(String, String, String, CustomerContext)}, sent to channel {@code channelId}
   * (null: the context's channel), as Catalyst's password sign-in does with its {@code channelId}
   * credential.
   */
  public CustomerLogin login(
      String email, String password, String guestCartId, CustomerContext context, Long channelId) {
    return sessions.login(email, password, guestCartId, context, channelId);
  }

  /**
   * Signs a customer in with a Customer Login API JWT ({@code loginWithCustomerLoginJwt}). The call
   * goes to the JWT's {@code channel_id} channel when it has one.
   *
   * @throws LoginFailedException with {@link LoginFailure#INVALID_LOGIN_TOKEN} for a malformed,
   *     forged, stale or reused token
   */
  public CustomerLogin loginWithCustomerLoginJwt(
      String jwt, String guestCartId, CustomerContext context) {
    return sessions.loginWithCustomerLoginJwt(jwt, guestCartId, context);
  }

  /**
   * Signs a customer out ({@code logout} with the token, which BigCommerce then revokes).
   *
   * @param cartId the customer's cart, or null; when the store does not keep carts with customers
   *     it comes back as {@link CustomerLogout#unassignedCartId()}
   * @throws InvalidCustomerAccessTokenException when the token was already expired or revoked
   */
  public CustomerLogout logout(
      CustomerAccessToken accessToken, String cartId, CustomerContext context) {
    return sessions.logout(accessToken, cartId, context);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Cache (SharedState)

  /** Drops every cached guest response tagged {@code tag} (Next.js {@code expireTag}). */
  public void expireTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("tag is required");
    }
    shared.expireTag(tag);
  }

  /** Drops every cached guest response. */
  public void invalidateCache() {
    shared.invalidateAll();
  }

  /** Counters since this client (or the one it was derived from) was built. */
  public CacheStats cacheStats() {
    return shared.stats();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Configuration accessors

  /** The channel a call goes to: the explicit one, else the locale's, else the default. */
  public long channelFor(Long explicitChannelId, CustomerContext context) {
    if (explicitChannelId != null) {
      return explicitChannelId;
    }
    String locale = context.locale().orElse(null);
    if (locale != null) {
      Long resolved = channelResolver.channelFor(locale);
      if (resolved != null) {
        if (resolved < 1) {
          throw new IllegalStateException(
              "channel resolver gave a non-positive channel for locale " + locale);
        }
        return resolved;
      }
    }
    return defaultChannelId;
  }

  /** The URL a named operation of {@code type} is sent to on {@code channelId}. */
  public URI endpoint(long channelId, OperationType type, String operationName) {
    return endpoints.forOperation(channelId, type, operationName);
  }

  public long defaultChannelId() {
    return defaultChannelId;
  }

  public String storeHash() {
    return storeHash;
  }

  public String userAgent() {
    return userAgent;
  }

  @Override
  public String toString() {
    return "StorefrontClient["
        + (endpointOverride != null ? endpointOverride : endpoints.base(defaultChannelId))
        + ", channel="
        + defaultChannelId
        + ", token=<redacted>]";
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Configuration of a {@link StorefrontClient}. Required: the storefront token, and the store hash
   * unless an endpoint override without {@code {storeHash}} is set. Not thread-safe.
   */
  public static final class Builder {
    private String storefrontToken;
    private String storeHash;
    private String apiDomain = DEFAULT_API_DOMAIN;
    private String endpointOverride;
    private long defaultChannelId = DEFAULT_CHANNEL_ID;
    private ChannelResolver channelResolver = ChannelResolver.none();
    private String trustedProxySecret;
    private List<String> redactions = List.of();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration defaultCacheTtl = DEFAULT_CACHE_TTL;
    private long cacheMaximumSize = DEFAULT_CACHE_MAXIMUM_SIZE;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private ErrorHandler errorHandler = ErrorHandler.none();
    private CallObserver callObserver = CallObserver.none();
    private Clock clock = Clock.systemUTC();
    private String userAgentProduct;
    private boolean customHttpClient;
    private HttpClient http;
    private SharedState shared;

    private Builder() {}

    /** The storefront (server-to-server) token sent as {@code Authorization: Bearer …}. */
    public Builder storefrontToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("storefront token is required");
      }
      this.storefrontToken = HeaderValues.requireSafe("storefront token", token.trim());
      return this;
    }

    public Builder storeHash(String storeHash) {
      this.storeHash = storeHash == null ? null : storeHash.trim();
      return this;
    }

    /** The API domain of the per-channel URL; default {@code mybigcommerce.com}. */
    public Builder apiDomain(String apiDomain) {
      this.apiDomain = Objects.requireNonNull(apiDomain, "apiDomain").trim();
      return this;
    }

    /**
     * A full endpoint instead of {@code https://store-{hash}-{channel}.{domain}/graphql}, e.g. the
     * sandbox's {@code http://127.0.0.1:8081/graphql} or a proxy. {@code {storeHash}} and {@code
     * {channelId}} in it are replaced; {@code ?operation=…&type=…} is appended. Null restores the
     * per-channel URL.
     */
    public Builder endpoint(String endpoint) {
      this.endpointOverride = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
      return this;
    }

    public Builder endpoint(URI endpoint) {
      return endpoint(endpoint == null ? null : endpoint.toString());
    }

    /** The channel used when a call names none and the locale resolves to none; default 1. */
    public Builder channelId(long channelId) {
      if (channelId < 1) {
        throw new IllegalArgumentException("channel id must be positive, was " + channelId);
      }
      this.defaultChannelId = channelId;
      return this;
    }

    public Builder channelResolver(ChannelResolver resolver) {
      this.channelResolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** Sent as {@code X-BC-Trusted-Proxy-Secret} on every call; null for none. */
    public Builder trustedProxySecret(String secret) {
      this.trustedProxySecret =
          secret == null || secret.isBlank()
              ? null
              : HeaderValues.requireSafe("trusted proxy secret", secret.trim());
      return this;
    }

    /**
     * Further strings that must never appear in an exception message: secrets the application holds
     * that an upstream answer could echo (the API client secret, {@code AUTH_SECRET}). Nulls and
     * blanks are ignored; replaces what an earlier call gave. The storefront token, the
     * trusted-proxy secret and each call's customer access token, password and login JWT are always
     * kept out, as is anything shaped like a token.
     */
    public Builder redacting(Collection<String> secrets) {
      List<String> kept = new ArrayList<>();
      for (String secret : Objects.requireNonNull(secrets, "secrets")) {
        if (secret != null && !secret.isBlank()) {
          kept.add(secret);
        }
      }
      this.redactions = List.copyOf(kept);
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connect timeout", timeout);
      if (!customHttpClient) {
        this.http = null;
      }
      return this;
    }

    /** The whole call's budget, from sending to the last byte of the body. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("request timeout", timeout);
      return this;
    }

    /** The TTL of cached guest responses whose policy names none; default 3600 s. */
    public Builder defaultCacheTtl(Duration ttl) {
      this.defaultCacheTtl = positive("cache TTL", ttl);
      return this;
    }

    /**
     * Most guest responses kept; 0 disables caching in effect. A new value starts a new, empty
     * cache.
     */
    public Builder cacheMaximumSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("cache size must not be negative, was " + size);
      }
      this.cacheMaximumSize = size;
      this.shared = null;
      return this;
    }

    /** The largest response body accepted (default 16 MiB); a larger one fails as malformed. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("max response size must be positive, was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    public Builder errorHandler(ErrorHandler handler) {
      this.errorHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Watches every request sent upstream (metrics, tracing); default {@link CallObserver#none()}.
     */
    public Builder callObserver(CallObserver observer) {
      this.callObserver = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** The clock for token expiry and cache TTLs. A new clock starts a new, empty cache. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.shared = null;
      return this;
    }

    /** Appended to the {@code User-Agent}, e.g. {@code my-storefront/2.1}. */
    public Builder userAgentProduct(String product) {
      this.userAgentProduct =
          product == null || product.isBlank()
              ? null
              : HeaderValues.requireSafe("user agent product", product.trim());
      return this;
    }

    /** Uses this HTTP client (proxy, TLS settings); its own connect timeout then applies. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      this.customHttpClient = true;
      return this;
    }

    /**
     * @throws IllegalStateException when the storefront token is missing
     * @throws IllegalArgumentException when the store hash, domain or endpoint is invalid
     */
    public StorefrontClient build() {
      return new StorefrontClient(this);
    }

    @Override
    public String toString() {
      return "StorefrontClient.Builder[storeHash="
          + storeHash
          + ", endpoint="
          + endpointOverride
          + ", token=<redacted>]";
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
