package dev.storefrontsession.benchmarks.internal;

import dev.storefrontsession.client.CachePolicy;
import dev.storefrontsession.client.CustomerContext;
import dev.storefrontsession.client.GraphQLRequest;
import dev.storefrontsession.client.StorefrontClient;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

/**
 * A guest-cached catalog page: the storefront's home-page query (same document and variables as the
 * storefront's {@code HomePageQuery}) answered from the client's guest cache, rendered with
 * Thymeleaf (12 product cards and the category tiles), with a header that greets the shopper from
 * {@code auth()}. The catalog part is the same work in both modes of {@code SessionOverheadApp};
 * the session layer is the difference.
 *
 * <p>The real storefront fetches a signed-in shopper's catalog with the shopper's CAT, uncached
 * (customer-group prices); that path is dominated by the upstream call and is measured by {@code
 * bin/bench cache}.
 */
@Controller
public class CatalogPageController {

  static final String HOME_PAGE =
      """
      query HomePageQuery($first: Int) {
        site {
          categoryTree { entityId name description productCount }
          products(first: $first) {
            edges { node { ...ProductCardFragment } }
          }
        }
      }
      fragment ProductCardFragment on Product {
        entityId
        name
        sku
        path
        plainTextDescription(characterLimit: 160)
        brand { name }
        defaultImage { url(width: 640) altText }
        ...PricingFragment
      }
      fragment PricingFragment on Product {
        prices {
          price { value currencyCode formattedV2 }
          basePrice { value currencyCode formattedV2 }
          retailPrice { value currencyCode formattedV2 }
          salePrice { value currencyCode formattedV2 }
          priceRange { min { value currencyCode formattedV2 } max { value currencyCode formattedV2 } }
        }
      }
      """;

  /** A product card. */
  public record Card(int entityId, String name, String brand, String description, String price) {}

  /** A category tile. */
  public record Tile(int entityId, String name, int productCount) {}

  private final StorefrontClient client;
  private final ShopperSessions shoppers;

  public CatalogPageController(StorefrontClient client, ShopperSessions shoppers) {
    this.client = client;
    this.shoppers = shoppers;
  }

  @GetMapping("/bench/catalog")
  public String catalog(Model model) {
    JsonNode site =
        client
            .execute(
                GraphQLRequest.builder(HOME_PAGE)
                    .variables(Map.of("first", 12))
                    .context(CustomerContext.guest())
                    .cache(CachePolicy.cached("catalog"))
                    .build())
            .data()
            .path("site");
    List<Tile> tiles = new ArrayList<>();
    for (JsonNode c : site.path("categoryTree")) {
      tiles.add(
          new Tile(
              c.path("entityId").asInt(),
              c.path("name").asString(),
              c.path("productCount").asInt()));
    }
    List<Card> cards = new ArrayList<>();
    for (JsonNode edge : site.path("products").path("edges")) {
      JsonNode p = edge.path("node");
      cards.add(
          new Card(
              p.path("entityId").asInt(),
              p.path("name").asString(),
              p.path("brand").path("name").asString(),
              p.path("plainTextDescription").asString(),
              p.path("prices").path("price").path("formattedV2").asString()));
    }
    model.addAttribute(
        "firstName", shoppers.auth().flatMap(ShopperSession::firstName).orElse(null));
    model.addAttribute("cartId", shoppers.cartId().orElse(null));
    model.addAttribute("categories", tiles);
    model.addAttribute("products", cards);
    return "bench/catalog";
  }
}
