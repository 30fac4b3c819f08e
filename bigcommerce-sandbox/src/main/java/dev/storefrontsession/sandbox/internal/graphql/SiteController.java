package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.PasswordPolicy;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.store.ChannelRecord;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.site} (a namespace), {@code site.settings} and the currencies, for the request's
 * channel.
 */
@Controller
public class SiteController {

  static final Object SITE = new Object();
  static final String STORE_NAME = "Storefront Session Sandbox";

  private final SandboxSettings settings;
  private final SiteUrls urls;
  private final Channels channels;

  public SiteController(SandboxSettings settings, SiteUrls urls, Channels channels) {
    this.settings = settings;
    this.urls = urls;
    this.channels = channels;
  }

  @QueryMapping
  public Object site() {
    return SITE;
  }

  /** The currencies the request's channel offers, its default first. */
  @SchemaMapping(typeName = "Site")
  public Connection<Map<String, Object>> currencies(
      @Argument Integer first,
      @Argument String after,
      @Argument Integer last,
      @Argument String before,
      @ContextValue(name = Requester.KEY) Requester requester) {
    ChannelRecord channel = channel(requester);
    return Connection.of(
        channel.currencies().stream().map(c -> currency(c, channel)).toList(),
        first,
        after,
        last,
        before);
  }

  @SchemaMapping(typeName = "Site")
  public Map<String, Object> currency(
      @Argument String currencyCode, @ContextValue(name = Requester.KEY) Requester requester) {
    ChannelRecord channel = channel(requester);
    CurrencyRecord currency = channel.currency(currencyCode);
    return currency == null ? null : currency(currency, channel);
  }

  private ChannelRecord channel(Requester requester) {
    return channels.channel(requester.channelId()).orElseGet(channels::defaultChannel);
  }

  /**
   * GraphQL {@code Currency}; {@code isDefault} and {@code isActive}: the channel's default
   * currency.
   */
  private static Map<String, Object> currency(CurrencyRecord c, ChannelRecord channel) {
    boolean isDefault = c.equals(channel.defaultCurrency());
    return Map.of(
        "entityId",
        c.entityId(),
        "code",
        c.code(),
        "name",
        c.name(),
        "isActive",
        isDefault,
        "exchangeRate",
        c.exchangeRate().doubleValue(),
        "isTransactional",
        true,
        "isDefault",
        isDefault,
        "display",
        Map.of(
            "symbol",
            c.symbol(),
            "symbolPlacement",
            c.symbolLeft() ? "LEFT" : "RIGHT",
            "decimalToken",
            c.decimalToken(),
            "thousandsToken",
            c.thousandsToken(),
            "decimalPlaces",
            c.decimalPlaces()));
  }

  @SchemaMapping(typeName = "Site")
  public Map<String, Object> settings(@ContextValue(name = Requester.KEY) Requester requester) {
    ChannelRecord channel = channel(requester);
    String vanity = channel.siteUrl();
    return Map.ofEntries(
        Map.entry("storeName", STORE_NAME),
        Map.entry("logoV2", Map.of(DefaultWiring.TYPENAME, "StoreTextLogo", "text", STORE_NAME)),
        Map.entry("storeHash", settings.storeHash()),
        Map.entry("status", "LAUNCHED"),
        Map.entry(
            "url",
            Map.of(
                "vanityUrl", vanity, "cdnUrl", urls.cdnUrl(), "checkoutUrl", vanity + "/checkout")),
        Map.entry("channelId", channel.id()),
        Map.entry("currency", Map.of("defaultCurrency", channel.defaultCurrency().code())),
        Map.entry("newsletter", Map.of("showNewsletterSignup", true)),
        Map.entry("reviews", Map.of("enabled", true)),
        Map.entry(
            "customers",
            Map.of(
                "passwordComplexitySettings",
                Map.of(
                    "minimumPasswordLength", PasswordPolicy.MINIMUM_LENGTH,
                    "requireLowerCase", false,
                    "requireUpperCase", false,
                    "requireNumbers", true,
                    "minimumNumbers", PasswordPolicy.MINIMUM_NUMBERS,
                    "requireSpecialCharacters", false,
                    "minimumSpecialCharacters", 0))));
  }
}
