package dev.storefrontsession.spring;

import dev.storefrontsession.spring.internal.SessionPolicy;
import dev.storefrontsession.spring.internal.TrustedProxies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shopper session, bound from {@code storefront.session.*}. Catalyst's environment
 * names are honoured as fallbacks by {@link StorefrontSessionAutoConfiguration}: {@code
 * AUTH_SECRET}, {@code AUTH_SECRET_1..3} (older secrets, {@code _1} the most recent of them),
 * {@code AUTH_URL} and {@code AUTH_TRUST_HOST}.
 *
 * <p>Mutable only while Spring binds it; the auto-configuration turns it into immutable settings at
 * startup.
 */
@ConfigurationProperties(prefix = "storefront.session")
public class StorefrontSessionProperties {

  /** Auth.js's default session lifetime. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  /** Auth.js's default update age. */
  public static final Duration DEFAULT_UPDATE_AGE = Duration.ofHours(24);

  /** Catalyst's anonymous-session cookie lifetime. */
  public static final Duration DEFAULT_ANONYMOUS_MAX_AGE = Duration.ofDays(7);

  /** The secret that encodes session cookies ({@code AUTH_SECRET}). */
  private String secret;

  /** Older secrets still accepted when decoding, newest first ({@code AUTH_SECRET_1..3}). */
  private List<String> olderSecrets = new ArrayList<>();

  /**
   * Development only: make a random secret when none is configured (cookies do not survive a
   * restart).
   */
  private boolean generateSecretIfMissing;

  /**
   * The public URL of the storefront ({@code AUTH_URL}); its scheme decides secure cookies, its
   * origin redirects.
   */
  private String url;

  /**
   * Trust {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-For} from the
   * proxies in front ({@code AUTH_TRUST_HOST}; see {@link #getTrustedProxies()}).
   */
  private Boolean trustHost;

  /**
   * With {@code trustHost}: the proxies in front of the storefront, as addresses and CIDR ranges;
   * forwarded headers count only from them, and the shopper IP is the right-most {@code
   * X-Forwarded-For} hop that is not one of them. Default: loopback and the private ranges
   * (Tomcat's {@code RemoteIpValve} default).
   */
  private List<String> trustedProxies = new ArrayList<>(TrustedProxies.DEFAULT);

  /** Force secure cookie names and attributes on or off; unset means: decided per request. */
  private Boolean useSecureCookies;

  /** How long a session lives without activity (cookie expiry and JWT {@code exp}). */
  private Duration maxAge = DEFAULT_MAX_AGE;

  /**
   * A session cookie older than this is re-issued when the session is read; zero re-issues on every
   * read.
   */
  private Duration updateAge = DEFAULT_UPDATE_AGE;

  /** Lifetime of the anonymous-session cookie. */
  private Duration anonymousMaxAge = DEFAULT_ANONYMOUS_MAX_AGE;

  /**
   * Write the session and anonymous cookies without {@code Expires}/{@code Max-Age}
   * (browser-session cookies, as Catalyst does since mid-2026); the token's {@code exp} ({@link
   * #getMaxAge()}) still limits them.
   */
  private boolean browserSessionCookies;

  /**
   * End a session this long after sign-in however active the shopper is (the {@code auth_time}
   * claim records the sign-in; re-issues never extend past it). Unset: no absolute lifetime.
   */
  private Duration absoluteMaxAge;

  /**
   * Every cookie {@code Partitioned; SameSite=None; Secure}, for a storefront shown inside another
   * site's iframe (a page builder's editor). Needs https: the start fails unless cookies are always
   * secure.
   */
  private boolean partitionedCookies;

  /**
   * A signed-in session whose customer access token the store last confirmed longer ago than this
   * has it checked on its next request (one cheap customer query), so a token revoked elsewhere
   * signs the shopper out; {@code 0s}: never.
   */
  private Duration revalidateInterval = SessionPolicy.DEFAULT_REVALIDATE_INTERVAL;

  /**
   * How many decoded session cookies to keep, each for at most a minute: a shopper's next request
   * with the same cookie is read by a SHA-256 lookup instead of decrypting it again (its expiry is
   * still checked). Bounded, so memory does not grow with shoppers; {@code 0}: decode every time.
   */
  private int decodeCacheSize =
      dev.storefrontsession.spring.internal.SessionSettings.DEFAULT_DECODE_CACHE_SIZE;

