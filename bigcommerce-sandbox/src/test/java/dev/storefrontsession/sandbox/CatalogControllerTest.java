package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Catalog reads and customer-group pricing. */
class CatalogControllerTest {

  static SandboxServer server;
  static SandboxHttp http;
  static String shopperCat;
  static String wholesaleCat;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    http = new SandboxHttp(server);
    shopperCat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    wholesaleCat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode products(String cat) {
    SandboxHttp.Request r =
        http.request(Documents.PRODUCTS)
            .variable("first", 50)
            .variable("currencyCode", "USD")
            .validateToken();
    if (cat != null) {
      r.customer(cat);
    }
    SandboxHttp.Response response = r.send();
    assertThat(response.body().has("errors")).as(response.body().toString()).isFalse();
    return response.at("/data/site/products");
  }

  private static Map<Integer, BigDecimal> prices(JsonNode products) {
    Map<Integer, BigDecimal> prices = new java.util.HashMap<>();
    for (JsonNode edge : products.get("edges")) {
      prices.put(
          edge.at("/node/entityId").asInt(), edge.at("/node/prices/price/value").decimalValue());
    }
    return prices;
  }

  @Test
  void productsWhenListedThenAtLeast20InAtLeast3Categories() {
    JsonNode products = products(null);
    assertThat(products.at("/collectionInfo/totalItems").asLong()).isGreaterThanOrEqualTo(20);
    assertThat(products.get("edges").size()).isGreaterThanOrEqualTo(20);
    JsonNode tree = http.request(Documents.CATEGORY_TREE).send().at("/data/site/categoryTree");
    assertThat(tree.size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void pricesWhenGuestAndDefaultGroupCustomerThenSame() {
    assertThat(prices(products(shopperCat))).isEqualTo(prices(products(null)));
  }

  @Test
  void pricesWhenWholesaleCustomerThenLowerOnMostProducts() {
    Map<Integer, BigDecimal> guest = prices(products(null));
    Map<Integer, BigDecimal> wholesale = prices(products(wholesaleCat));
    long lower =
        guest.keySet().stream()
            .filter(id -> wholesale.get(id).compareTo(guest.get(id)) < 0)
            .count();
    long higher =
        guest.keySet().stream()
            .filter(id -> wholesale.get(id).compareTo(guest.get(id)) > 0)
            .count();
    assertThat(lower).isGreaterThan(guest.size() / 2);
    assertThat(higher).isZero();
  }

  @Test
  void pricesWhenWholesaleThenSalePriceShownAgainstBasePrice() {
    JsonNode p =
        http.request(Documents.PRODUCT)
            .variable("entityId", 77)
            .variable("currencyCode", "USD")
            .customer(wholesaleCat)
            .validateToken()
            .send()
            .at("/data/site/product/prices");
    assertThat(p.at("/price/value").decimalValue()).isEqualByComparingTo("39.20");
    assertThat(p.at("/basePrice/value").decimalValue()).isEqualByComparingTo("49");
    assertThat(p.at("/salePrice/value").decimalValue()).isEqualByComparingTo("39.20");
    assertThat(p.at("/retailPrice/value").decimalValue()).isEqualByComparingTo("55");
    assertThat(p.at("/priceRange/min/value").decimalValue()).isEqualByComparingTo("39.20");
    assertThat(p.at("/priceRange/max/value").decimalValue()).isEqualByComparingTo("39.20");
    assertThat(p.at("/price/currencyCode").asString()).isEqualTo("USD");
  }

  @Test
  void pricesWhenGuestAndProductOnSaleThenSaleAndBaseDiffer() {
    JsonNode p =
        http.request(Documents.PRODUCT)
            .variable("entityId", 79)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site/product/prices");
    assertThat(p.at("/price/value").decimalValue()).isEqualByComparingTo("99");
    assertThat(p.at("/salePrice/value").decimalValue()).isEqualByComparingTo("99");
    assertThat(p.at("/basePrice/value").decimalValue()).isEqualByComparingTo("109");
  }

  @Test
  void pricesWhenGuestAndNoSaleThenSalePriceNull() {
    JsonNode p =
        http.request(Documents.PRODUCT)
            .variable("entityId", 78)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site/product/prices");
    assertThat(p.at("/salePrice").isNull()).isTrue();
    assertThat(p.at("/retailPrice").isNull()).isTrue();
  }

  @Test
  void pricesWhenCurrencyTheChannelDoesNotOfferThenNull() {
    JsonNode p =
        http.request(Documents.PRODUCT)
            .variable("entityId", 78)
            .variable("currencyCode", "GBP")
            .send()
            .at("/data/site/product");
    assertThat(p.get("prices").isNull()).isTrue();
  }

  @Test
  void cartWhenWholesaleCustomerThenLinesPricedForTheGroup() {
    String cartId = Fixture.createCart(http, wholesaleCat, 77);
    JsonNode cart = Fixture.cart(http, wholesaleCat, cartId);
    assertThat(cart.at("/lineItems/physicalItems/0/listPrice/value").decimalValue())
        .isEqualByComparingTo("39.20");
    assertThat(cart.at("/lineItems/physicalItems/0/originalPrice/value").decimalValue())
        .isEqualByComparingTo("49");
    assertThat(cart.at("/amount/value").decimalValue()).isEqualByComparingTo("39.20");
  }

  @Test
  void productWhenLookedUpThenDetailsCategoriesAndImages() {
    JsonNode p =
        http.request(Documents.PRODUCT)
            .variable("entityId", 96)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site/product");
    assertThat(p.get("name").asString()).isEqualTo("Cast Iron Skillet");
    assertThat(p.get("plainTextDescription").asString())
        .hasSizeLessThanOrEqualTo(40)
        .doesNotContain("<p>");
    assertThat(p.at("/categories/edges").toString()).contains("Cookware", "Kitchen");
    assertThat(p.at("/images/edges/0/node/url").asString()).contains("320x320");
    assertThat(p.at("/brand/name").asString()).isEqualTo("Sagaform");
    assertThat(p.get("id").asString())
        .isEqualTo(java.util.Base64.getEncoder().encodeToString("Product:96".getBytes()));
  }

  @Test
  void productsWhenPagedWithCursorsThenEveryProductOnceAndPageInfoRight() {
    Set<Integer> seen = new HashSet<>();
    List<Boolean> hasNext = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 10; page++) {
      SandboxHttp.Request r =
          http.request(Documents.PRODUCTS).variable("first", 7).variable("currencyCode", "USD");
      if (after != null) {
        r.variable("after", after);
      }
      JsonNode products = r.send().at("/data/site/products");
      products
          .get("edges")
          .forEach(e -> assertThat(seen.add(e.at("/node/entityId").asInt())).isTrue());
      hasNext.add(products.at("/pageInfo/hasNextPage").asBoolean());
      assertThat(products.at("/pageInfo/hasPreviousPage").asBoolean()).isEqualTo(page > 0);
      if (!products.at("/pageInfo/hasNextPage").asBoolean()) {
        break;
      }
      after = products.at("/pageInfo/endCursor").asString();
    }
    assertThat(seen).hasSize(24);
    assertThat(hasNext).endsWith(false);
  }

  @Test
  void productsWhenCursorForgedThenError() {
    SandboxHttp.Response r =
        http.request(Documents.PRODUCTS).variable("first", 5).variable("after", "bm9wZQ==").send();
    assertThat(r.firstErrorCode()).isEqualTo("INVALID_INPUT");
  }

  @Test
  void productsWhenEntityIdsGivenThenOnlyThose() {
    JsonNode products =
        http.request(Documents.PRODUCTS)
            .variable("entityIds", List.of(80, 77))
            .send()
            .at("/data/site/products/edges");
    assertThat(products.size()).isEqualTo(2);
  }

  @Test
  void searchWhenTermAndSortThenMatchingProductsInOrder() {
    JsonNode result =
        http.request(Documents.SEARCH)
            .variable("filters", Map.of("searchTerm", "terrarium"))
            .variable("sort", "HIGHEST_PRICE")
            .variable("first", 10)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site/search/searchProducts/products");
    assertThat(result.at("/collectionInfo/totalItems").asInt()).isEqualTo(2);
    assertThat(result.at("/edges/0/node/entityId").asInt()).isEqualTo(79);
    assertThat(result.at("/edges/1/node/entityId").asInt()).isEqualTo(78);
  }

  @Test
  void searchWhenCategoryAndPriceFilterThenOnlyThoseForTheGroup() {
    Map<String, Object> filters = Map.of("categoryEntityId", 21, "price", Map.of("maxPrice", 80));
    JsonNode guest =
        http.request(Documents.SEARCH)
            .variable("filters", filters)
            .variable("first", 50)
            .send()
            .at("/data/site/search/searchProducts/products/edges");
    JsonNode wholesale =
        http.request(Documents.SEARCH)
            .variable("filters", filters)
            .variable("first", 50)
            .customer(wholesaleCat)
            .send()
            .at("/data/site/search/searchProducts/products/edges");
    assertThat(guest.size()).isEqualTo(2);
    assertThat(wholesale.size()).isGreaterThan(guest.size());
  }

  @Test
  void categoryTreeWhenAskedThenNestedWithCounts() {
    JsonNode site = http.request(Documents.CATEGORY_TREE).send().at("/data/site");
    JsonNode kitchen = site.at("/categoryTree/0");
    assertThat(kitchen.get("name").asString()).isEqualTo("Kitchen");
    assertThat(kitchen.get("hasChildren").asBoolean()).isTrue();
    assertThat(kitchen.get("children").size()).isEqualTo(2);
    assertThat(site.at("/category/name").asString()).isEqualTo("Cookware");
    assertThat(site.at("/category/products/edges").size())
        .isEqualTo(kitchen.at("/children/0/productCount").asInt());
  }
}
