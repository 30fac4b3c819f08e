package dev.storefrontsession.storefront.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the page-model interceptor for page routes (not for static resources or {@code
 * /api/auth}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

  private final PageModelInterceptor pageModel;

  public WebConfig(PageModelInterceptor pageModel) {
    this.pageModel = pageModel;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(pageModel)
        .excludePathPatterns("/css/**", "/img/**", "/api/**", "/favicon.ico");
  }
}
