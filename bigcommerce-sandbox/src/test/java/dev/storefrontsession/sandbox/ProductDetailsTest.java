package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What product pages ask beyond the catalog row (variants, inventory, SEO, reviews) and the writes
 * around them (reviews, contact form, analytics events), on the demo data.
 */
class ProductDetailsTest {

  private static final String VARIANTS =
      """
      query($id: Int!, $skus: [String!] = [], $entityIds: [Int!] = []) { site { product(entityId: $id) {
        variants(skus: $skus, entityIds: $entityIds) { edges { node {
          id entityId sku isPurchasable mpn
          prices(currencyCode: USD) { price { value currencyCode } }
          inventory { isInStock aggregated { availableToSell warningLevel availableOnHand unlimitedBackorder }
            byLocation { edges { node { locationEntityId } } } } } } } } } }""";

  private static final String INVENTORY_AND_SEO =
      """
      query($id: Int!) { site { product(entityId: $id) {
        inventory { isInStock hasVariantInventory aggregated { availableToSell warningLevel } }
        seo { pageTitle metaDescription metaKeywords } mpn gtin } } }""";

  private static final String REVIEWS =
      """
      query($id: Int!, $sort: ProductReviewsSortInput, $min: Int) { site { product(entityId: $id) {
        reviewSummary { averageRating numberOfReviews summationOfRatings }
        reviews(sort: $sort, filters: {rating: {minRating: $min}}) { edges { node {
          entityId title text rating author { name } createdAt { utc } } } } } } }""";

  private static final String ADD_REVIEW =
      """
      mutation($input: AddProductReviewInput!) { catalog { addProductReview(input: $input) { errors {
        __typename ... on Error { message } ... on InvalidInputFieldsError { fields } } } } }""";

  private static final String CONTACT =
      """
      mutation($input: SubmitContactUsInput!) { submitContactUs(input: $input) { errors {
        __typename ... on ValidationError { message path } } } }""";

  private static final String EVENTS =
      """
      mutation($common: AnalyticsCommonEventInput!, $product: ProductViewed!) { analytics {
        visitStartedEvent(input: {commonInput: $common}) { executed }
        productViewedEvent(input: {commonInput: $common, productInput: $product}) { executed } } }""";

  private static final String FORM_FIELDS =
      """
      query($filters: FormFieldFiltersInput, $sortBy: FormFieldSortInput) { site { settings { formFields {
        customer(filters: $filters, sortBy: $sortBy) { __typename entityId label sortOrder isRequired isBuiltIn }
        shippingAddress { __typename entityId label ... on PicklistFormField { choosePrefix options { entityId label } } }
      } } } geography { countries { code name statesOrProvinces { abbreviation } } } }""";

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
  void variantsWhenProductHasNoOptionsThenItsOneBaseVariantWithPricesAndStock() {
    JsonNode edges =
        http.request(VARIANTS).variable("id", 77).send().at("/data/site/product/variants/edges");
    assertThat(edges.size()).isEqualTo(1);
    JsonNode v = edges.get(0).get("node");
    assertThat(v.get("entityId").asInt()).isEqualTo(177);
    assertThat(v.get("sku").asString()).isEqualTo("SLCTBS");
    assertThat(v.get("isPurchasable").asBoolean()).isTrue();
    assertThat(v.get("mpn").asString()).isEqualTo("MPN-SLCTBS");
    assertThat(v.at("/prices/price/value").decimalValue()).isEqualByComparingTo("49");
    assertThat(v.at("/inventory/aggregated/availableToSell").asLong()).isEqualTo(22);
    assertThat(v.at("/inventory/aggregated/availableOnHand").asLong()).isEqualTo(22);
    assertThat(v.at("/inventory/aggregated/unlimitedBackorder").asBoolean()).isFalse();
    assertThat(v.at("/inventory/byLocation/edges").size()).isZero();
  }

  @Test
  void variantsWhenFilteredBySkuOrIdThenOnlyMatchesAnswer() {
    assertThat(
            http.request(VARIANTS)
                .variable("id", 77)
                .variable("skus", List.of("SLCTBS"))
                .send()
                .at("/data/site/product/variants/edges")
                .size())
        .isEqualTo(1);
    assertThat(
            http.request(VARIANTS)
                .variable("id", 77)
                .variable("skus", List.of("OTHER"))
                .send()
                .at("/data/site/product/variants/edges")
                .size())
        .isZero();
    assertThat(
            http.request(VARIANTS)
                .variable("id", 77)
                .variable("entityIds", List.of(178))
                .send()
                .at("/data/site/product/variants/edges")
                .size())
        .isZero();
  }

  @Test
  void productWhenLookedUpByVariantIdThenItsProduct() {
    JsonNode data =
        http.request(
                "query { site { a: product(variantEntityId: 177) { entityId } "
                    + "b: product(variantEntityId: 999999) { entityId } } }")
            .send()
            .at("/data/site");
    assertThat(data.at("/a/entityId").asInt()).isEqualTo(77);
    assertThat(data.get("b").isNull()).isTrue();
  }

