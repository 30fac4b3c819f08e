package dev.storefrontsession.spring.testapp;

import dev.storefrontsession.client.ChannelResolver;
import dev.storefrontsession.core.CookieHeader;
import dev.storefrontsession.spring.ShopperLocales;
import dev.storefrontsession.testing.MutableClock;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A tiny storefront for the HTTP-level tests: only session-spring's auto-configuration and a few
 * handlers.
 */
@SpringBootApplication
public class TestShopApplication {

  /** Channel 2 is the French one ({@code fr}); every other locale uses the default channel. */
  public static final long FRENCH_CHANNEL = 2;

  /**
   * The locale of a request: the {@code test-locale} cookie (a browser's chosen locale), else
   * Accept-Language.
   */
  @Bean
  public ShopperLocales shopperLocales() {
    ShopperLocales acceptLanguage = ShopperLocales.acceptLanguage();
    return request -> {
      Map<String, String> cookies = new HashMap<>();
      if (request.getHeader("Cookie") != null) {
        CookieHeader.parseInto(request.getHeader("Cookie"), cookies);
      }
      String chosen = cookies.get("test-locale");
      return chosen != null ? chosen : acceptLanguage.localeOf(request);
    };
  }

  @Bean
  public ChannelResolver channelResolver() {
    return locale -> "fr".equals(locale) ? FRENCH_CHANNEL : null;
  }

  @Bean
  public MutableClock clock() {
    return new MutableClock();
  }

  /** Counts HTTP sessions the container creates: must stay zero (stateless). */
  @Bean
  public SessionCounter sessionCounter() {
    return new SessionCounter();
  }

  public static final class SessionCounter implements HttpSessionListener {
    private final AtomicInteger created = new AtomicInteger();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
      created.incrementAndGet();
    }

    public int created() {
      return created.get();
    }
  }
}
