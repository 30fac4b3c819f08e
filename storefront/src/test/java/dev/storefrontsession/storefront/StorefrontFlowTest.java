package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TERRARIUM;
import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CacheStats;
import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.testing.ShopperClient;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shopper's journey over real HTTP: the storefront on a random port with the embedded sandbox
 * (persistent cart off, so a signed-out shopper keeps the cart).
 */
class StorefrontFlowTest {

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(false);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void homeWhenGuestThenShowsCategoriesProductsAndPrices() {
    ShopperClient guest = app.shopper();
    ShopperClient.Response home = guest.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body())
        .contains(
            "Kitchen",
            "Garden",
            "Fog Linen Chambray Towel",
            "$49.00",
            "data-test=\"product-card\"",
            "Sign in");
    assertThat(home.body()).doesNotContain("Exception", "at dev.");
    assertThat(Shop.cartCount(home.body())).isZero();
  }

  @Test
  void homeWhenFirstVisitThenAnonymousSessionStarts() {
    ShopperClient guest = app.shopper();
    guest.get("/");
    assertThat(guest.cookies()).containsKey("authjs.anonymous-session-token");
    assertThat(guest.cookies()).doesNotContainKey("authjs.session-token");
  }

  @Test
  void categoryWhenKnownThenListsItsProductsWithPrices() {
    ShopperClient guest = app.shopper();
    ShopperClient.Response page = guest.get("/category/21");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Garden", "Orbit Terrarium - Small", "$89.00");
  }

  @Test
  void categoryWhenUnknownThenNotFoundPageWithoutStackTrace() {
    ShopperClient.Response page = app.shopper().get("/category/99999");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body())
        .contains("We couldn’t find that page")
        .doesNotContain("Exception", "at dev.");
  }

  @Test
  void productWhenOpenedThenShowsPriceAndAddToCartForm() {
    ShopperClient.Response page = app.shopper().get("/product/" + TOWEL);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Fog Linen Chambray Towel", "$49.00", "id=\"add-to-cart\"", "name=\"_csrf\"");
  }

  @Test
  void addToCartWhenGuestThenCartListsItemSubtotalAndHeaderCount() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 2);
    ShopperClient.Response cart = guest.get("/cart");
    assertThat(cart.status()).isEqualTo(200);
    assertThat(cart.body()).contains("Fog Linen Chambray Towel", "$98.00", "Added to your cart.");
    assertThat(Shop.cartCount(cart.body())).isEqualTo(2);
    assertThat(Shop.cartCount(guest.get("/").body()))
        .as("flash shown once, count stays")
        .isEqualTo(2);
  }

  @Test
  void addToCartWhenQuantityInvalidThenFormErrorAndCartUnchanged() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    ShopperClient.Response page =
        guest.submit(
            "/product/" + TOWEL,
            "/cart/add",
            Map.of("productEntityId", String.valueOf(TOWEL), "quantity", "lots"));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("Please enter a quantity between 1 and 999.");
    assertThat(Shop.cartCount(guest)).isEqualTo(1);
  }

  @Test
  void addToCartWhenCsrfTokenMissingThenRefusedAndCartUnchanged() {
    ShopperClient guest = app.shopper();
    guest.get("/");
    ShopperClient.Response page =
        guest.post("/cart/add", Map.of("productEntityId", String.valueOf(TOWEL), "quantity", "1"));
    assertThat(page.status()).isEqualTo(403);
    assertThat(Shop.cartCount(guest)).isZero();
  }

  @Test
  void cartWhenQuantityChangedAndLineRemovedThenTotalsFollow() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    Shop.addToCart(guest, TERRARIUM, 1);
    String cart = guest.get("/cart").body();
    String towelLine = lineId(cart, TOWEL);
    String terrariumLine = lineId(cart, TERRARIUM);

    ShopperClient.Response updated =
        guest.submit("/cart", "/cart/items/" + towelLine + "/quantity", Map.of("quantity", "3"));
    assertThat(updated.status()).isEqualTo(302);
    String afterUpdate = guest.get("/cart").body();
    assertThat(Shop.cartCount(afterUpdate)).isEqualTo(4);
    assertThat(afterUpdate).contains("$147.00");

    ShopperClient.Response removed =
        guest.submit("/cart", "/cart/items/" + terrariumLine + "/remove", Map.of());
    assertThat(removed.status()).isEqualTo(302);
    String afterRemove = guest.get("/cart").body();
    assertThat(afterRemove)
        .doesNotContain("Orbit Terrarium - Small")
        .contains("The item was removed");
    assertThat(Shop.cartCount(afterRemove)).isEqualTo(3);

    guest.submit("/cart", "/cart/items/" + towelLine + "/remove", Map.of());
    assertThat(guest.get("/cart").body()).contains("Your cart is empty.");
  }

  @Test
  void loginWhenCredentialsWrongThenFormErrorAndStillGuest() {
    ShopperClient guest = app.shopper();
    ShopperClient.Response page = Shop.login(guest, Shop.SHOPPER, "not-the-password-1");
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.body())
        .contains("The email address or password is incorrect.", "value=\"shopper@example.com\"");
    assertThat(guest.cookies()).doesNotContainKey("authjs.session-token");
  }

  @Test
  void loginWhenPasswordResetRequiredThenSaysSo() {
    ShopperClient.Response page = Shop.login(app.shopper(), "reset@example.com", "Reset-Pass-1");
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.body()).contains("you need to reset your password");
  }

  @Test
  void loginWhenFieldsEmptyThenAsksForThem() {
    ShopperClient.Response page = Shop.login(app.shopper(), "", "");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("Please enter your email address and password.");
  }

  @Test
  void loginWhenRepeatedlyWrongThenTooManyAttempts() {
    ShopperClient guest = app.shopper();
    String email = Shop.register(app.shopper(), "Throttle-Pass-1");
    ShopperClient.Response page = null;
    for (int i = 0; i < 30; i++) {
      page = Shop.login(guest, email, "wrong-password-" + i);
      if (page.status() == 429) {
        break;
      }
      assertThat(page.status()).isEqualTo(401);
    }
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body()).contains("Too many sign-in attempts.");
  }

  @Test
  void loginWhenClientForgesForwardedForThenThrottledExactlyAsWithoutIt() {
    String password = "Forger-Pass-1";
    String email = Shop.register(app.shopper(), password);
    ShopperClient forger = app.shopper();
    ShopperClient plain = app.shopper();
    java.util.List<Integer> forged = new java.util.ArrayList<>();
    java.util.List<Integer> unforged = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      forger.forgeForwardedFor("203.0.113." + (i + 1) + ", 192.0.2." + (i + 1));
      forged.add(Shop.login(forger, "forged-" + i + "-" + email, "wrong-password-" + i).status());
      unforged.add(Shop.login(plain, "plain-" + i + "-" + email, "wrong-password-" + i).status());
    }
    System.out.println("FIGURE shopper_ip.forged_statuses=" + forged);
    System.out.println("FIGURE shopper_ip.unforged_statuses=" + unforged);

    assertThat(forged).isEqualTo(unforged);
    assertThat(forged).containsOnly(401, 429).contains(429);
    forger.forgeForwardedFor(null);
    assertThat(Shop.login(forger, email, password).status())
        .as("the forger's own IP is the one locked")
        .isEqualTo(429);
    Shop.loginOk(app.shopper(), email, password);
  }

  @Test
  void loginWhenAnotherShoppersIpIsThrottledThenThisShopperStillSignsIn() {
    String password = "Neighbour-Pass-1";
    String email = Shop.register(app.shopper(), password);
    ShopperClient attacker = app.shopper();
    ShopperClient.Response page = null;
    for (int i = 0; i < 30; i++) {
      page = Shop.login(attacker, "nobody-" + i + "-" + email, "wrong-password-" + i);
      if (page.status() == 429) {
        break;
      }
    }
    assertThat(page.status()).as("the attacker's IP is throttled").isEqualTo(429);

    // the storefront forwards each shopper's IP to the embedded sandbox as its trusted proxy
    Shop.loginOk(app.shopper(), email, password);
    assertThat(Shop.login(attacker, email, password).status()).isEqualTo(429);
  }

  @Test
  void loginWhenGuestHasCartThenCartKeptAndAccountReachable() {
    String password = "Journey-Pass-1";
    String email = Shop.register(app.shopper(), password);
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    ShopperClient.Response login = Shop.loginOk(shopper, email, password);
    assertThat(login.location()).endsWith("/account/orders");
    assertThat(shopper.cookies())
        .containsKey("authjs.session-token")
        .doesNotContainKey("authjs.anonymous-session-token");
    ShopperClient.Response orders = shopper.follow(login);
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.body()).contains("Orders", "Tess");
    assertThat(Shop.cartCount(orders.body())).isEqualTo(1);
  }

  @Test
  void loginWhenRedirectToGivenThenGoesThereButNeverOffSite() {
    ShopperClient shopper = app.shopper();
    ShopperClient.Response local =
        shopper.submit(
            "/login?redirectTo=/cart",
            "/login",
            Map.of(
                "email", Shop.SHOPPER, "password", Shop.SHOPPER_PASSWORD, "redirectTo", "/cart"));
    assertThat(local.location()).endsWith("/cart");
    shopper.get("/logout");
    ShopperClient.Response offSite =
        shopper.submit(
            "/login",
            "/login",
            Map.of(
                "email",
                Shop.SHOPPER,
                "password",
                Shop.SHOPPER_PASSWORD,
                "redirectTo",
                "https://evil.example/steal"));
    assertThat(offSite.status()).isEqualTo(302);
    assertThat(offSite.location()).doesNotContain("evil.example").endsWith("/steal");
  }

  @Test
  void accountWhenGuestThenRedirectedToLoginWithReturnPath() {
    ShopperClient.Response page = app.shopper().get("/account/orders");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).contains("/login").contains("redirectTo=");
    assertThat(page.location()).contains("account");
  }

  @Test
  void accountPagesWhenSignedInThenShowOrdersProfileAddressesAndWishlists() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    ShopperClient.Response orders = shopper.get("/account/orders");
    assertThat(orders.status()).isEqualTo(200);
    assertThat(orders.body()).contains("#101");
    ShopperClient.Response order = shopper.get("/account/orders/101");
    assertThat(order.status()).isEqualTo(200);
    assertThat(order.body()).contains("Order #101", "Total");
    assertThat(shopper.get("/account/profile").body())
        .contains("value=\"Sam\"", "shopper@example.com");
    assertThat(shopper.get("/account/addresses").body()).contains("12 Market Street");
    assertThat(shopper.get("/account/wishlists").body()).contains("Kitchen ideas");
  }

  @Test
  void orderDetailWhenOwnerThenShowsLinesWithQuantityPriceAndTotal() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    ShopperClient.Response order = shopper.get("/account/orders/101");
    assertThat(order.status()).isEqualTo(200);
    String body = order.body();
    assertThat(body).contains("id=\"order-lines\"");
    assertThat(orderLines(body))
        .containsExactly(
            "Fog Linen Chambray Towel|2|$49.00|$98.00", "Small Mason Jar|4|$7.50|$30.00");
  }

  @Test
  void orderDetailWhenAnotherCustomersOrderThenNotFoundAndNoLines() {
    ShopperClient wholesale = app.shopper();
    Shop.loginOk(wholesale, Shop.WHOLESALE, Shop.WHOLESALE_PASSWORD);
    assertThat(wholesale.get("/account/orders/201").body()).contains("Canvas Laundry Cart");
    ShopperClient.Response other = wholesale.get("/account/orders/101");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body())
        .doesNotContain("Fog Linen Chambray Towel", "Small Mason Jar", "Order #101");
  }

  /** The order lines of an order page as "name|quantity|price|total". */
  private static java.util.List<String> orderLines(String html) {
    Matcher rows =
        Pattern.compile("<tr data-test=\"order-line\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
    java.util.List<String> lines = new java.util.ArrayList<>();
    while (rows.find()) {
      String row = rows.group(1);
      String name = firstMatch(row, "<a [^>]*>([^<]*)</a>");
      Matcher cells = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row);
      java.util.List<String> nums = new java.util.ArrayList<>();
      while (cells.find()) {
        nums.add(cells.group(1));
      }
      lines.add(name + "|" + String.join("|", nums));
    }
    return lines;
  }

  @Test
  void profileWhenEditedThenSavedAndBadInputExplained() {
    String password = "Profile-Pass-1";
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, password);
    ShopperClient.Response saved =
        shopper.submit(
            "/account/profile",
            "/account/profile",
            Map.of(
                "firstName",
                "Terry",
                "lastName",
                "Tester",
                "email",
                email,
                "phone",
                "555-0199",
                "company",
                "Acme"));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(shopper.get("/account/profile").body())
        .contains("value=\"Terry\"", "value=\"Acme\"", "Your profile was saved.");

    ShopperClient.Response bad =
        shopper.submit(
            "/account/profile",
            "/account/profile",
            Map.of("firstName", "", "lastName", "Tester", "email", email));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .contains("First name, last name and email address are required.", "value=\"Tester\"");
  }

  @Test
  void profileWhenNameEditedThenTheHeaderShowsTheNewNameAtOnce() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, "Header-Pass-1");
    assertThat(headerName(shopper.get("/").body())).isEqualTo("Tess");

    ShopperClient.Response saved =
        shopper.submit(
            "/account/profile",
            "/account/profile",
            Map.of("firstName", "Theodora", "lastName", "Tester", "email", email));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(headerName(shopper.get("/").body())).isEqualTo("Theodora");
    assertThat(headerName(shopper.get("/account/profile").body())).isEqualTo("Theodora");
  }

  /** The first name in the header's account link. */
  private static String headerName(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "data-test=\"account-link\">.*?<span class=\"label\">([^<]*)</span>",
                java.util.regex.Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("account link in the header").isTrue();
    return m.group(1);
  }

  @Test
  void addressesWhenAddedEditedAndDeletedThenListFollows() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, "Address-Pass-1");
    ShopperClient.Response added =
        shopper.submit(
            "/account/addresses/new",
            "/account/addresses",
            Map.of(
                "firstName",
                "Tess",
                "lastName",
                "Tester",
                "address1",
                "1 Test Lane",
                "city",
                "Portland",
                "stateOrProvince",
                "Oregon",
                "postalCode",
                "97201",
                "countryCode",
                "US"));
    assertThat(added.status()).isEqualTo(302);
    String list = shopper.get("/account/addresses").body();
    assertThat(list).contains("1 Test Lane", "The address was saved.");
    String id = firstMatch(list, "/account/addresses/(\\d+)/edit");

    ShopperClient.Response edited =
        shopper.submit(
            "/account/addresses/" + id + "/edit",
            "/account/addresses/" + id,
            Map.of(
                "firstName",
                "Tess",
                "lastName",
                "Tester",
                "address1",
                "2 Test Lane",
                "city",
                "Portland",
                "stateOrProvince",
                "Oregon",
                "postalCode",
                "97201",
                "countryCode",
                "US"));
    assertThat(edited.status()).isEqualTo(302);
    assertThat(shopper.get("/account/addresses").body())
        .contains("2 Test Lane")
        .doesNotContain("1 Test Lane");

    ShopperClient.Response invalid =
        shopper.submit(
            "/account/addresses/new",
            "/account/addresses",
            Map.of(
                "firstName",
                "Tess",
                "lastName",
                "Tester",
                "address1",
                "3 Test Lane",
                "city",
                "Portland",
                "countryCode",
                "USA"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("The country code must be two letters", "value=\"3 Test Lane\"");

    ShopperClient.Response deleted =
        shopper.submit("/account/addresses", "/account/addresses/" + id + "/delete", Map.of());
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(shopper.get("/account/addresses").body())
        .doesNotContain("2 Test Lane")
        .contains("No saved addresses");
  }

  @Test
  void wishlistsWhenCreatedAndFilledThenItemsShownAndRemovable() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, "Wishes-Pass-1");
    shopper.submit("/account/wishlists", "/account/wishlists", Map.of("name", "Birthday"));
    String page = shopper.get("/account/wishlists").body();
    assertThat(page).contains("Birthday", "Your wish list was created.");

    String product = shopper.get("/product/" + TOWEL).body();
    String listId = firstMatch(product, "<option value=\"(\\d+)\">Birthday</option>");
    ShopperClient.Response added =
        shopper.submit(
            "/product/" + TOWEL,
            "/account/wishlists/add",
            Map.of("wishlistEntityId", listId, "productEntityId", String.valueOf(TOWEL)));
    assertThat(added.status()).isEqualTo(302);
    String withItem = shopper.get("/account/wishlists").body();
    assertThat(withItem).contains("Fog Linen Chambray Towel");

    String removePath =
        firstMatch(withItem, "(/account/wishlists/" + listId + "/items/\\d+/remove)");
    shopper.submit("/account/wishlists", removePath, Map.of());
    assertThat(shopper.get("/account/wishlists").body()).doesNotContain("Fog Linen Chambray Towel");
  }

  @Test
  void pricesWhenWholesaleSignedInThenLowerThanGuestPrices() {
    assertThat(app.shopper().get("/product/" + TOWEL).body())
        .contains("$49.00")
        .doesNotContain("$39.20");
    ShopperClient wholesale = app.shopper();
    Shop.loginOk(wholesale, Shop.WHOLESALE, Shop.WHOLESALE_PASSWORD);
    assertThat(wholesale.get("/product/" + TOWEL).body()).contains("$39.20");
    assertThat(wholesale.get("/").body()).contains("$39.20");
    assertThat(app.shopper().get("/").body())
        .as("guest cache not polluted")
        .doesNotContain("$39.20");
  }

  @Test
  void catalogWhenGuestThenServedFromGuestCacheAndWhenSignedInThenBypassesIt() {
    StorefrontClient client = app.context().getBean(StorefrontClient.class);
    app.shopper().get("/category/22");
    CacheStats before = client.cacheStats();
    app.shopper().get("/category/22");
    CacheStats afterGuest = client.cacheStats();
    assertThat(afterGuest.hits())
        .as("second guest visit answered from the cache")
        .isGreaterThan(before.hits());

    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    CacheStats beforeCustomer = client.cacheStats();
    shopper.get("/category/22");
    CacheStats afterCustomer = client.cacheStats();
    assertThat(afterCustomer.hits())
        .as("a customer's page never from the shared cache")
        .isEqualTo(beforeCustomer.hits());
    assertThat(afterCustomer.bypassed()).isGreaterThan(beforeCustomer.bypassed());
    shopper.get("/logout");
  }

  @Test
  void logoutWhenPersistentCartOffThenGuestKeepsTheCart() {
    ShopperClient shopper = app.shopper();
    Shop.register(shopper, "Logout-Pass-1");
    Shop.addToCart(shopper, TERRARIUM, 2);
    ShopperClient.Response logout = shopper.get("/logout");
    assertThat(logout.status()).isEqualTo(302);
    assertThat(logout.location()).endsWith("/login");
    assertThat(shopper.cookies())
        .doesNotContainKey("authjs.session-token")
        .containsKey("authjs.anonymous-session-token");
    String cart = shopper.get("/cart").body();
    assertThat(cart).contains("Orbit Terrarium - Small", "Sign in");
    assertThat(Shop.cartCount(cart)).isEqualTo(2);
  }

  @Test
  void logoutWhenRedirectToGivenThenOnlyItsPathIsUsed() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    ShopperClient.Response page = shopper.get("/logout?redirectTo=https://evil.example/cart?x=1");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).doesNotContain("evil").doesNotContain("x=1").endsWith("/cart");
  }

  @Test
  void ssoLinkWhenValidThenSignedInAndSentToLocalRedirect() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    ShopperClient.Response page = shopper.get("/login/token/" + jwt(1, "/account/addresses"));
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/account/addresses");
    ShopperClient.Response addresses = shopper.follow(page);
    assertThat(addresses.status()).isEqualTo(200);
    assertThat(addresses.body()).contains("12 Market Street");
    shopper.get("/logout");
  }

  @Test
  void ssoLinkWhenRedirectIsAbsoluteThenReducedToLocalPath() {
    ShopperClient shopper = app.shopper();
    ShopperClient.Response page =
        shopper.get("/login/token/" + handMadeJwt(1, "https://evil.example/account/wishlists"));
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).doesNotContain("evil").endsWith("/account/wishlists");
    shopper.get("/logout");
  }

  @Test
  void ssoLinkWhenReusedOrForgedThenLoginPageSaysInvalidToken() {
    String token = jwt(1, "/account/orders");
    ShopperClient first = app.shopper();
    assertThat(first.get("/login/token/" + token).status()).isEqualTo(302);
    ShopperClient second = app.shopper();
    ShopperClient.Response replay = second.get("/login/token/" + token);
    assertThat(replay.status()).isEqualTo(302);
    assertThat(replay.location()).endsWith("/login?error=InvalidToken");
    assertThat(second.follow(replay).body()).contains("Your login link is invalid or has expired.");
    assertThat(second.get("/login/token/not.a.jwt").location())
        .endsWith("/login?error=InvalidToken");
    assertThat(second.cookies()).doesNotContainKey("authjs.session-token");
  }

  @Test
  void registerWhenEmailTakenThenFormErrorKeepsInput() {
    ShopperClient.Response page =
        app.shopper()
            .submit(
                "/register",
                "/register",
                Map.of(
                    "firstName",
                    "Sam",
                    "lastName",
                    "Again",
                    "email",
                    Shop.SHOPPER,
                    "password",
                    "Another-Pass-1"));
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"register-error\"", "value=\"Again\"");
  }

  @Test
  void loginPageWhenAlreadySignedInThenGoesToAccount() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
    ShopperClient.Response page = shopper.get("/login");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/account/orders");
    shopper.get("/logout");
  }

  static String jwt(long customerId, String redirectTo) {
    SandboxSettings s = app.sandbox().settings();
    return CustomerLoginJwt.builder()
        .clientId(s.clientId())
        .clientSecret(s.clientSecret())
        .storeHash(s.storeHash())
        .customerId(customerId)
        .channelId(s.channelId())
        .redirectTo(redirectTo)
        .build()
        .token();
  }

  /**
   * A Customer Login JWT signed like the client's builder, but with a redirect the builder would
   * refuse.
   */
  static String handMadeJwt(long customerId, String redirectTo) {
    SandboxSettings s = app.sandbox().settings();
    try {
      com.nimbusds.jwt.JWTClaimsSet claims =
          new com.nimbusds.jwt.JWTClaimsSet.Builder()
              .issuer(s.clientId())
              .issueTime(new java.util.Date())
              .jwtID(java.util.UUID.randomUUID().toString())
              .claim("operation", "customer_login")
              .claim("store_hash", s.storeHash())
              .claim("customer_id", customerId)
              .claim("channel_id", s.channelId())
              .claim("redirect_to", redirectTo)
              .build();
      com.nimbusds.jwt.SignedJWT jwt =
          new com.nimbusds.jwt.SignedJWT(
              new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256)
                  .type(com.nimbusds.jose.JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(
          new com.nimbusds.jose.crypto.MACSigner(
              s.clientSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String lineId(String cartHtml, int productId) {
    return firstMatch(
        cartHtml, "data-product=\"" + productId + "\"[\\s\\S]*?/cart/items/([^/\"]+)/quantity");
  }

  static String firstMatch(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as("pattern %s in page", regex).isTrue();
    return m.group(1);
  }
}