  @Test
  void inventoryWhenTrackedUntrackedOrOutOfStockThenAsBigCommerceAnswers() {
    JsonNode tracked =
        http.request(INVENTORY_AND_SEO).variable("id", 77).send().at("/data/site/product");
    assertThat(tracked.at("/inventory/isInStock").asBoolean()).isTrue();
    assertThat(tracked.at("/inventory/hasVariantInventory").asBoolean()).isFalse();
    assertThat(tracked.at("/inventory/aggregated/availableToSell").asInt()).isEqualTo(22);
    assertThat(tracked.at("/inventory/aggregated/warningLevel").asInt()).isEqualTo(5);
    JsonNode untracked =
        http.request(INVENTORY_AND_SEO).variable("id", 80).send().at("/data/site/product");
    assertThat(untracked.at("/inventory/isInStock").asBoolean()).isTrue();
    assertThat(untracked.at("/inventory/aggregated").isNull()).isTrue();
    JsonNode out =
        http.request(INVENTORY_AND_SEO).variable("id", 86).send().at("/data/site/product");
    assertThat(out.at("/inventory/isInStock").asBoolean()).isFalse();
    assertThat(out.at("/inventory/aggregated/availableToSell").asInt()).isZero();
    assertThat(
            http.request(VARIANTS)
                .variable("id", 86)
                .send()
                .at("/data/site/product/variants/edges/0/node/isPurchasable")
                .asBoolean())
        .isFalse();
  }

  @Test
  void seoWhenProductHasDetailsThenTitleDescriptionKeywords() {
    JsonNode p = http.request(INVENTORY_AND_SEO).variable("id", 77).send().at("/data/site/product");
    assertThat(p.at("/seo/pageTitle").asString())
        .isEqualTo("Fog Linen Chambray Towel | Storefront Session Sandbox");
    assertThat(p.at("/seo/metaDescription").asString()).contains("Fog Linen Chambray Towel");
    assertThat(p.at("/seo/metaKeywords").asString()).isEqualTo("fog linen chambray towel");
    assertThat(p.get("gtin").isNull()).isTrue();
  }

  @Test
  void reviewsWhenApprovedReviewsThenSummarySortedAndFiltered() {
    JsonNode p = http.request(REVIEWS).variable("id", 77).send().at("/data/site/product");
    assertThat(p.at("/reviewSummary/numberOfReviews").asInt()).isEqualTo(2);
    assertThat(p.at("/reviewSummary/summationOfRatings").asInt()).isEqualTo(9);
    assertThat(p.at("/reviewSummary/averageRating").asDouble()).isEqualTo(4.5);
    assertThat(titles(p)).containsExactly("Good towel", "Soft after one wash");
    assertThat(p.at("/reviews/edges/0/node/author/name").asString()).isEqualTo("Jordan");
    assertThat(p.at("/reviews/edges/0/node/createdAt/utc").asString())
        .startsWith("2025-06-01T12:30");
    assertThat(
            titles(
                http.request(REVIEWS)
                    .variable("id", 77)
                    .variable("sort", "OLDEST")
                    .send()
                    .at("/data/site/product")))
        .containsExactly("Soft after one wash", "Good towel");
    assertThat(
            titles(
                http.request(REVIEWS)
                    .variable("id", 77)
                    .variable("min", 5)
                    .send()
                    .at("/data/site/product")))
        .containsExactly("Soft after one wash");
    JsonNode none = http.request(REVIEWS).variable("id", 78).send().at("/data/site/product");
    assertThat(none.at("/reviewSummary/numberOfReviews").asInt()).isZero();
    assertThat(none.at("/reviewSummary/averageRating").asDouble()).isZero();
  }

  @Test
  void addProductReviewWhenValidThenKeptForApprovalAndNotShown() {
    JsonNode errors = addReview(null, 78, review("Lovely", "Holds three plants.", 5));
    assertThat(errors.size()).isZero();
    assertThat(
            http.request(REVIEWS)
                .variable("id", 78)
                .send()
                .at("/data/site/product/reviewSummary/numberOfReviews")
                .asInt())
        .isZero();
  }

