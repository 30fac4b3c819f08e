package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.client.GraphQLError;
import dev.storefrontsession.client.InvalidCustomerAccessTokenException;
import dev.storefrontsession.client.MalformedResponseException;
import dev.storefrontsession.client.MissingCustomerAccessTokenException;
import dev.storefrontsession.client.StorefrontApiException;
import dev.storefrontsession.client.StorefrontAuthException;
import dev.storefrontsession.client.StorefrontGraphQLException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResponseParserTest {

  private final ResponseParser parser = new ResponseParser(JsonMapper.builder().build());

  private ParsedResponse parse(int status, String body) {
    return parser.parse(
        "Op", status, body.getBytes(StandardCharsets.UTF_8), OptionalInt.of(7), List.of("SECRET"));
  }

  @Test
  void parseWhenDataOnlyThenNoErrors() {
    ParsedResponse r = parse(200, "{\"data\":{\"site\":{\"name\":\"x\"}}}");
    assertThat(r.errors()).isEmpty();
    assertThat(r.data().at("/site/name").stringValue()).isEqualTo("x");
    assertThat(r.complexity()).hasValue(7);
  }

  @Test
  void parseWhenErrorsThenMessagePathLocationsAndCode() {
    ParsedResponse r =
        parse(
            200,
            """
                {"data":null,"errors":[{"message":"Invalid customer access token","path":["customer",0,"x"],
                 "locations":[{"line":1,"column":9}],"extensions":{"code":"INVALID_CUSTOMER_ACCESS_TOKEN"}}]}""");
    assertThat(r.data().isNull()).isTrue();
    assertThat(r.errors())
        .containsExactly(
            new GraphQLError(
                "Invalid customer access token",
                List.of("customer", 0, "x"),
                List.of(new GraphQLError.Location(1, 9)),
                "INVALID_CUSTOMER_ACCESS_TOKEN"));
  }

  @Test
  void parseWhenEmptyErrorsArrayThenNoErrors() {
    assertThat(parse(200, "{\"data\":{},\"errors\":[]}").hasErrors()).isFalse();
  }

  @Test
  void parseWhenNotJsonThenMalformedWithRedactedExcerpt() {
    assertThatThrownBy(() -> parse(200, "<html>SECRET oops"))
        .isInstanceOfSatisfying(
            MalformedResponseException.class,
            e -> {
              assertThat(e.bodyExcerpt()).isEqualTo("<html><redacted> oops");
              assertThat(e.getMessage()).contains("not JSON").doesNotContain("SECRET");
            });
  }

  @Test
  void parseWhenTruncatedJsonThenMalformed() {
    assertThatThrownBy(() -> parse(200, "{\"data\":{\"site\":"))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void parseWhenNotAGraphQLObjectThenMalformed() {
    assertThatThrownBy(() -> parse(200, "[1,2]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> parse(200, "{\"foo\":1}"))
        .hasMessageContaining("neither data nor errors");
    assertThatThrownBy(() -> parse(200, "{\"data\":5}"))
        .hasMessageContaining("data is not an object");
    assertThatThrownBy(() -> parse(200, "{\"data\":{},\"errors\":{}}"))
        .hasMessageContaining("errors is not an array");
    assertThatThrownBy(() -> parse(200, "")).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void parseWhenNon2xxThenApiErrorWithStatusExcerptAndErrors() {
    assertThatThrownBy(
            () ->
                parse(
                    401,
                    "{\"errors\":[{\"message\":\"GraphQL invalid credentials. JWT signature is invalid\"}]}"))
        .isInstanceOfSatisfying(
            StorefrontApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.errors())
                  .extracting(GraphQLError::message)
                  .containsExactly("GraphQL invalid credentials. JWT signature is invalid");
            });
    assertThatThrownBy(() -> parse(502, "Bad gateway SECRET"))
        .isInstanceOfSatisfying(
            StorefrontApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.bodyExcerpt()).isEqualTo("Bad gateway <redacted>");
              assertThat(e.errors()).isEmpty();
            });
  }

  @Test
  void classifyWhenInvalidCodeThenInvalidTokenException() {
    StorefrontGraphQLException e =
        ResponseParser.classify(
            "Q",
            List.of(
                new GraphQLError("other", null, null, "INTERNAL"),
                new GraphQLError("bad token", null, null, "INVALID_CUSTOMER_ACCESS_TOKEN")));
    assertThat(e).isInstanceOf(InvalidCustomerAccessTokenException.class);
    assertThat(((InvalidCustomerAccessTokenException) e).detectedLocally()).isFalse();
    assertThat(e.errors()).hasSize(2);
  }

  @Test
  void classifyWhenMissingCodeThenMissingTokenException() {
    assertThat(
            ResponseParser.classify(
                "Q", List.of(new GraphQLError("m", null, null, "MISSING_CUSTOMER_ACCESS_TOKEN"))))
        .isInstanceOf(MissingCustomerAccessTokenException.class);
  }

  @Test
  void classifyWhenNoAuthCodeThenPlainGraphQLException() {
    StorefrontGraphQLException e =
        ResponseParser.classify(
            "Q", List.of(new GraphQLError("Field 'x' not found", List.of("site"), null, null)));
    assertThat(e).isNotInstanceOf(StorefrontAuthException.class);
    assertThat(e.messages()).containsExactly("Field 'x' not found");
    assertThat(e.getMessage()).contains("Q").contains("Field 'x' not found");
  }
}
