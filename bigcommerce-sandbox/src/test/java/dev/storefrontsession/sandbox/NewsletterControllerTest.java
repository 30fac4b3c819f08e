package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Newsletter subscription (the account settings page and the footer form). */
class NewsletterControllerTest {

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

  private static JsonNode subscribe(Map<String, Object> input) {
    return http.request(Documents.SUBSCRIBE)
        .variable("input", input)
        .send()
        .at("/data/newsletter/subscribe/errors");
  }

  private static boolean subscribed(String cat) {
    return http.request(Documents.ACCOUNT_SETTINGS)
        .customer(cat)
        .send()
        .at("/data/customer/isSubscribedToNewsletter")
        .asBoolean();
  }

  @Test
  void accountSettingsWhenSeededCustomersThenSubscriptionFlagsAndSettings() {
    JsonNode wholesale =
        http.request(Documents.ACCOUNT_SETTINGS)
            .customer(Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD))
            .send()
            .at("/data");
    assertThat(wholesale.at("/customer/isSubscribedToNewsletter").asBoolean()).isTrue();
    assertThat(wholesale.at("/site/settings/newsletter/showNewsletterSignup").asBoolean()).isTrue();
    assertThat(wholesale.at("/site/settings/reviews/enabled").asBoolean()).isTrue();
  }

  @Test
  void subscribeThenUnsubscribeWhenCustomerThenFlagFollows() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(subscribed(cat)).isFalse();
    assertThat(
            subscribe(
                    Map.of(
                        "email", "Shopper@Example.com", "firstName", "Sam", "lastName", "Shopper"))
                .size())
        .isZero();
    assertThat(subscribed(cat)).isTrue();
    JsonNode errors =
        http.request(Documents.UNSUBSCRIBE)
            .variable("input", Map.of("email", Fixture.SHOPPER))
            .send()
            .at("/data/newsletter/unsubscribe/errors");
    assertThat(errors.size()).isZero();
    assertThat(subscribed(cat)).isFalse();
  }

  @Test
  void subscribeWhenAlreadySubscribedThenAlreadyExistsError() {
    assertThat(subscribe(Map.of("email", "footer@example.com")).size()).isZero();
    assertThat(subscribe(Map.of("email", "footer@example.com")).at("/0/__typename").asString())
        .isEqualTo("CreateSubscriberAlreadyExistsError");
  }

  @Test
  void subscribeWhenEmailOrNamesInvalidThenTypedErrors() {
    assertThat(subscribe(Map.of("email", "nope")).at("/0/__typename").asString())
        .isEqualTo("CreateSubscriberEmailInvalidError");
    assertThat(
            subscribe(Map.of("email", "long@example.com", "firstName", "x".repeat(101)))
                .at("/0/__typename")
                .asString())
        .isEqualTo("CreateSubscriberFirstNameInvalidError");
    assertThat(
            subscribe(Map.of("email", "long@example.com", "lastName", "y".repeat(101)))
                .at("/0/__typename")
                .asString())
        .isEqualTo("CreateSubscriberLastNameInvalidError");
    assertThat(
            http.request(Documents.UNSUBSCRIBE)
                .variable("input", Map.of("email", "bad"))
                .send()
                .at("/data/newsletter/unsubscribe/errors/0/__typename")
                .asString())
        .isEqualTo("RemoveSubscriberEmailInvalidError");
  }
}
