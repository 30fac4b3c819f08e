package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.testing.FaultyProxy;
import dev.storefrontsession.testing.MutableClock;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against the real sandbox over HTTP, through {@link FaultyProxy} (which counts and
 * records upstream requests and injects faults). No mock of the API.
 */
class StorefrontClientTest {

  static final String SHOPPER = "shopper@example.com";
  static final String SHOPPER_PASSWORD = "Shopper-Pass-1";
  static final String WHOLESALE = "wholesale@example.com";
  static final String WHOLESALE_PASSWORD = "Wholesale-Pass-1";
  static final Duration CAT_LIFETIME = Duration.ofHours(1);

  static final String STORE_NAME = "query StoreNameQuery { site { settings { storeName } } }";
  static final String PRODUCT_PRICE =
      """
            query ProductPriceQuery($entityId: Int!) {
              site { product(entityId: $entityId) { entityId name prices { price { value currencyCode } } } }
            }""";
  static final String CUSTOMER =
      "query CustomerQuery { customer { entityId email firstName lastName } }";
  static final String BROKEN = "query BrokenQuery { site { noSuchField } }";

  static MutableClock sandboxClock;
  static SandboxServer sandbox;
  static FaultyProxy proxy;
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The sandbox believes forwarded shopper IPs only from a client that sends this. */
  static final String SANDBOX_PROXY_SECRET = "client-test-trusted-proxy-secret";

  @BeforeAll
  static void startSandbox() {
    sandboxClock = MutableClock.startingNow();
    sandbox =
        SandboxServer.start(
            SandboxSettings.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .inMemoryDatabase()
                .customerAccessTokenLifetime(CAT_LIFETIME)
                .clock(sandboxClock)
                .bcryptCost(4)
                .trustedProxySecret(SANDBOX_PROXY_SECRET)
                .build());
    proxy = FaultyProxy.start(sandbox.graphqlEndpoint());
  }

