package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real storefront process and a Catalyst-style Next.js app sharing {@code AUTH_SECRET} read
 * each other's session cookies. The Next.js side is the real {@code @auth/core} 0.41.3
 * ({@code @auth/core/jwt} {@code encode}/{@code decode} and its cookie chunker) run by Node; the
 * storefront is {@code java -jar} on a loopback port against the sandbox (H2 in memory, in this
 * JVM), with {@code AUTH_SECRET}, an older {@code AUTH_SECRET_1} and {@code AUTH_TRUST_HOST=true}
 * (so a shopper "behind a TLS proxy" gets the {@code __Secure-} names). Every customer access token
 * is checked against the sandbox itself over GraphQL. No token, secret or CAT is printed.
 */
class AuthJsInteropTest {

  /** Auth.js v5's session cookie over plain HTTP; also the HKDF salt of its key. */
  static final String SESSION = "authjs.session-token";

  /** Its name (and salt) over HTTPS, as Catalyst runs in production. */
  static final String SECURE_SESSION = "__Secure-authjs.session-token";

  static final String SECRET = "authjs-interop-secret-" + UUID.randomUUID();
  static final String OLDER_SECRET = "authjs-interop-older-secret-" + UUID.randomUUID();
  static final String SHOPPER = "shopper@example.com";
  static final String SHOPPER_PASSWORD = "Shopper-Pass-1";
  static final String WHOLESALE = "wholesale@example.com";
  static final String WHOLESALE_PASSWORD = "Wholesale-Pass-1";

  /**
   * Tomcat's default request-header limit: a chunked Auth.js session beyond it needs the
   * storefront's higher one.
   */
  static final int TOMCAT_DEFAULT_HEADER_LIMIT = 8 * 1024;

  static SandboxFixture store;
  static StorefrontProcess storefront;
  static SandboxGraphql graphql;

  @BeforeAll
  static void start() {
    store = SandboxFixture.startH2(b -> b);
    storefront =
        StorefrontProcess.start(
            store,
            store.graphqlEndpoint(),
            SECRET,
            Map.of("AUTH_SECRET_1", OLDER_SECRET, "AUTH_TRUST_HOST", "true"));
    graphql = new SandboxGraphql(store);
  }

  @AfterAll
  static void stop() {
    if (storefront != null) {
      storefront.close();
    }
    if (store != null) {
      store.close();
    }
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  /**
   * What Catalyst's credentials sign-in puts in the token: Auth.js's default claims plus {@code
   * user}.
   */
  static Map<String, Object> catalystClaims(SandboxGraphql.Login who, String cartId) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("customerAccessToken", who.customerAccessToken());
    user.put("cartId", cartId);
    user.put("firstName", who.firstName());
    user.put("lastName", who.lastName());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("name", who.firstName() + " " + who.lastName());
    claims.put("email", who.email());
    claims.put("sub", UUID.randomUUID().toString());
    claims.put("user", user);
    return claims;
  }

  static ShopperClient withCookies(Map<String, String> cookies) {
    ShopperClient shopper = new ShopperClient(storefront.baseUri());
    shopper.cookies().putAll(cookies);
    return shopper;
  }

  static void assertShowsCustomer(ShopperClient.Response profile, SandboxGraphql.Login who) {
    assertThat(profile.status()).as("GET /account/profile").isEqualTo(200);
    assertThat(profile.body())
        .contains("value=\"" + who.email() + "\"")
        .contains("value=\"" + who.firstName() + "\"")
        .contains("value=\"" + who.lastName() + "\"");
  }

  /**
   * Signed out: the account page sends to the login page, the home page still serves, the session
   * API says null.
   */
  static void assertSignedOut(Map<String, String> cookies) {
    ShopperClient.Response account = withCookies(cookies).get("/account/profile");
    assertThat(account.status()).as("GET /account/profile").isEqualTo(302);
    assertThat(account.location()).contains("/login");
    ShopperClient home = withCookies(cookies);
    ShopperClient.Response page = home.get("/");
    assertThat(page.status()).as("GET /").isEqualTo(200);
    assertThat(page.body())
        .contains("data-test=\"sign-in-link\"")
        .doesNotContain("data-test=\"sign-out-link\"");
    assertThat(home.cookies().keySet())
        .as("the rejected session cookies are cleared")
        .noneMatch(name -> name.startsWith(SESSION));
    ShopperClient.Response session = withCookies(cookies).get("/api/auth/session");
    assertThat(session.status()).as("GET /api/auth/session").isEqualTo(200);
    assertThat(session.body().strip()).isEqualTo("null");
  }

