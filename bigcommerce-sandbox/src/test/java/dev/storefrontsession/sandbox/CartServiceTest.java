package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Carts over HTTP: guest carts, line items, visibility, and the login/logout cart hand-over (both
 * settings).
 */
class CartServiceTest {

  static SandboxServer persistent;
  static SandboxServer nonPersistent;
  static SandboxHttp http;
  static SandboxHttp httpNonPersistent;

  @BeforeAll
  static void start() {
    persistent = Fixture.start(b -> b.persistentCart(true));
    nonPersistent = Fixture.start(b -> b.persistentCart(false));
    http = new SandboxHttp(persistent);
    httpNonPersistent = new SandboxHttp(nonPersistent);
  }

  @AfterAll
  static void stop() {
    persistent.close();
    nonPersistent.close();
  }

  private static String register(SandboxHttp h) {
    String email = "cart-" + UUID.randomUUID() + "@example.com";
    SandboxHttp.Response r =
        h.request(Documents.REGISTER)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Cart",
                    "lastName",
                    "Tester",
                    "email",
                    email,
                    "password",
                    "Cart-Pass-1"))
            .send();
    assertThat(r.at("/data/customer/registerCustomer/errors").size()).isZero();
    return email;
  }

  @Test
  void createCartWhenGuestThenUuidCartReadableByIdWithPrices() {
    String cartId = Fixture.createCart(http, null, 77, 83);
    assertThat(UUID.fromString(cartId).toString()).isEqualTo(cartId);
    JsonNode cart = Fixture.cart(http, null, cartId);
    assertThat(cart.at("/lineItems/totalQuantity").asInt()).isEqualTo(2);
    assertThat(cart.at("/lineItems/physicalItems/0/productEntityId").asInt()).isEqualTo(77);
    assertThat(cart.at("/lineItems/physicalItems/0/listPrice/value").decimalValue())
        .isEqualByComparingTo("49");
    assertThat(cart.at("/amount/value").decimalValue()).isEqualByComparingTo("56.50");
    assertThat(cart.at("/currencyCode").asString()).isEqualTo("USD");
  }

  @Test
  void cartWhenUnknownIdThenNull() {
    assertThat(Fixture.cart(http, null, UUID.randomUUID().toString()).isNull()).isTrue();
  }

  @Test
  void addCartLineItemsWhenSameProductThenQuantitiesAddUp() {
    String cartId = Fixture.createCart(http, null, 81);
    SandboxHttp.Response r =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "data",
                    Map.of(
                        "lineItems",
                        List.of(
                            Map.of("productEntityId", 81, "quantity", 2),
                            Map.of("productEntityId", 89, "quantity", 1)))))
            .send();
    JsonNode items = r.at("/data/cart/addCartLineItems/cart/lineItems");
    assertThat(items.get("totalQuantity").asInt()).isEqualTo(4);
    assertThat(items.get("physicalItems").size()).isEqualTo(2);
    assertThat(items.at("/physicalItems/0/quantity").asInt()).isEqualTo(3);
  }

  @Test
  void addCartLineItemsWhenProductUnknownThenErrorAndCartUnchanged() {
    String cartId = Fixture.createCart(http, null, 81);
    SandboxHttp.Response r =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "data",
                    Map.of(
                        "lineItems",
                        List.of(
                            Map.of("productEntityId", 89, "quantity", 1),
                            Map.of("productEntityId", 4242, "quantity", 1)))))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("NOT_FOUND");
    assertThat(r.firstErrorMessage()).contains("4242");
    assertThat(Fixture.cart(http, null, cartId).at("/lineItems/totalQuantity").asInt())
        .isEqualTo(1);
  }

  @Test
  void addCartLineItemsWhenQuantityZeroThenError() {
    String cartId = Fixture.createCart(http, null, 81);
    SandboxHttp.Response r =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "data",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 89, "quantity", 0)))))
            .send();
    assertThat(r.firstErrorMessage()).contains("Quantity must be at least 1");
  }

  @Test
  void addCartLineItemsWhenOutOfStockThenError() {
    String cartId = Fixture.createCart(http, null, 81);
    SandboxHttp.Response r =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "data",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 86, "quantity", 1)))))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("OUT_OF_STOCK");
  }

  @Test
  void addCartLineItemsWhenVersionOutdatedThenConflict() {
    String cartId = Fixture.createCart(http, null, 81);
    SandboxHttp.Response r =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "version",
                    99,
                    "data",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 89, "quantity", 1)))))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("CONFLICT");
  }

  @Test
  void updateCartLineItemWhenQuantityChangedThenUpdated() {
    String cartId = Fixture.createCart(http, null, 93);
    String lineId =
        Fixture.cart(http, null, cartId).at("/lineItems/physicalItems/0/entityId").asString();
    SandboxHttp.Response r =
        http.request(Documents.UPDATE_CART_LINE_ITEM)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "lineItemEntityId",
                    lineId,
                    "data",
                    Map.of("lineItem", Map.of("productEntityId", 93, "quantity", 5))))
            .send();
    assertThat(r.at("/data/cart/updateCartLineItem/cart/lineItems/totalQuantity").asInt())
        .isEqualTo(5);
  }

  @Test
  void deleteCartLineItemWhenLastItemThenCartDeletedAndNull() {
    String cartId = Fixture.createCart(http, null, 77, 78);
    JsonNode items = Fixture.cart(http, null, cartId).at("/lineItems/physicalItems");
    SandboxHttp.Response first =
        http.request(Documents.DELETE_CART_LINE_ITEM)
            .variable(
                "input",
                Map.of(
                    "cartEntityId", cartId, "lineItemEntityId", items.at("/0/entityId").asString()))
            .send();
    assertThat(first.at("/data/cart/deleteCartLineItem/cart/lineItems/totalQuantity").asInt())
        .isEqualTo(1);
    SandboxHttp.Response last =
        http.request(Documents.DELETE_CART_LINE_ITEM)
            .variable(
                "input",
                Map.of(
                    "cartEntityId", cartId, "lineItemEntityId", items.at("/1/entityId").asString()))
            .send();
    assertThat(last.at("/data/cart/deleteCartLineItem/cart").isNull()).isTrue();
    assertThat(last.at("/data/cart/deleteCartLineItem/deletedCartEntityId").asString())
        .isEqualTo(cartId);
    assertThat(Fixture.cart(http, null, cartId).isNull()).isTrue();
  }

  @Test
  void deleteCartLineItemWhenLineUnknownThenNotFound() {
    String cartId = Fixture.createCart(http, null, 77);
    SandboxHttp.Response r =
        http.request(Documents.DELETE_CART_LINE_ITEM)
            .variable(
                "input",
                Map.of("cartEntityId", cartId, "lineItemEntityId", UUID.randomUUID().toString()))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void cartWhenOwnedByCustomerThenInvisibleToGuestsAndOtherCustomers() {
    String email = register(http);
    String cat = Fixture.cat(http, email, "Cart-Pass-1");
    String cartId = Fixture.createCart(http, cat, 77);
    assertThat(Fixture.cart(http, cat, cartId).get("entityId").asString()).isEqualTo(cartId);
    assertThat(Fixture.cart(http, null, cartId).isNull()).isTrue();
    String other = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(Fixture.cart(http, other, cartId).isNull()).isTrue();
    SandboxHttp.Response guestAdd =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    cartId,
                    "data",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 89, "quantity", 1)))))
            .send();
    assertThat(guestAdd.firstErrorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void loginWhenGuestCartAndNoCustomerCartThenGuestCartAssigned() {
    String email = register(http);
    String guestCart = Fixture.createCart(http, null, 84);
    JsonNode login = Fixture.login(http, email, "Cart-Pass-1", guestCart);
    assertThat(login.at("/cart/entityId").asString()).isEqualTo(guestCart);
    String cat = login.at("/customerAccessToken/value").asString();
    assertThat(Fixture.cart(http, cat, guestCart).at("/lineItems/totalQuantity").asInt())
        .isEqualTo(1);
    assertThat(Fixture.cart(http, null, guestCart).isNull()).isTrue();
  }

  @Test
  void loginWhenGuestCartAndCustomerCartThenLinesMergedIntoCustomerCart() {
    String email = register(http);
    String cat = Fixture.cat(http, email, "Cart-Pass-1");
    String customerCart = Fixture.createCart(http, cat, 77, 81);
    String guestCart = Fixture.createCart(http, null, 81, 90);
    JsonNode login = Fixture.login(http, email, "Cart-Pass-1", guestCart);
    assertThat(login.at("/cart/entityId").asString()).isEqualTo(customerCart);
    String newCat = login.at("/customerAccessToken/value").asString();
    JsonNode merged = Fixture.cart(http, newCat, customerCart);
    assertThat(merged.at("/lineItems/totalQuantity").asInt()).isEqualTo(4);
    assertThat(merged.at("/lineItems/physicalItems").size()).isEqualTo(3);
    assertThat(Fixture.cart(http, null, guestCart).isNull()).isTrue();
    assertThat(Fixture.cart(http, newCat, guestCart).isNull()).isTrue();
  }

  @Test
  void loginWhenNoGuestCartAndCustomerCartExistsThenCustomerCartRestored() {
    String email = register(http);
    String cat = Fixture.cat(http, email, "Cart-Pass-1");
    String customerCart = Fixture.createCart(http, cat, 95);
    JsonNode login = Fixture.login(http, email, "Cart-Pass-1", null);
    assertThat(login.at("/cart/entityId").asString()).isEqualTo(customerCart);
  }

  @Test
  void loginWhenGuestCartBelongsToAnotherCustomerThenNotTaken() {
    String owner = register(http);
    String ownerCat = Fixture.cat(http, owner, "Cart-Pass-1");
    String ownersCart = Fixture.createCart(http, ownerCat, 95);
    String intruder = register(http);
    JsonNode login = Fixture.login(http, intruder, "Cart-Pass-1", ownersCart);
    assertThat(login.at("/cart").isNull()).isTrue();
    assertThat(Fixture.cart(http, ownerCat, ownersCart).get("entityId").asString())
        .isEqualTo(ownersCart);
  }

  @Test
  void logoutWhenPersistentCartThenCartStaysWithCustomerAndIsRestoredAtNextLogin() {
    String email = register(http);
    String cat = Fixture.cat(http, email, "Cart-Pass-1");
    String cartId = Fixture.createCart(http, cat, 77);
    SandboxHttp.Response out =
        http.request(Documents.LOGOUT)
            .variable("cartEntityId", cartId)
            .customer(cat)
            .validateToken()
            .send();
    assertThat(out.at("/data/logout/cartUnassignResult/cart").isNull()).isTrue();
    assertThat(out.at("/data/logout/cartUnassignResult/errors").size()).isZero();
    assertThat(Fixture.cart(http, null, cartId).isNull()).isTrue();
    assertThat(Fixture.login(http, email, "Cart-Pass-1", null).at("/cart/entityId").asString())
        .isEqualTo(cartId);
  }

  @Test
  void logoutWhenCartNotPersistentThenCartUnassignedAndReturnedAsGuestCart() {
    String email = register(httpNonPersistent);
    String cat = Fixture.cat(httpNonPersistent, email, "Cart-Pass-1");
    String cartId = Fixture.createCart(httpNonPersistent, cat, 77);
    SandboxHttp.Response out =
        httpNonPersistent
            .request(Documents.LOGOUT)
            .variable("cartEntityId", cartId)
            .customer(cat)
            .validateToken()
            .send();
    assertThat(out.at("/data/logout/cartUnassignResult/cart/entityId").asString())
        .isEqualTo(cartId);
    assertThat(Fixture.cart(httpNonPersistent, null, cartId).at("/lineItems/totalQuantity").asInt())
        .isEqualTo(1);
    assertThat(Fixture.login(httpNonPersistent, email, "Cart-Pass-1", null).at("/cart").isNull())
        .isTrue();
  }

  @Test
  void logoutWhenCartIsSomeoneElsesThenInaccessibleErrorAndCartUntouched() {
    String email = register(http);
    String cat = Fixture.cat(http, email, "Cart-Pass-1");
    String guestCart = Fixture.createCart(http, null, 77);
    SandboxHttp.Response out =
        http.request(Documents.LOGOUT)
            .variable("cartEntityId", guestCart)
            .customer(cat)
            .validateToken()
            .send();
    assertThat(out.at("/data/logout/result").asString()).isEqualTo("success");
    assertThat(out.at("/data/logout/cartUnassignResult/errors/0/__typename").asString())
        .isEqualTo("CartUnassignInaccessibleError");
    assertThat(Fixture.cart(http, null, guestCart).get("entityId").asString()).isEqualTo(guestCart);
  }
}
