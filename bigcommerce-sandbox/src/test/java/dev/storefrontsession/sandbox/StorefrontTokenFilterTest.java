package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storefront token gate and the general HTTP contract of {@code POST /graphql}. */
class StorefrontTokenFilterTest {

  static SandboxServer server;
  static SandboxHttp http;
  static final String QUERY = "query Q { site { settings { storeHash } } }";

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
  void postWhenNoAuthorizationThen401Missing() {
    SandboxHttp.Response r = http.request(QUERY).bearer(null).send();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.firstErrorMessage())
        .isEqualTo("GraphQL credentials were missing. No token was sent.");
    assertThat(r.body().has("data")).isFalse();
  }

  @Test
  void postWhenTokenIsNotAJwtThen401NotAJwt() {
    SandboxHttp.Response r = http.request(QUERY).bearer("not-a-token").send();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.firstErrorMessage()).isEqualTo("GraphQL invalid credentials. String is not a JWT");
  }

  @Test
  void postWhenJwtShapedTokenIsWrongThen401BadSignature() {
    String token = server.settings().storefrontToken();
    String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    SandboxHttp.Response r = http.request(QUERY).bearer(tampered).send();
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.firstErrorMessage())
        .isEqualTo("GraphQL invalid credentials. JWT signature is invalid");
  }

  @Test
  void postWhenAuthorizationIsNotBearerThen401() {
    SandboxHttp.Response r =
        http.request(QUERY)
            .bearer(null)
            .header("Authorization", "Basic " + server.settings().storefrontToken())
            .send();
    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void postWhenTokenValidThenDataAndNoErrorsKey() {
    SandboxHttp.Response r = http.request(QUERY).send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("/data/site/settings/storeHash").asString()).isEqualTo("sandbox1");
    assertThat(r.body().has("errors")).isFalse();
    assertThat(r.raw().body()).doesNotContain("\"errors\"");
  }

  @Test
  void postWhenOperationAndTypeQueryParametersThenIgnored() {
    SandboxHttp.Response r = http.request(QUERY).queryString("?operation=Q&type=query").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("/data/site/settings/storeHash").asString()).isEqualTo("sandbox1");
  }

  @Test
  void postWhenAnsweredThenComplexityAndOperationHeaders() {
    SandboxHttp.Response r = http.request(QUERY).send();
    assertThat(r.header("x-bc-graphql-complexity")).isEqualTo("3");
    assertThat(r.header("x-bc-graphql-operation-name")).isEqualTo("Q");
    assertThat(r.header("x-bc-graphql-operation-type")).isEqualTo("query");
  }

  @Test
  void postWhenFragmentsUsedThenComplexityCountsTheirFields() {
    SandboxHttp.Response r =
        http.request(
                "query { site { ...S } } fragment S on Site { settings { storeHash channelId } }")
            .send();
    assertThat(r.header("x-bc-graphql-complexity")).isEqualTo("4");
  }

  @Test
  void postWhenIntrospectionThenSchemaTypesAnswered() {
    SandboxHttp.Response r =
        http.request(
                "{ __schema { queryType { name } } __type(name: \"Customer\") { fields { name } } }")
            .send();
    assertThat(r.at("/data/__schema/queryType/name").asString()).isEqualTo("Query");
    assertThat(r.at("/data/__type/fields").toString())
        .contains("\"entityId\"", "\"customerGroupId\"");
  }

  @Test
  void postWhenDocumentInvalidThenHttp200WithErrorsAndNoEmptyArrays() {
    SandboxHttp.Response r = http.request("{ site { noSuchField } }").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("errors").size()).isGreaterThan(0);
  }

  @Test
  void postWhenProductLookedUpThenHttp200EvenForUnknownIds() {
    SandboxHttp.Response r = http.request("{ site { product(entityId: 999999) { name } } }").send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.at("/data/site/product").isNull()).isTrue();
    assertThat(r.body().has("errors")).isFalse();
  }

  @Test
  void postWhenBodyIsNotJsonThen400WithJsonError() {
    var r = http.raw("POST", "/graphql", "this is not json");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(r.body()).contains("\"errors\"", "must be JSON");
  }

  @Test
  void getWhenGraphqlPathThen405WithJsonError() {
    var r = http.raw("GET", "/graphql", null);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.body()).contains("Use POST");
  }

  @Test
  void postWhenUnknownPathThen404WithJsonError() {
    var r = http.raw("POST", "/nowhere", "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("POST /graphql");
  }

  @Test
  void postWhenSameDocumentRepeatedThenSameAnswer() {
    SandboxHttp.Response a = http.request(QUERY).send();
    SandboxHttp.Response b = http.request(QUERY).send();
    assertThat(b.body()).isEqualTo(a.body());
  }

  @Test
  void postWhenQueryMissingOrVariablesNotAnObjectThen400WithReason() {
    var noQuery = http.raw("POST", "/graphql", "{\"variables\": {}}");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    assertThat(noQuery.body()).contains("no \\\"query\\\" string");
    var badVariables =
        http.raw(
            "POST",
            "/graphql",
            "{\"query\": \"{ site { settings { storeHash } } }\", \"variables\": [1]}");
    assertThat(badVariables.statusCode()).isEqualTo(400);
    assertThat(badVariables.body()).contains("must be a JSON object");
  }

  @Test
  void postWhenOperationNameSelectsOneOfSeveralOperationsThenThatOneRuns() {
    var r =
        http.raw(
            "POST",
            "/graphql",
            "{\"query\": \"query A { site { settings { storeHash } } } "
                + "query B { site { settings { channelId } } }\", \"operationName\": \"B\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"channelId\":1").doesNotContain("storeHash");
    assertThat(r.headers().firstValue("x-bc-graphql-operation-name")).hasValue("B");
  }
}