  // ---- storefront → Auth.js
  // ---------------------------------------------------------------------------------------

  @Test
  void storefrontLoginWhenItsCookieIsDecodedByAuthJsThenCatalystClaimsCarryTheSandboxCatAndCart() {
    ShopperClient shopper = new ShopperClient(storefront.baseUri());
    ShopperClient.Response product = shopper.open("/product/77");
    assertThat(
            shopper
                .post(
                    "/cart/add",
                    Map.of("productEntityId", "77", "quantity", "2", "_csrf", product.csrf()))
                .status())
        .as("add to the guest cart")
        .isEqualTo(302);
    ShopperClient.Response login =
        shopper.submit("/login", "/login", Map.of("email", SHOPPER, "password", SHOPPER_PASSWORD));
    assertThat(login.status()).as("POST /login").isEqualTo(302);
    assertThat(login.location()).doesNotContain("/login");
    assertThat(shopper.cookies().keySet()).anyMatch(name -> name.startsWith(SESSION));

    // As a Next.js app would read the request: Auth.js's own SessionStore reassembles any chunks.
    String token = AuthJsScript.read(SESSION, shopper.cookies());
    assertThat(token).as("the session token Auth.js reads from the cookies").isNotNull();
    AuthJsScript.Result decoded = AuthJsScript.decode(token, SECRET, SESSION);
    assertThat(decoded.ok())
        .as("@auth/core decode: %s %s", decoded.error(), decoded.message())
        .isTrue();
    JsonNode claims = decoded.value();

    JsonNode user = claims.path("user");
    assertThat(user.isObject()).as("claims.user is an object").isTrue();
    assertThat(user.path("customerAccessToken").isString())
        .as("user.customerAccessToken is a string")
        .isTrue();
    String cat = user.path("customerAccessToken").asString();
    JsonNode customer =
        graphql
            .data("query { customer { firstName lastName email } }", Map.of(), cat)
            .path("customer");
    assertThat(customer.path("email").asString())
        .as("customer { email } with the cookie's CAT")
        .isEqualTo(SHOPPER);
    assertThat(graphql.customerEmail(cat)).isEqualTo(SHOPPER);

    assertThat(claims.path("email").asString()).isEqualTo(SHOPPER);
    assertThat(claims.path("name").asString())
        .isEqualTo(
            customer.path("firstName").asString() + " " + customer.path("lastName").asString());
    assertThat(user.path("firstName").asString()).isEqualTo(customer.path("firstName").asString());
    assertThat(user.path("lastName").asString()).isEqualTo(customer.path("lastName").asString());

    assertThat(user.path("cartId").isString()).as("user.cartId is the cart's entity id").isTrue();
    Map<Integer, Integer> lines = graphql.cartLines(user.path("cartId").asString(), cat);
    assertThat(lines.getOrDefault(77, 0))
        .as("the guest cart's line in the session's cart")
        .isGreaterThanOrEqualTo(2);

    long now = Instant.now().getEpochSecond();
    assertThat(claims.path("iat").isNumber()).isTrue();
    assertThat(claims.path("exp").asLong()).isGreaterThan(now);
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
        .as("Auth.js's default max age, 30 days")
        .isEqualTo(Duration.ofDays(30).toSeconds());
    assertThat(claims.path("jti").isString()).isTrue();

    // The secret is what binds the two: Auth.js with any other secret cannot read the storefront's
    // cookie.
    assertThat(AuthJsScript.decode(token, OLDER_SECRET, SESSION).ok())
        .as("decode with the older secret")
        .isFalse();
  }

