package dev.storefrontsession.storefront.internal;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * The storefront's one rule for production mode: {@code STOREFRONT_ENV=production} or the Spring
 * profile {@code production} (any case). Start-up refuses to run without {@code AUTH_SECRET} in it,
 * and development helpers (the sandbox's reset links in the log) stay off.
 */
public final class ProductionMode {

  private ProductionMode() {}

  public static boolean isProduction(Environment env) {
    return "production".equalsIgnoreCase(env.getProperty("STOREFRONT_ENV", "").trim())
        || Arrays.stream(env.getActiveProfiles()).anyMatch("production"::equalsIgnoreCase);
  }
}
