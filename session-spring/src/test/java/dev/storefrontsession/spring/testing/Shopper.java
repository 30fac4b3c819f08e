package dev.storefrontsession.spring.testing;

import dev.storefrontsession.testing.ShopperClient;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Steps a shopper takes through the Auth.js endpoints, on a {@link ShopperClient}. */
public final class Shopper {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private Shopper() {}

  public static JsonNode json(String body) {
    return JSON.readTree(body);
  }

  /** {@code GET /api/auth/csrf}: the token (the cookie lands in the browser). */
  public static String csrf(ShopperClient browser, String... headers) {
    return json(browser.get("/api/auth/csrf", headers).body()).path("csrfToken").asString();
  }

  /** Signs in with the demo shopper through {@code POST /api/auth/callback/password}. */
  public static ShopperClient.Response signIn(ShopperClient browser) {
    return signIn(browser, TestShop.SHOPPER_EMAIL, TestShop.SHOPPER_PASSWORD);
  }

  public static ShopperClient.Response signIn(
      ShopperClient browser, String email, String password) {
    String token = csrf(browser);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("password", password);
    form.put("csrfToken", token);
    form.put("callbackUrl", "/account/orders");
    return browser.post("/api/auth/callback/password", form);
  }

  /** The masked CSRF token of the app's own forms ({@code _csrf}). */
  public static String formToken(ShopperClient browser) {
    return browser.get("/form").body();
  }

  /** {@code POST /cart} with the app's form CSRF token. */
  public static ShopperClient.Response setCart(ShopperClient browser, String cartId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", formToken(browser));
    if (cartId != null) {
      form.put("cartId", cartId);
    }
    return browser.post("/cart", form);
  }
}
