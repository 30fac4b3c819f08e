package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.PasswordPolicy;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.site} (a namespace) and {@code site.settings}. */
@Controller
public class SiteController {

  static final Object SITE = new Object();

  private final SandboxSettings settings;
  private final SiteUrls urls;

  public SiteController(SandboxSettings settings, SiteUrls urls) {
    this.settings = settings;
    this.urls = urls;
  }

  @QueryMapping
  public Object site() {
    return SITE;
  }

  @SchemaMapping(typeName = "Site")
  public Map<String, Object> settings() {
    return Map.of(
        "storeName", "Storefront Session Sandbox",
        "storeHash", settings.storeHash(),
        "status", "LAUNCHED",
        "url", Map.of("vanityUrl", urls.vanityUrl(), "cdnUrl", urls.cdnUrl(), "checkoutUrl", urls.checkoutUrl()),
        "channelId", settings.channelId(),
        "currency", Map.of("defaultCurrency", "USD"),
        "newsletter", Map.of("showNewsletterSignup", true),
        "reviews", Map.of("enabled", false),
        "customers", Map.of("passwordComplexitySettings", Map.of(
            "minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH,
            "requireLowerCase", false,
            "requireUpperCase", false,
            "requireNumbers", true,
            "minimumNumbers", PasswordPolicy.MINIMUM_NUMBERS,
            "requireSpecialCharacters", false,
            "minimumSpecialCharacters", 0)));
  }
}