  /**
   * Three chunks, over 8 KB of Set-Cookie: the storefront raises Tomcat's response-header limit as
   * it raises the request-header one (with the default 8 KB this re-issue was answered 500).
   */
  @Test
  void
      storefrontReissueWhenTheSessionSpansThreeChunksThenAuthJsReassemblesThemAndKeepsEveryClaim() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String picture =
        "https://images.example/avatars/"
            + UUID.randomUUID()
            + "?v="
            + "fedcba9876543210".repeat(500);
    Map<String, Object> claims = catalystClaims(who, null);
    claims.put("picture", picture);
    claims.put("locale", "en-GB");
    long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).getEpochSecond();
    String token =
        AuthJsScript.encodeAt(claims, SECRET, SESSION, twoDaysAgo, Duration.ofDays(30).toSeconds());
    ShopperClient shopper = withCookies(AuthJsScript.chunk(SESSION, token));

    ShopperClient.Response profile = shopper.get("/account/profile");
    assertShowsCustomer(profile, who);
    List<String> written =
        profile.setCookies().stream()
            .filter(c -> ShopperClient.cookieName(c).startsWith(SESSION))
            .filter(c -> !ShopperClient.isDeletion(c))
            .map(ShopperClient::cookieName)
            .toList();
    assertThat(written)
        .as("the storefront re-issues the session in three chunks")
        .containsExactlyInAnyOrder(SESSION + ".0", SESSION + ".1", SESSION + ".2");

    String reissued = AuthJsScript.read(SESSION, shopper.cookies());
    assertThat(reissued)
        .as("the storefront's chunks as Auth.js's SessionStore reassembles them")
        .isNotNull();
    AuthJsScript.Result decoded = AuthJsScript.decode(reissued, SECRET, SESSION);
    assertThat(decoded.ok())
        .as("@auth/core decode: %s %s", decoded.error(), decoded.message())
        .isTrue();
    assertThat(decoded.value().path("iat").asLong())
        .as("a new token, not the old one")
        .isGreaterThan(twoDaysAgo);
    assertThat(decoded.value().path("picture").asString()).isEqualTo(picture);
    assertThat(decoded.value().path("locale").asString())
        .as("an unknown claim round-trips")
        .isEqualTo("en-GB");
    assertThat(
            decoded
                .value()
                .path("user")
                .path("customerAccessToken")
                .asString()
                .equals(who.customerAccessToken()))
        .as("the same CAT")
        .isTrue();
  }

  // ---- Auth.js → storefront
  // ---------------------------------------------------------------------------------------

  @Test
  void authJsTokenWhenSentToTheAccountPageThenStorefrontShowsThatCustomerAndCart() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    assertThat(who.email()).isEqualTo(WHOLESALE);
    String cartId = graphql.createCart(who.customerAccessToken(), 77);
    String token = AuthJsScript.encode(catalystClaims(who, cartId), SECRET, SESSION);

    assertShowsCustomer(withCookies(Map.of(SESSION, token)).get("/account/profile"), who);
    assertThat(withCookies(Map.of(SESSION, token)).get("/").body())
        .contains("data-test=\"sign-out-link\"");
    ShopperClient.Response cart = withCookies(Map.of(SESSION, token)).get("/cart");
    assertThat(cart.status()).isEqualTo(200);
    assertThat(cart.cartCount()).as("the cart named by user.cartId").isEqualTo(1);
    ShopperClient.Response session = withCookies(Map.of(SESSION, token)).get("/api/auth/session");
    assertThat(session.status()).isEqualTo(200);
    JsonNode sessionJson = AuthJsScript.JSON.readTree(session.body());
    assertThat(sessionJson.path("user").path("email").asString()).isEqualTo(WHOLESALE);
    assertThat(sessionJson.path("user").path("cartId").asString()).isEqualTo(cartId);
  }

  @Test
  void authJsTokenWhenCheckingOutThenTheStoresCheckoutKnowsTheCustomerAndTheOrderIsTheirs() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String cartId = graphql.createCart(who.customerAccessToken(), 77);
    String token = AuthJsScript.encode(catalystClaims(who, cartId), SECRET, SESSION);
    ShopperClient catalystShopper = withCookies(Map.of(SESSION, token));

    ShopperClient.Response handoff = catalystShopper.get("/checkout");
    assertThat(handoff.status()).as("GET /checkout").isEqualTo(303);
    java.net.URI checkoutUrl = java.net.URI.create(handoff.location());
    assertThat(checkoutUrl.getPort()).as("the store's checkout").isEqualTo(store.server().port());
    ShopperClient browserAtCheckout = new ShopperClient(checkoutUrl.resolve("/"));
    ShopperClient.Response checkout = browserAtCheckout.get(handoff.location());
    assertThat(checkout.status()).isEqualTo(200);
    assertThat(checkout.body())
        .contains("Checking out as <strong>Wren Wholesale</strong>", WHOLESALE)
        .doesNotContain("name=\"email\"");
    java.util.regex.Matcher session =
        java.util.regex.Pattern.compile("name=\"session\" value=\"([^\"]+)\"")
            .matcher(checkout.body());
    assertThat(session.find()).isTrue();
    ShopperClient.Response placed =
        browserAtCheckout.post(
            "/checkout/place",
            Map.of(
                "session",
                session.group(1),
                "addressId",
                "2",
                "shipping",
                "free",
                "payment",
                "test"));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    java.util.regex.Matcher order =
        java.util.regex.Pattern.compile("orderId=(\\d+)").matcher(placed.body());
    assertThat(order.find()).isTrue();

    ShopperClient.Response confirmation =
        catalystShopper.get("/checkout/order-confirmation?orderId=" + order.group(1));
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body()).contains("#" + order.group(1), "Fog Linen Chambray Towel");
    assertThat(catalystShopper.get("/account/orders").body()).contains(order.group(1));
  }

  @Test
  void authJsTokenWhenUserHoldsOnlyTheCatAndCartIdThenStorefrontShowsThatCustomer() {
    // Catalyst's minimal user object (no names, no CAT expiry): the customer comes from the store
    // through the CAT.
    SandboxGraphql.Login who = graphql.login(SHOPPER, SHOPPER_PASSWORD);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("customerAccessToken", who.customerAccessToken());
    user.put("cartId", null);
    String token =
        AuthJsScript.encode(
            Map.of("email", who.email(), "sub", UUID.randomUUID().toString(), "user", user),
            SECRET,
            SESSION);

    assertShowsCustomer(withCookies(Map.of(SESSION, token)).get("/account/profile"), who);
  }

  @Test
  void accountPageWhenNoSessionCookieThenRedirectsToLogin() {
    ShopperClient.Response page = new ShopperClient(storefront.baseUri()).get("/account/profile");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).contains("/login").contains("redirectTo=");
  }

  @Test
  void authJsTokenWhenChunkedByAuthJsThenStorefrontReassemblesItBeyondTomcatsDefaultHeaderLimit() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String picture =
        "https://images.example/avatars/"
            + UUID.randomUUID()
            + "?v="
            + "0123456789abcdef".repeat(640);
    Map<String, Object> claims = catalystClaims(who, null);
    claims.put("picture", picture);
    String token = AuthJsScript.encode(claims, SECRET, SESSION);
    Map<String, String> chunks = AuthJsScript.chunk(SESSION, token);
    assertThat(chunks.size())
        .as("Auth.js chunks of a %d-character token", token.length())
        .isGreaterThanOrEqualTo(3);
    List<String> expectedNames = new java.util.ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      expectedNames.add(SESSION + "." + i);
    }
    assertThat(chunks.keySet()).containsExactlyElementsOf(expectedNames);

    ShopperClient shopper = withCookies(chunks);
    assertThat(shopper.cookieHeader().length()).isGreaterThan(TOMCAT_DEFAULT_HEADER_LIMIT);
    assertShowsCustomer(shopper.get("/account/profile"), who);
    JsonNode session =
        AuthJsScript.JSON.readTree(withCookies(chunks).get("/api/auth/session").body());
    assertThat(session.path("user").path("image").asString())
        .as("the picture claim, from the last chunk too")
        .isEqualTo(picture);
  }

  @Test
  void authJsTokenWhenEncodedWithTheOlderSecretThenAcceptedAndReissuedUnderTheCurrentSecret() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).getEpochSecond();
    // Issued two days ago (beyond the one-day update age), so reading it makes the storefront
    // re-issue it.
    String token =
        AuthJsScript.encodeAt(
            catalystClaims(who, null),
            OLDER_SECRET,
            SESSION,
            twoDaysAgo,
            Duration.ofDays(30).toSeconds());
    assertThat(AuthJsScript.decode(token, SECRET, SESSION).ok())
        .as("the current secret alone cannot read it")
        .isFalse();

    ShopperClient shopper = withCookies(Map.of(SESSION, token));
    ShopperClient.Response profile = shopper.get("/account/profile");
    assertShowsCustomer(profile, who);
    assertThat(profile.setCookies())
        .as("the session cookie is re-issued")
        .anyMatch(
            c -> ShopperClient.cookieName(c).startsWith(SESSION) && !ShopperClient.isDeletion(c));

    String reissued = AuthJsScript.read(SESSION, shopper.cookies());
    assertThat(reissued).isNotNull();
    AuthJsScript.Result decoded = AuthJsScript.decode(reissued, SECRET, SESSION);
    assertThat(decoded.ok())
        .as(
            "@auth/core decode of the re-issued cookie with the current secret: %s %s",
            decoded.error(), decoded.message())
        .isTrue();
    assertThat(decoded.value().path("email").asString()).isEqualTo(WHOLESALE);
    assertThat(
            decoded
                .value()
                .path("user")
                .path("customerAccessToken")
                .asString()
                .equals(who.customerAccessToken()))
        .as("the re-issued cookie keeps the same CAT")
        .isTrue();
    assertThat(decoded.value().path("iat").asLong()).isGreaterThan(twoDaysAgo);
    assertThat(AuthJsScript.decode(reissued, OLDER_SECRET, SESSION).ok())
        .as("not under the older secret")
        .isFalse();
  }

  // ---- behind HTTPS: Auth.js's __Secure- cookie name (and salt)
  // -----------------------------------------------------

  /**
   * A shopper reaching the storefront through a TLS-terminating proxy ({@code
   * AUTH_TRUST_HOST=true}).
   */
  static ShopperClient overHttps(Map<String, String> cookies) {
    ShopperClient shopper = withCookies(cookies);
    shopper.headers().put("X-Forwarded-Proto", "https");
    shopper
        .headers()
        .put("X-Forwarded-For", "10.9.0." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)));
    return shopper;
  }

  @Test
  void secureCookieWhenWrittenByEitherSideOverHttpsThenTheOtherReadsIt() {
    // Storefront → Auth.js.
    ShopperClient shopper = overHttps(Map.of());
    ShopperClient.Response login =
        shopper.submit("/login", "/login", Map.of("email", SHOPPER, "password", SHOPPER_PASSWORD));
    assertThat(login.status()).as("POST /login").isEqualTo(302);
    assertThat(shopper.cookies().keySet())
        .as("no plain-HTTP session cookie over HTTPS")
        .noneMatch(name -> name.startsWith(SESSION));
    String token = AuthJsScript.read(SECURE_SESSION, shopper.cookies());
    assertThat(token).as("the %s cookie", SECURE_SESSION).isNotNull();
    AuthJsScript.Result decoded = AuthJsScript.decode(token, SECRET, SECURE_SESSION);
    assertThat(decoded.ok())
        .as("@auth/core decode: %s %s", decoded.error(), decoded.message())
        .isTrue();
    assertThat(
            graphql.customerEmail(
                decoded.value().path("user").path("customerAccessToken").asString()))
        .isEqualTo(SHOPPER);
    assertThat(AuthJsScript.decode(token, SECRET, SESSION).ok())
        .as("salted with the __Secure- name")
        .isFalse();

    // Auth.js → storefront.
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String minted = AuthJsScript.encode(catalystClaims(who, null), SECRET, SECURE_SESSION);
    assertShowsCustomer(overHttps(Map.of(SECURE_SESSION, minted)).get("/account/profile"), who);
  }

  // ---- negative
  // ---------------------------------------------------------------------------------------------------

  @Test
  void authJsTokenWhenEncodedWithAnotherSecretThenStorefrontTreatsTheShopperAsSignedOut() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String other = "some-other-apps-secret-" + UUID.randomUUID();
    String token = AuthJsScript.encode(catalystClaims(who, null), other, SESSION);
    assertThat(AuthJsScript.decode(token, other, SESSION).ok())
        .as("valid for its own secret")
        .isTrue();

    assertSignedOut(Map.of(SESSION, token));

    Map<String, Object> big = catalystClaims(who, null);
    big.put("picture", "https://images.example/" + "x".repeat(9000));
    assertSignedOut(AuthJsScript.chunk(SESSION, AuthJsScript.encode(big, other, SESSION)));
    // The CAT inside was valid all along: only the cookie was refused.
    assertThat(graphql.customerEmail(who.customerAccessToken())).isEqualTo(WHOLESALE);
  }

  @Test
  void authJsTokenWhenSaltedForAnotherCookieNameThenStorefrontTreatsTheShopperAsSignedOut() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    String secureName = "__Secure-" + SESSION;
    String token = AuthJsScript.encode(catalystClaims(who, null), SECRET, secureName);
    assertThat(AuthJsScript.decode(token, SECRET, SESSION).ok())
        .as("Auth.js also refuses it")
        .isFalse();

    assertSignedOut(Map.of(SESSION, token));
  }

  @Test
  void authJsTokenWhenExpiredThenStorefrontTreatsTheShopperAsSignedOut() {
    SandboxGraphql.Login who = graphql.login(WHOLESALE, WHOLESALE_PASSWORD);
    long longAgo = Instant.now().minus(Duration.ofDays(31)).getEpochSecond();
    String token =
        AuthJsScript.encodeAt(
            catalystClaims(who, null), SECRET, SESSION, longAgo, Duration.ofDays(30).toSeconds());
    AuthJsScript.Result authJs = AuthJsScript.decode(token, SECRET, SESSION);
    assertThat(authJs.ok()).as("Auth.js also refuses it").isFalse();
    assertThat(authJs.error()).isEqualTo("JWTExpired");

    assertSignedOut(Map.of(SESSION, token));
  }
}
