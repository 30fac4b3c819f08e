package dev.storefrontsession.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.storefrontsession.client.internal.BoundedBody;
import dev.storefrontsession.client.internal.CacheKey;
import dev.storefrontsession.client.internal.CanonicalJson;
import dev.storefrontsession.client.internal.Endpoints;
import dev.storefrontsession.client.internal.GuestCache;
import dev.storefrontsession.client.internal.LibraryVersion;
import dev.storefrontsession.client.internal.LoginErrors;
import dev.storefrontsession.client.internal.OperationParser;
import dev.storefrontsession.client.internal.ParsedResponse;
import dev.storefrontsession.client.internal.Redactor;
import dev.storefrontsession.client.internal.ResponseParser;
import dev.storefrontsession.client.internal.SessionDocuments;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The BigCommerce Storefront GraphQL API client: one immutable, thread-safe instance per store, shared by all
 * requests; derive variants with {@link #toBuilder()} (they share the HTTP client, the guest cache and the counters
 * unless the builder changes what those depend on).
 *
 * <h2>Rules it enforces</h2>
 * <ul>
 *   <li>A call with a customer context is never cached and never served from the cache, whatever it asks.</li>
 *   <li>Only guest queries whose {@link CachePolicy} allows it are cached; the key is endpoint, channel, locale,
 *       document and variables; concurrent identical calls share one upstream request; errors are never kept.</li>
 *   <li>The shopper's IP ({@code X-Forwarded-For}, {@code True-Client-IP}) is only sent on non-cached calls.</li>
 *   <li>No log line holds a token, a secret, a password or variables; operation, duration and complexity are
 *       logged at {@code DEBUG} through {@link System.Logger}.</li>
 *   <li>No exception message holds one either: whatever comes from a response body or an I/O failure is redacted
 *       (the storefront token, the trusted-proxy secret, the call's customer access token, password or login JWT,
 *       the {@linkplain Builder#redacting secrets the application names}, and anything shaped like a customer
 *       access token, a JWT or a JWE, even cut short).</li>
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
    private static final ResponseParser PARSER = new ResponseParser(MAPPER);
    private static final Cache<String, OperationParser.Operation> OPERATIONS =
            Caffeine.newBuilder().maximumSize(2_000).build();

    /** State shared between a client and the variants derived from it. */
    private static final class Shared {
        final GuestCache cache;
        final LongAdder upstreamCalls = new LongAdder();
        final LongAdder bypassed = new LongAdder();

        Shared(long maximumSize, Clock clock) {
            this.cache = new GuestCache(maximumSize, clock);
        }
    }

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
    private final Shared shared;
    private final Endpoints endpoints;

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
        this.userAgent = b.userAgentProduct == null ? LibraryVersion.userAgent()
                : LibraryVersion.userAgent() + " " + b.userAgentProduct;
        this.customHttpClient = b.customHttpClient;
        this.http = b.http != null ? b.http
                : HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.shared = b.shared != null ? b.shared : new Shared(cacheMaximumSize, clock);
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

    /** A builder holding this client's configuration; the built client shares this one's HTTP client and cache. */
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
        b.userAgentProduct = userAgent.equals(LibraryVersion.userAgent()) ? null
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
    public GraphQLResponse execute(String document, Map<String, ?> variables, CustomerContext context) {
        return execute(GraphQLRequest.builder(document).variables(variables).context(context).build());
    }

    /**
     * Sends one call (or answers it from the guest cache) and applies its error policy.
     *
     * @throws StorefrontGraphQLException (or its auth subtypes) per the error policy
     * @throws StorefrontApiException     on a non-2xx status
     * @throws StorefrontTimeoutException on a connect or request timeout
     * @throws MalformedResponseException when the body is not a GraphQL response
     * @throws StorefrontTransportException on I/O failure or interruption
     * @throws IllegalArgumentException   when the document holds no operation or variables cannot be serialized
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
        if (cat != null && request.validateCustomerAccessToken() && cat.isExpired(clock)
                && (policy == ErrorPolicy.NONE || policy == ErrorPolicy.AUTH)) {
            InvalidCustomerAccessTokenException expired = new InvalidCustomerAccessTokenException(op.name(),
                    List.of(new GraphQLError("Customer access token expired at " + cat.expiresAt(), null, null,
                            InvalidCustomerAccessTokenException.CODE)), true);
            LOG.log(Level.DEBUG, () -> "Storefront " + describe(op) + ": customer access token already expired, not sent");
            errorHandler.onError(expired, op.type());
            throw expired;
        }

        boolean cacheable = op.type() == OperationType.QUERY && context.isGuest() && request.cachePolicy().allowsStore();
        String body = body(request);
        List<String> secrets = new ArrayList<>(extraSecrets);
        secrets.add(storefrontToken);
        secrets.add(trustedProxySecret);
        secrets.addAll(redactions);
        if (cat != null) {
            secrets.add(cat.value());
        }
        Call call = new Call(op, channelId, endpoints.forOperation(channelId, op.type(), op.name()), body,
                headers(request, !cacheable), secrets);

        ParsedResponse parsed;
        boolean fromCache;
        if (cacheable) {
            Duration ttl = request.cachePolicy().ttl() != null ? request.cachePolicy().ttl() : defaultCacheTtl;
            CacheKey key = new CacheKey(endpoints.base(channelId), channelId, context.locale().orElse(null),
                    request.document(), canonicalVariables(request));
            GuestCache.Lookup lookup = shared.cache.get(key, () -> send(call, "miss").handle((p, failure) -> {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    return GuestCache.Entry.failed(cause instanceof StorefrontException se ? se
                            : transportError(op, cause));
                }
                return p.hasErrors() ? GuestCache.Entry.uncacheable(p)
                        : new GuestCache.Entry(p, ttl, request.cachePolicy().tags());
            }));
            parsed = await(lookup.future(), op, false);
            fromCache = !lookup.loaded();
            if (fromCache) {
                LOG.log(Level.DEBUG, () -> "Storefront " + describe(op) + " channel " + channelId + ": cache hit");
            }
        } else {
            shared.bypassed.increment();
            parsed = await(send(call, "bypass"), op, true);
            fromCache = false;
        }
        return applyPolicy(op, channelId, parsed, policy, fromCache);
    }

    private GraphQLResponse applyPolicy(OperationParser.Operation op, long channelId, ParsedResponse parsed,
                                        ErrorPolicy policy, boolean fromCache) {
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
                case ALL -> { }
            }
        }
        return new GraphQLResponse(op.name(), op.type(), channelId, data, errors, fromCache, parsed.complexity());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Session operations

    /**
     * Signs a customer in with email and password ({@code login} mutation), assigning or merging the guest cart.
     * Never cached; the context's IP and locale are used. A guest context is the usual case; a customer context sends
     * its customer access token along (without asking the store to reject it when invalid), for a shopper who signs in
     * again on the same device, e.g. after changing the password: a store may then retire that token.
     *
     * @param guestCartId the shopper's guest cart, or null
     * @throws LoginFailedException for refused credentials, a required password reset or too many attempts
     */
    public CustomerLogin login(String email, String password, String guestCartId, CustomerContext context) {
        return login(email, password, guestCartId, context, null);
    }

    /**
     * As {@link #login(String, String, String, CustomerContext)}, sent to channel {@code channelId} (null: the
     * context's channel), as Catalyst's password sign-in does with its {@code channelId} credential.
     */
    public CustomerLogin login(String email, String password, String guestCartId, CustomerContext context,
                               Long channelId) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("email is required");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is required");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("email", email.trim());
        variables.put("password", password);
        if (guestCartId != null) {
            variables.put("cartEntityId", guestCartId);
        }
        GraphQLRequest request = GraphQLRequest.builder(SessionDocuments.LOGIN).variables(variables)
                .context(context).channelId(channelId).validateCustomerAccessToken(false).errorPolicy(ErrorPolicy.ALL)
                .build();
        GraphQLResponse response = loginCall(request, List.of(password), false);
        return toLogin(response, response.data().path("login"), guestCartId, null, false);
    }

    /**
     * Signs a customer in with a Customer Login API JWT ({@code loginWithCustomerLoginJwt}). The call goes to the
     * JWT's {@code channel_id} channel when it has one.
     *
     * @throws LoginFailedException with {@link LoginFailure#INVALID_LOGIN_TOKEN} for a malformed, forged, stale or
     *                              reused token
     */
    public CustomerLogin loginWithCustomerLoginJwt(String jwt, String guestCartId, CustomerContext context) {
        CustomerLoginJwt.UnverifiedClaims claims;
        try {
            claims = CustomerLoginJwt.readUnverified(jwt);
        } catch (IllegalArgumentException e) {
            throw new LoginFailedException("LoginWithCustomerLoginJwtMutation", LoginFailure.INVALID_LOGIN_TOKEN,
                    LoginErrors.describe(LoginFailure.INVALID_LOGIN_TOKEN) + ": " + e.getMessage(), List.of(), null);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("jwt", jwt.trim());
        if (guestCartId != null) {
            variables.put("cartEntityId", guestCartId);
        }
        GraphQLRequest request = GraphQLRequest.builder(SessionDocuments.LOGIN_WITH_JWT).variables(variables)
                .context(context.asGuest()).channelId(claims.channelId()).errorPolicy(ErrorPolicy.ALL).build();
        GraphQLResponse response = loginCall(request, List.of(jwt.trim()), true);
        JsonNode result = response.data().path("loginWithCustomerLoginJwt");
        String redirectTo = text(result.path("redirectTo"));
        return toLogin(response, result, guestCartId, redirectTo != null ? redirectTo : claims.redirectTo(), true);
    }

    /**
     * Signs a customer out ({@code logout} with the token, which BigCommerce then revokes).
     *
     * @param cartId the customer's cart, or null; when the store does not keep carts with customers it comes back
     *               as {@link CustomerLogout#unassignedCartId()}
     * @throws InvalidCustomerAccessTokenException when the token was already expired or revoked
     */
    public CustomerLogout logout(CustomerAccessToken accessToken, String cartId, CustomerContext context) {
        Objects.requireNonNull(accessToken, "accessToken");
        Map<String, Object> variables = new LinkedHashMap<>();
        if (cartId != null) {
            variables.put("cartEntityId", cartId);
        }
        GraphQLRequest request = GraphQLRequest.builder(SessionDocuments.LOGOUT).variables(variables)
                .context(context.asCustomer(accessToken)).build();
        GraphQLResponse response = execute(request);
        JsonNode logout = response.data().path("logout");
        return new CustomerLogout(text(logout.path("result")),
                text(logout.path("cartUnassignResult").path("cart").path("entityId")));
    }

    private GraphQLResponse loginCall(GraphQLRequest request, List<String> secrets, boolean jwt) {
        GraphQLResponse response;
        try {
            response = execute(request, secrets);
        } catch (StorefrontApiException e) {
            if (e.isRateLimited()) {
                throw new LoginFailedException(e.operationName(), LoginFailure.TOO_MANY_ATTEMPTS,
                        LoginErrors.describe(LoginFailure.TOO_MANY_ATTEMPTS), e.errors(), e);
            }
            throw e;
        }
        if (response.hasErrors()) {
            LoginFailure reason = LoginErrors.classify(response.errors(), jwt);
            throw new LoginFailedException(response.operationName(), reason, LoginErrors.describe(reason) + " ("
                    + StorefrontGraphQLException.describe(response.operationName(), response.errors()) + ")",
                    response.errors(), null);
        }
        return response;
    }

    private CustomerLogin toLogin(GraphQLResponse response, JsonNode result, String guestCartId, String redirectTo,
                                  boolean jwt) {
        JsonNode token = result.path("customerAccessToken");
        JsonNode customer = result.path("customer");
        String value = text(token.path("value"));
        if (value == null || !customer.isObject() || !customer.path("entityId").isNumber()) {
            LoginFailure reason = jwt ? LoginFailure.INVALID_LOGIN_TOKEN : LoginFailure.OTHER;
            throw new LoginFailedException(response.operationName(), reason, LoginErrors.describe(reason)
                    + ": no customer access token or customer in the answer (a server-to-server storefront token is needed)",
                    List.of(), null);
        }
        Instant expiresAt;
        try {
            String raw = text(token.path("expiresAt"));
            expiresAt = raw == null ? null : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(response.operationName(), 200,
                    "customerAccessToken.expiresAt is not an ISO-8601 instant", "", e);
        }
        Customer who = new Customer(customer.path("entityId").longValue(), text(customer.path("firstName")),
                text(customer.path("lastName")), text(customer.path("email")));
        return new CustomerLogin(new CustomerAccessToken(value, expiresAt), who,
                text(result.path("cart").path("entityId")), guestCartId, redirectTo);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : node.isNumber() ? node.asString() : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cache

    /** Drops every cached guest response tagged {@code tag} (Next.js {@code expireTag}). */
    public void expireTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("tag is required");
        }
        int removed = shared.cache.expireTag(tag);
        LOG.log(Level.DEBUG, () -> "Storefront cache: expired tag '" + tag + "' (" + removed + " entries)");
    }

    /** Drops every cached guest response. */
    public void invalidateCache() {
        shared.cache.invalidateAll();
    }

    /** Counters since this client (or the one it was derived from) was built. */
    public CacheStats cacheStats() {
        return new CacheStats(shared.upstreamCalls.sum(), shared.cache.hits(), shared.cache.misses(),
                shared.bypassed.sum(), shared.cache.estimatedSize(), shared.cache.evictions());
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
                    throw new IllegalStateException("channel resolver gave a non-positive channel for locale " + locale);
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
        return "StorefrontClient[" + (endpointOverride != null ? endpointOverride : endpoints.base(defaultChannelId))
                + ", channel=" + defaultChannelId + ", token=<redacted>]";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Transport

    private record Call(OperationParser.Operation op, long channelId, URI uri, String body, List<String[]> headers,
                        List<String> secrets) {}

    private String body(GraphQLRequest request) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("query", request.document());
        if (!request.variables().isEmpty()) {
            try {
                body.set("variables", MAPPER.valueToTree(request.variables()));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("GraphQL variables cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return MAPPER.writeValueAsString(body);
    }

    private String canonicalVariables(GraphQLRequest request) {
        return request.variables().isEmpty() ? "" : CanonicalJson.of(MAPPER, request.variables());
    }

    private List<String[]> headers(GraphQLRequest request, boolean forwardShopperIp) {
        CustomerContext context = request.context();
        List<String[]> h = new ArrayList<>(9);
        h.add(new String[] {"Content-Type", "application/json"});
        h.add(new String[] {"Authorization", "Bearer " + storefrontToken});
        h.add(new String[] {"User-Agent", userAgent});
        context.accessToken().ifPresent(cat -> h.add(new String[] {HEADER_CUSTOMER_ACCESS_TOKEN, cat.value()}));
        if (request.validateCustomerAccessToken()) {
            h.add(new String[] {HEADER_ERROR_ON_INVALID_CAT, "true"});
        }
        if (trustedProxySecret != null) {
            h.add(new String[] {HEADER_TRUSTED_PROXY_SECRET, trustedProxySecret});
        }
        if (forwardShopperIp) {
            context.shopperIp().ifPresent(ip -> {
                h.add(new String[] {"X-Forwarded-For", ip});
                h.add(new String[] {"True-Client-IP", ip});
            });
        }
        context.locale().ifPresent(locale -> h.add(new String[] {"Accept-Language", locale}));
        return h;
    }

    private CompletableFuture<ParsedResponse> send(Call call, String cacheOutcome) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        if ("http".equals(call.uri().getScheme())) {
            // Plain-HTTP upstreams (sandbox, proxies) get no h2c upgrade attempt.
            rb.version(HttpClient.Version.HTTP_1_1);
        }
        for (String[] header : call.headers()) {
            rb.header(header[0], header[1]);
        }
        CallObserver.Call observed = observe(call, "miss".equals(cacheOutcome), rb);
        HttpRequest httpRequest;
        try {
            httpRequest = rb.build();
        } catch (RuntimeException e) {
            ended(observed, CallObserver.CallOutcome.TRANSPORT_ERROR, null);
            throw e;
        }
        shared.upstreamCalls.increment();
        long start = System.nanoTime();
        return http.sendAsync(httpRequest, new BoundedBody(maxResponseBytes))
                .orTimeout(requestTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (failure != null) {
                        StorefrontException error = transportError(call.op(), unwrap(failure));
                        LOG.log(Level.DEBUG, () -> "Storefront " + describe(call.op()) + " channel " + call.channelId()
                                + ": failed after " + millis + " ms (" + error.getClass().getSimpleName() + ")");
                        ended(observed, outcomeOf(error), error);
                        throw error;
                    }
                    OptionalInt complexity = complexity(response);
                    LOG.log(Level.DEBUG, () -> "Storefront " + describe(call.op()) + " channel " + call.channelId()
                            + ": HTTP " + response.statusCode() + " in " + millis + " ms, complexity "
                            + (complexity.isPresent() ? complexity.getAsInt() : "?") + ", cache " + cacheOutcome);
                    ParsedResponse parsed;
                    try {
                        parsed = PARSER.parse(call.op().name(), response.statusCode(), response.body(), complexity,
                                call.secrets());
                    } catch (StorefrontException e) {
                        ended(observed, outcomeOf(e), e);
                        throw e;
                    }
                    ended(observed, parsed.hasErrors() ? CallObserver.CallOutcome.GRAPHQL_ERRORS
                            : CallObserver.CallOutcome.SUCCESS, null);
                    return parsed;
                });
    }

    /** Starts the observer's view of a call; the headers it adds go on the request. Never throws. */
    private CallObserver.Call observe(Call call, boolean cached, HttpRequest.Builder request) {
        if (callObserver == CallObserver.none()) {
            return NO_CALL;
        }
        try {
            CallObserver.CallInfo info = new CallObserver.CallInfo(call.op().name() == null ? "unnamed"
                    : call.op().name(), call.op().type(), call.channelId(), cached);
            CallObserver.Call observed = callObserver.start(info, (name, value) -> {
                try {
                    request.header(HeaderValues.requireSafe("observer header", name),
                            HeaderValues.requireSafe("observer header", value));
                } catch (IllegalArgumentException e) {
                    LOG.log(Level.DEBUG, () -> "Call observer header dropped: " + e.getMessage());
                }
            });
            return observed == null ? NO_CALL : observed;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Call observer failed to start: " + e);
            return NO_CALL;
        }
    }

    private static final CallObserver.Call NO_CALL = (outcome, failure) -> { };

    private static void ended(CallObserver.Call observed, CallObserver.CallOutcome outcome,
                              StorefrontException failure) {
        try {
            observed.end(outcome, failure);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Call observer failed to end: " + e);
        }
    }

    private static CallObserver.CallOutcome outcomeOf(StorefrontException error) {
        if (error instanceof StorefrontTimeoutException) {
            return CallObserver.CallOutcome.TIMEOUT;
        }
        if (error instanceof MalformedResponseException) {
            return CallObserver.CallOutcome.MALFORMED;
        }
        if (error instanceof StorefrontApiException) {
            return CallObserver.CallOutcome.HTTP_ERROR;
        }
        return CallObserver.CallOutcome.TRANSPORT_ERROR;
    }

    private StorefrontException transportError(OperationParser.Operation op, Throwable cause) {
        if (cause instanceof StorefrontException se) {
            return se;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge tooLarge) {
                return new MalformedResponseException(op.name(), 200, "body larger than " + tooLarge.limit() + " bytes",
                        "", cause);
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new StorefrontTimeoutException(op.name(), StorefrontTimeoutException.Phase.CONNECT, connectTimeout, cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new StorefrontTimeoutException(op.name(), StorefrontTimeoutException.Phase.REQUEST, requestTimeout, cause);
        }
        if (cause instanceof ConnectException) {
            return new StorefrontTransportException(op.name(), "could not connect to the Storefront API for "
                    + describe(op) + ": " + redact(cause), cause);
        }
        if (cause instanceof IOException) {
            return new StorefrontTransportException(op.name(), "I/O failure talking to the Storefront API for "
                    + describe(op) + ": " + redact(cause), cause);
        }
        return new StorefrontTransportException(op.name(), "Storefront API call " + describe(op) + " failed: "
                + redact(cause), cause);
    }

    /** A failure's own text, e.g. an I/O exception's message, without anything secret or token-shaped. */
    private String redact(Throwable cause) {
        List<String> secrets = new ArrayList<>(redactions);
        secrets.add(storefrontToken);
        secrets.add(trustedProxySecret);
        return Redactor.redact(String.valueOf(cause), secrets);
    }

    private static OptionalInt complexity(HttpResponse<?> response) {
        return response.headers().firstValue(HEADER_COMPLEXITY).flatMap(v -> {
            try {
                return java.util.Optional.of(Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static ParsedResponse await(CompletableFuture<?> future, OperationParser.Operation op, boolean ownFuture) {
        try {
            Object value = future.get();
            if (value instanceof GuestCache.Entry entry) {
                if (entry.failure() != null) {
                    throw entry.failure();
                }
                return entry.response();
            }
            return (ParsedResponse) value;
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof StorefrontException se) {
                throw se;
            }
            throw new StorefrontTransportException(op.name(), "Storefront API call " + describe(op) + " failed: "
                    + Redactor.redact(String.valueOf(cause), List.of()), cause);
        } catch (CancellationException e) {
            throw new StorefrontTransportException(op.name(), "Storefront API call " + describe(op) + " was cancelled", e);
        } catch (InterruptedException e) {
            if (ownFuture) {
                future.cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new StorefrontTransportException(op.name(), "interrupted while waiting for " + describe(op), e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(OperationParser.Operation op) {
        return (op.name() == null ? "<anonymous>" : op.name()) + " (" + op.type().keyword() + ")";
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Configuration of a {@link StorefrontClient}. Required: the storefront token, and the store hash unless an
     * endpoint override without {@code {storeHash}} is set. Not thread-safe.
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
        private Shared shared;

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
         * A full endpoint instead of {@code https://store-{hash}-{channel}.{domain}/graphql}, e.g. the sandbox's
         * {@code http://127.0.0.1:8081/graphql} or a proxy. {@code {storeHash}} and {@code {channelId}} in it are
         * replaced; {@code ?operation=…&type=…} is appended. Null restores the per-channel URL.
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
            this.trustedProxySecret = secret == null || secret.isBlank() ? null
                    : HeaderValues.requireSafe("trusted proxy secret", secret.trim());
            return this;
        }

        /**
         * Further strings that must never appear in an exception message: secrets the application holds that an
         * upstream answer could echo (the API client secret, {@code AUTH_SECRET}). Nulls and blanks are ignored;
         * replaces what an earlier call gave. The storefront token, the trusted-proxy secret and each call's
         * customer access token, password and login JWT are always kept out, as is anything shaped like a token.
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

        /** Most guest responses kept; 0 disables caching in effect. A new value starts a new, empty cache. */
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

        /** Watches every request sent upstream (metrics, tracing); default {@link CallObserver#none()}. */
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
            this.userAgentProduct = product == null || product.isBlank() ? null
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
         * @throws IllegalStateException    when the storefront token is missing
         * @throws IllegalArgumentException when the store hash, domain or endpoint is invalid
         */
        public StorefrontClient build() {
            return new StorefrontClient(this);
        }

        @Override
        public String toString() {
            return "StorefrontClient.Builder[storeHash=" + storeHash + ", endpoint=" + endpointOverride
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
