package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TERRARIUM;
import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.testing.ShopperClient;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout end to end over real HTTP: the cart page's button → {@code createCartRedirectUrls} (with
 * the CAT when signed in) → 303 to the store's one-time checkout (the embedded sandbox's pages) →
 * order placed → back to the storefront's order confirmation, with the completed cart gone from the
 * session.
 */
class CheckoutFlowTest {

  static final String SECRET = "test-secret-for-the-storefront-flow-tests-0123456789";
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

  /**
   * Clicks "Check out" on the cart page; asserts a 303 to the store's checkout and returns its URL.
   */
  static String checkOut(ShopperClient shopper) {
    ShopperClient.Response answer = shopper.submit("/cart", "/checkout", Map.of());
    assertThat(answer.status()).as("checkout answer: %s", answer.body()).isEqualTo(303);
    assertThat(answer.response().headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answer.setCookies())
        .as("the URL is never stored in a cookie")
        .noneMatch(c -> c.contains("checkout/"));
    return answer.location();
  }

  private static String sandboxOrigin() {
    URI endpoint = app.sandbox().graphqlEndpoint();
    return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
  }

  /** The storefront path and query of a link the store's checkout gives back. */
  private static String local(URI returnUrl) {
    assertThat(returnUrl.getHost()).isEqualTo("localhost");
    assertThat(returnUrl.getPort()).isEqualTo(app.baseUri().getPort());
    return returnUrl.getRawPath() + "?" + returnUrl.getRawQuery();
  }

  @Test
  void checkoutWhenGuestThenOrderPlacedConfirmationShownAndTheNextAddStartsANewCart() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    Shop.addToCart(guest, TERRARIUM, 2);

    String url = checkOut(guest);
    assertThat(url).startsWith(sandboxOrigin() + "/checkout/");
    SandboxCheckoutPage checkout = SandboxCheckoutPage.open(url);
    assertThat(checkout.status()).isEqualTo(200);
    assertThat(checkout.body())
        .contains("Fog Linen Chambray Towel", "Orbit Terrarium - Small", "name=\"email\"");
    SandboxCheckoutPage placed = checkout.placeOrder("guest-buyer@example.com", null);
    assertThat(placed.status()).isEqualTo(200);
    int order = placed.orderNumber();