  /**
   * Include the customer access token in {@code GET /api/auth/session} (Catalyst does; off by
   * default).
   */
  private boolean exposeCustomerAccessToken;

  /** The login page: protected routes and failed sign-ins redirect here. */
  private String signInPage = "/login";

  /** Paths that need a signed-in shopper (a customer access token). */
  private List<String> protectedPaths = new ArrayList<>(List.of("/account/**"));

  /** Paths for which no anonymous session and no CSRF cookie are created (static files, APIs). */
  private List<String> passivePaths =
      new ArrayList<>(
          List.of(
              "/api/**",
              "/css/**",
              "/js/**",
              "/images/**",
              "/img/**",
              "/webjars/**",
              "/favicon.ico",
              "/robots.txt",
              "/sitemap.xml",
              "/error"));

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public List<String> getOlderSecrets() {
    return olderSecrets;
  }

  public void setOlderSecrets(List<String> olderSecrets) {
    this.olderSecrets = olderSecrets;
  }

  public boolean isGenerateSecretIfMissing() {
    return generateSecretIfMissing;
  }

  public void setGenerateSecretIfMissing(boolean generateSecretIfMissing) {
    this.generateSecretIfMissing = generateSecretIfMissing;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Boolean getTrustHost() {
    return trustHost;
  }

  public void setTrustHost(Boolean trustHost) {
    this.trustHost = trustHost;
  }

  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  public void setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public Boolean getUseSecureCookies() {
    return useSecureCookies;
  }

  public void setUseSecureCookies(Boolean useSecureCookies) {
    this.useSecureCookies = useSecureCookies;
  }

  public Duration getMaxAge() {
    return maxAge;
  }

  public void setMaxAge(Duration maxAge) {
    this.maxAge = maxAge;
  }

  public Duration getUpdateAge() {
    return updateAge;
  }

  public void setUpdateAge(Duration updateAge) {
    this.updateAge = updateAge;
  }

  public Duration getAnonymousMaxAge() {
    return anonymousMaxAge;
  }

  public void setAnonymousMaxAge(Duration anonymousMaxAge) {
    this.anonymousMaxAge = anonymousMaxAge;
  }

  public boolean isBrowserSessionCookies() {
    return browserSessionCookies;
  }

  public void setBrowserSessionCookies(boolean browserSessionCookies) {
    this.browserSessionCookies = browserSessionCookies;
  }

  public Duration getAbsoluteMaxAge() {
    return absoluteMaxAge;
  }

  public void setAbsoluteMaxAge(Duration absoluteMaxAge) {
    this.absoluteMaxAge = absoluteMaxAge;
  }

  public boolean isPartitionedCookies() {
    return partitionedCookies;
  }

  public void setPartitionedCookies(boolean partitionedCookies) {
    this.partitionedCookies = partitionedCookies;
  }

  public Duration getRevalidateInterval() {
    return revalidateInterval;
  }

  public void setRevalidateInterval(Duration revalidateInterval) {
    this.revalidateInterval = revalidateInterval;
  }

  public int getDecodeCacheSize() {
    return decodeCacheSize;
  }

  public void setDecodeCacheSize(int decodeCacheSize) {
    this.decodeCacheSize = decodeCacheSize;
  }

  public boolean isExposeCustomerAccessToken() {
    return exposeCustomerAccessToken;
  }

  public void setExposeCustomerAccessToken(boolean exposeCustomerAccessToken) {
    this.exposeCustomerAccessToken = exposeCustomerAccessToken;
  }

  public String getSignInPage() {
    return signInPage;
  }

  public void setSignInPage(String signInPage) {
    this.signInPage = signInPage;
  }

  public List<String> getProtectedPaths() {
    return protectedPaths;
  }

  public void setProtectedPaths(List<String> protectedPaths) {
    this.protectedPaths = protectedPaths;
  }

  public List<String> getPassivePaths() {
    return passivePaths;
  }

  public void setPassivePaths(List<String> passivePaths) {
    this.passivePaths = passivePaths;
  }

  @Override
  public String toString() {
    return "StorefrontSessionProperties[secret=<redacted>, url="
        + url
        + ", maxAge="
        + maxAge
        + ", updateAge="
        + updateAge
        + "]";
  }
}