  @Test
  void addProductReviewWhenCustomerReviewsTwiceThenAlreadyReviewedError() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(addReview(cat, 79, review("Big", "Fits a fern.", 4)).size()).isZero();
    assertThat(addReview(cat, 79, review("Again", "Still big.", 3)).at("/0/__typename").asString())
        .isEqualTo("CustomerAlreadyReviewedProductError");
  }

  @Test
  void addProductReviewWhenProductUnknownOrFieldsInvalidThenTypedErrors() {
    assertThat(addReview(null, 999_999, review("T", "X", 5)).at("/0/__typename").asString())
        .isEqualTo("ProductIdNotFoundError");
    JsonNode invalid = addReview(null, 77, review(" ", "X", 6)).get(0);
    assertThat(invalid.get("__typename").asString()).isEqualTo("InvalidInputFieldsError");
    assertThat(invalid.get("fields").toString()).isEqualTo("[\"title\",\"rating\"]");
    assertThat(
            addReview(
                    null,
                    77,
                    Map.of("author", "A", "title", "T", "text", "X", "rating", 3, "email", "nope"))
                .at("/0/fields/0")
                .asString())
        .isEqualTo("email");
  }

  @Test
  void submitContactUsWhenValidThenNoErrorsElseValidationErrorWithPath() {
    assertThat(
            contact(
                    Map.of(
                        "email",
                        "shopper@example.com",
                        "comments",
                        "Where is my order?",
                        "orderNumber",
                        "101"))
                .size())
        .isZero();
    JsonNode bad = contact(Map.of("email", "nope", "comments", "Hi")).get(0);
    assertThat(bad.get("__typename").asString()).isEqualTo("ValidationError");
    assertThat(bad.get("path").toString()).isEqualTo("[\"input\",\"data\",\"email\"]");
    assertThat(
            contact(Map.of("email", "a@example.com", "comments", " ")).at("/0/path/2").asString())
        .isEqualTo("comments");
    assertThat(
            contact(Map.of("email", "a@example.com", "comments", "x".repeat(4001)))
                .at("/0/path/2")
                .asString())
        .isEqualTo("comments");
  }

  @Test
  void analyticsEventsWhenWellFormedThenExecuted() {
    Map<String, Object> common =
        Map.of(
            "initiator",
                Map.of(
                    "visitId",
                    "00000000-0000-0000-0000-000000000001",
                    "visitorId",
                    "00000000-0000-0000-0000-000000000002"),
            "request",
                Map.of(
                    "url",
                    "https://store.example/p",
                    "refererUrl",
                    "https://store.example/",
                    "userAgent",
                    "t"));
    JsonNode data =
        http.request(EVENTS)
            .variable("common", common)
            .variable("product", Map.of("productEntityId", 77))
            .send()
            .at("/data/analytics");
    assertThat(data.at("/visitStartedEvent/executed").asBoolean()).isTrue();
    assertThat(data.at("/productViewedEvent/executed").asBoolean()).isTrue();
  }

  @Test
  void formFieldsWhenAskedThenBuiltInFieldsWithBigCommerceIdsFilteredAndSorted() {
    JsonNode data = http.request(FORM_FIELDS).send().at("/data");
    JsonNode customer = data.at("/site/settings/formFields/customer");
    assertThat(ids(customer)).containsExactly(1, 2, 3, 4, 5, 6, 7, 24, 25);
    assertThat(customer.at("/1/__typename").asString()).isEqualTo("PasswordFormField");
    assertThat(customer.at("/8/__typename").asString()).isEqualTo("CheckboxesFormField");
    JsonNode address = data.at("/site/settings/formFields/shippingAddress");
    assertThat(ids(address)).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    JsonNode country = address.get(7);
    assertThat(country.get("__typename").asString()).isEqualTo("PicklistFormField");
    assertThat(country.get("options").size()).isEqualTo(data.at("/geography/countries").size());
    assertThat(address.get(8).get("__typename").asString()).isEqualTo("PicklistOrTextFormField");
    assertThat(data.at("/geography/countries/5/code").asString()).isEqualTo("US");
    JsonNode required =
        http.request(FORM_FIELDS)
            .variable("filters", Map.of("isRequired", false))
            .variable("sortBy", "SORT_ORDER")
            .send()
            .at("/data/site/settings/formFields/customer");
    assertThat(ids(required)).containsExactly(6, 7, 24, 25);
  }

  @Test
  void countriesWhenFilteredByCodeThenThatCountryWithStates() {
    JsonNode countries =
        http.request(
                "query { geography { countries(filters: {code: \"us\"}) { name "
                    + "statesOrProvinces { abbreviation } } } }")
            .send()
            .at("/data/geography/countries");
    assertThat(countries.size()).isEqualTo(1);
    assertThat(countries.at("/0/name").asString()).isEqualTo("United States");
    assertThat(countries.at("/0/statesOrProvinces").size()).isEqualTo(4);
  }

  private static Map<String, Object> review(String title, String text, int rating) {
    return Map.of("author", "Sam", "title", title, "text", text, "rating", rating);
  }

  private static JsonNode addReview(String cat, int productId, Map<String, Object> review) {
    SandboxHttp.Request request =
        http.request(ADD_REVIEW)
            .variable("input", Map.of("productEntityId", productId, "review", review));
    if (cat != null) {
      request.customer(cat);
    }
    return request.send().at("/data/catalog/addProductReview/errors");
  }

  private static JsonNode contact(Map<String, Object> data) {
    return http.request(CONTACT)
        .variable("input", Map.of("pageEntityId", 1, "data", data))
        .send()
        .at("/data/submitContactUs/errors");
  }

  private static List<String> titles(JsonNode product) {
    List<String> titles = new ArrayList<>();
    product.at("/reviews/edges").forEach(e -> titles.add(e.at("/node/title").asString()));
    return titles;
  }

  private static List<Integer> ids(JsonNode fields) {
    List<Integer> ids = new ArrayList<>();
    fields.forEach(f -> ids.add(f.get("entityId").asInt()));
    return ids;
  }
}
