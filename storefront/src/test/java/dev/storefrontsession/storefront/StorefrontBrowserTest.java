package dev.storefrontsession.storefront;

import static dev.storefrontsession.storefront.Shop.TERRARIUM;
import static dev.storefrontsession.storefront.Shop.TOWEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.client.CustomerLoginJwt;
import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.testing.ShopperClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A shopper in a real browser (Debian's headless chromium + chromedriver): first visit, guest cart,
 * login with "cart combined", account pages, logout, an SSO link, and an expired customer access
 * token. Few, robust steps: explicit waits only.
 */
class StorefrontBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(20);

  static RunningStorefront app;
  ChromeDriverService service;
  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @BeforeAll
  static void start() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and chromium-driver "
              + "(/usr/bin/chromium, /usr/bin/chromedriver): run bin/install-test-deps");
    }
    app = RunningStorefront.start(true);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("storefront-chromium-");
    // One driver service per browser: quitting a driver stops its service.
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null && service.isRunning()) {
      service.stop();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void shopperJourneyWhenGuestCartMeetsAccountCartThenCombinedAndKeptWithAccountAfterLogout() {
    // Another device left a cart on the account (persistent cart on).
    String password = "Browser-Pass-1";
    ShopperClient otherDevice = app.shopper();
    String email = Shop.register(otherDevice, password);
    Shop.addToCart(otherDevice, TERRARIUM, 1);
    otherDevice.get("/logout");

    // First visit: catalog with prices, empty cart.
    go("/");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=product-card]")));
    assertThat(text(By.id("cart-count"))).isEqualTo("0");
    assertThat(browser.getPageSource()).contains("$49.00");
    screenshot("home");

    // Guest adds to cart from the product page.
    go("/product/" + TOWEL);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart")));
    screenshot("product");
    WebElement quantity = browser.findElement(By.id("quantity"));
    quantity.clear();
    quantity.sendKeys("2");
    browser.findElement(By.id("add-to-cart")).click();
    wait.until(ExpectedConditions.urlMatches("/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "2"));
    assertThat(text(By.id("flash"))).contains("Added to your cart");

    // Login: the guest cart is combined into the account's cart.
    browser.findElement(By.cssSelector("[data-test=sign-in-link]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/account/orders"));
    assertThat(text(By.id("flash"))).contains("we’ve added them to your current cart");
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "3"));

    // Account pages.
    go("/account/profile");
    wait.until(ExpectedConditions.attributeToBe(By.id("firstName"), "value", "Tess"));
    screenshot("account");
    go("/account/addresses");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-address")));
    go("/account/wishlists");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-wishlist")));
    go("/cart");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-subtotal")));
    assertThat(browser.getPageSource())
        .contains("Fog Linen Chambray Towel", "Orbit Terrarium - Small");
    screenshot("cart");

    // Logout: with persistent cart on, the cart stays with the account, not in this browser.
    go("/account/orders");
    browser.findElement(By.cssSelector("[data-test=account-sign-out]")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    assertThat(text(By.id("flash"))).contains("signed out");
    assertThat(text(By.id("cart-count"))).isEqualTo("0");

    // Signing in again restores it.
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/account/orders"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "3"));
  }

  @Test
  void switchersWhenLocaleAndCurrencyChosenThenEachChannelKeepsItsCartAndPricesFollowTheCurrency() {
    // English (channel 1, USD): a towel in the cart.
    go("/product/" + TOWEL);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
    wait.until(ExpectedConditions.urlMatches("/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));

    // The locale switcher: the same page in French (channel 2, EUR), whose cart is its own (empty).
    browser.findElement(By.cssSelector("[data-test=locale-fr]")).click();
    wait.until(ExpectedConditions.urlMatches("/fr/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "0"));
    go("/fr/product/" + TERRARIUM);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
    wait.until(ExpectedConditions.urlMatches("/fr/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
    assertThat(text(By.id("cart-subtotal"))).contains("€");
    screenshot("cart-fr");

    // The currency switcher: the French cart moves to dollars, its line kept.
    new Select(browser.findElement(By.id("currency-select"))).selectByValue("USD");
    browser.findElement(By.id("currency-apply")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cart-subtotal"), "$"));
    assertThat(browser.getPageSource()).contains("Orbit Terrarium - Small");
    assertThat(text(By.id("cart-count"))).isEqualTo("1");

    // Back in English: the towel cart is still there; choosing euros reprices it.
    browser.findElement(By.cssSelector("[data-test=locale-en]")).click();
    wait.until(ExpectedConditions.urlMatches("/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
    assertThat(browser.getPageSource())
        .contains("Fog Linen Chambray Towel")
        .doesNotContain("Orbit Terrarium");
    new Select(browser.findElement(By.id("currency-select"))).selectByValue("EUR");
    browser.findElement(By.id("currency-apply")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cart-subtotal"), "€"));
    assertThat(text(By.id("cart-subtotal"))).contains("45,08");
  }

  @Test
  void checkoutJourneyWhenSignedInThenTheStoresCheckoutKnowsTheShopperAndTheOrderIsInTheAccount() {
    // The account already has a cart from another device (persistent cart on).
    String password = "Checkout-Browser-1";
    ShopperClient otherDevice = app.shopper();
    String email = Shop.register(otherDevice, password);
    Shop.addToCart(otherDevice, TERRARIUM, 1);
    otherDevice.get("/logout");
    // The name the storefront tells the store's checkout to come back to (cookies are per host
    // name).
    String base = "http://localhost:" + app.baseUri().getPort();

    // A guest adds two products.
    browser.get(base + "/product/" + TOWEL);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
    browser.get(base + "/product/" + Shop.TERRARIUM);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "2"));

    // Signs in: the guest cart is combined with the account's.
    browser.get(base + "/login?redirectTo=/cart");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlMatches("/cart$"));
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "3"));

    // Checks out: the store's checkout already knows who is checking out.
    browser.findElement(By.id("checkout-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-customer")));
    assertThat(browser.getCurrentUrl())
        .startsWith(app.sandbox().graphqlEndpoint().resolve("/checkout/").toString());
    assertThat(text(By.id("signed-in-customer"))).contains("Tess Tester", email);
    assertThat(browser.findElements(By.id("email"))).as("no email step").isEmpty();
    assertThat(browser.findElements(By.cssSelector("#checkout-lines .line"))).hasSize(2);
    screenshot("checkout");
    browser.findElement(By.id("firstName")).sendKeys("Tess");
    browser.findElement(By.id("lastName")).sendKeys("Tester");
    browser.findElement(By.id("address1")).sendKeys("8 Browser Street");
    browser.findElement(By.id("city")).sendKeys("Chromium");
    browser.findElement(By.id("postalCode")).sendKeys("10001");
    browser.findElement(By.id("place-order")).click();
    String orderText = text(By.id("order-number"));
    String order = orderText.replaceAll("\\D*(\\d+).*", "$1");

    // Back to the storefront's confirmation, then the account's orders.
    browser.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-confirmation")));
    assertThat(text(By.id("confirmed-order"))).isEqualTo("#" + order);
    assertThat(text(By.id("cart-count"))).isEqualTo("0");
    screenshot("order-confirmation");
    browser.get(base + "/account/orders/" + order);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-lines")));
    assertThat(browser.findElements(By.cssSelector("[data-test=order-line]"))).hasSize(2);
    assertThat(browser.getPageSource())
        .contains("Fog Linen Chambray Towel", "Orbit Terrarium - Small");
    browser.get(base + "/account/orders");
    assertThat(browser.getPageSource()).contains(order);

    // The cart is empty; adding again starts a new cart.
    browser.get(base + "/cart");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=empty-cart]")));
    browser.get(base + "/product/" + TOWEL);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
    wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
    assertThat(browser.findElements(By.cssSelector("[data-test=cart-line]"))).hasSize(1);
  }

  @Test
  void embeddedCheckoutWhenGuestThenPlacedInsideTheStorefrontsPageAndBackAtTheConfirmation() {
    try (RunningStorefront embedded =
        RunningStorefront.start(false, null, "storefront.checkout.embedded=true")) {
      String base = "http://localhost:" + embedded.baseUri().getPort();
      browser.get(base + "/product/" + TOWEL);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
      wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
      browser.findElement(By.id("checkout-button")).click();

      // The store's checkout renders inside the storefront's own page (its CSP lets this origin
      // frame it).
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("embedded-checkout")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
          .sendKeys("framed@example.com");
      browser.findElement(By.id("firstName")).sendKeys("Fay");
      browser.findElement(By.id("lastName")).sendKeys("Frame");
      browser.findElement(By.id("address1")).sendKeys("3 Iframe Court");
      browser.findElement(By.id("city")).sendKeys("Boston");
      browser.findElement(By.id("postalCode")).sendKeys("02108");
      browser.findElement(By.id("place-order")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-number")));
      browser.findElement(By.id("continue")).click();

      // "Continue" leaves the frame: the whole window is the storefront's confirmation, the cart is
      // empty.
      browser.switchTo().defaultContent();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-confirmation")));
      assertThat(browser.getCurrentUrl())
          .startsWith(base + "/checkout/order-confirmation?orderId=");
      assertThat(browser.getPageSource()).contains("Fog Linen Chambray Towel");
      assertThat(text(By.id("cart-count"))).isEqualTo("0");
    }
  }

  @Test
  void ssoLinkWhenOpenedThenSignedInOnTheLinksPage() {
    SandboxSettings s = app.sandbox().settings();
    String jwt =
        CustomerLoginJwt.builder()
            .clientId(s.clientId())
            .clientSecret(s.clientSecret())
            .storeHash(s.storeHash())
            .customerId(2)
            .channelId(s.channelId())
            .redirectTo("/account/wishlists")
            .build()
            .token();
    go("/login/token/" + jwt);
    wait.until(ExpectedConditions.urlContains("/account/wishlists"));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=account-link]")));
    assertThat(text(By.cssSelector("[data-test=account-link]"))).contains("Wren");

    // The same link again, signed out: single use, so the login page explains.
    browser.findElement(By.cssSelector("[data-test=sign-out-link]")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=sign-in-link]")));
    go("/login/token/" + jwt);
    wait.until(ExpectedConditions.urlContains("error=InvalidToken"));
    assertThat(text(By.id("login-error"))).contains("invalid or has expired");
  }

  @Test
  void expiredCustomerAccessTokenWhenAccountOpenedThenSignedOutAndCartKept() {
    try (RunningStorefront shortLived = RunningStorefront.start(false, Duration.ofSeconds(3))) {
      String base = shortLived.baseUri().toString();
      browser.get(base + "/product/" + TOWEL);
      wait.until(ExpectedConditions.elementToBeClickable(By.id("add-to-cart"))).click();
      wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
      browser.get(base + "/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
          .sendKeys(Shop.SHOPPER);
      browser.findElement(By.id("password")).sendKeys(Shop.SHOPPER_PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(ExpectedConditions.urlContains("/account/orders"));
      int signedInCount = Integer.parseInt(text(By.id("cart-count")));
      assertThat(signedInCount).isGreaterThanOrEqualTo(1);

      // Once the store stops accepting the CAT, an account page signs the shopper out to the login
      // page.
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .pollingEvery(Duration.ofMillis(500))
          .until(
              d -> {
                d.get(base + "/account/orders");
                return d.getCurrentUrl().contains("/login");
              });
      assertThat(browser.findElements(By.cssSelector("[data-test=sign-in-link]"))).isNotEmpty();

      // The cart was not lost: signing in again shows it.
      browser.findElement(By.id("email")).sendKeys(Shop.SHOPPER);
      browser.findElement(By.id("password")).sendKeys(Shop.SHOPPER_PASSWORD);
      browser.findElement(By.id("sign-in")).click();
      wait.until(ExpectedConditions.urlContains("/account/orders"));
      browser.get(base + "/cart");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cart-subtotal")));
      assertThat(browser.getPageSource()).contains("Fog Linen Chambray Towel");
    }
  }

  private void go(String path) {
    browser.get(app.baseUri() + path);
  }

  private String text(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().trim();
  }

  private void screenshot(String name) {
    try {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          Path.of(System.getProperty("java.io.tmpdir"), "storefront-" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // A screenshot is a by-product for people reviewing the design; it never fails the journey.
    }
  }
}