    String confirmationPath = local(placed.returnUrl());
    ShopperClient.Response confirmation = guest.get(confirmationPath);
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body())
        .contains(
            "Thank you for your order",
            "#" + order,
            "Fog Linen Chambray Towel",
            "Orbit Terrarium - Small",
            "$227.00");
    assertThat(confirmation.response().headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(Shop.cartCount(confirmation.body())).isZero();
    assertThat(guest.get(confirmationPath).status())
        .as("a reload in the same browser session")
        .isEqualTo(200);
    assertThat(app.shopper().get(confirmationPath).status()).as("anyone else").isEqualTo(404);

    assertThat(guest.open("/cart").body()).contains("data-test=\"empty-cart\"");
    Shop.addToCart(guest, TERRARIUM, 1);
    ShopperClient.Response cart = guest.open("/cart");
    assertThat(cart.body())
        .contains("Orbit Terrarium - Small")
        .doesNotContain("Fog Linen Chambray Towel");
    assertThat(Shop.cartCount(cart.body())).isEqualTo(1);
  }

  @Test
  void checkoutWhenSignedInThenTheStoreKnowsTheCustomerAndTheOrderIsInTheirAccount() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    String email = Shop.register(shopper, "Checkout-Pass-1");

    SandboxCheckoutPage checkout = SandboxCheckoutPage.open(checkOut(shopper));
    assertThat(checkout.body())
        .contains("Checking out as <strong>Tess Tester</strong>", email)
        .doesNotContain("name=\"email\"");
    SandboxCheckoutPage placed = checkout.placeOrder(null, null);
    int order = placed.orderNumber();

    ShopperClient.Response confirmation = shopper.get(local(placed.returnUrl()));
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body()).contains("#" + order, "View in my orders");
    assertThat(shopper.get("/account/orders").body()).contains(String.valueOf(order));
    assertThat(shopper.get("/account/orders/" + order).body())
        .contains("Fog Linen Chambray Towel", "$49.00");
    assertThat(Shop.cartCount(shopper)).isZero();
    assertThat(app.shopper().get(local(placed.returnUrl())).status()).as("a guest").isEqualTo(404);
  }

  @Test
  void checkoutWhenNoCartThenBackToTheCartWithAMessage() {
    ShopperClient guest = app.shopper();
    ShopperClient.Response answer = guest.get("/checkout");
    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).endsWith("/cart");
    assertThat(guest.follow(answer).body())
        .contains("Your cart is empty: add something before checking out.");
  }

  @Test
  void checkoutWhenGetAsCatalystAllowsThenRedirectsToo() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    ShopperClient.Response answer = guest.get("/checkout");
    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).startsWith(sandboxOrigin() + "/checkout/");
  }

  @Test
  void checkoutPostWhenNoCsrfTokenThenForbiddenAndNoLink() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    ShopperClient.Response answer = guest.post("/checkout", Map.of());
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.location()).isNull();
    assertThat(answer.body()).doesNotContain("/checkout/");
  }

  @Test
  void checkoutWhenClickedTwiceThenTwoLinksEachUsableOnce() {
    ShopperClient guest = app.shopper();
    Shop.addToCart(guest, TOWEL, 1);
    String first = checkOut(guest);
    String second = checkOut(guest);
    assertThat(second).isNotEqualTo(first);
    assertThat(SandboxCheckoutPage.open(first).status()).isEqualTo(200);
    SandboxCheckoutPage reused = SandboxCheckoutPage.open(first);
    assertThat(reused.status()).isEqualTo(410);
    assertThat(reused.body()).contains("already been used");
    assertThat(SandboxCheckoutPage.open(second).status()).isEqualTo(200);
  }

  @Test
  void twoTabsWhenOneCompletesCheckoutThenTheOtherShowsAnEmptyCartWithoutAnError() {
    ShopperClient tab = app.shopper();
    Shop.addToCart(tab, TOWEL, 1);
    String otherTabsLink = checkOut(tab);
    SandboxCheckoutPage.open(checkOut(tab)).placeOrder("tabs@example.com", null).orderNumber();

    // The other tab never saw the confirmation page: its session still names the completed cart.
    ShopperClient.Response cart = tab.get("/cart");
    assertThat(cart.status()).isEqualTo(200);
    assertThat(cart.body()).contains("data-test=\"empty-cart\"").doesNotContain("alert-error");
    ShopperClient.Response again = tab.get("/checkout");
    assertThat(again.status()).isEqualTo(303);
    assertThat(tab.follow(again).body()).contains("already been checked out");
    SandboxCheckoutPage stale = SandboxCheckoutPage.open(otherTabsLink);
    assertThat(stale.status()).isEqualTo(410);
  }

  @Test
  void checkoutWhenTheSessionNamesAnotherCustomersCartThenRefusedAndTheCartIdDropped() {
    ShopperClient owner = app.shopper();
    Shop.addToCart(owner, TOWEL, 1);
    Shop.register(owner, "Owner-Pass-1");
    SessionCodec codec = new SessionCodec(KeyRing.of(SECRET), Clock.systemUTC());
    DecodeResult decoded =
        codec.decode(owner.cookies().get("authjs.session-token"), "authjs.session-token");
    String ownersCart = ((DecodeResult.Decoded) decoded).claims().user().orElseThrow().cartId();
    assertThat(ownersCart).isNotBlank();

    ShopperClient intruder = app.shopper();
    intruder
        .cookies()
        .put(
            "authjs.anonymous-session-token",
            codec.encode(SessionClaims.anonymous(ownersCart), "authjs.anonymous-session-token"));
    ShopperClient.Response answer = intruder.get("/checkout");

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).endsWith("/cart");
    assertThat(intruder.follow(answer).body())
        .contains("already been checked out or is no longer available");
    String reissued = intruder.cookies().get("authjs.anonymous-session-token");
    SessionClaims after =
        ((DecodeResult.Decoded) codec.decode(reissued, "authjs.anonymous-session-token")).claims();
    assertThat(after.user().map(u -> u.cartId()).orElse(null)).as("stale cart id dropped").isNull();
    assertThat(Shop.cartCount(owner)).as("the owner's cart untouched").isEqualTo(1);
  }

  @Test
  void checkoutWhenTheStoreRejectsTheCustomerAccessTokenThenSignedOutAndSentBackAsAGuest() {
    ShopperClient shopper = app.shopper();
    Shop.addToCart(shopper, TOWEL, 1);
    String email = Shop.register(shopper, "Revoked-Pass-1");
    // Another device changes the password: the store revokes this device's token.
    ShopperClient other = app.shopper();
    Shop.loginOk(other, email, "Revoked-Pass-1");
    ShopperClient.Response changed =
        other.submit(
            "/account/settings",
            "/account/settings/password",
            Map.of(
                "currentPassword",
                "Revoked-Pass-1",
                "newPassword",
                "Revoked-Pass-2",
                "confirmPassword",
                "Revoked-Pass-2"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(302);

    ShopperClient.Response answer = shopper.get("/checkout");
    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).endsWith("/logout?redirectTo=/checkout");
    ShopperClient.Response landed = shopper.follow(answer);
    assertThat(landed.status()).isEqualTo(200);
    assertThat(shopper.cookies()).doesNotContainKey("authjs.session-token");
    assertThat(landed.body()).doesNotContain("Exception");
  }

  @Test
  void checkoutWhenEmbeddedModeThenTheStoresCheckoutIsFramedInTheStorefrontsPage() {
    try (RunningStorefront embedded =
        RunningStorefront.start(false, null, "storefront.checkout.embedded=true")) {
      ShopperClient guest = embedded.shopper();
      Shop.addToCart(guest, TOWEL, 1);
      ShopperClient.Response page = guest.submit("/cart", "/checkout", Map.of());
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-store");
      java.util.regex.Matcher src =
          java.util.regex.Pattern.compile("id=\"embedded-checkout\"[^>]*src=\"([^\"]+)\"")
              .matcher(page.body());
      assertThat(src.find()).as(page.body()).isTrue();
      assertThat(src.group(1)).contains("/checkout/embedded/");
      SandboxCheckoutPage framed = SandboxCheckoutPage.open(src.group(1).replace("&amp;", "&"));
      assertThat(framed.status()).isEqualTo(200);
      assertThat(framed.response.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("frame-ancestors http://localhost:" + embedded.baseUri().getPort());
    }
  }

  @Test
  void checkoutSignInAndSignOutLinksWhenFollowedThenBackAtCheckoutWithTheNewState() {
    ShopperClient shopper = app.shopper();
    String email = Shop.register(shopper, "Links-Pass-1");
    shopper.get("/logout");
    Shop.addToCart(shopper, TOWEL, 1);

    SandboxCheckoutPage asGuest = SandboxCheckoutPage.open(checkOut(shopper));
    assertThat(asGuest.body()).contains("name=\"email\"");
    URI signIn = link(asGuest.body(), "sign-in");
    ShopperClient.Response login =
        shopper.submit(
            local(signIn),
            "/login",
            Map.of("email", email, "password", "Links-Pass-1", "redirectTo", "/checkout"));
    assertThat(login.location()).endsWith("/checkout");
    ShopperClient.Response handoff = shopper.get(login.location());
    assertThat(handoff.status()).isEqualTo(303);
    SandboxCheckoutPage asCustomer = SandboxCheckoutPage.open(handoff.location());
    assertThat(asCustomer.body())
        .contains("Checking out as", email)
        .doesNotContain("name=\"email\"");

    ShopperClient.Response logout = shopper.get(local(link(asCustomer.body(), "sign-out")));
    assertThat(logout.location()).endsWith("/checkout");
    ShopperClient.Response again = shopper.get(logout.location());
    assertThat(again.status()).isEqualTo(303);
    SandboxCheckoutPage guestAgain = SandboxCheckoutPage.open(again.location());
    assertThat(guestAgain.status())
        .as("the cart follows the shopper out (persistent cart off)")
        .isEqualTo(200);
    assertThat(guestAgain.body()).contains("name=\"email\"", "Fog Linen Chambray Towel");
  }

  @Test
  void orderConfirmationWhenHostileOrderIdsOrCookiesThenNotFoundNeverAServerError() {
    ShopperClient stranger = app.shopper();
    Shop.addToCart(stranger, TOWEL, 1);
    for (String id :
        new String[] {
          "",
          "abc",
          "-1",
          "0",
          "99999999999",
          "1%00",
          "1000%20OR%201=1",
          "%F0%9F%92%A5",
          "1".repeat(5_000)
        }) {
      ShopperClient.Response page = stranger.get("/checkout/order-confirmation?orderId=" + id);
      assertThat(page.status()).as(id).isEqualTo(404);
      assertThat(page.body())
          .as(id)
          .contains("We could not find that order")
          .doesNotContain("Exception");
    }
    assertThat(stranger.get("/checkout/order-confirmation").status()).isEqualTo(404);
    for (String cookie :
        new String[] {
          "1000." + java.util.UUID.randomUUID(),
          "1000.",
          "x.y",
          "1000.;%00",
          "1000." + "a".repeat(4_000)
        }) {
      ShopperClient guess = app.shopper();
      guess.cookies().put("checkout-order", cookie);
      ShopperClient.Response page = guess.get("/checkout/order-confirmation?orderId=1000");
      assertThat(page.status()).as(cookie).isIn(400, 404);
    }
    assertThat(Shop.cartCount(stranger)).as("the stranger's own cart untouched").isEqualTo(1);
  }

  private static URI link(String html, String id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("link %s in %s", id, html).isTrue();
    return URI.create(m.group(1));
  }
}
