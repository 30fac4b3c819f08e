package dev.storefrontsession.spring.testapp;

import dev.storefrontsession.testing.MutableClock;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A tiny storefront for the HTTP-level tests: only session-spring's auto-configuration and a few handlers. */
@SpringBootApplication
public class TestShopApplication {

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
