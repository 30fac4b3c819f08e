package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.PasswordPolicy;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.site} (a namespace), {@code site.settings} and the store's one currency. */
@Controller
public class SiteController {

  static final Object SITE = new Object();
  static final String STORE_NAME = "Storefront Session Sandbox";

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

  /** The store's one currency. */
  static final Map<String, Object> USD = Map.of("entityId", 1, "code", "USD", "name", "US Dollar",
      "isActive", true, "exchangeRate", 1.0, "isTransactional", true, "isDefault", true,
      "display", Map.of("symbol", "$", "symbolPlacement", "LEFT", "decimalToken", ".", "thousandsToken", ",",
          "decimalPlaces", 2));

  @SchemaMapping(typeName = "Site")
  public Connection<Map<String, Object>> currencies(@Argument Integer first, @Argument String after,
      @Argument Integer last, @Argument String before) {
    return Connection.of(List.of(USD), first, after, last, before);
  }

  @SchemaMapping(typeName = "Site")
  public Map<String, Object> currency(@Argument String currencyCode) {
    return "USD".equals(currencyCode) ? USD : null;
  }

  @SchemaMapping(typeName = "Site")
  public Map<String, Object> settings() {
    return Map.ofEntries(
        Map.entry("storeName", STORE_NAME),
        Map.entry("logoV2", Map.of(DefaultWiring.TYPENAME, "StoreTextLogo", "text", STORE_NAME)),
        Map.entry("storeHash", settings.storeHash()),
        Map.entry("status", "LAUNCHED"),
        Map.entry("url", Map.of("vanityUrl", urls.vanityUrl(), "cdnUrl", urls.cdnUrl(), "checkoutUrl", urls.checkoutUrl())),
        Map.entry("channelId", settings.channelId()),
        Map.entry("currency", Map.of("defaultCurrency", "USD")),
        Map.entry("newsletter", Map.of("showNewsletterSignup", true)),
        Map.entry("reviews", Map.of("enabled", true)),
        Map.entry("customers", Map.of("passwordComplexitySettings", Map.of(
            "minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH,
            "requireLowerCase", false,
            "requireUpperCase", false,
            "requireNumbers", true,
            "minimumNumbers", PasswordPolicy.MINIMUM_NUMBERS,
            "requireSpecialCharacters", false,
            "minimumSpecialCharacters", 0))));
  }
}
