package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fields the sandbox does not model answer the documented defaults, never an internal error. */
class DefaultAnswersTest {

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
  void unmodelledConnectionWhenQueriedThenEmptyWithAPageInfoWithoutPages() {
    SandboxHttp.Response r =
        http.request(
                """
        { site { content { pages(first: 5) { edges { node { name } } pageInfo { hasNextPage hasPreviousPage
          startCursor endCursor } } } } inventory { locations { edges { node { entityId } } } } }""")
            .send();

    assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
    assertThat(r.at("/data/site/content/pages/edges").isArray()).isTrue();
    assertThat(r.at("/data/site/content/pages/edges").size()).isZero();
    assertThat(r.at("/data/site/content/pages/pageInfo/hasNextPage").asBoolean()).isFalse();
    assertThat(r.at("/data/site/content/pages/pageInfo/hasPreviousPage").asBoolean()).isFalse();
    assertThat(r.at("/data/site/content/pages/pageInfo/endCursor").isNull()).isTrue();
    assertThat(r.at("/data/inventory/locations/edges").size()).isZero();
  }

  @Test
  void unmodelledNullableFieldWhenQueriedThenNullAndNonNullScalarThenZeroOrEmpty() {
    SandboxHttp.Response r =
        http.request(
                """
        { site { content { page(entityId: 1) { name } blog { name } } giftCertificate(code: "X") { code } }
          store { entityId } }""")
            .send();

    assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
    assertThat(r.at("/data/site/content/page").isNull()).isTrue();
    assertThat(r.at("/data/site/content/blog").isNull()).isTrue();
    assertThat(r.at("/data/site/giftCertificate").isNull()).isTrue();
    assertThat(r.at("/data/store/entityId").isNumber()).isTrue();
  }

  @Test
  void unmodelledRootFieldWhenQueriedThenEveryTypeOfBigCommercesSchemaCanBeSelected() {
    SandboxHttp.Response r =
        http.request(
                """
        { geography { countries { code name statesOrProvinces { name } } }
          shopperPreferences { locale { resolved } }
          node(id: "UHJvZHVjdDox") { id } }""")
            .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
    assertThat(r.at("/data/geography/countries").isArray()).isTrue();
  }

  @Test
  void unmodelledMutationWhenSentThenNotModelledErrorAndNothingPretended() {
    SandboxHttp.Response r =
        http.request(
                """
        mutation { validateSessionSyncJwt(jwt: "x") { errors { __typename } } }""")
            .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.firstErrorCode()).isEqualTo("NOT_MODELLED");
    assertThat(r.firstErrorMessage()).contains("Mutation.validateSessionSyncJwt");
    assertThat(r.at("/data").isNull()).isTrue();
  }

  @Test
  void unmodelledMutationNamespaceWhenSentThenItsFieldFailsNotTheNamespace() {
    SandboxHttp.Response r =
        http.request(
                """
        mutation { checkout { updateCheckoutCustomerMessage(input: {checkoutEntityId: "x", data: {message: "C"}}) {
          checkout { entityId } } } }""")
            .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.firstErrorCode()).isEqualTo("NOT_MODELLED");
    assertThat(r.firstErrorMessage()).contains("CheckoutMutations.updateCheckoutCustomerMessage");
  }
}
