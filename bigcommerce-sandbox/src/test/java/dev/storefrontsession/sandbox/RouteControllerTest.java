package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code site.route(path)} (how a storefront resolves its URLs) and {@code node(id)}, on the demo
 * data.
 */
class RouteControllerTest {

  private static final String ROUTE =
      """
      query($path: String!) { site { route(path: $path, redirectBehavior: FOLLOW) {
        redirect { fromPath }
        node { __typename id ... on Product { entityId name } ... on Category { entityId name }
          ... on Brand { entityId name } } } } }""";

  private static final String NODE =
      """
      query($id: ID!) { node(id: $id) { __typename id ... on Product { entityId } ... on Variant { entityId sku }
        ... on Category { entityId } ... on Brand { entityId } } }""";

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

  private static JsonNode route(String path) {
    return http.request(ROUTE).variable("path", path).send().at("/data/site/route");
  }

  private static JsonNode node(String id) {
    return http.request(NODE).variable("id", id).send().at("/data/node");
  }

  private static String id(String type, int entityId) {
    return Base64.getEncoder()
        .encodeToString((type + ":" + entityId).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void routeWhenPathOfProductCategoryOrBrandThenThatNode() {
    JsonNode product = route("/fog-linen-chambray-towel/").get("node");
    assertThat(product.get("__typename").asString()).isEqualTo("Product");
    assertThat(product.get("entityId").asInt()).isEqualTo(77);
    assertThat(product.get("id").asString()).isEqualTo(id("Product", 77));
    JsonNode category = route("/kitchen/").get("node");
    assertThat(category.get("__typename").asString()).isEqualTo("Category");
    assertThat(category.get("entityId").asInt()).isEqualTo(18);
    JsonNode brand =
        route(
                http.request("query { site { brand(entityId: 37) { path } } }")
                    .send()
                    .at("/data/site/brand/path")
                    .asString())
            .get("node");
    assertThat(brand.get("__typename").asString()).isEqualTo("Brand");
    assertThat(brand.get("entityId").asInt()).isEqualTo(37);
  }

  @Test
  void routeWhenPathDiffersOnlyInCaseSlashOrQueryThenSameNode() {
    assertThat(route("/Fog-Linen-Chambray-Towel").at("/node/entityId").asInt()).isEqualTo(77);
    assertThat(route("fog-linen-chambray-towel/?utm=x").at("/node/entityId").asInt()).isEqualTo(77);
  }

  @Test
  void routeWhenUnknownPathThenNoNodeAndNoRedirect() {
    JsonNode r = route("/no-such-page/");
    assertThat(r.get("node").isNull()).isTrue();
    assertThat(r.get("redirect").isNull()).isTrue();
  }

  @Test
  void nodeWhenGlobalIdOfEachTypeThenThatObject() {
    assertThat(node(id("Product", 77)).get("entityId").asInt()).isEqualTo(77);
    JsonNode variant = node(id("Variant", 177));
    assertThat(variant.get("__typename").asString()).isEqualTo("Variant");
    assertThat(variant.get("sku").asString()).isEqualTo("SLCTBS");
    assertThat(node(id("Category", 18)).get("__typename").asString()).isEqualTo("Category");
    assertThat(node(id("Brand", 37)).get("__typename").asString()).isEqualTo("Brand");
  }

  @Test
  void nodeWhenIdUnknownOrMalformedThenNull() {
    assertThat(node(id("Product", 999_999)).isNull()).isTrue();
    assertThat(node(id("Order", 1)).isNull()).isTrue();
    assertThat(node("not base64!").isNull()).isTrue();
    assertThat(
            node(Base64.getEncoder().encodeToString("Product:x".getBytes(StandardCharsets.UTF_8)))
                .isNull())
        .isTrue();
  }
}
