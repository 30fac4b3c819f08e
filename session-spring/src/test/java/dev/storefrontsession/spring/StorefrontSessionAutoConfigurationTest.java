package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.sandbox.SandboxServer;
import dev.storefrontsession.spring.internal.SessionSettings;
import dev.storefrontsession.spring.testing.TestShop;
import dev.storefrontsession.testing.ShopperClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up configuration: secrets (missing, generated, Catalyst's names, rotation) and the store
 * settings.
 */
class StorefrontSessionAutoConfigurationTest {

  static final String SESSION = "authjs.session-token";
  static final String ANONYMOUS = "authjs.anonymous-session-token";
  static SandboxServer sandbox;

  @BeforeAll
  static void start() {
    sandbox = TestShop.sandbox(true);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @Test
  void startupWhenAuthSecretMissingThenFailsWithClearMessage() {
    assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.session.secret="))
        .satisfies(
            e ->
                assertThat(rootCause(e).getMessage())
                    .startsWith("AUTH_SECRET is not set.")
                    .contains("storefront.session.generate-secret-if-missing=true"));
  }

  @Test
  void startupWhenSecretMissingAndGenerationAllowedThenRandomSecretAndWarningWithoutIt() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String secret;
    try (ConfigurableApplicationContext app =
        TestShop.app(
            sandbox,
            "storefront.session.secret=",
            "storefront.session.generate-secret-if-missing=true")) {
      secret = app.getBean(SessionSettings.class).keyRing().newest().reveal();
    } finally {
      System.setOut(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(log)
        .contains("WARN")
        .contains("AUTH_SECRET is not set: using a random secret")
        .doesNotContain(secret);
  }

  @Test
  void secretWhenGivenByCatalystNameThenCookiesAreEncryptedWithIt() {
    try (ConfigurableApplicationContext app =
        TestShop.app(sandbox, "AUTH_SECRET=catalyst-style-secret-0123456789")) {
      ShopperClient browser =
          new ShopperClient(
              java.net.URI.create(
                  "http://127.0.0.1:"
                      + app.getEnvironment().getProperty("local.server.port")
                      + "/"));

      browser.get("/");

      SessionCodec codec =
          new SessionCodec(KeyRing.of("catalyst-style-secret-0123456789"), Clock.systemUTC());
      assertThat(codec.decode(browser.cookie(ANONYMOUS).orElseThrow(), ANONYMOUS))
          .isInstanceOf(DecodeResult.Decoded.class);
    }
  }

  @Test
  void rotationWhenOlderSecretConfiguredThenOldCookiesReadAndReissuedWithTheNewest() {
    try (TestShop shop =
        TestShop.start(
            sandbox,
            "AUTH_SECRET=the-new-secret-0123456789",
            "AUTH_SECRET_1=the-old-secret-0123456789",
            "storefront.session.update-age=0s")) {
      var login = shop.loginDirectly();
      SessionClaims claims =
          SessionClaims.builder()
              .email(TestShop.SHOPPER_EMAIL)
              .user(
                  SessionUser.builder()
                      .customerAccessToken(
                          new dev.storefrontsession.core.CustomerAccessToken(
                              login.accessToken().value(), login.accessToken().expiresAt()))
                      .cartId(null)
                      .build())
              .build();
      SessionCodec old =
          new SessionCodec(KeyRing.of("the-old-secret-0123456789"), Clock.systemUTC());
      SessionCodec fresh =
          new SessionCodec(KeyRing.of("the-new-secret-0123456789"), Clock.systemUTC());
      ShopperClient browser =
          shop.browser().setCookie(SESSION, old.encode(claims, SESSION, Duration.ofDays(30)));

      ShopperClient.Response response = browser.get("/whoami");

      assertThat(response.body())
          .startsWith("session:" + TestShop.SHOPPER_EMAIL + " loggedIn=true");
      assertThat(response.setCookie(SESSION)).isPresent();
      String reissued = browser.cookie(SESSION).orElseThrow();
      assertThat(fresh.decode(reissued, SESSION)).isInstanceOf(DecodeResult.Decoded.class);
      assertThat(old.decode(reissued, SESSION)).isInstanceOf(DecodeResult.Rejected.class);
    }
  }

  @Test
  void securityFilterChainWhenDefaultThenNoSessionRequestCacheOrServletApiFilters() {
    try (ConfigurableApplicationContext app = TestShop.app(sandbox)) {
      // (the Actuator's paths have a chain of their own, ManagementSecurityFilterChain)
      java.util.List<String> filters =
          app
              .getBean(
                  "storefrontSecurityFilterChain",
                  org.springframework.security.web.SecurityFilterChain.class)
              .getFilters()
              .stream()
              .map(f -> f.getClass().getSimpleName())
              .toList();

      assertThat(filters)
          .contains(
              "SecurityContextHolderFilter",
              "CsrfFilter",
              "HeaderWriterFilter",
              "ExceptionTranslationFilter",
              "AuthorizationFilter");
      assertThat(filters)
          .doesNotContain(
              "SessionManagementFilter",
              "RequestCacheAwareFilter",
              "SecurityContextHolderAwareRequestFilter");
    }
  }

  @Test
  void httpFirewallWhenDefaultThenStrictWithTheFastHeaderRules() {
    try (ConfigurableApplicationContext app = TestShop.app(sandbox)) {
      org.springframework.security.web.firewall.HttpFirewall firewall =
          app.getBean(org.springframework.security.web.firewall.HttpFirewall.class);

      assertThat(firewall)
          .isInstanceOf(org.springframework.security.web.firewall.StrictHttpFirewall.class);
      assertThat(firewall)
          .extracting("allowedHeaderValues")
          .isSameAs(dev.storefrontsession.spring.internal.FastFirewallRules.HEADER_VALUES);
      assertThat(firewall)
          .extracting("allowedHeaderNames")
          .isSameAs(dev.storefrontsession.spring.internal.FastFirewallRules.NAMES);
    }
  }

  @Test
  void startupWhenStorefrontTokenMissingThenFailsWithClearMessage() {
    assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.bigcommerce.storefront-token="))
        .satisfies(
            e ->
                assertThat(rootCause(e).getMessage())
                    .startsWith("BIGCOMMERCE_STOREFRONT_TOKEN is not set"));
  }

  @Test
  void startupWhenUpdateAgeNegativeThenFailsNamingTheProperty() {
    assertThatThrownBy(() -> TestShop.app(sandbox, "storefront.session.update-age=-1s"))
        .satisfies(
            e -> assertThat(rootCause(e).getMessage()).contains("storefront.session.update-age"));
  }

  @Test
  void storefrontClientWhenRequestTimeoutConfiguredThenAHangingStoreFailsWithTimeoutSoon()
      throws Exception {
    try (java.net.ServerSocket hanging =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (!hanging.isClosed()) {
                    held.add(hanging.accept()); // accept, read nothing, answer nothing
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      try (ConfigurableApplicationContext app =
          TestShop.app(
              sandbox,
              "storefront.bigcommerce.graphql-endpoint=http://127.0.0.1:"
                  + hanging.getLocalPort()
                  + "/graphql",
              "storefront.bigcommerce.request-timeout=1s")) {
        dev.storefrontsession.client.StorefrontClient client =
            app.getBean(dev.storefrontsession.client.StorefrontClient.class);
        long started = System.nanoTime();
        assertThatThrownBy(
                () ->
                    client.execute(
                        "query Shop { site { settings { storeName } } }",
                        java.util.Map.of(),
                        dev.storefrontsession.client.CustomerContext.guest()))
            .isInstanceOf(dev.storefrontsession.client.StorefrontTimeoutException.class);
        // Below the 10 s default (and the client library's 30 s): the configured 1 s applies.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      } finally {
        for (java.net.Socket socket : held) {
          socket.close();
        }
      }
    }
  }

  /**
   * A store answer that echoes the app's own secrets (client secret, AUTH_SECRET, an older one) is
   * redacted.
   */
  @Test
  void storefrontClientWhenStoreEchoesConfiguredSecretsThenExceptionMessagesHideThem()
      throws Exception {
    String clientSecret = "client-secret-echoed-" + java.util.UUID.randomUUID();
    String authSecret = "auth-secret-echoed-" + java.util.UUID.randomUUID();
    String older = "older-secret-echoed-" + java.util.UUID.randomUUID();
    com.sun.net.httpserver.HttpServer echo =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    echo.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("{\"errors\":[{\"message\":\"bad "
                      + clientSecret
                      + " "
                      + authSecret
                      + " "
                      + older
                      + "\"}]}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(502, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    echo.start();
    try (ConfigurableApplicationContext app =
        TestShop.app(
            sandbox,
            "storefront.bigcommerce.graphql-endpoint=http://127.0.0.1:"
                + echo.getAddress().getPort()
                + "/graphql",
            "storefront.bigcommerce.client-secret=" + clientSecret,
            "storefront.session.secret=" + authSecret,
            "AUTH_SECRET_1=" + older)) {
      dev.storefrontsession.client.StorefrontClient client =
          app.getBean(dev.storefrontsession.client.StorefrontClient.class);
      assertThatThrownBy(
              () ->
                  client.execute(
                      "query Shop { site { settings { storeName } } }",
                      java.util.Map.of(),
                      dev.storefrontsession.client.CustomerContext.guest()))
          .isInstanceOfSatisfying(
              dev.storefrontsession.client.StorefrontApiException.class,
              e -> {
                String told = e.getMessage() + e.bodyExcerpt() + e.errors();
                assertThat(told)
                    .contains("bad <redacted>")
                    .doesNotContain(clientSecret)
                    .doesNotContain(authSecret)
                    .doesNotContain(older);
              });
    } finally {
      echo.stop(0);
    }
  }

  @Test
  void storefrontBigCommercePropertiesWhenUnsetThenShopperFriendlyTimeouts() {
    StorefrontBigCommerceProperties properties = new StorefrontBigCommerceProperties();
    assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  /**
   * A shopper whose session Auth.js chunked into many cookies sends a large Cookie header; 8 KB
   * would answer 400.
   */
  @Test
  void headerLimitsWhenTheAppSetsNoneThenTheStarterRaisesThemTo80Kb() throws Exception {
    try (ConfigurableApplicationContext app = TestShop.app(sandbox)) {
      assertThat(app.getEnvironment().getProperty("server.max-http-request-header-size"))
          .isEqualTo("80KB");
      assertThat(app.getEnvironment().getProperty("server.tomcat.max-http-response-header-size"))
          .isEqualTo("80KB");
      int port =
          ((org.springframework.boot.web.server.context.WebServerApplicationContext) app)
              .getWebServer()
              .getPort();
      StringBuilder cookies = new StringBuilder();
      for (int i = 0; cookies.length() < 40_000; i++) {
        cookies
            .append(cookies.isEmpty() ? "" : "; ")
            .append("other")
            .append(i)
            .append('=')
            .append("x".repeat(3900));
      }
      java.net.http.HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/api/auth/session"))
                      .header("Cookie", cookies.toString())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headerLimitsWhenTheAppSetsSmallerOnesThenTheyStayAndAWarningNamesThem() {
    org.springframework.mock.env.MockEnvironment env =
        new org.springframework.mock.env.MockEnvironment()
            .withProperty("server.max-http-request-header-size", "8KB");
    assertThat(dev.storefrontsession.spring.internal.HeaderLimitDefaults.check(env))
        .contains("server.max-http-request-header-size=8KB")
        .contains("80KB");
    assertThat(
            dev.storefrontsession.spring.internal.HeaderLimitDefaults.check(
                new org.springframework.mock.env.MockEnvironment()))
        .isNull();
  }

  @Test
  void clientWhenAnAppDefinesACustomizerThenItChangesTheBuiltClientAfterTheSettings() {
    StorefrontClientCustomizer customizer =
        builder -> builder.userAgentProduct("my-storefront/2.1");
    try (ConfigurableApplicationContext app =
        TestShop.app(sandbox, java.util.Map.of("myCustomizer", customizer))) {
      dev.storefrontsession.client.StorefrontClient client =
          app.getBean(dev.storefrontsession.client.StorefrontClient.class);
      assertThat(client.userAgent()).endsWith(" my-storefront/2.1");
      assertThat(client.defaultChannelId()).isEqualTo(sandbox.settings().channelId());
    }
  }
}
