package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checkout across two storefront processes sharing {@code AUTH_SECRET}, on a sandbox backed by
 * PostgreSQL: the link is minted on one instance, the store's checkout places the order, and the
 * other instance (the channel's site URL) shows the confirmation to the shopper who placed it and
 * to nobody else.
 */
class CheckoutOnPostgresTest {

  static final String SECRET = "checkout-postgres-secret-" + UUID.randomUUID();
  static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");
  static final Pattern CONTINUE =
      Pattern.compile("id=\"continue\" class=\"button\" href=\"([^\"]+)\"");

  static EmbeddedPostgres postgres;
  static SandboxFixture store;
  static StorefrontProcess minting;
  static StorefrontProcess returning;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    store =
        SandboxFixture.start(
            postgres.getJdbcUrl("postgres", "postgres"),
            "postgres",
            "",
            b -> b.persistentCart(false));
    Map<String, String> env = Map.of("AUTH_TRUST_HOST", "true");
    CompletableFuture<StorefrontProcess> a =
        CompletableFuture.supplyAsync(
            () -> StorefrontProcess.start(store, store.graphqlEndpoint(), SECRET, env));
    CompletableFuture<StorefrontProcess> b =
        CompletableFuture.supplyAsync(
            () -> StorefrontProcess.start(store, store.graphqlEndpoint(), SECRET, env));
    minting = a.join();
    returning = b.join();
    store.server().channelSiteUrl(returning.baseUri());
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {minting, returning, store, postgres}) {
      if (c != null) {
        c.close();
      }
    }
  }

  static void add(ShopperClient s, int product) {
    ShopperClient.Response page = s.open("/product/" + product);
    assertThat(
            s.post(
                    "/cart/add",
                    Map.of(
                        "productEntityId",
                        String.valueOf(product),
                        "quantity",
                        "1",
                        "_csrf",
                        page.csrf()))
                .status())
        .isEqualTo(302);
  }

  /**
   * Clicks "Check out" on the cart page and places the order on the store's checkout; returns the
   * return URL.
   */
  static URI checkOutAndPlace(ShopperClient shopper, Map<String, String> details) {
    ShopperClient.Response cart = shopper.open("/cart");
    ShopperClient.Response handoff = shopper.post("/checkout", Map.of("_csrf", cart.csrf()));
    assertThat(handoff.status()).as("POST /checkout").isEqualTo(303);
    URI checkoutUrl = URI.create(handoff.location());
    assertThat(checkoutUrl.getPort()).isEqualTo(store.server().port());
    ShopperClient browser = new ShopperClient(checkoutUrl.resolve("/"));
    ShopperClient.Response checkout = browser.get(handoff.location());
    assertThat(checkout.status()).isEqualTo(200);
    Matcher session = SESSION.matcher(checkout.body());
    assertThat(session.find()).isTrue();
    Map<String, String> form = new LinkedHashMap<>(details);
    form.put("session", session.group(1));
    form.put("shipping", "express");
    form.put("payment", "test");
    ShopperClient.Response placed = browser.post("/checkout/place", form);
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    Matcher back = CONTINUE.matcher(placed.body());
    assertThat(back.find()).isTrue();
    return URI.create(back.group(1));
  }

  static ShopperClient on(StorefrontProcess instance, ShopperClient from) {
    ShopperClient moved = new ShopperClient(instance.baseUri());
    moved.cookies().putAll(from.cookies());
    return moved;
  }

  @Test
  void guestCheckoutWhenMintedOnOneInstanceThenTheOtherShowsTheConfirmationToThatGuestOnly() {
    ShopperClient guest = new ShopperClient(minting.baseUri());
    add(guest, 77);
    add(guest, 83);
    URI back =
        checkOutAndPlace(
            guest,
            Map.of(
                "email",
                "pg-guest@example.com",
                "firstName",
                "Gia",
                "lastName",
                "Guest",
                "address1",
                "9 Relational Row",
                "city",
                "Berkeley",
                "postalCode",
                "94704",
                "countryCode",
                "US"));
    assertThat(back.getPort()).isEqualTo(returning.port());

    ShopperClient there = on(returning, guest);
    ShopperClient.Response confirmation = there.get(back.getRawPath() + "?" + back.getRawQuery());
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.body())
        .contains("Fog Linen Chambray Towel", "Small Mason Jar", "$71.50");
    assertThat(confirmation.cartCount()).isZero();
    assertThat(
            new ShopperClient(returning.baseUri())
                .get(back.getRawPath() + "?" + back.getRawQuery())
                .status())
        .isEqualTo(404);
    add(there, 89);
    assertThat(there.open("/cart").body())
        .contains("Spray Bottle")
        .doesNotContain("Small Mason Jar");
  }

  @Test
  void signedInCheckoutWhenOnPostgresThenTheOrderIsInTheAccountOnEitherInstance() {
    ShopperClient customer = new ShopperClient(minting.baseUri());
    add(customer, 77);
    String email = "pg-checkout-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    ShopperClient.Response register = customer.open("/register");
    assertThat(
            customer
                .post(
                    "/register",
                    Map.of(
                        "firstName",
                        "Pia",
                        "lastName",
                        "Postgres",
                        "email",
                        email,
                        "password",
                        "Postgres-Pass-123",
                        "_csrf",
                        register.csrf()))
                .status())
        .isEqualTo(302);

    URI back =
        checkOutAndPlace(
            customer,
            Map.of(
                "firstName",
                "Pia",
                "lastName",
                "Postgres",
                "address1",
                "1 Index Road",
                "city",
                "Austin",
                "postalCode",
                "78701",
                "countryCode",
                "US"));
    String order = back.getRawQuery().replace("orderId=", "");

    ShopperClient there = on(returning, customer);
    assertThat(there.get(back.getRawPath() + "?" + back.getRawQuery()).body())
        .contains("#" + order);
    assertThat(on(minting, there).get("/account/orders/" + order).body())
        .contains("Fog Linen Chambray Towel", "$64.00");
  }
}
