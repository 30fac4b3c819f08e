package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.core.CookieHeader;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The shopper's chosen currency: a cookie of its own ({@value #COOKIE}, a year), not the session,
 * so the choice survives sign-in and sign-out (Catalyst keeps it in a cookie too). It counts on a
 * channel that offers it; elsewhere the channel's default currency applies. Thread-safe
 * (stateless).
 */
@Component
public class CurrencyPreference {

  static final String COOKIE = "preferred-currency";
  private static final String OFFERED = CurrencyPreference.class.getName() + ".offered";
  private static final int MAX_AGE = 365 * 24 * 3600;

  /** A currency of the channel, for the switcher. */
  public record CurrencyOption(String code, boolean isDefault, boolean active) {}

  private final StoreGateway store;

  public CurrencyPreference(StoreGateway store) {
    this.store = store;
  }

  /** The currencies the request's channel offers, its default first; the active one marked. */
  public List<CurrencyOption> options() {
    List<CurrencyOption> offered = offered();
    String chosen = chosenCode(offered);
    return offered.stream()
        .map(
            c ->
                new CurrencyOption(
                    c.code(),
                    c.isDefault(),
                    chosen == null ? c.isDefault() : c.code().equals(chosen)))
        .toList();
  }

  /**
   * The chosen currency when the channel offers it and it is not the default; else null (the
   * channel's default).
   */
  public String requested() {
    List<CurrencyOption> offered = offered();
    String chosen = chosenCode(offered);
    return offered.stream().anyMatch(c -> c.code().equals(chosen) && !c.isDefault())
        ? chosen
        : null;
  }

  /** True when the request's channel offers {@code code}. */
  public boolean offers(String code) {
    return code != null && offered().stream().anyMatch(c -> c.code().equals(code));
  }

  /** Remembers {@code code} (already checked with {@link #offers}). */
  public void choose(String code, HttpServletResponse response, boolean secure) {
    Cookie cookie = new Cookie(COOKIE, code);
    cookie.setPath("/");
    cookie.setMaxAge(MAX_AGE);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /**
   * The channel's currencies, asked once per request as the header's navigation is (cached for
   * guests, fresh with a customer's token: a customer's page is never served from the shared
   * cache).
   */
  @SuppressWarnings("unchecked")
  private List<CurrencyOption> offered() {
    HttpServletRequest request = currentRequest();
    if (request.getAttribute(OFFERED) instanceof List<?> known) {
      return (List<CurrencyOption>) known;
    }
    JsonNode site = store.layoutQuery(Documents.CURRENCIES, Map.of()).path("site");
    List<CurrencyOption> offered =
        Json.edges(
            site.path("currencies"),
            c ->
                new CurrencyOption(
                    Json.text(c, "code"), c.path("isDefault").asBoolean(false), false));
    request.setAttribute(OFFERED, offered);
    return offered;
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }

  private static String chosenCode(List<CurrencyOption> offered) {
    HttpServletRequest request = currentRequest();
    // the session layer's cookie reader (Auth.js's rules), not the container's full parse of every
    // cookie
    Map<String, String> cookies = new HashMap<>();
    Enumeration<String> headers = request.getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      CookieHeader.parseInto(headers.nextElement(), cookies);
    }
    String code = cookies.get(COOKIE);
    return offered.stream().anyMatch(c -> c.code().equals(code)) ? code : null;
  }
}
