package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration rules of {@link StorefrontClient.Builder}; nothing here talks to a server. */
class StorefrontClientBuilderTest {

  @Test
  void buildWhenNoStorefrontTokenThenRefused() {
    assertThatThrownBy(() -> StorefrontClient.builder().storeHash("abc").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storefront token");
  }

  @Test
  void buildWhenNoStoreHashAndNoEndpointThenRefused() {
    assertThatThrownBy(() -> StorefrontClient.builder().storefrontToken("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store hash");
  }

  @Test
  void buildWhenEndpointOverrideThenStoreHashOptional() {
    StorefrontClient client =
        StorefrontClient.create(c -> c.storefrontToken("t").endpoint("http://127.0.0.1:1/graphql"));
    assertThat(client.endpoint(1, OperationType.QUERY, "Q").toString())
        .isEqualTo("http://127.0.0.1:1/graphql?operation=Q&type=query");
  }

  @Test
  void settersWhenInvalidValuesThenRefusedWithReason() {
    StorefrontClient.Builder b = StorefrontClient.builder();
    assertThatThrownBy(() -> b.storefrontToken(" ")).hasMessageContaining("storefront token");
    assertThatThrownBy(() -> b.storefrontToken("a\r\nb"))
        .hasMessageContaining("control character")
        .hasMessageNotContaining("a\r\nb");
    assertThatThrownBy(() -> b.channelId(0)).hasMessageContaining("channel id");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .hasMessageContaining("request timeout");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> b.defaultCacheTtl(Duration.ZERO)).hasMessageContaining("cache TTL");
    assertThatThrownBy(() -> b.cacheMaximumSize(-1)).hasMessageContaining("cache size");
    assertThatThrownBy(() -> b.maxResponseBytes(0)).hasMessageContaining("max response size");
    assertThatThrownBy(() -> b.storefrontToken("t").endpoint("ftp://x/graphql").build())
        .hasMessageContaining("http(s)");
  }

  @Test
  void channelForWhenExplicitThenLocaleThenDefault() {
    StorefrontClient client =
        StorefrontClient.create(
            c ->
                c.storefrontToken("t")
                    .storeHash("abc")
                    .channelId(9)
                    .channelResolver(locale -> locale.equals("fr") ? 2L : null));
    CustomerContext fr = CustomerContext.guest().withLocale("fr");
    assertThat(client.channelFor(3L, fr)).isEqualTo(3);
    assertThat(client.channelFor(null, fr)).isEqualTo(2);
    assertThat(client.channelFor(null, CustomerContext.guest().withLocale("de"))).isEqualTo(9);
    assertThat(client.channelFor(null, CustomerContext.guest())).isEqualTo(9);
  }

  @Test
  void userAgentWhenProductGivenThenAppendedAfterLibrary() {
    StorefrontClient client =
        StorefrontClient.create(
            c -> c.storefrontToken("t").storeHash("abc").userAgentProduct("my-storefront/2.1"));
    assertThat(client.userAgent())
        .matches("storefront-session-bigcommerce-client/\\S+ \\(Java [^)]+\\) my-storefront/2\\.1");
    assertThat(client.toBuilder().build().userAgent()).isEqualTo(client.userAgent());
  }

  @Test
  void toStringWhenBuiltThenTokenAndSecretsRedacted() {
    StorefrontClient.Builder b =
        StorefrontClient.builder()
            .storefrontToken("very-secret-token")
            .storeHash("abc")
            .trustedProxySecret("proxy-secret");
    assertThat(b.toString()).doesNotContain("very-secret-token").doesNotContain("proxy-secret");
    assertThat(b.build().toString())
        .doesNotContain("very-secret-token")
        .doesNotContain("proxy-secret")
        .contains("https://store-abc-1.mybigcommerce.com/graphql");
  }
}
