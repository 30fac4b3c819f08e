package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.storefront.embedded.EmbeddedSandbox;
import dev.storefrontsession.testing.ShopperClient;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What tracing would export: every key value of every observation as it stops (span attributes and
 * names are made of exactly these), recorded by a handler of the application's own registry while
 * shoppers sign in by password and by SSO link, open a reset link and sign out. None may hold a
 * token, a password, an email or a cart id.
 */
class TraceAttributesTest {

  static final List<String> SEEN = new CopyOnWriteArrayList<>();
  static ConfigurableApplicationContext context;
  static URI base;

  /** Records each stopped observation's name, contextual name and key values. */
  static final class Recording implements ObservationHandler<Observation.Context> {
    @Override
    public void onStop(Observation.Context context) {
      StringBuilder line =
          new StringBuilder(context.getName()).append(' ').append(context.getContextualName());
      for (KeyValue kv : context.getAllKeyValues()) {
        line.append(' ').append(kv.getKey()).append('=').append(kv.getValue());
      }
      SEEN.add(line.toString());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  @BeforeAll
  static void start() {
    context =
        StorefrontApplication.builder()
            .properties(
                "server.port=0",
                "storefront.announce=false",
                "AUTH_SECRET=test-secret-for-the-trace-attribute-tests-0123456789",
                "AUTH_TRUST_HOST=true",
                "storefront.sandbox.mode=always",
                "storefront.sandbox.in-memory=true")
            .initializers(
                ctx -> ctx.getBeanFactory().registerSingleton("recordingHandler", new Recording()))
            .run("--management.tracing.sampling.probability=1.0");
    base =
        URI.create(
            "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void observationsWhenShoppersSignInBySsoAndPasswordAndOpenResetLinksThenHoldNoTokenEmailOrCart() {
    SandboxSettings s = context.getBean(EmbeddedSandbox.class).settings();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(s.clientId())
            .clientSecret(s.clientSecret())
            .storeHash(s.storeHash())
            .customerId(1)
            .channelId(s.channelId())
            .redirectTo("/account/orders")
            .build()
            .token();
    ShopperClient sso = ShopperClient.behindProxy(base);
    Shop.addToCart(sso, Shop.TOWEL, 1);
    assertThat(sso.get("/login/token/" + jwt).status()).isEqualTo(302);
    String sessionCookie = sso.cookies().get("authjs.session-token");
    assertThat(sso.get("/account/orders").status()).isEqualTo(200);
    sso.get("/logout");

    ShopperClient password = ShopperClient.behindProxy(base);
    Shop.loginOk(password, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    password.get("/login/reset-password?c=1&t=reset-token-" + "7f3a9c1e5b2d");

    String all = String.join("\n", SEEN);
    assertThat(SEEN)
        .as("observations were recorded")
        .anyMatch(l -> l.startsWith("http.server.requests"))
        .anyMatch(l -> l.startsWith("storefront.bigcommerce.requests"));
    assertThat(all)
        .doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1))
        .doesNotContain(jwt.substring(0, jwt.indexOf('.')) + "." + jwt.split("\\.")[1])
        .doesNotContain("reset-token-7f3a9c1e5b2d")
        .doesNotContain(Shop.SHOPPER)
        .doesNotContain(Shop.SHOPPER_PASSWORD)
        .doesNotContain(s.storefrontToken());
    assertThat(sessionCookie).isNotNull();
    assertThat(all)
        .doesNotContain(sessionCookie.substring(0, Math.min(40, sessionCookie.length())));
    assertThat(all).doesNotContainPattern("[0-9a-f]{64}_[0-9]+");
    assertThat(all).as("the SSO route appears as its pattern").contains("/login/token/{jwt}");
  }
}
