package dev.storefrontsession.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the store is, bound from {@code storefront.bigcommerce.*}; Catalyst's environment names are
 * fallbacks: {@code BIGCOMMERCE_STORE_HASH}, {@code BIGCOMMERCE_CHANNEL_ID}, {@code
 * BIGCOMMERCE_STOREFRONT_TOKEN}, {@code BIGCOMMERCE_CLIENT_ID}, {@code BIGCOMMERCE_CLIENT_SECRET},
 * {@code BIGCOMMERCE_GRAPHQL_API_DOMAIN}, {@code BIGCOMMERCE_TRUSTED_PROXY_SECRET} and {@code
 * BIGCOMMERCE_GRAPHQL_ENDPOINT} (a full URL, e.g. a sandbox).
 */
@ConfigurationProperties(prefix = "storefront.bigcommerce")
public class StorefrontBigCommerceProperties {

  /**
   * The store's hash ({@code BIGCOMMERCE_STORE_HASH}); the endpoint is {@code
   * https://store-{hash}-{channel}.{domain}/graphql}.
   */
  private String storeHash;

  /** The default channel, a positive integer ({@code BIGCOMMERCE_CHANNEL_ID}; default 1). */
  private String channelId;

  /**
   * The storefront token sent as {@code Authorization: Bearer} ({@code
   * BIGCOMMERCE_STOREFRONT_TOKEN}); a private (server-to-server) token is needed for customer
   * access tokens.
   */
  private String storefrontToken;

  /** The API client id that signs Customer Login JWTs for SSO ({@code BIGCOMMERCE_CLIENT_ID}). */
  private String clientId;

  /** The API client secret that signs Customer Login JWTs ({@code BIGCOMMERCE_CLIENT_SECRET}). */
  private String clientSecret;

  /**
   * The API domain of the per-channel endpoint ({@code BIGCOMMERCE_GRAPHQL_API_DOMAIN}; default
   * mybigcommerce.com).
   */
  private String graphqlApiDomain;

  /**
   * Sent as {@code X-BC-Trusted-Proxy-Secret} so the store believes the forwarded shopper IP
   * ({@code BIGCOMMERCE_TRUSTED_PROXY_SECRET}).
   */
  private String trustedProxySecret;

  /**
   * A full GraphQL URL instead of the per-channel one: a sandbox, a proxy or a gateway ({@code
   * BIGCOMMERCE_GRAPHQL_ENDPOINT}).
   */
  private String graphqlEndpoint;

  /** How long to wait for a connection to the store. */
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

  /**
   * How long a shopper's page waits for one store call before it is answered with an error or a
   * degraded page (shorter than the client library's own default: a shopper should not wait 30 s).
   */
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

  /**
   * How long the store's health (the readiness probe's {@code store} check, with Actuator) is kept
   * before the store is asked again: probes never send the store more than one query per this
   * interval per instance.
   */
  private Duration healthCheckInterval = DEFAULT_HEALTH_CHECK_INTERVAL;

  /** Default {@link #getHealthCheckInterval()}. */
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(10);

  /** Default {@link #getConnectTimeout()}. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default {@link #getRequestTimeout()}. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public String getStoreHash() {
    return storeHash;
  }

  public void setStoreHash(String storeHash) {
    this.storeHash = storeHash;
  }

  public String getChannelId() {
    return channelId;
  }

  public void setChannelId(String channelId) {
    this.channelId = channelId;
  }

  public String getStorefrontToken() {
    return storefrontToken;
  }

  public void setStorefrontToken(String storefrontToken) {
    this.storefrontToken = storefrontToken;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getGraphqlApiDomain() {
    return graphqlApiDomain;
  }

  public void setGraphqlApiDomain(String graphqlApiDomain) {
    this.graphqlApiDomain = graphqlApiDomain;
  }

  public String getTrustedProxySecret() {
    return trustedProxySecret;
  }

  public void setTrustedProxySecret(String trustedProxySecret) {
    this.trustedProxySecret = trustedProxySecret;
  }

  public String getGraphqlEndpoint() {
    return graphqlEndpoint;
  }

  public void setGraphqlEndpoint(String graphqlEndpoint) {
    this.graphqlEndpoint = graphqlEndpoint;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  @Override
  public String toString() {
    return "StorefrontBigCommerceProperties[storeHash="
        + storeHash
        + ", channelId="
        + channelId
        + ", graphqlEndpoint="
        + graphqlEndpoint
        + ", tokens=<redacted>]";
  }

  public Duration getHealthCheckInterval() {
    return healthCheckInterval;
  }

  public void setHealthCheckInterval(Duration healthCheckInterval) {
    this.healthCheckInterval = healthCheckInterval;
  }
}
