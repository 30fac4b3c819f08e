package dev.storefrontsession.storefront.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The storefront's locales and their channels, from {@code storefront.locales} ({@code
 * STOREFRONT_LOCALES}): {@code en:1,fr:2} — locale, colon, channel id, comma-separated; the first
 * is the default locale, served without a prefix ({@code /cart}); the others under their prefix
 * ({@code /fr/cart}), as Catalyst routes locales. A locale without a channel ({@code en}) uses the
 * store's default channel. Immutable and thread-safe.
 */
@Component
public class StorefrontLocales {

  /**
   * One locale: its language tag, its channel (null: the default channel), and its path prefix (""
   * or "/fr").
   */
  public record StoreLocale(String tag, Long channelId, String prefix) {}

  private final List<StoreLocale> locales;
  private final Map<String, StoreLocale> byTag;

  public StorefrontLocales(@Value("${storefront.locales:en}") String config) {
    List<StoreLocale> parsed = new ArrayList<>();
    Map<String, StoreLocale> tags = new LinkedHashMap<>();
    for (String entry : config.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      String tag =
          (colon < 0 ? trimmed : trimmed.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
      if (!tag.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
        throw new IllegalStateException(
            "storefront.locales: '"
                + tag
                + "' is not a language tag such as en"
                + " or fr (expected e.g. en:1,fr:2)");
      }
      Long channel = null;
      if (colon >= 0) {
        try {
          channel = Long.parseLong(trimmed.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          channel = 0L;
        }
        if (channel < 1) {
          throw new IllegalStateException(
              "storefront.locales: the channel of '"
                  + tag
                  + "' must be a positive integer (expected e.g. en:1,fr:2)");
        }
      }
      if (tags.containsKey(tag)) {
        throw new IllegalStateException("storefront.locales: '" + tag + "' is listed twice");
      }
      StoreLocale locale = new StoreLocale(tag, channel, parsed.isEmpty() ? "" : "/" + tag);
      parsed.add(locale);
      tags.put(tag, locale);
    }
    if (parsed.isEmpty()) {
      throw new IllegalStateException(
          "storefront.locales is empty (expected e.g. en or en:1,fr:2)");
    }
    this.locales = List.copyOf(parsed);
    this.byTag = Map.copyOf(tags);
  }

  public List<StoreLocale> all() {
    return locales;
  }

  public StoreLocale defaultLocale() {
    return locales.get(0);
  }

  /** The channel of {@code tag} (null: the store's default channel, also for an unknown tag). */
  public Long channelOf(String tag) {
    StoreLocale locale = tag == null ? null : byTag.get(tag);
    return locale == null ? null : locale.channelId();
  }

  /**
   * The locale whose prefix {@code path} (without the context path) starts with ({@code /fr} or
   * {@code /fr/...}); else the default locale.
   */
  public StoreLocale ofPath(String path) {
    if (path != null && path.length() > 1 && locales.size() > 1) {
      int end = path.indexOf('/', 1);
      String first = end < 0 ? path.substring(1) : path.substring(1, end);
      StoreLocale locale = byTag.get(first);
      if (locale != null && !locale.prefix().isEmpty()) {
        return locale;
      }
    }
    return defaultLocale();
  }
}
