package dev.storefrontsession.storefront;

import dev.storefrontsession.storefront.internal.EmbeddedStore;
import dev.storefrontsession.storefront.internal.NoStoreConfiguredException;
import dev.storefrontsession.storefront.internal.ProductionMode;
import dev.storefrontsession.storefront.internal.ProductionSettingsMissingException;
import dev.storefrontsession.storefront.internal.StorefrontLocales;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Start-up rules of the storefront, applied before any bean exists:
 *
 * <ul>
 *   <li>Production mode ({@code STOREFRONT_ENV=production} or the Spring profile {@code
 *       production}) refuses to start without {@code AUTH_SECRET} and a real store ({@code
 *       BIGCOMMERCE_STORE_HASH} or {@code BIGCOMMERCE_GRAPHQL_ENDPOINT}, and {@code
 *       BIGCOMMERCE_STOREFRONT_TOKEN}), with one report naming every missing setting; it never
 *       starts the embedded sandbox, whose demo customers and development client secret are public.
 *   <li>{@code AUTH_SECRET}: when missing in development, a random one is made with a warning
 *       (sessions then end with the process).
 *   <li>Store: when neither {@code BIGCOMMERCE_GRAPHQL_ENDPOINT} nor {@code BIGCOMMERCE_STORE_HASH}
 *       (nor their {@code storefront.bigcommerce.*} names) is set in development, the sandbox
 *       starts in this process on a free loopback port (H2 file database under {@code
 *       storefront.sandbox.data-dir}, default {@code ./data/sandbox}) and the storefront is pointed
 *       at it. Only the development jar ({@code bin/storefront}) holds the sandbox; the production
 *       jar then refuses to start ({@link NoStoreConfiguredException}).
 * </ul>
 *
 * Not thread-safe; one instance per application run.
 */
final class StorefrontStartup implements ApplicationListener<ApplicationEvent> {

  static final String PROPERTY_SOURCE = "storefrontStartup";
  static final String DEFAULT_DATA_DIR = "./data/sandbox";

  /**
   * The storefront's address as shoppers reach it; the embedded sandbox's checkout links back to
   * it.
   */
  static final String PUBLIC_URL = "storefront.public-url";

  private static final Logger log = LoggerFactory.getLogger(StorefrontStartup.class);

