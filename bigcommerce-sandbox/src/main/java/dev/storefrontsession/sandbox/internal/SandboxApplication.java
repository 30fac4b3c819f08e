package dev.storefrontsession.sandbox.internal;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.AuthBeans;
import dev.storefrontsession.sandbox.internal.graphql.GraphQlBeans;
import dev.storefrontsession.sandbox.internal.store.PreparedDatabase;
import dev.storefrontsession.sandbox.internal.store.StoreBeans;
import dev.storefrontsession.sandbox.internal.web.WebBeans;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The sandbox's own Spring context. Nothing here is found by a host's component scan or
 * auto-configuration: the beans are imported explicitly, only the web-server auto-configurations
 * listed below are used, and the environment holds only the properties set here (no system
 * properties, environment variables or {@code application.*} files).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
@ImportAutoConfiguration({
  TomcatServletWebServerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class
})
@Import({StoreBeans.class, AuthBeans.class, GraphQlBeans.class, WebBeans.class})
public class SandboxApplication {

  static final String APPLICATION_NAME = "storefront-session-bigcommerce-sandbox";

  /**
   * Starts the context; {@code standalone} lets Spring Boot configure logging (never when
   * embedded).
   */
  public static ConfigurableApplicationContext run(SandboxSettings settings, boolean standalone) {
    SpringApplication app = new SpringApplication(SandboxApplication.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    app.setEnvironment(new IsolatedEnvironment(properties(settings)));
    if (!standalone) {
      List<ApplicationListener<?>> listeners =
          app.getListeners().stream()
              .filter(l -> !(l instanceof LoggingApplicationListener))
              .toList();
      app.setListeners(listeners);
    }
    PreparedDatabase database = PreparedDatabase.start(settings.database());
    app.addInitializers(
        ctx -> {
          ctx.getBeanFactory().registerSingleton("sandboxSettings", settings);
          ctx.getBeanFactory().registerSingleton("sandboxPreparedDatabase", database);
        });
    try {
      return app.run();
    } catch (RuntimeException e) {
      database.discard();
      throw new IllegalStateException("sandbox failed to start: " + rootMessage(e), e);
    }
  }

  public static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static Map<String, Object> properties(SandboxSettings settings) {
    Map<String, Object> p = new HashMap<>();
    p.put("spring.application.name", APPLICATION_NAME);
    p.put("spring.config.name", "sandbox-none");
    p.put("spring.jmx.enabled", "false");
    p.put("spring.main.banner-mode", "off");
    p.put("server.address", settings.bindAddress());
    p.put("server.port", String.valueOf(settings.port()));
    p.put("server.shutdown", "immediate");
    p.put("server.tomcat.threads.max", "64");
    p.put("server.error.whitelabel.enabled", "false");
    return p;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /**
   * An environment with only the sandbox's own properties: the host's system properties and env do
   * not leak in.
   */
  static final class IsolatedEnvironment extends StandardEnvironment {
    private final Map<String, Object> properties;

    IsolatedEnvironment(Map<String, Object> properties) {
      super();
      this.properties = properties;
      getPropertySources().addFirst(new MapPropertySource("sandboxSettings", properties));
    }

    @Override
    protected void customizePropertySources(MutablePropertySources propertySources) {
      // deliberately empty: no systemProperties, no systemEnvironment
    }
  }
}
