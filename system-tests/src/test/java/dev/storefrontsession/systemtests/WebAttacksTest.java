package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Item 2 (web level), against the real storefront process behind a trusted proxy ({@code
 * AUTH_TRUST_HOST=true}) and the sandbox: forged tokens, CSRF on every state-changing POST, open
 * redirects, Customer Login JWT abuse, session fixation, cookie attributes, login throttling, and —
 * last — a scan of every log line of both processes for every secret, password, CAT, CSRF token and
 * session token the tests saw.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAttacksTest {

  static final String SECRET = "web-attacks-secret-" + UUID.randomUUID();
  static final String PASSWORD = "Attack-Pass-" + UUID.randomUUID().toString().substring(0, 8);
  static final AtomicInteger IPS = new AtomicInteger(1);

  static LogCapture jvmLog;
  static SandboxFixture store;
  static StorefrontProcess storefront;
  static SessionCodec codec;

  /** Every sensitive value the tests handled; none may appear in a log line. */
  static final Set<String> SENSITIVE = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

  @BeforeAll
  static void start() {
    jvmLog = new LogCapture();
    store = SandboxFixture.startH2(b -> b);
    storefront =
        StorefrontProcess.start(
            store,
            store.graphqlEndpoint(),
            SECRET,
            Map.of("AUTH_TRUST_HOST", "true"),
            "--logging.level.dev.storefrontsession=TRACE");
    codec = new SessionCodec(KeyRing.of(SECRET), Clock.systemUTC());
    SENSITIVE.addAll(
        List.of(
            SECRET,
            PASSWORD,
            store.settings().storefrontToken(),
            store.settings().clientSecret(),
            store.settings().trustedProxySecret().orElseThrow(),
            "Shopper-Pass-1",
            "Wholesale-Pass-1"));
  }

  @AfterAll
  static void stop() {
    if (storefront != null) {
      storefront.close();
    }
    if (store != null) {
      store.close();
    }
    if (jvmLog != null) {
      jvmLog.close();
    }
  }

  // ---- helpers
  // ----------------------------------------------------------------------------------------------------

  /**
   * A shopper behind the trusted proxy with its own client IP (the store throttles logins per IP).
   */
  static ShopperClient shopper() {
    ShopperClient s = new ShopperClient(storefront.baseUri());
    s.headers()
        .put(
            "X-Forwarded-For",
            "10.7." + (IPS.get() / 250) + "." + (IPS.getAndIncrement() % 250 + 1));
    return s;
  }

  static ShopperClient.Response remember(ShopperClient.Response page) {
    for (String setCookie : page.setCookies()) {
      String value = setCookie.split(";")[0].substring(setCookie.indexOf('=') + 1).trim();
      if (value.length() >= 16) {
        SENSITIVE.add(value);
        SENSITIVE.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        String name = ShopperClient.cookieName(setCookie);
        if (name.contains("session-token")) {
          DecodeResult result = codec.decode(value, name);
          result
              .decodedClaims()
              .flatMap(SessionClaims::user)
              .flatMap(u -> u.customerAccessToken())
              .ifPresent(cat -> SENSITIVE.add(cat.value()));
        }
      }
    }
    return page;
  }

  /** Registers a fresh customer through the storefront (which signs them in). */
  static String register(ShopperClient shopper, String firstName) {
    String email =
        firstName.toLowerCase(Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.com";
    ShopperClient.Response page = shopper.open("/register");
    SENSITIVE.add(page.csrf());
    ShopperClient.Response done =
        remember(
            shopper.post(
                "/register",
                Map.of(
                    "firstName",
                    firstName,
                    "lastName",
                    "Tester",
                    "email",
                    email,
                    "password",
                    PASSWORD,
                    "_csrf",
                    page.csrf())));
    assertThat(done.status()).as("register: %s", done.body()).isEqualTo(302);
    SignIns.signedIn(codec, done, "register " + email);
    return email;
  }

  static ShopperClient.Response login(
      ShopperClient shopper, String email, String password, String redirectTo) {
    ShopperClient.Response page = shopper.open("/login");
    SENSITIVE.add(page.csrf());
    Map<String, String> form =
        new LinkedHashMap<>(Map.of("email", email, "password", password, "_csrf", page.csrf()));
    if (redirectTo != null) {
      form.put("redirectTo", redirectTo);
    }
    return remember(shopper.post("/login", form));
  }

  /** {@link #login} that must sign the shopper in. */
  static ShopperClient.Response loginOk(
      ShopperClient shopper, String email, String password, String redirectTo) {
    return SignIns.signedIn(
        codec,
        login(shopper, email, password, redirectTo),
        "POST /login" + (redirectTo == null ? "" : " redirectTo=" + redirectTo));
  }

  static void addToCart(ShopperClient shopper, int productId, int quantity) {
    ShopperClient.Response page = shopper.open("/product/" + productId);
    ShopperClient.Response added =
        remember(
            shopper.post(
                "/cart/add",
                Map.of(
                    "productEntityId",
                    String.valueOf(productId),
                    "quantity",
                    String.valueOf(quantity),
                    "_csrf",
                    page.csrf())));
    assertThat(added.status()).isEqualTo(302);
  }

  static String sessionJson(ShopperClient shopper) {
    return shopper.get("/api/auth/session").body().strip();
  }

  static String csrfFromApi(ShopperClient shopper) {
    String body = remember(shopper.get("/api/auth/csrf")).body();
    String token = body.replaceAll(".*\"csrfToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    SENSITIVE.add(token);
    return token;
  }

  /**
   * Where a browser would go for this Location header: true when it stays on the storefront's
   * origin.
   */
  static boolean staysOnSite(String location) {
    if (location == null) {
      return true;
    }
    String l = location.replace('\\', '/');
    int i = 0;
    while (i < l.length() && l.charAt(i) <= 0x20) {
      i++;
    }
    l = l.substring(i).replaceAll("[\\t\\n\\r]", "");
    URI target =
        storefront.baseUri().resolve(URI.create(l.replace(" ", "%20").replace("|", "%7C")));
    return "http".equals(target.getScheme())
        && "127.0.0.1".equals(target.getHost())
        && target.getPort() == storefront.port();
  }

  static final List<String> OFF_SITE =
      List.of(
          "https://evil.example/steal",
          "http://evil.example",
          "//evil.example/x",
          "///evil.example/x",
          "/\\evil.example/x",
          "\\\\evil.example",
          "\\/evil.example",
          "https:evil.example",
          "https:/evil.example",
          "http:\\\\evil.example",
          "%2F%2Fevil.example",
          "/%2F%2Fevil.example",
          "%5C%5Cevil.example",
          " //evil.example",
          "\t//evil.example",
          "/\t/evil.example",
          "javascript:alert(1)",
          "data:text/html,<b>x</b>",
          "https://127.0.0.1.evil.example/",
          "https://evil.example@127.0.0.1/",
          "//127.0.0.1@evil.example",
          "/%09/evil.example",
          "/%5Cevil.example",
          "https%3A%2F%2Fevil.example");

  // ---- forged session tokens
  // --------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void sessionWhenForgedTokensThenNoSessionButCraftedControlAccepted() {
    TokenForgery forgery = new TokenForgery(SECRET, CookieNames.sessionToken(false));
    String payload = TokenForgery.claimsJson("Mallory", Instant.now());
    ShopperClient control = shopper();
    control.cookies().put(CookieNames.sessionToken(false), forgery.valid(payload));
    assertThat(sessionJson(control)).contains("Mallory");
    Map<String, String> forgeries =
        forgery.forgeries(payload, "some-older-secret", CookieNames.anonymousSessionToken(false));
    for (Map.Entry<String, String> f : forgeries.entrySet()) {
      ShopperClient s = shopper();
      s.cookies().put(CookieNames.sessionToken(false), f.getValue());
      ShopperClient.Response page = s.get("/api/auth/session");
      assertThat(page.status()).as(f.getKey()).isEqualTo(200);
      assertThat(page.body().strip()).as(f.getKey()).isEqualTo("null");
      assertThat(s.get("/account/orders").status()).as(f.getKey()).isEqualTo(302);
    }
    Figures.print("attacks.http.forgeries_refused", forgeries.size());
    // Auth.js reads a well-encrypted session whose user is not an object; so do we, without a CAT:
    // not signed in
    ShopperClient userNotObject = shopper();
    userNotObject
        .cookies()
        .put(
            CookieNames.sessionToken(false),
            forgery.valid(payload.replaceFirst("\"user\":\\{[^}]*\\}", "\"user\":\"admin\"")));
    assertThat(sessionJson(userNotObject)).contains("Mallory");
    assertThat(userNotObject.get("/account/orders").status()).isEqualTo(302);
  }

  // ---- CSRF
  // --------------------------------------------------------------------------------------------------------

  @Test
  @Order(2)
  void postWhenCrossSiteWithoutCsrfTokenThenRefusedAndNothingChanges() {
    ShopperClient victim = shopper();
    String email = register(victim, "Victoria");
    addToCart(victim, 77, 2);
    int cartBefore = victim.get("/cart").cartCount();
    String sessionBefore = sessionJson(victim);
    assertThat(sessionBefore).contains("Victoria");
    String profileBefore = victim.get("/account/profile").body();

    Map<String, Map<String, String>> posts = new LinkedHashMap<>();
    posts.put("/login", Map.of("email", "shopper@example.com", "password", "Shopper-Pass-1"));
    posts.put(
        "/register",
        Map.of(
            "firstName",
            "Evil",
            "lastName",
            "Eve",
            "email",
            "eve@example.com",
            "password",
            "Eve-Pass-12345"));
    posts.put("/cart/add", Map.of("productEntityId", "78", "quantity", "5"));
    posts.put("/cart/items/1/quantity", Map.of("quantity", "99"));
    posts.put("/cart/items/1/remove", Map.of());
    posts.put(
        "/account/profile",
        Map.of("firstName", "Hacked", "lastName", "Hacked", "email", "eve@example.com"));
    posts.put(
        "/account/addresses",
        Map.of(
            "firstName",
            "Eve",
            "lastName",
            "Eve",
            "address1",
            "1 Evil Way",
            "city",
            "Evil",
            "countryCode",
            "US",
            "postalCode",
            "66666"));
    posts.put("/account/addresses/1", Map.of("firstName", "Eve"));
    posts.put("/account/addresses/1/delete", Map.of());
    posts.put("/account/wishlists", Map.of("name", "Evil list"));
    posts.put("/account/wishlists/add", Map.of("productEntityId", "77"));
    posts.put("/account/wishlists/1/items/1/remove", Map.of());
    posts.put(
        "/api/auth/callback/password",
        Map.of("email", "shopper@example.com", "password", "Shopper-Pass-1"));
    posts.put("/api/auth/callback/jwt", Map.of("jwt", "x.y.z"));
    posts.put("/api/auth/signout", Map.of("callbackUrl", "/"));
    posts.put("/api/auth/session", Map.of("data", "{}"));
    String[] crossSite = {"Origin", "https://evil.example", "Referer", "https://evil.example/page"};

    // A token that is valid — for another shopper — must not work either.
    ShopperClient attacker = shopper();
    String attackerToken = attacker.open("/login").csrf();
    String attackerApiToken = csrfFromApi(attacker);
    int refused = 0;
    for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
      for (int variant = 0; variant < 2; variant++) {
        Map<String, String> form = new LinkedHashMap<>(post.getValue());
        if (variant == 1) {
          form.put("_csrf", attackerToken);
          form.put("csrfToken", attackerApiToken);
        }
        ShopperClient.Response page = victim.post(post.getKey(), form, crossSite);
        String what =
            post.getKey() + (variant == 0 ? " without token" : " with another shopper's token");
        assertThat(page.status()).as(what).isLessThan(500);
        boolean refusedHere =
            page.status() == 403
                || page.status() == 400
                || (page.status() == 302
                    && page.location() != null
                    && page.location().contains("error=MissingCSRF"));
        assertThat(refusedHere).as("%s -> %s %s", what, page.status(), page.location()).isTrue();
        assertThat(page.setCookies())
            .as(what)
            .noneMatch(c -> c.contains("session-token") && !ShopperClient.isDeletion(c));
        refused++;
      }
    }
    assertThat(victim.get("/cart").cartCount()).isEqualTo(cartBefore);
    assertThat(sessionJson(victim)).isEqualTo(sessionBefore);
    assertThat(victim.get("/account/profile").body()).contains("Victoria").doesNotContain("Hacked");
    assertThat(victim.get("/account/wishlists").body()).doesNotContain("Evil list");
    assertThat(victim.get("/account/addresses").body()).doesNotContain("1 Evil Way");
    assertThat(profileBefore).contains(email);
    Figures.print("attacks.csrf.posts_refused", refused + "/" + posts.size() * 2);
  }

  // ---- open redirects
  // ----------------------------------------------------------------------------------------------

  @Test
  @Order(3)
  void redirectWhenTargetOffSiteThenEveryEndpointStaysOnSite() {
    ShopperClient shopper = shopper();
    String email = register(shopper, "Rhoda");
    shopper.get("/logout");
    assertThat(staysOnSite("https://evil.example/x")).as("checker control").isFalse();
    assertThat(staysOnSite("/\\evil.example")).as("checker control").isFalse();
    assertThat(staysOnSite("/cart")).as("checker control").isTrue();
    int checked = 0;
    List<String> escapes = new ArrayList<>();
    for (String target : OFF_SITE) {
      ShopperClient s = shopper();
      ShopperClient.Response login = loginOk(s, email, PASSWORD, target);
      checked += check(escapes, "POST /login redirectTo=" + target, login);
      String api = csrfFromApi(s);
      checked +=
          check(
              escapes,
              "POST /api/auth/signout callbackUrl=" + target,
              s.post("/api/auth/signout", Map.of("csrfToken", api, "callbackUrl", target)));
      String api2 = csrfFromApi(s);
      checked +=
          check(
              escapes,
              "POST /api/auth/callback/password callbackUrl=" + target,
              SignIns.signedIn(
                  codec,
                  remember(
                      s.post(
                          "/api/auth/callback/password",
                          Map.of(
                              "csrfToken",
                              api2,
                              "email",
                              email,
                              "password",
                              PASSWORD,
                              "callbackUrl",
                              target))),
                  "POST /api/auth/callback/password callbackUrl=" + target));
      checked +=
          check(
              escapes,
              "GET /logout redirectTo=" + target,
              s.get("/logout?redirectTo=" + ShopperClient.encode(target)));
      ShopperClient.Response signin =
          s.get("/api/auth/signin?callbackUrl=" + ShopperClient.encode(target));
      checked += check(escapes, "GET /api/auth/signin callbackUrl=" + target, signin);
      String loc = signin.location();
      if (loc != null && loc.contains("callbackUrl=")) {
        String inner =
            URLDecoder.decode(
                loc.substring(loc.indexOf("callbackUrl=") + 12), StandardCharsets.UTF_8);
        if (!staysOnSite(inner)) {
          escapes.add("GET /api/auth/signin carries callbackUrl " + inner);
        }
      }
      ShopperClient.Response loginPage = s.get("/login?redirectTo=" + ShopperClient.encode(target));
      String hidden =
          loginPage.body().replaceAll("(?s).*name=\"redirectTo\"\\s+value=\"([^\"]*)\".*", "$1");
      if (!hidden.equals(loginPage.body()) && !staysOnSite(hidden.replace("&amp;", "&"))) {
        escapes.add("GET /login renders redirectTo " + hidden);
      }
      checked++;
      String jwt = signedCustomerLoginJwt(1, target);
      checked +=
          check(
              escapes,
              "GET /login/token redirect_to=" + target,
              SignIns.signedIn(
                  codec,
                  remember(s.get("/login/token/" + jwt)),
                  "GET /login/token redirect_to=" + target));
    }
    Figures.print("attacks.open_redirect.locations_checked", checked);
    Figures.print("attacks.open_redirect.off_site", escapes.size());
    assertThat(escapes).isEmpty();
  }

  /**
   * A correctly signed Customer Login JWT with any {@code redirect_to} (our client's builder
   * refuses off-site ones).
   */
  static String signedCustomerLoginJwt(long customerId, String redirectTo) {
    try {
      com.nimbusds.jwt.JWTClaimsSet claims =
          new com.nimbusds.jwt.JWTClaimsSet.Builder()
              .issuer(store.settings().clientId())
              .issueTime(new java.util.Date(Instant.now().getEpochSecond() * 1000))
              .jwtID(UUID.randomUUID().toString())
              .claim("operation", "customer_login")
              .claim("store_hash", store.settings().storeHash())
              .claim("customer_id", customerId)
              .claim("redirect_to", redirectTo)
              .build();
      com.nimbusds.jwt.SignedJWT jwt =
          new com.nimbusds.jwt.SignedJWT(
              new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                  .type(com.nimbusds.jose.JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(
          new com.nimbusds.jose.crypto.MACSigner(
              store.settings().clientSecret().getBytes(StandardCharsets.UTF_8)));
      String token = jwt.serialize();
      SENSITIVE.add(token);
      return token;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int check(List<String> escapes, String what, ShopperClient.Response page) {
    assertThat(page.status()).as(what).isLessThan(500);
    String location = page.location();
    if (location == null && page.body().contains("\"url\"")) {
      location = page.body().replaceAll(".*\"url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
    if (!staysOnSite(location)) {
      escapes.add(what + " -> " + location);
    }
    return 1;
  }

  // ---- Customer Login JWT
  // ------------------------------------------------------------------------------------------

  @Test
  @Order(4)
  void customerLoginJwtWhenReplayedStaleForgedOrUnsignedThenRefused() {
    CustomerLoginJwt valid = jwt(1, Clock.systemUTC(), store.settings().clientSecret());
    ShopperClient first = shopper();
    ShopperClient.Response ok =
        SignIns.signedIn(
            codec, remember(first.get("/login/token/" + valid.token())), "GET /login/token");
    assertThat(ok.status()).isEqualTo(302);
    assertThat(ok.location()).doesNotContain("error");
    assertThat(sessionJson(first)).as("control: a fresh, signed JWT signs in").contains("Sam");

    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("replay", valid.token());
    bad.put(
        "stale_iat_5min",
        jwt(
                1,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)),
                store.settings().clientSecret())
            .token());
    bad.put(
        "future_iat_5min",
        jwt(
                1,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)),
                store.settings().clientSecret())
            .token());
    bad.put(
        "wrong_signature",
        jwt(1, Clock.systemUTC(), "not-the-client-secret-0123456789abcdef").token());
    String fresh = jwt(1, Clock.systemUTC(), store.settings().clientSecret()).token();
    String[] parts = fresh.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    bad.put(
        "alg_none",
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"customer_id\":1", "\"customer_id\":2");
    bad.put(
        "payload_swapped_customer",
        parts[0]
            + "."
            + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2]);
    bad.put(
        "alg_HS512_header_swap",
        b64.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + "."
            + parts[2]);
    bad.put("garbage", "not-a-jwt");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      SENSITIVE.add(b.getValue());
      ShopperClient s = shopper();
      ShopperClient.Response page = s.get("/login/token/" + b.getValue());
      assertThat(page.status()).as(b.getKey()).isEqualTo(302);
      assertThat(page.location()).as(b.getKey()).contains("/login?error=InvalidToken");
      assertThat(s.cookies()).as(b.getKey()).doesNotContainKey(CookieNames.sessionToken(false));
      assertThat(sessionJson(s)).as(b.getKey()).isEqualTo("null");
      // The same JWT through the Auth.js endpoint.
      ShopperClient api = shopper();
      ShopperClient.Response viaApi =
          api.post(
              "/api/auth/callback/jwt", Map.of("csrfToken", csrfFromApi(api), "jwt", b.getValue()));
      assertThat(viaApi.location()).as("api " + b.getKey()).contains("error=");
      assertThat(sessionJson(api)).as("api " + b.getKey()).isEqualTo("null");
    }
    Figures.print("attacks.customer_login_jwt_refused", bad.size() * 2);
  }

  private static CustomerLoginJwt jwt(long customerId, Clock clock, String secret) {
    CustomerLoginJwt jwt =
        CustomerLoginJwt.builder()
            .clientId(store.settings().clientId())
            .clientSecret(secret)
            .storeHash(store.settings().storeHash())
            .customerId(customerId)
            .redirectTo("/account/orders")
            .clock(clock)
            .build();
    SENSITIVE.add(jwt.token());
    return jwt;
  }

  // ---- session fixation
  // --------------------------------------------------------------------------------------------

  @Test
  @Order(5)
  void loginWhenSessionCookiesPlantedBeforeThenNewTokenAndJtiSharingNothing() {
    ShopperClient owner = shopper();
    String email = register(owner, "Fiona");
    owner.get("/logout");

    ShopperClient victim = shopper();
    remember(victim.get("/"));
    String anonymousBefore = victim.cookies().get(CookieNames.anonymousSessionToken(false));
    assertThat(anonymousBefore).as("anonymous session before login").isNotNull();
    String planted =
        codec.encode(
            SessionClaims.builder().name("Planted").build(), CookieNames.sessionToken(false));
    victim.cookies().put(CookieNames.sessionToken(false), planted);
    Set<String> jtis = new LinkedHashSet<>();
    jtis.add(jti(anonymousBefore, CookieNames.anonymousSessionToken(false)));
    jtis.add(jti(planted, CookieNames.sessionToken(false)));

    ShopperClient.Response login = loginOk(victim, email, PASSWORD, null);
    assertThat(login.status()).isEqualTo(302);
    String after = victim.cookies().get(CookieNames.sessionToken(false));
    assertThat(after).isNotNull().isNotEqualTo(planted);
    assertThat(sessionJson(victim)).contains("Fiona").doesNotContain("Planted");
    assertThat(jtis.add(jti(after, CookieNames.sessionToken(false))))
        .as("new jti at login")
        .isTrue();
    assertThat(sharedSegments(after, planted)).isEmpty();
    assertThat(sharedSegments(after, anonymousBefore)).isEmpty();

    // Every further login of the same customer gets another jti.
    for (int i = 0; i < 3; i++) {
      ShopperClient again = shopper();
      loginOk(again, email, PASSWORD, null);
      assertThat(
              jtis.add(
                  jti(
                      again.cookies().get(CookieNames.sessionToken(false)),
                      CookieNames.sessionToken(false))))
          .as("login %d has a new jti", i)
          .isTrue();
    }
    Figures.print("attacks.fixation.distinct_jti", jtis.size());
  }

  private static String jti(String token, String cookieName) {
    return codec.decode(token, cookieName).decodedClaims().orElseThrow().jti();
  }

  private static List<String> sharedSegments(String a, String b) {
    List<String> shared = new ArrayList<>();
    String[] sa = a.split("\\.");
    Set<String> sb =
        Set.of(b.split("\\.")).stream()
            .filter(s -> !s.isEmpty())
            .collect(java.util.stream.Collectors.toSet());
    for (int i = 2; i < sa.length; i++) { // iv, ciphertext, tag (the header is the same by design)
      if (sb.contains(sa[i])) {
        shared.add(sa[i]);
      }
    }
    return shared;
  }

  // ---- cookie attributes
  // -------------------------------------------------------------------------------------------

  /**
   * Cookies that carry a session, a cart id or a CSRF secret (a flash-message cookie is not one).
   */
  static boolean isSessionRelated(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("authjs")
        || lower.contains("csrf")
        || lower.contains("xsrf")
        || lower.contains("session");
  }

  @Test
  @Order(6)
  void cookiesWhenPlainHttpThenHttpOnlyLaxAndNotSecure() {
    ShopperClient s = shopper();
    String email = register(shopper(), "Cora");
    ShopperClient.Response login = loginOk(s, email, PASSWORD, null);
    List<String> setCookies = new ArrayList<>(login.setCookies());
    setCookies.addAll(shopper().get("/").setCookies());
    assertThat(setCookies).anyMatch(c -> c.startsWith(CookieNames.sessionToken(false) + "="));
    for (String c : setCookies) {
      if (ShopperClient.isDeletion(c) || !isSessionRelated(ShopperClient.cookieName(c))) {
        continue;
      }
      String lower = c.toLowerCase(Locale.ROOT);
      assertThat(lower)
          .as(ShopperClient.cookieName(c))
          .contains("httponly")
          .contains("samesite=lax")
          .contains("path=/")
          .doesNotContain("; secure");
      assertThat(c).doesNotStartWith("__");
    }
  }

  @Test
  @Order(7)
  void cookiesWhenHttpsFromTrustedProxyThenSecurePrefixedHttpOnlyLax() {
    ShopperClient s = shopper();
    s.headers().put("X-Forwarded-Proto", "https");
    String email = register(shopper(), "Selma");
    ShopperClient.Response first = remember(s.get("/login"));
    ShopperClient.Response login = loginOk(s, email, PASSWORD, null);
    List<String> setCookies = new ArrayList<>(first.setCookies());
    setCookies.addAll(login.setCookies());
    assertThat(setCookies).anyMatch(c -> c.startsWith("__Secure-authjs.session-token="));
    assertThat(setCookies).anyMatch(c -> c.startsWith("__Secure-authjs.anonymous-session-token="));
    assertThat(sessionJson(s)).contains("Selma");
    int checked = 0;
    for (String c : setCookies) {
      String name = ShopperClient.cookieName(c);
      if (ShopperClient.isDeletion(c) || !isSessionRelated(name)) {
        continue;
      }
      String lower = c.toLowerCase(Locale.ROOT);
      assertThat(name).as("cookie name over https").startsWith("__");
      assertThat(lower)
          .as(name)
          .contains("; secure")
          .contains("httponly")
          .contains("samesite=lax")
          .contains("path=/");
      if (name.startsWith("__Host-")) {
        assertThat(lower).as(name).doesNotContain("domain=");
      }
      checked++;
    }
    Figures.print("attacks.cookies.secure_cookies_checked", checked);
  }

  // ---- /api/auth/session, throttling
  // --------------------------------------------------------------------------------

  @Test
  @Order(8)
  void sessionEndpointWhenSignedInThenNoCustomerAccessToken() {
    ShopperClient s = shopper();
    String email = register(s, "Nadia");
    String json = sessionJson(s);
    assertThat(json).contains("Nadia");
    String cat =
        codec
            .decode(
                s.cookies().get(CookieNames.sessionToken(false)), CookieNames.sessionToken(false))
            .decodedClaims()
            .orElseThrow()
            .user()
            .orElseThrow()
            .customerAccessToken()
            .orElseThrow()
            .value();
    SENSITIVE.add(cat);
    assertThat(json).doesNotContain(cat).doesNotContain("customerAccessToken");
    assertThat(email).isNotBlank();
  }

  @Test
  @Order(9)
  void loginWhenRepeatedlyWrongThenLoginPageSaysTooManyAttempts() {
    String email = register(shopper(), "Tara");
    ShopperClient s = shopper();
    ShopperClient.Response page = null;
    int attempts = 0;
    for (; attempts < 30; attempts++) {
      page = login(s, email, "wrong-" + attempts, null);
      if (page.status() == 429) {
        break;
      }
      assertThat(page.status()).isEqualTo(401);
    }
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body()).contains("Too many sign-in attempts");
    // Even the right password is refused while locked, with the same message.
    ShopperClient.Response right = login(s, email, PASSWORD, null);
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.body()).contains("Too many sign-in attempts");
    assertThat(s.cookies()).doesNotContainKey(CookieNames.sessionToken(false));
    Figures.print("attacks.throttle.failures_before_lockout", attempts);
  }

  // ---- logs (last)
  // -------------------------------------------------------------------------------------------------

  @Test
  @Order(100)
  void logsWhenAllAttacksRanThenNoSecretPasswordTokenOrCatInAnyLine() {
    String storefrontLog = storefront.output();
    String sandboxLog = jvmLog.text();
    List<String> leaks = new ArrayList<>();
    Set<String> values;
    synchronized (SENSITIVE) {
      values = new LinkedHashSet<>(SENSITIVE);
    }
    for (String value : values) {
      if (value == null || value.length() < 8) {
        continue;
      }
      List<String> needles = new ArrayList<>(List.of(value));
      if (value.matches("[0-9a-f]{64}_\\d+")) {
        needles.add(value.substring(0, 64)); // the CAT without its expiry suffix
      }
      for (String needle : needles) {
        if (storefrontLog.contains(needle)) {
          leaks.add(
              "storefront log contains a value of length "
                  + needle.length()
                  + ": "
                  + context(storefrontLog, needle));
        }
        if (sandboxLog.contains(needle)) {
          leaks.add(
              "sandbox log contains a value of length "
                  + needle.length()
                  + ": "
                  + context(sandboxLog, needle));
        }
      }
    }
    Figures.print("attacks.logs.sensitive_values_scanned", values.size());
    Figures.print("attacks.logs.storefront_lines", storefrontLog.lines().count());
    Figures.print("attacks.logs.sandbox_lines", sandboxLog.lines().count());
    Figures.print("attacks.logs.leaks", leaks.size());
    assertThat(values.size()).isGreaterThan(50);
    assertThat(storefrontLog.lines().count()).as("the storefront log is captured").isGreaterThan(5);
    assertThat(leaks).isEmpty();
  }

  private static String context(String log, String needle) {
    int at = log.indexOf(needle);
    int lineStart = log.lastIndexOf('\n', at) + 1;
    return log.substring(lineStart, Math.min(lineStart + 160, at)).replace(needle, "<value>")
        + "<value>…";
  }

  static Clock fixed(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