  @AfterAll
  static void stopSandbox() {
    if (proxy != null) {
      proxy.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void resetProxy() {
    proxy.reset();
  }

  static StorefrontClient.Builder clientBuilder() {
    SandboxSettings s = sandbox.settings();
    // the client is the sandbox's trusted proxy, as a storefront is its store's: forwarded shopper
    // IPs count
    return StorefrontClient.builder()
        .endpoint(proxy.graphqlEndpoint())
        .storefrontToken(s.storefrontToken())
        .storeHash(s.storeHash())
        .channelId(s.channelId())
        .requestTimeout(Duration.ofSeconds(10))
        .trustedProxySecret(SANDBOX_PROXY_SECRET);
  }

  static StorefrontClient client() {
    return clientBuilder().build();
  }

  static GraphQLRequest.Builder guestPrice(int productId) {
    return GraphQLRequest.builder(PRODUCT_PRICE).variable("entityId", productId);
  }

  static BigDecimal price(GraphQLResponse r) {
    return r.dataAt("/site/product/prices/price/value").decimalValue();
  }

  static CustomerLogin login(StorefrontClient client, String email, String password) {
    return client.login(email, password, null, CustomerContext.guest());
  }

  /**
   * Registers a new customer (so cart state from other tests cannot interfere) and returns its
   * email.
   */
  static String registerCustomer(StorefrontClient client) {
    String email = "cart-" + UUID.randomUUID() + "@example.com";
    GraphQLResponse r =
        client.execute(
            GraphQLRequest.builder(
                    """
                mutation RegisterCustomerMutation($input: RegisterCustomerInput!) {
                  customer { registerCustomer(input: $input) { customer { entityId } errors { __typename } } }
                }""")
                .variable(
                    "input",
                    Map.of(
                        "firstName",
                        "Cart",
                        "lastName",
                        "Tester",
                        "email",
                        email,
                        "password",
                        "Cart-Pass-1"))
                .build());
    assertThat(r.dataAt("/customer/registerCustomer/customer/entityId").isNumber()).isTrue();
    return email;
  }

  /** Creates a guest cart with one line and returns its id. */
  static String createGuestCart(StorefrontClient client) {
    GraphQLResponse r =
        client.execute(
            GraphQLRequest.builder(
                    """
                mutation CreateCartMutation($input: CreateCartInput!) {
                  cart { createCart(input: $input) { cart { entityId } } }
                }""")
                .variable(
                    "input",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 77, "quantity", 1))))
                .build());
    String id = r.dataAt("/cart/createCart/cart/entityId").stringValue();
    assertThat(id).isNotBlank();
    return id;
  }

  // -----------------------------------------------------------------------------------------------------------------

  @Nested
  class GuestCache {

    @Test
    void executeWhenGuestQueryCachedThenSecondCallServedFromCache() {
      StorefrontClient client = client();
      GraphQLRequest request =
          GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build();
      GraphQLResponse first = client.execute(request);
      GraphQLResponse second = client.execute(request);

      assertThat(first.fromCache()).isFalse();
      assertThat(second.fromCache()).isTrue();
      assertThat(second.data()).isEqualTo(first.data());
      assertThat(first.dataAt("/site/settings/storeName").stringValue()).isNotBlank();
      assertThat(first.complexity()).isPresent();
      assertThat(first.complexity().getAsInt()).isPositive();
      assertThat(first.operationName()).isEqualTo("StoreNameQuery");
      assertThat(first.type()).isEqualTo(OperationType.QUERY);
      assertThat(proxy.requestCount()).isEqualTo(1);
      CacheStats stats = client.cacheStats();
      assertThat(stats.upstreamCalls()).isEqualTo(1);
      assertThat(stats.hits()).isEqualTo(1);
      assertThat(stats.misses()).isEqualTo(1);
      assertThat(stats.entries()).isEqualTo(1);
    }

    @Test
    void executeWhenNoStoreGuestQueryThenEveryCallGoesUpstream() {
      StorefrontClient client = client();
      client.execute(GraphQLRequest.of(STORE_NAME));
      client.execute(GraphQLRequest.of(STORE_NAME));
      assertThat(proxy.requestCount()).isEqualTo(2);
      assertThat(client.cacheStats().bypassed()).isEqualTo(2);
      assertThat(client.cacheStats().entries()).isZero();
    }

    @Test
    void executeWhenCustomerContextThenNeverCachedAndGuestsNeverSeeCustomerPrices() {
      StorefrontClient client = client();
      BigDecimal guestPrice =
          price(client.execute(guestPrice(77).cache(CachePolicy.cached()).build()));
      CustomerLogin wholesale = login(client, WHOLESALE, WHOLESALE_PASSWORD);
      proxy.reset();

      CustomerContext customer = CustomerContext.customer(wholesale.accessToken());
      GraphQLRequest asCustomer =
          guestPrice(77).context(customer).cache(CachePolicy.cached()).build();
      GraphQLResponse c1 = client.execute(asCustomer);
      GraphQLResponse c2 = client.execute(asCustomer);
      GraphQLResponse guestAgain =
          client.execute(guestPrice(77).cache(CachePolicy.cached()).build());

      assertThat(price(c1)).isNotEqualByComparingTo(guestPrice);
      assertThat(price(c2)).isEqualByComparingTo(price(c1));
      assertThat(c1.fromCache()).isFalse();
      assertThat(c2.fromCache()).isFalse();
      assertThat(price(guestAgain)).isEqualByComparingTo(guestPrice);
      assertThat(guestAgain.fromCache()).isTrue();
      assertThat(proxy.requestCount()).isEqualTo(2);
      assertThat(proxy.requests())
          .allSatisfy(
              r ->
                  assertThat(r.header("X-Bc-Customer-Access-Token"))
                      .isEqualTo(wholesale.accessToken().value()));
    }

    @Test
    void executeWhenCustomerCallFirstThenGuestCallIsNotServedItsAnswer() {
      StorefrontClient client = client();
      CustomerLogin wholesale = login(client, WHOLESALE, WHOLESALE_PASSWORD);
      BigDecimal customerPrice =
          price(
              client.execute(
                  guestPrice(78)
                      .context(CustomerContext.customer(wholesale.accessToken()))
                      .cache(CachePolicy.cached())
                      .build()));
      GraphQLResponse guest = client.execute(guestPrice(78).cache(CachePolicy.cached()).build());
      assertThat(guest.fromCache()).isFalse();
      assertThat(price(guest)).isNotEqualByComparingTo(customerPrice);
    }

    @Test
    void executeWhenConcurrentIdenticalGuestCallsThenOneUpstreamCall() throws Exception {
      StorefrontClient client = client();
      GraphQLRequest request = guestPrice(79).cache(CachePolicy.cached()).build();
      int callers = 8;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        proxy.holdRequests();
        List<Future<GraphQLResponse>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          futures.add(pool.submit(() -> client.execute(request)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (proxy.requestCount() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        // Let every caller reach the cache while the first request is held upstream.
        Thread.sleep(300);
        proxy.release();
        List<BigDecimal> prices = new ArrayList<>();
        for (Future<GraphQLResponse> f : futures) {
          prices.add(price(f.get()));
        }
        assertThat(prices)
            .hasSize(callers)
            .allSatisfy(p -> assertThat(p).isEqualByComparingTo(prices.get(0)));
      } finally {
        pool.shutdownNow();
      }
      assertThat(proxy.requestCount()).isEqualTo(1);
      CacheStats stats = client.cacheStats();
      assertThat(stats.upstreamCalls()).isEqualTo(1);
      assertThat(stats.misses()).isEqualTo(1);
      assertThat(stats.hits()).isEqualTo(callers - 1);
    }

    @Test
    void executeWhenMutationAskedToBeCachedThenStillSentEveryTime() {
      StorefrontClient client = client();
      GraphQLRequest login =
          GraphQLRequest.builder(
                  """
                    mutation LoginMutation($email: String!, $password: String!) {
                      login(email: $email, password: $password) { customer { entityId } }
                    }""")
              .variables(Map.of("email", SHOPPER, "password", SHOPPER_PASSWORD))
              .cache(CachePolicy.cached())
              .build();
      client.execute(login);
      client.execute(login);
      assertThat(proxy.requestCount()).isEqualTo(2);
      assertThat(client.cacheStats().entries()).isZero();
    }

    @Test
    void executeWhenVariablesLocaleOrChannelDifferThenSeparateEntries() {
      StorefrontClient client =
          clientBuilder().endpoint(proxy.graphqlEndpoint() + "?ch={channelId}").build();
      client.execute(guestPrice(80).cache(CachePolicy.cached()).build());
      client.execute(guestPrice(81).cache(CachePolicy.cached()).build());
      client.execute(
          guestPrice(80)
              .context(CustomerContext.guest().withLocale("fr"))
              .cache(CachePolicy.cached())
              .build());
      client.execute(guestPrice(80).channelId(2L).cache(CachePolicy.cached()).build());
      client.execute(guestPrice(80).cache(CachePolicy.cached()).build());
      assertThat(proxy.requestCount()).isEqualTo(4);
      assertThat(client.cacheStats().hits()).isEqualTo(1);
    }

    @Test
    void executeWhenSameVariablesInOtherOrderThenSameEntry() {
      StorefrontClient client = client();
      String doc =
          "query Two($a: Int!, $b: Int!) { one: site { product(entityId: $a) { name } } two: site { product(entityId: $b) { name } } }";
      client.execute(
          GraphQLRequest.builder(doc)
              .variable("a", 77)
              .variable("b", 78)
              .cache(CachePolicy.cached())
              .build());
      GraphQLResponse again =
          client.execute(
              GraphQLRequest.builder(doc)
                  .variable("b", 78)
                  .variable("a", 77)
                  .cache(CachePolicy.cached())
                  .build());
      assertThat(again.fromCache()).isTrue();
    }

    @Test
    void expireTagWhenTaggedThenNextCallGoesUpstreamAndOthersStay() {
      StorefrontClient client = client();
      GraphQLRequest tagged = guestPrice(82).cache(CachePolicy.cached("customer")).build();
      GraphQLRequest other = guestPrice(84).cache(CachePolicy.cached("cart")).build();
      client.execute(tagged);
      client.execute(other);
      client.expireTag("customer");
      assertThat(client.execute(tagged).fromCache()).isFalse();
      assertThat(client.execute(other).fromCache()).isTrue();
      assertThat(proxy.requestCount()).isEqualTo(3);
    }

    @Test
    void executeWhenTtlPassedThenUpstreamAgain() {
      MutableClock clock = MutableClock.startingNow();
      StorefrontClient client = clientBuilder().clock(clock).build();
      GraphQLRequest shortLived =
          guestPrice(85).cache(CachePolicy.cached(Duration.ofSeconds(300))).build();
      GraphQLRequest defaultTtl = guestPrice(86).cache(CachePolicy.cached()).build();
      client.execute(shortLived);
      client.execute(defaultTtl);
      clock.advance(Duration.ofSeconds(301));
      assertThat(client.execute(shortLived).fromCache()).isFalse();
      assertThat(client.execute(defaultTtl).fromCache()).isTrue();
      clock.advance(StorefrontClient.DEFAULT_CACHE_TTL);
      assertThat(client.execute(defaultTtl).fromCache()).isFalse();
    }

    @Test
    void executeWhenGraphQLErrorThenNotCached() {
      StorefrontClient client = client();
      GraphQLRequest broken =
          GraphQLRequest.builder(BROKEN)
              .errorPolicy(ErrorPolicy.ALL)
              .cache(CachePolicy.cached())
              .build();
      assertThat(client.execute(broken).hasErrors()).isTrue();
      assertThat(client.execute(broken).fromCache()).isFalse();
      assertThat(proxy.requestCount()).isEqualTo(2);
    }

    @Test
    void executeWhenUpstreamFailedThenFailureNotCached() {
      StorefrontClient client = client();
      GraphQLRequest request = guestPrice(88).cache(CachePolicy.cached()).build();
      proxy.inject(new FaultyProxy.Fault.Respond(503, "text/plain", "down"));
      assertThatThrownBy(() -> client.execute(request)).isInstanceOf(StorefrontApiException.class);
      proxy.inject(new FaultyProxy.Fault.None());
      assertThat(client.execute(request).fromCache()).isFalse();
      assertThat(client.execute(request).fromCache()).isTrue();
    }

    @Test
    void executeWhenCallerChangesReturnedDataThenCachedCopyUnchanged() {
      StorefrontClient client = client();
      GraphQLRequest request =
          GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build();
      GraphQLResponse first = client.execute(request);
      String name = first.dataAt("/site/settings/storeName").stringValue();
      ((tools.jackson.databind.node.ObjectNode) first.dataAt("/site/settings"))
          .put("storeName", "tampered");
      assertThat(client.execute(request).dataAt("/site/settings/storeName").stringValue())
          .isEqualTo(name);
    }

    @Test
    void toBuilderWhenDerivedThenSharesCacheAndCounters() {
      StorefrontClient client = client();
      StorefrontClient derived = client.toBuilder().userAgentProduct("test-storefront/1").build();
      client.execute(GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build());
      assertThat(
              derived
                  .execute(GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build())
                  .fromCache())
          .isTrue();
      assertThat(derived.cacheStats()).isEqualTo(client.cacheStats());
      StorefrontClient fresh = client.toBuilder().cacheMaximumSize(10).build();
      assertThat(fresh.cacheStats().upstreamCalls()).isZero();
    }
  }

  // -----------------------------------------------------------------------------------------------------------------

  @Nested
  class Headers {

    @Test
    void executeWhenGuestThenTokenUserAgentValidationHeaderAndOperationInUrl() throws Exception {
      StorefrontClient client = clientBuilder().trustedProxySecret(null).build();
      client.execute(guestPrice(77).build());
      FaultyProxy.Recorded r = proxy.lastRequest();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.uri().getRawQuery()).isEqualTo("operation=ProductPriceQuery&type=query");
      assertThat(r.header("Authorization"))
          .isEqualTo("Bearer " + sandbox.settings().storefrontToken());
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.header("User-Agent")).startsWith("storefront-session-bigcommerce-client/0.1.0");
      assertThat(r.header("X-Bc-Error-On-Invalid-Customer-Access-Token")).isEqualTo("true");
      assertThat(r.has("X-Bc-Customer-Access-Token")).isFalse();
      assertThat(r.has("X-BC-Trusted-Proxy-Secret")).isFalse();
      assertThat(r.has("Accept-Language")).isFalse();
      JsonNode body = MAPPER.readTree(r.body());
      assertThat(body.get("query").stringValue()).isEqualTo(PRODUCT_PRICE);
      assertThat(body.get("variables").get("entityId").intValue()).isEqualTo(77);
    }

    @Test
    void executeWhenNoVariablesThenBodyHasNoVariablesMember() throws Exception {
      client().execute(GraphQLRequest.of(STORE_NAME));
      assertThat(MAPPER.readTree(proxy.lastRequest().body()).has("variables")).isFalse();
    }

    @Test
    void executeWhenCustomerNoStoreThenTokenAndShopperIpForwarded() {
      StorefrontClient client = client();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      client.execute(
          GraphQLRequest.builder(CUSTOMER)
              .context(
                  CustomerContext.customer(login.accessToken())
                      .withShopperIp("203.0.113.7")
                      .withLocale("en"))
              .build());
      FaultyProxy.Recorded r = proxy.lastRequest();
      assertThat(r.header("X-Bc-Customer-Access-Token")).isEqualTo(login.accessToken().value());
      assertThat(r.header("X-Forwarded-For")).isEqualTo("203.0.113.7");
      assertThat(r.header("True-Client-IP")).isEqualTo("203.0.113.7");
      assertThat(r.header("Accept-Language")).isEqualTo("en");
    }

    @Test
    void executeWhenGuestCallIsCacheableThenShopperIpNotSent() {
      client()
          .execute(
              guestPrice(77)
                  .context(CustomerContext.guest().withShopperIp("203.0.113.8"))
                  .cache(CachePolicy.cached())
                  .build());
      FaultyProxy.Recorded r = proxy.lastRequest();
      assertThat(r.has("X-Forwarded-For")).isFalse();
      assertThat(r.has("True-Client-IP")).isFalse();
    }

    @Test
    void executeWhenGuestCallIsNoStoreThenShopperIpSent() {
      client()
          .execute(
              guestPrice(77).context(CustomerContext.guest().withShopperIp("203.0.113.9")).build());
      assertThat(proxy.lastRequest().header("True-Client-IP")).isEqualTo("203.0.113.9");
    }

    @Test
    void executeWhenValidationOffThenNoValidationHeader() {
      client()
          .execute(GraphQLRequest.builder(STORE_NAME).validateCustomerAccessToken(false).build());
      assertThat(proxy.lastRequest().has("X-Bc-Error-On-Invalid-Customer-Access-Token")).isFalse();
    }

    @Test
    void executeWhenTrustedProxySecretThenSent() {
      clientBuilder()
          .trustedProxySecret("proxy-secret-1")
          .build()
          .execute(GraphQLRequest.of(STORE_NAME));
      assertThat(proxy.lastRequest().header("X-BC-Trusted-Proxy-Secret"))
          .isEqualTo("proxy-secret-1");
    }

    @Test
    void executeWhenLocaleMapsToChannelThenSentToThatChannel() {
      StorefrontClient client =
          clientBuilder()
              .endpoint(proxy.graphqlEndpoint() + "?ch={channelId}")
              .channelResolver(locale -> locale.equals("fr") ? 2L : null)
              .build();
      client.execute(
          GraphQLRequest.builder(STORE_NAME)
              .context(CustomerContext.guest().withLocale("fr"))
              .build());
      client.execute(
          GraphQLRequest.builder(STORE_NAME)
              .context(CustomerContext.guest().withLocale("de"))
              .build());
      client.execute(
          GraphQLRequest.builder(STORE_NAME)
              .context(CustomerContext.guest().withLocale("fr"))
              .channelId(3L)
              .build());
      assertThat(proxy.requests())
          .extracting(r -> r.uri().getRawQuery())
          .containsExactly(
              "ch=2&operation=StoreNameQuery&type=query",
              "ch=1&operation=StoreNameQuery&type=query",
              "ch=3&operation=StoreNameQuery&type=query");
      assertThat(proxy.requests().get(0).header("Accept-Language")).isEqualTo("fr");
    }

    @Test
    void executeWhenMutationThenTypeMutationInUrl() {
      login(client(), SHOPPER, SHOPPER_PASSWORD);
      assertThat(proxy.lastRequest().uri().getRawQuery())
          .isEqualTo("operation=LoginMutation&type=mutation");
    }

    @Test
    void endpointWhenNoOverrideThenBigCommerceChannelHost() {
      StorefrontClient client =
          StorefrontClient.create(c -> c.storeHash("abc123").storefrontToken("t").channelId(4));
      assertThat(client.endpoint(4, OperationType.QUERY, "Q"))
          .isEqualTo(
              URI.create(
                  "https://store-abc123-4.mybigcommerce.com/graphql?operation=Q&type=query"));
      assertThat(client.toString()).doesNotContain("t]").contains("<redacted>");
    }
  }

  // -----------------------------------------------------------------------------------------------------------------

  @Nested
  class Errors {

    final List<StorefrontGraphQLException> handled = new CopyOnWriteArrayList<>();
    final List<OperationType> handledTypes = new CopyOnWriteArrayList<>();

    StorefrontClient clientWithHandler() {
      return clientBuilder()
          .errorHandler(
              (error, type) -> {
                handled.add(error);
                handledTypes.add(type);
              })
          .build();
    }

    @Test
    void executeWhenTokenRevokedByLogoutThenInvalidCustomerAccessTokenAndHandlerCalled() {
      StorefrontClient client = clientWithHandler();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      client.logout(login.accessToken(), null, CustomerContext.guest());
      assertThatThrownBy(
              () ->
                  client.execute(CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken())))
          .isInstanceOfSatisfying(
              InvalidCustomerAccessTokenException.class,
              e -> {
                assertThat(e.detectedLocally()).isFalse();
                assertThat(e.code()).isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
                assertThat(e.getMessage()).doesNotContain(login.accessToken().value());
              });
      assertThat(handled).singleElement().isInstanceOf(InvalidCustomerAccessTokenException.class);
      assertThat(handledTypes).containsExactly(OperationType.QUERY);
    }

    @Test
    void executeWhenTokenExpiredUpstreamThenInvalidCustomerAccessToken() {
      StorefrontClient client = clientWithHandler();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      assertThat(login.accessToken().expiresAt())
          .isEqualTo(
              sandboxClock
                  .instant()
                  .plus(CAT_LIFETIME)
                  .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      sandboxClock.advance(CAT_LIFETIME.plusSeconds(1));
      // The client's own clock is the real one, so it still believes the token valid and sends it.
      assertThatThrownBy(
              () ->
                  client.execute(CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken())))
          .isInstanceOfSatisfying(
              InvalidCustomerAccessTokenException.class,
              e -> assertThat(e.detectedLocally()).isFalse());
      assertThat(proxy.requestCount()).isEqualTo(2);
    }

    @Test
    void executeWhenTokenExpiryKnownToHavePassedThenThrowsWithoutCalling() {
      MutableClock clock = MutableClock.startingNow();
      StorefrontClient client = clientWithHandler().toBuilder().clock(clock).build();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      clock.advance(CAT_LIFETIME.plusHours(1));
      proxy.reset();
      assertThatThrownBy(
              () ->
                  client.execute(CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken())))
          .isInstanceOfSatisfying(
              InvalidCustomerAccessTokenException.class,
              e -> assertThat(e.detectedLocally()).isTrue());
      assertThat(proxy.requestCount()).isZero();
      assertThat(handled).hasSize(1);
    }

    @Test
    void executeWhenValidationOffAndTokenRevokedThenAnsweredAsGuest() {
      StorefrontClient client = clientWithHandler();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      client.logout(login.accessToken(), null, CustomerContext.guest());
      GraphQLResponse r =
          client.execute(
              GraphQLRequest.builder(CUSTOMER)
                  .context(CustomerContext.customer(login.accessToken()))
                  .validateCustomerAccessToken(false)
                  .build());
      assertThat(r.dataAt("/customer").isNull()).isTrue();
      assertThat(handled).isEmpty();
    }

    @Test
    void executeWhenValidTokenThenCustomerData() {
      StorefrontClient client = client();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      GraphQLResponse r =
          client.execute(CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken()));
      assertThat(r.dataAt("/customer/email").stringValue()).isEqualTo(SHOPPER);
      assertThat(r.dataAt("/customer/entityId").longValue()).isEqualTo(login.customer().entityId());
    }

    @Test
    void executeWhenPolicyNoneAndGraphQLErrorThenThrowsWithMessagesAndHandlerCalled() {
      StorefrontClient client = clientWithHandler();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(BROKEN)))
          .isExactlyInstanceOf(StorefrontGraphQLException.class)
          .satisfies(
              e -> {
                StorefrontGraphQLException g = (StorefrontGraphQLException) e;
                assertThat(g.messages()).isNotEmpty();
                assertThat(g.operationName()).isEqualTo("BrokenQuery");
              });
      assertThat(handled).hasSize(1);
    }

    @Test
    void executeWhenPolicyAuthAndOtherErrorThenReturnedWithData() {
      StorefrontClient client = clientWithHandler();
      GraphQLResponse r =
          client.execute(GraphQLRequest.builder(BROKEN).errorPolicy(ErrorPolicy.AUTH).build());
      assertThat(r.errors()).isNotEmpty();
      assertThat(handled).isEmpty();
    }

    @Test
    void executeWhenPolicyAuthAndAuthErrorThenThrows() {
      StorefrontClient client = clientWithHandler();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      client.logout(login.accessToken(), null, CustomerContext.guest());
      assertThatThrownBy(
              () ->
                  client.execute(
                      GraphQLRequest.builder(CUSTOMER)
                          .errorPolicy(ErrorPolicy.AUTH)
                          .context(CustomerContext.customer(login.accessToken()))
                          .build()))
          .isInstanceOf(InvalidCustomerAccessTokenException.class);
      assertThat(handled).hasSize(1);
    }

    @Test
    void executeWhenPolicyAllOrIgnoreThenNothingThrownNorHandled() {
      StorefrontClient client = clientWithHandler();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      client.logout(login.accessToken(), null, CustomerContext.guest());
      GraphQLRequest revoked =
          GraphQLRequest.builder(CUSTOMER)
              .context(CustomerContext.customer(login.accessToken()))
              .build();
      GraphQLResponse all =
          client.execute(revoked.toBuilder().errorPolicy(ErrorPolicy.ALL).build());
      GraphQLResponse ignore =
          client.execute(revoked.toBuilder().errorPolicy(ErrorPolicy.IGNORE).build());
      assertThat(all.errors())
          .extracting(GraphQLError::code)
          .contains("INVALID_CUSTOMER_ACCESS_TOKEN");
      assertThat(ignore.errors()).isEmpty();
      assertThat(handled).isEmpty();
    }

    @Test
    void executeWhenMissingTokenCodeThenMissingCustomerAccessTokenException() {
      proxy.inject(
          new FaultyProxy.Fault.Respond(
              200,
              "application/json",
              "{\"data\":null,\"errors\":[{\"message\":\"Customer access token required\",\"path\":[\"customer\"],"
                  + "\"extensions\":{\"code\":\"MISSING_CUSTOMER_ACCESS_TOKEN\"}}]}"));
      assertThatThrownBy(() -> clientWithHandler().execute(GraphQLRequest.of(CUSTOMER)))
          .isInstanceOfSatisfying(
              MissingCustomerAccessTokenException.class,
              e -> assertThat(e.errors().get(0).path()).containsExactly("customer"));
      assertThat(handled).hasSize(1);
    }

    @Test
    void executeWhenWrongStorefrontTokenThenApiErrorWithStatusAndNoTokenInMessage() {
      StorefrontClient client = clientBuilder().storefrontToken("wrong-token-value").build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOfSatisfying(
              StorefrontApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).doesNotContain("wrong-token-value");
              });
    }

    @Test
    void executeWhen5xxThenApiErrorWithRedactedExcerptAndHandlerNotCalled() {
      String token = sandbox.settings().storefrontToken();
      proxy.inject(
          new FaultyProxy.Fault.Respond(
              503, "text/html", "<h1>Service unavailable</h1> auth was " + token));
      StorefrontClient client = clientWithHandler();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOfSatisfying(
              StorefrontApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.bodyExcerpt())
                    .startsWith("<h1>Service unavailable</h1>")
                    .doesNotContain(token);
                assertThat(e.getMessage()).doesNotContain(token);
              });
      assertThat(handled).isEmpty();
    }

    @Test
    void executeWhen429ThenRateLimitedApiError() {
      proxy.inject(
          new FaultyProxy.Fault.Respond(
              429, "application/json", "{\"errors\":[{\"message\":\"Too Many Requests\"}]}"));
      assertThatThrownBy(() -> client().execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOfSatisfying(
              StorefrontApiException.class,
              e -> {
                assertThat(e.isRateLimited()).isTrue();
                assertThat(e.errors())
                    .extracting(GraphQLError::message)
                    .containsExactly("Too Many Requests");
              });
    }

    @Test
    void executeWhenMalformedJsonThenMalformedResponse() {
      proxy.inject(
          new FaultyProxy.Fault.Respond(200, "application/json", "{\"data\": {\"site\": "));
      assertThatThrownBy(() -> client().execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOfSatisfying(
              MalformedResponseException.class, e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void executeWhenBodyLargerThanLimitThenMalformedResponse() {
      proxy.inject(
          new FaultyProxy.Fault.Respond(
              200, "application/json", "{\"data\":{\"blob\":\"" + "x".repeat(5000) + "\"}}"));
      StorefrontClient client = clientBuilder().maxResponseBytes(1024).build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("larger than 1024 bytes");
      assertThat(
              client.toBuilder()
                  .maxResponseBytes(10_000)
                  .build()
                  .execute(GraphQLRequest.of(STORE_NAME))
                  .dataAt("/blob")
                  .stringValue())
          .hasSize(5000);
    }

    @Test
    void executeWhenUpstreamTooSlowThenRequestTimeout() {
      proxy.inject(new FaultyProxy.Fault.Delay(Duration.ofSeconds(5)));
      StorefrontClient client = clientBuilder().requestTimeout(Duration.ofMillis(300)).build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOfSatisfying(
              StorefrontTimeoutException.class,
              e -> {
                assertThat(e.phase()).isEqualTo(StorefrontTimeoutException.Phase.REQUEST);
                assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
              });
    }

    @Test
    void executeWhenBodyStallsThenRequestTimeout() {
      proxy.inject(new FaultyProxy.Fault.StallBody(Duration.ofSeconds(5)));
      StorefrontClient client = clientBuilder().requestTimeout(Duration.ofMillis(500)).build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOf(StorefrontTimeoutException.class);
    }

    @Test
    void executeWhenNothingListensThenTransportError() throws Exception {
      int port;
      try (ServerSocket socket =
          new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      StorefrontClient client =
          clientBuilder().endpoint("http://127.0.0.1:" + port + "/graphql").build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(STORE_NAME)))
          .isInstanceOf(StorefrontTransportException.class)
          .hasMessageContaining("StoreNameQuery");
    }

    @Test
    void executeWhenCachedCallFailsThenEveryWaiterGetsTheError() {
      proxy.inject(new FaultyProxy.Fault.Respond(500, "text/plain", "boom"));
      StorefrontClient client = client();
      GraphQLRequest request =
          GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build();
      assertThatThrownBy(() -> client.execute(request)).isInstanceOf(StorefrontApiException.class);
      assertThatThrownBy(() -> client.execute(request)).isInstanceOf(StorefrontApiException.class);
      assertThat(proxy.requestCount()).isEqualTo(2);
    }

    @Test
    void executeWhenDocumentHasNoOperationThenIllegalArgumentWithoutCall() {
      assertThatThrownBy(
              () -> client().execute(GraphQLRequest.of("fragment F on Cart { entityId }")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(proxy.requestCount()).isZero();
    }
  }

  // -----------------------------------------------------------------------------------------------------------------

  @Nested
  class SessionOperations {

    @Test
    void loginWhenGuestCartAndCustomerHasNoneThenCartAssigned() {
      StorefrontClient client = client();
      String email = registerCustomer(client);
      String guestCart = createGuestCart(client);
      CustomerLogin login = client.login(email, "Cart-Pass-1", guestCart, CustomerContext.guest());
      assertThat(login.cartId()).isEqualTo(guestCart);
      assertThat(login.cartOutcome()).isEqualTo(CartOutcome.ASSIGNED);
    }

    @Test
    void loginWhenPersistentCartAfterLogoutThenRestoredAndLaterGuestCartCombined() {
      StorefrontClient client = client();
      String email = registerCustomer(client);
      String firstCart = createGuestCart(client);
      CustomerLogin first = client.login(email, "Cart-Pass-1", firstCart, CustomerContext.guest());
      CustomerLogout logout =
          client.logout(first.accessToken(), first.cartId(), CustomerContext.guest());
      assertThat(logout.unassignedCartId())
          .isNull(); // the sandbox keeps carts with customers (persistent cart)

      CustomerLogin restored = client.login(email, "Cart-Pass-1", null, CustomerContext.guest());
      assertThat(restored.cartOutcome()).isEqualTo(CartOutcome.RESTORED);
      assertThat(restored.cartId()).isEqualTo(firstCart);

      String secondGuestCart = createGuestCart(client);
      CustomerLogin combined =
          client.login(email, "Cart-Pass-1", secondGuestCart, CustomerContext.guest());
      assertThat(combined.cartOutcome()).isEqualTo(CartOutcome.COMBINED);
      assertThat(combined.cartId()).isEqualTo(firstCart);
    }

    @Test
    void loginWhenGuestCartThenSentAsCartEntityIdVariable() throws Exception {
      StorefrontClient client = client();
      String email = registerCustomer(client);
      String guestCart = createGuestCart(client);
      client.login(email, "Cart-Pass-1", guestCart, CustomerContext.guest());
      assertThat(
              MAPPER
                  .readTree(proxy.lastRequest().body())
                  .at("/variables/cartEntityId")
                  .stringValue())
          .isEqualTo(guestCart);
    }

    @Test
    void loginWhenValidCredentialsThenTokenCustomerAndNoCart() {
      CustomerLogin login = login(client(), SHOPPER, SHOPPER_PASSWORD);
      assertThat(login.accessToken().value()).isNotBlank();
      assertThat(login.accessToken().expiresAt()).isAfter(sandboxClock.instant());
      assertThat(login.customer().email()).isEqualTo(SHOPPER);
      assertThat(login.customer().entityId()).isPositive();
      assertThat(login.customer().firstName()).isNotBlank();
      assertThat(login.redirectTo()).isNull();
      assertThat(login.toString()).doesNotContain(login.accessToken().value());
      assertThat(proxy.lastRequest().has("X-Bc-Customer-Access-Token")).isFalse();
    }

    @Test
    void loginWhenRequestSentThenPasswordNotInUrlAndNoCartVariableWhenNone() throws Exception {
      login(client(), SHOPPER, SHOPPER_PASSWORD);
      FaultyProxy.Recorded r = proxy.lastRequest();
      assertThat(r.uri().toString()).doesNotContain(SHOPPER_PASSWORD);
      assertThat(MAPPER.readTree(r.body()).get("variables").has("cartEntityId")).isFalse();
    }

    @Test
    void loginWhenWrongPasswordThenInvalidCredentials() {
      assertThatThrownBy(
              () ->
                  client()
                      .login(
                          SHOPPER,
                          "Wrong-Pass-9",
                          null,
                          CustomerContext.guest().withShopperIp("198.51.100.1")))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_CREDENTIALS);
                assertThat(e.getMessage()).doesNotContain("Wrong-Pass-9");
              });
    }

    @Test
    void loginWhenPasswordResetRequiredThenResetPasswordRequired() {
      assertThatThrownBy(
              () ->
                  client()
                      .login("reset@example.com", "Reset-Pass-1", null, CustomerContext.guest()))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(LoginFailure.RESET_PASSWORD_REQUIRED));
    }

    @Test
    void loginWhenTooManyFailuresThenTooManyAttempts() {
      StorefrontClient client = client();
      String email = "nobody-" + UUID.randomUUID() + "@example.com";
      CustomerContext context = CustomerContext.guest().withShopperIp("198.51.100.77");
      LoginFailure last = null;
      for (int i = 0;
          i < SandboxSettings.DEFAULT_MAX_FAILED_LOGINS + 2
              && last != LoginFailure.TOO_MANY_ATTEMPTS;
          i++) {
        try {
          client.login(email, "Wrong-Pass-" + i, null, context);
        } catch (LoginFailedException e) {
          last = e.reason();
        }
      }
      assertThat(last).isEqualTo(LoginFailure.TOO_MANY_ATTEMPTS);
    }

    @Test
    void loginWhenBlankInputThenRejectedBeforeCalling() {
      assertThatThrownBy(() -> client().login(" ", "x", null, CustomerContext.guest()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client().login(SHOPPER, "", null, CustomerContext.guest()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(proxy.requestCount()).isZero();
    }

    @Test
    void logoutWhenCalledThenTokenRevokedAndSecondLogoutRefused() {
      StorefrontClient client = client();
      CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
      CustomerLogout logout =
          client.logout(login.accessToken(), login.cartId(), CustomerContext.guest());
      assertThat(logout.result()).isNotBlank();
      assertThat(proxy.lastRequest().header("X-Bc-Customer-Access-Token"))
          .isEqualTo(login.accessToken().value());
      assertThatThrownBy(() -> client.logout(login.accessToken(), null, CustomerContext.guest()))
          .isInstanceOf(InvalidCustomerAccessTokenException.class);
    }

    @Test
    void loginWithCustomerLoginJwtWhenFreshThenSignsInExactlyOnce() {
      StorefrontClient client = client();
      long customerId = login(client, SHOPPER, SHOPPER_PASSWORD).customer().entityId();
      SandboxSettings s = sandbox.settings();
      String jwt =
          CustomerLoginJwt.builder()
              .clientId(s.clientId())
              .clientSecret(s.clientSecret())
              .storeHash(s.storeHash())
              .customerId(customerId)
              .channelId(s.channelId())
              .redirectTo("/account/orders")
              .clock(sandboxClock)
              .build()
              .token();

      CustomerLogin login = client.loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest());
      assertThat(login.customer().entityId()).isEqualTo(customerId);
      assertThat(login.accessToken().value()).isNotBlank();
      assertThat(login.redirectTo()).isEqualTo("/account/orders");

      assertThatThrownBy(() -> client.loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest()))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN);
                assertThat(e.getMessage()).doesNotContain(jwt);
              });
    }

    @Test
    void loginWithCustomerLoginJwtWhenSignedWithOtherSecretThenInvalidLoginToken() {
      SandboxSettings s = sandbox.settings();
      String jwt =
          CustomerLoginJwt.builder()
              .clientId(s.clientId())
              .clientSecret("not-the-secret-0123456789abcdef0123")
              .storeHash(s.storeHash())
              .customerId(1)
              .clock(sandboxClock)
              .build()
              .token();
      assertThatThrownBy(
              () -> client().loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest()))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN));
    }

    @Test
    void loginWithCustomerLoginJwtWhenChannelClaimThenSentToThatChannel() {
      SandboxSettings s = sandbox.settings();
      StorefrontClient client =
          clientBuilder()
              .endpoint(proxy.graphqlEndpoint() + "?ch={channelId}")
              .channelId(5)
              .build();
      long customerId = login(client, SHOPPER, SHOPPER_PASSWORD).customer().entityId();
      String jwt =
          CustomerLoginJwt.builder()
              .clientId(s.clientId())
              .clientSecret(s.clientSecret())
              .storeHash(s.storeHash())
              .customerId(customerId)
              .channelId(s.channelId())
              .clock(sandboxClock)
              .build()
              .token();
      client.loginWithCustomerLoginJwt(jwt, null, CustomerContext.guest());
      assertThat(proxy.lastRequest().uri().getRawQuery())
          .isEqualTo(
              "ch=" + s.channelId() + "&operation=LoginWithCustomerLoginJwtMutation&type=mutation");
    }

    @Test
    void loginWithCustomerLoginJwtWhenRequestIpClaimThenShopperIpForwardedAndChecked() {
      SandboxSettings s = sandbox.settings();
      StorefrontClient client = client();
      long customerId = login(client, SHOPPER, SHOPPER_PASSWORD).customer().entityId();
      CustomerLoginJwt.Builder jwt =
          CustomerLoginJwt.builder()
              .clientId(s.clientId())
              .clientSecret(s.clientSecret())
              .storeHash(s.storeHash())
              .customerId(customerId)
              .requestIp("203.0.113.50")
              .clock(sandboxClock);

      assertThatThrownBy(
              () ->
                  client.loginWithCustomerLoginJwt(
                      jwt.build().token(),
                      null,
                      CustomerContext.guest().withShopperIp("198.51.100.2")))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN));
      CustomerLogin login =
          client.loginWithCustomerLoginJwt(
              jwt.build().token(), null, CustomerContext.guest().withShopperIp("203.0.113.50"));
      assertThat(login.customer().entityId()).isEqualTo(customerId);
      assertThat(proxy.lastRequest().header("True-Client-IP")).isEqualTo("203.0.113.50");
    }

    @Test
    void loginWithCustomerLoginJwtWhenNotAJwtThenInvalidLoginTokenWithoutCalling() {
      assertThatThrownBy(
              () -> client().loginWithCustomerLoginJwt("garbage", null, CustomerContext.guest()))
          .isInstanceOfSatisfying(
              LoginFailedException.class,
              e -> assertThat(e.reason()).isEqualTo(LoginFailure.INVALID_LOGIN_TOKEN));
      assertThat(proxy.requestCount()).isZero();
    }
  }

  // -----------------------------------------------------------------------------------------------------------------

  @Nested
  class Observability {

    /** A customer access token as BigCommerce and the sandbox issue them. */
    static final java.util.regex.Pattern CAT =
        java.util.regex.Pattern.compile("[0-9a-f]{64}_[0-9]+");

    /**
     * A login answer cut short begins with the new customer access token, which is valid: neither
     * the exception (message, excerpt, causes, stack trace) nor any log line may show any 16
     * characters of it.
     */
    @Test
    void loginWhenResponseCutAt40120Or300BytesThenNoPartOfTheTokenInExceptionOrLog() {
      List<String> lines = new CopyOnWriteArrayList<>();
      Handler handler = capture(lines);
      // Long names make the whole answer longer than the longest cut, so every cut is a real one.
      String email = "cut-" + UUID.randomUUID() + "@example.com";
      client()
          .execute(
              GraphQLRequest.builder(
                      """
                    mutation RegisterCustomerMutation($input: RegisterCustomerInput!) {
                      customer { registerCustomer(input: $input) { customer { entityId } } }
                    }""")
                  .variable(
                      "input",
                      Map.of(
                          "firstName",
                          "F".repeat(100),
                          "lastName",
                          "L".repeat(100),
                          "email",
                          email,
                          "password",
                          "Cut-Pass-12345"))
                  .build());
      try {
        for (int cut : new int[] {40, 120, 300}) {
          proxy.reset();
          proxy.inject(new FaultyProxy.Fault.Truncate(cut));
          Throwable thrown =
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> login(client(), email, "Cut-Pass-12345"));
          assertThat(proxy.upstreamBodies().get(0)).hasSizeGreaterThan(cut);
          assertThat(thrown).as("cut at %d", cut).isInstanceOf(MalformedResponseException.class);
          java.util.regex.Matcher token = CAT.matcher(proxy.upstreamBodies().get(0));
          assertThat(token.find()).as("the store issued a token").isTrue();
          assertNoPartOf(token.group(), told(thrown) + String.join("\n", lines), "cut at " + cut);
        }
      } finally {
        release(handler);
      }
    }

    /**
     * Tokens can reach a message other ways: in a GraphQL error's text, or as a token the JSON
     * parser quotes.
     */
    @Test
    void executeWhenUpstreamEchoesTokensThenExceptionMessagesRedactThem() {
      String cat = "0123456789abcdef".repeat(4) + "_1900000000";
      String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
      String jwe = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..aXZpdml2aXY.Y2lwaGVy.dGFn";
      String[] bodies = {
        "{\"errors\":[{\"message\":\"token " + cat + " or " + jwt + " refused\"}]}",
        "{\"data\":{\"login\":" + cat + "}}",
        "{\"data\":{\"login\":" + jwe + "}}",
        "<html>" + jwe + " " + cat + "</html>",
      };
      for (String body : bodies) {
        for (int status : new int[] {200, 502}) {
          proxy.inject(new FaultyProxy.Fault.Respond(status, "application/json", body));
          Throwable thrown =
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> client().execute(GraphQLRequest.of(STORE_NAME)));
          assertThat(thrown).isInstanceOf(StorefrontException.class);
          String told = told(thrown);
          if (thrown instanceof StorefrontGraphQLException e) {
            told += String.join(" ", e.messages());
          }
          assertNoPartOf(cat, told, body);
          assertThat(told)
              .as(body)
              .doesNotContain(jwt.substring(0, 16))
              .doesNotContain(jwe.substring(0, 16))
              .doesNotContain("c2lnbmF0dXJl");
        }
      }
    }

    private static String told(Throwable thrown) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        all.append(t).append('\n');
        if (t instanceof MalformedResponseException m) {
          all.append(m.bodyExcerpt()).append('\n');
        }
        if (t instanceof StorefrontApiException a) {
          all.append(a.bodyExcerpt()).append(a.errors()).append('\n');
        }
      }
      java.io.StringWriter trace = new java.io.StringWriter();
      thrown.printStackTrace(new java.io.PrintWriter(trace));
      return all.append(trace).toString();
    }

    /**
     * Neither the token nor any 16 consecutive characters of its random part appear in {@code
     * text}.
     */
    private static void assertNoPartOf(String token, String text, String what) {
      assertThat(text).as(what).doesNotContain(token);
      for (int i = 0; i + 16 <= 64; i++) {
        assertThat(text)
            .as("%s: characters %d-%d of the token", what, i, i + 16)
            .doesNotContain(token.substring(i, i + 16));
      }
    }

    private static Handler capture(List<String> lines) {
      Logger jul = Logger.getLogger("dev.storefrontsession");
      Handler handler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              lines.add(
                  record.getMessage()
                      + (record.getThrown() == null ? "" : " " + told(record.getThrown())));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      jul.setLevel(Level.ALL);
      jul.addHandler(handler);
      return handler;
    }

    private static void release(Handler handler) {
      Logger jul = Logger.getLogger("dev.storefrontsession");
      jul.removeHandler(handler);
      jul.setLevel(null);
    }

    @Test
    void executeWhenDebugLoggingThenOperationDurationAndComplexityButNoSecrets() {
      Logger jul = Logger.getLogger(StorefrontClient.class.getName());
      List<String> lines = new CopyOnWriteArrayList<>();
      Handler handler =
          new Handler() {
            @Override
            public void publish(LogRecord record) {
              lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      Level before = jul.getLevel();
      jul.setLevel(Level.ALL);
      jul.addHandler(handler);
      try {
        StorefrontClient client = clientBuilder().trustedProxySecret("proxy-secret-2").build();
        CustomerLogin login = login(client, SHOPPER, SHOPPER_PASSWORD);
        client.execute(CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken()));
        client.logout(login.accessToken(), null, CustomerContext.guest());
        assertThatThrownBy(
                () ->
                    client.execute(
                        CUSTOMER, Map.of(), CustomerContext.customer(login.accessToken())))
            .isInstanceOf(InvalidCustomerAccessTokenException.class);

        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(l)
                        .contains("CustomerQuery")
                        .contains(" ms")
                        .containsPattern("complexity [0-9]+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("LoginMutation"));
        assertThat(String.join("\n", lines))
            .doesNotContain(login.accessToken().value())
            .doesNotContain(SHOPPER_PASSWORD)
            .doesNotContain(sandbox.settings().storefrontToken())
            .doesNotContain("proxy-secret-2");
      } finally {
        jul.removeHandler(handler);
        jul.setLevel(before);
      }
    }
  }

  @Nested
  class CallObservers {

    record Seen(
        CallObserver.CallInfo info,
        CallObserver.CallOutcome outcome,
        StorefrontException failure) {}

    /** Records what it saw and adds a {@code traceparent} header to every request. */
    static final class Recording implements CallObserver {
      final List<Seen> seen = new CopyOnWriteArrayList<>();

      @Override
      public Call start(CallInfo call, java.util.function.BiConsumer<String, String> headers) {
        headers.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        return (outcome, failure) -> seen.add(new Seen(call, outcome, failure));
      }
    }

    @Test
    void executeWhenObservedThenEachUpstreamRequestStartsAndEndsOnceWithItsOutcome() {
      Recording observer = new Recording();
      StorefrontClient client = clientBuilder().callObserver(observer).build();
      client.execute(GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build());
      // from the guest cache: nothing sent, nothing observed
      client.execute(GraphQLRequest.builder(STORE_NAME).cache(CachePolicy.cached()).build());
      assertThat(observer.seen)
          .containsExactly(
              new Seen(
                  new CallObserver.CallInfo(
                      "StoreNameQuery", OperationType.QUERY, sandbox.settings().channelId(), true),
                  CallObserver.CallOutcome.SUCCESS,
                  null));
      assertThat(proxy.requests().get(0).header("traceparent"))
          .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    @Test
    void executeWhenUpstreamFailsThenTheOutcomeSaysHow() {
      Recording observer = new Recording();
      StorefrontClient client = clientBuilder().callObserver(observer).build();
      client.execute(
          GraphQLRequest.builder(BROKEN)
              .cache(CachePolicy.cached())
              .errorPolicy(ErrorPolicy.ALL)
              .build());
      proxy.inject(new FaultyProxy.Fault.Respond(503, "text/plain", "down"));
      assertThatThrownBy(() -> client.execute(GraphQLRequest.builder(CUSTOMER).build()))
          .isInstanceOf(StorefrontApiException.class);
      proxy.inject(new FaultyProxy.Fault.Respond(200, "text/html", "<html>"));
      assertThatThrownBy(() -> client.execute(GraphQLRequest.builder(CUSTOMER).build()))
          .isInstanceOf(MalformedResponseException.class);
      assertThat(observer.seen)
          .extracting(Seen::outcome)
          .containsExactly(
              CallObserver.CallOutcome.GRAPHQL_ERRORS,
              CallObserver.CallOutcome.HTTP_ERROR,
              CallObserver.CallOutcome.MALFORMED);
      assertThat(observer.seen.get(1).failure()).isInstanceOf(StorefrontApiException.class);
      assertThat(observer.seen.get(0).info().cached()).isTrue();
      assertThat(observer.seen.get(1).info().cached()).isFalse();
    }

    @Test
    void executeWhenStoreIsDownThenTransportErrorIsObserved() throws Exception {
      int freePort;
      try (ServerSocket socket = new ServerSocket(0)) {
        freePort = socket.getLocalPort();
      }
      Recording observer = new Recording();
      StorefrontClient client =
          clientBuilder()
              .endpoint("http://127.0.0.1:" + freePort + "/graphql")
              .callObserver(observer)
              .build();
      assertThatThrownBy(() -> client.execute(GraphQLRequest.of(CUSTOMER)))
          .isInstanceOf(StorefrontTransportException.class);
      assertThat(observer.seen)
          .extracting(Seen::outcome)
          .containsExactly(CallObserver.CallOutcome.TRANSPORT_ERROR);
    }

    @Test
    void executeWhenTheObserverThrowsOrAddsAnUnsafeHeaderThenTheCallStillSucceeds() {
      CallObserver throwing =
          (call, headers) -> {
            headers.accept("x-evil", "a\r\nInjected: yes");
            headers.accept("Host", "elsewhere.example"); // restricted: the JDK refuses it
            return (outcome, failure) -> {
              throw new IllegalStateException("observer bug");
            };
          };
      StorefrontClient client = clientBuilder().callObserver(throwing).build();
      assertThat(client.execute(GraphQLRequest.of(CUSTOMER)).operationName())
          .isEqualTo("CustomerQuery");
      assertThat(proxy.requests().get(0).has("x-evil")).isFalse();
      assertThat(proxy.requests().get(0).has("injected")).isFalse();
      CallObserver failingStart =
          (call, headers) -> {
            throw new IllegalStateException("observer bug");
          };
      assertThat(
              clientBuilder()
                  .callObserver(failingStart)
                  .build()
                  .execute(GraphQLRequest.of(CUSTOMER))
                  .operationName())
          .isEqualTo("CustomerQuery");
    }
  }
}