  private EmbeddedStore sandbox;

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      prepare(prepared.getEnvironment());
    } else if (event instanceof ApplicationPreparedEvent prepared && sandbox != null) {
      prepared
          .getApplicationContext()
          .getBeanFactory()
          .registerSingleton("embeddedSandbox", sandbox);
    } else if (event instanceof ApplicationReadyEvent ready) {
      if (sandbox != null) {
        sandbox.awaitStart(); // a sandbox that failed to start fails the storefront's start
        registerSite(ready);
      }
      if (ready
          .getApplicationContext()
          .getEnvironment()
          .getProperty("storefront.training-run", Boolean.class, false)) {
        trainAndExit(ready);
        return;
      }
      announce(ready);
    } else if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
      closeSandbox();
    }
  }

  private void prepare(ConfigurableEnvironment env) {
    Map<String, Object> props = new LinkedHashMap<>();
    if (ProductionMode.isProduction(env)) {
      List<String> problems = missingInProduction(env);
      if (!problems.isEmpty()) {
        throw new ProductionSettingsMissingException(problems);
      }
    }
    if (isBlank(firstOf(env, "AUTH_SECRET", "storefront.session.secret"))) {
      log.warn(
          "AUTH_SECRET is not set: using a random secret for this run (development mode). Sessions end "
              + "when the process stops. Set AUTH_SECRET to keep them.");
      props.put("AUTH_SECRET", randomSecret());
    }
    if (shouldStartSandbox(env)) {
      // only the development jar has it (META-INF/services); the production jar has no sandbox
      EmbeddedStore.Starter starter =
          EmbeddedStore.starter().orElseThrow(NoStoreConfiguredException::new);
      sandbox = starter.startInBackground(env, DEFAULT_DATA_DIR, randomSecret());
      // Everything but the endpoint (its port) is known now; the endpoint is resolved when first
      // read,
      // waiting for the sandbox, so the storefront's own start runs in parallel with the sandbox's.
      EmbeddedStore started = sandbox;
      env.getPropertySources()
          .addFirst(new LazyEndpointPropertySource(started::graphqlEndpointTemplate));
      // storefront.locales is also STOREFRONT_LOCALES (relaxed binding)
      if (isBlank(firstOf(env, "storefront.locales"))) {
        // the demo store's two channels: English (default, unprefixed) and French under /fr
        props.put("storefront.locales", DEMO_LOCALES);
      }
      // The store hash, channel, tokens and the trusted-proxy secret: the storefront is the
      // sandbox's trusted
      // proxy, as a Catalyst deployment is BigCommerce's.
      props.putAll(sandbox.storeProperties());
    }
    if (!props.isEmpty()) {
      env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    }
  }

  private static List<String> missingInProduction(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    if (isBlank(firstOf(env, "AUTH_SECRET", "NEXTAUTH_SECRET", "storefront.session.secret"))) {
      problems.add(
          "AUTH_SECRET is not set (storefront.session.secret): a stable secret shared by all instances"
              + " encrypts the session cookies, e.g. the output of `openssl rand -base64 33`.");
    }
    if (isBlank(
        firstOf(
            env,
            "BIGCOMMERCE_GRAPHQL_ENDPOINT",
            "storefront.bigcommerce.graphql-endpoint",
            "BIGCOMMERCE_STORE_HASH",
            "storefront.bigcommerce.store-hash"))) {
      problems.add(
          "BIGCOMMERCE_STORE_HASH is not set (storefront.bigcommerce.store-hash; or"
              + " BIGCOMMERCE_GRAPHQL_ENDPOINT): the store to serve. Production never runs the embedded demo"
              + " sandbox.");
    }
    if (isBlank(
        firstOf(env, "BIGCOMMERCE_STOREFRONT_TOKEN", "storefront.bigcommerce.storefront-token"))) {
      problems.add(
          "BIGCOMMERCE_STOREFRONT_TOKEN is not set (storefront.bigcommerce.storefront-token): a private"
              + " storefront token of the store's channel.");
    }
    if ("always".equalsIgnoreCase(env.getProperty("storefront.sandbox.mode", "auto").trim())) {
      problems.add(
          "storefront.sandbox.mode is 'always', but the embedded demo sandbox never runs in"
              + " production: remove the setting.");
    }
    return problems;
  }

  private static boolean shouldStartSandbox(ConfigurableEnvironment env) {
    String mode =
        env.getProperty("storefront.sandbox.mode", "auto").trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "always" -> true;
      case "never" -> false;
      default ->
          isBlank(
              firstOf(
                  env,
                  "BIGCOMMERCE_GRAPHQL_ENDPOINT",
                  "storefront.bigcommerce.graphql-endpoint",
                  "BIGCOMMERCE_STORE_HASH",
                  "storefront.bigcommerce.store-hash"));
    };
  }

  /**
   * The embedded sandbox's channels: channel 1 English at {@code /}, channel 2 French at {@code
   * /fr}.
   */
  static final String DEMO_LOCALES = "en:1,fr:2";

  /** {@code BIGCOMMERCE_GRAPHQL_ENDPOINT}, computed on first read. */
  static final class LazyEndpointPropertySource extends EnumerablePropertySource<Object> {
    static final String NAME = "embeddedSandboxEndpoint";
    static final String KEY = "BIGCOMMERCE_GRAPHQL_ENDPOINT";
    private final Supplier<String> endpoint;

    LazyEndpointPropertySource(Supplier<String> endpoint) {
      super(NAME, new Object());
      this.endpoint = endpoint;
    }

    @Override
    public String[] getPropertyNames() {
      return new String[] {KEY};
    }

    @Override
    public Object getProperty(String name) {
      return KEY.equals(name) ? endpoint.get() : null;
    }
  }

  /**
   * Tells the embedded sandbox where this storefront is, as a storefront's site URL is registered
   * with BigCommerce: its checkout links back here (sign in, sign out, order confirmation). {@code
   * storefront.public-url} when set, else {@code http://localhost:<port>}, the address {@link
   * #announce} prints (cookies are per host name, so the shopper must come back to the name they
   * browse). A locale served under a path prefix with a channel of its own ({@code fr:2} at {@code
   * /fr}) registers that channel's site with the prefix, so its checkout returns to {@code
   * /fr/checkout/order-confirmation} and its sign-in and sign-out links stay in French.
   */
  private void registerSite(ApplicationReadyEvent ready) {
    String configured = ready.getApplicationContext().getEnvironment().getProperty(PUBLIC_URL);
    URI site;
    if (!isBlank(configured)) {
      site = URI.create(configured.strip());
    } else if (ready.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      site = URI.create("http://localhost:" + web.getWebServer().getPort());
    } else {
      return;
    }
    sandbox.siteUrl(site);
    StorefrontLocales locales =
        ready.getApplicationContext().getBeanProvider(StorefrontLocales.class).getIfAvailable();
    if (locales == null) {
      return;
    }
    String base = site.toString().replaceAll("/+$", "");
    java.util.Set<Long> registered = new java.util.HashSet<>();
    for (StorefrontLocales.StoreLocale locale : locales.all()) {
      Long channel = locale.channelId();
      if (channel == null || !registered.add(channel)) {
        continue; // the default channel's site is the one above; the first locale of a channel wins
      }
      try {
        sandbox.siteUrl(channel, URI.create(base + locale.prefix()));
      } catch (IllegalArgumentException e) {
        log.warn(
            "storefront.locales: locale {} names channel {}: {}",
            locale.tag(),
            channel,
            e.getMessage());
      }
    }
  }

  private void announce(ApplicationReadyEvent ready) {
    if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)
        || web.getWebServer() == null) {
      return;
    }
    if (!ready
        .getApplicationContext()
        .getEnvironment()
        .getProperty("storefront.announce", Boolean.class, true)) {
      return;
    }
    StringBuilder out =
        new StringBuilder(
            "\n  Storefront ready: http://localhost:" + web.getWebServer().getPort() + "/\n");
    if (sandbox != null) {
      out.append("  Store: embedded sandbox at ")
          .append(sandbox.graphqlEndpoint())
          .append('\n')
          .append("  Demo logins:\n")
          .append("    shopper@example.com    / Shopper-Pass-1    (default prices)\n")
          .append("    wholesale@example.com  / Wholesale-Pass-1  (Wholesale group prices)\n")
          .append(
              "  Checkout: the sandbox's own checkout, test payment (nothing is charged); it returns to ")
          .append(sandbox.siteUrl())
          .append('\n');
    }
    System.out.println(out);
  }

  /**
   * {@link TrainingRun}: visit the first pages, then end the process (exit code 0 only when all
   * answered 200).
   */
  private static void trainAndExit(ApplicationReadyEvent ready) {
    int status = 0;
    try {
      WebServerApplicationContext web = (WebServerApplicationContext) ready.getApplicationContext();
      TrainingRun.visit(URI.create("http://127.0.0.1:" + web.getWebServer().getPort()));
    } catch (Exception e) {
      log.warn("Training run failed: {}", e.toString());
      status = 1;
    }
    int exit = status;
    System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> exit));
  }

  private void closeSandbox() {
    EmbeddedStore s = sandbox;
    sandbox = null;
    if (s != null) {
      try {
        s.close();
      } catch (Exception e) {
        log.warn("Closing the embedded sandbox failed: {}", e.toString());
      }
    }
  }

  private static String firstOf(ConfigurableEnvironment env, String... names) {
    for (String n : names) {
      String v = env.getProperty(n);
      if (!isBlank(v)) {
        return v;
      }
    }
    return null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[33];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
