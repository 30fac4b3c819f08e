package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Wishlists over HTTP. */
class WishlistServiceTest {

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void publicWishlistWhenTokenOfAPublicListThenAnyoneReadsItAndAPrivateListStaysHidden() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String shared =
        http.request(Documents.CREATE_WISHLIST)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "name",
                    "Shared",
                    "isPublic",
                    true,
                    "items",
                    List.of(Map.of("productEntityId", 79))))
            .send()
            .at("/data/wishlist/createWishlist/result/token")
            .asString();
    String query =
        """
        query($token: String!) { site { publicWishlist(token: $token) { name token
          items { edges { node { productEntityId product { name } } } } } } }""";

    JsonNode seen =
        http.request(query).variable("token", shared).send().at("/data/site/publicWishlist");
    JsonNode hidden =
        http.request(query)
            .variable("token", "a7d2c5e9b1f04c6d8e3a2b1c0d9e8f7a")
            .send()
            .at("/data/site/publicWishlist");

    assertThat(seen.at("/name").asString()).isEqualTo("Shared");
    assertThat(seen.at("/items/edges/0/node/product/name").asString())
        .isEqualTo("Orbit Terrarium - Large");
    assertThat(hidden.isNull()).as("the seeded private wishlist's token").isTrue();
  }

  @Test
  void wishlistsWhenSeededCustomerThenItemsWithGroupPrices() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    JsonNode w =
        http.request(Documents.WISHLISTS)
            .variable("currencyCode", "USD")
            .customer(cat)
            .send()
            .at("/data/customer/wishlists/edges/0/node");
    assertThat(w.get("name").asString()).isEqualTo("Kitchen ideas");
    assertThat(w.at("/items/edges").size()).isEqualTo(2);
    assertThat(w.at("/items/edges/0/node/product/prices/price/value").decimalValue())
        .isEqualByComparingTo("225");
  }

  @Test
  void wishlistWhenCreatedChangedAndDeletedThenCustomerSeesEachStep() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    JsonNode created =
        http.request(Documents.CREATE_WISHLIST)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "name",
                    "Restock",
                    "isPublic",
                    false,
                    "items",
                    List.of(Map.of("productEntityId", 80))))
            .send()
            .at("/data/wishlist/createWishlist/result");
    int id = created.get("entityId").asInt();
    assertThat(created.get("token").asString()).matches("[0-9a-f]{32}");
    assertThat(created.at("/items/edges").size()).isEqualTo(1);

    JsonNode added =
        http.request(Documents.ADD_WISHLIST_ITEMS)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "entityId",
                    id,
                    "items",
                    List.of(Map.of("productEntityId", 89), Map.of("productEntityId", 100))))
            .send()
            .at("/data/wishlist/addWishlistItems/result/items/edges");
    assertThat(added.size()).isEqualTo(3);

    int itemId = added.at("/0/node/entityId").asInt();
    JsonNode afterDelete =
        http.request(Documents.DELETE_WISHLIST_ITEMS)
            .customer(cat)
            .variable("input", Map.of("entityId", id, "itemEntityIds", List.of(itemId)))
            .send()
            .at("/data/wishlist/deleteWishlistItems/result/items/edges");
    assertThat(afterDelete.size()).isEqualTo(2);

    JsonNode updated =
        http.request(Documents.UPDATE_WISHLIST)
            .customer(cat)
            .variable(
                "input",
                Map.of("entityId", id, "data", Map.of("name", "Restock Q3", "isPublic", true)))
            .send()
            .at("/data/wishlist/updateWishlist/result");
    assertThat(updated.get("name").asString()).isEqualTo("Restock Q3");
    assertThat(updated.get("isPublic").asBoolean()).isTrue();

    assertThat(
            http.request(Documents.DELETE_WISHLISTS)
                .customer(cat)
                .variable("input", Map.of("entityIds", List.of(id)))
                .send()
                .at("/data/wishlist/deleteWishlists/result")
                .asString())
        .isEqualTo("success");
    JsonNode lists =
        http.request(Documents.WISHLISTS).customer(cat).send().at("/data/customer/wishlists/edges");
    assertThat(lists.toString()).doesNotContain("Restock");
  }

  @Test
  void createWishlistWhenGuestThenError() {
    SandboxHttp.Response r =
        http.request(Documents.CREATE_WISHLIST)
            .variable("input", Map.of("name", "Mine", "isPublic", false))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("CUSTOMER_NOT_LOGGED_IN");
  }

  @Test
  void addWishlistItemsWhenWishlistOfAnotherCustomerThenNotFound() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    SandboxHttp.Response r =
        http.request(Documents.ADD_WISHLIST_ITEMS)
            .customer(cat)
            .variable(
                "input", Map.of("entityId", 1, "items", List.of(Map.of("productEntityId", 89))))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void createWishlistWhenProductUnknownThenErrorAndNothingCreated() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    SandboxHttp.Response r =
        http.request(Documents.CREATE_WISHLIST)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "name",
                    "Broken",
                    "isPublic",
                    false,
                    "items",
                    List.of(Map.of("productEntityId", 5555))))
            .send();
    assertThat(r.firstErrorCode()).isEqualTo("NOT_FOUND");
    assertThat(
            http.request(Documents.WISHLISTS)
                .customer(cat)
                .send()
                .at("/data/customer/wishlists/edges")
                .toString())
        .doesNotContain("Broken");
  }
}
