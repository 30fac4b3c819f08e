package dev.storefrontsession.storefront.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults of production mode ({@link ProductionMode}), weaker than every setting an operator
 * makes: structured JSON log lines (Spring Boot's Elastic Common Schema format, with the trace and
 * span ids of the request) instead of text. {@code storefront.logging.structured=false} keeps text
 * lines; {@code logging.structured.format.console=logstash} (or {@code gelf}) picks another format.
 * In development, {@code storefront.logging.structured=true} turns JSON on. Runs after the
 * configuration files are read and before the logging system starts, so the first line is already
 * JSON. A listener the storefront's application adds (not a {@code spring.factories} entry), so the
 * embedded sandbox's own context, on the same class path, never sees it.
 */
public final class ProductionDefaults
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  static final String NAME = "storefrontProductionDefaults";
  static final String STRUCTURED = "storefront.logging.structured";

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment environment = event.getEnvironment();
    boolean production = ProductionMode.isProduction(environment);
    Map<String, Object> defaults = new LinkedHashMap<>();
    if (environment.getProperty(STRUCTURED, Boolean.class, production)) {
      defaults.put("logging.structured.format.console", "ecs");
    }
    if (!defaults.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }
  }

  @Override
  public int getOrder() {
    // After the configuration files (EnvironmentPostProcessorApplicationListener, +10), so the mode
    // and the
    // switch are known; before the logging system starts (LoggingApplicationListener, +20).
    return Ordered.HIGHEST_PRECEDENCE + 15;
  }
}
