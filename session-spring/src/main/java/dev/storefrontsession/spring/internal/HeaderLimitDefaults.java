package dev.storefrontsession.spring.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Raises the embedded server's header limits to {@value #LIMIT} by default, weaker than any setting
 * of the app: a session chunked as Auth.js chunks it may take up to 16 cookies of about 4 KB, and
 * with Tomcat's 8 KB limits such a shopper gets 400 on every request and 500 whenever the session
 * is re-issued. An app that sets a smaller limit keeps it, and {@link #check} warns once at
 * start-up.
 */
public final class HeaderLimitDefaults implements EnvironmentPostProcessor, Ordered {

  static final String LIMIT = "80KB";
  static final String REQUEST = "server.max-http-request-header-size";
  static final String RESPONSE = "server.tomcat.max-http-response-header-size";
  static final String NAME = "storefrontSessionHeaderLimits";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(NAME, Map.of(REQUEST, LIMIT, RESPONSE, LIMIT)));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The settings below {@value #LIMIT}, as a warning to log; null when both are large enough. */
  public static String check(org.springframework.core.env.Environment environment) {
    StringBuilder low = new StringBuilder();
    for (String name : new String[] {REQUEST, RESPONSE}) {
      String value = environment.getProperty(name);
      try {
        if (value != null && DataSize.parse(value.strip()).compareTo(DataSize.parse(LIMIT)) < 0) {
          low.append(low.isEmpty() ? "" : ", ").append(name).append('=').append(value.strip());
        }
      } catch (IllegalArgumentException e) {
        // Boot itself reports a malformed size
      }
    }
    return low.isEmpty()
        ? null
        : "Header limits below "
            + LIMIT
            + " ("
            + low
            + "): a shopper whose session cookie is"
            + " chunked (up to 16 cookies of 4 KB, as Auth.js writes them) gets 400 on every request and 500 when the"
            + " session is re-issued. Raise them to "
            + LIMIT
            + ".";
  }
}
