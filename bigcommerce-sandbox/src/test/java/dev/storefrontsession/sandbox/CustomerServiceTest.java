package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Account mutations over HTTP, with the typed errors of BigCommerce's unions. */
class CustomerServiceTest {

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

  private static String newEmail() {
    return "acct-" + UUID.randomUUID() + "@example.com";
  }

  private static SandboxHttp.Response register(Map<String, Object> input) {
    return http.request(Documents.REGISTER).variable("input", input).send();
  }

  private static Map<String, Object> registration(String email) {
    Map<String, Object> input = new HashMap<>();
    input.put("firstName", "Ada");
    input.put("lastName", "Lovelace");
    input.put("email", email);
    input.put("password", "Engine-Pass-1");
    return input;
  }

  private static String registeredCat() {
    String email = newEmail();
    assertThat(register(registration(email)).at("/data/customer/registerCustomer/errors").size())
        .isZero();
    return Fixture.cat(http, email, "Engine-Pass-1");
  }

  @Test
  void registerCustomerWhenValidThenCustomerInDefaultGroupAndCanLogIn() {
    String email = newEmail();
    Map<String, Object> input = registration(email);
    input.put(
        "address",
        Map.of(
            "firstName",
            "Ada",
            "lastName",
            "Lovelace",
            "address1",
            "1 Analytical Way",
            "city",
            "London",
            "countryCode",
            "GB"));
    JsonNode result = register(input).at("/data/customer/registerCustomer");
    assertThat(result.get("errors").size()).isZero();
    assertThat(result.at("/customer/email").asString()).isEqualTo(email);
    assertThat(result.at("/customer/customerGroupId").asInt()).isEqualTo(1);
    String cat = Fixture.cat(http, email, "Engine-Pass-1");
    JsonNode addresses =
        http.request(Documents.ADDRESSES).customer(cat).send().at("/data/customer/addresses");
    assertThat(addresses.at("/collectionInfo/totalItems").asInt()).isEqualTo(1);
    assertThat(addresses.at("/edges/0/node/country").asString()).isEqualTo("United Kingdom");
  }

  @Test
  void registerCustomerWhenEmailTakenThenEmailAlreadyInUseError() {
    JsonNode result =
        register(registration("SHOPPER@example.com")).at("/data/customer/registerCustomer");
    assertThat(result.get("customer").isNull()).isTrue();
    assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("EmailAlreadyInUseError");
  }

  @Test
  void registerCustomerWhenPasswordWeakThenValidationErrorOnPassword() {
    Map<String, Object> input = registration(newEmail());
    input.put("password", "letters-only");
    JsonNode result = register(input).at("/data/customer/registerCustomer");
    assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("ValidationError");
    assertThat(result.at("/errors/0/path").toString()).contains("password");
    assertThat(result.at("/errors/0/message").asString()).contains("letters and numbers");
  }

  @Test
  void registerCustomerWhenEmailMalformedAndNameBlankThenAllProblemsReported() {
    Map<String, Object> input = registration("not-an-email");
    input.put("firstName", " ");
    JsonNode errors = register(input).at("/data/customer/registerCustomer/errors");
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.toString()).contains("firstName", "email");
  }

  @Test
  void updateCustomerWhenLoggedInThenChangedAndVisibleInQuery() {
    String cat = registeredCat();
    JsonNode result =
        http.request(Documents.UPDATE_CUSTOMER)
            .customer(cat)
            .variable(
                "input",
                Map.of("firstName", "Augusta", "phone", "555-1234", "company", "Engines Ltd"))
            .send()
            .at("/data/customer/updateCustomer");
    assertThat(result.get("errors").size()).isZero();
    assertThat(result.at("/customer/firstName").asString()).isEqualTo("Augusta");
    assertThat(result.at("/customer/lastName").asString()).isEqualTo("Lovelace");
    JsonNode customer = http.request(Documents.CUSTOMER).customer(cat).send().at("/data/customer");
    assertThat(customer.get("phone").asString()).isEqualTo("555-1234");
    assertThat(customer.get("company").asString()).isEqualTo("Engines Ltd");
  }

  @Test
  void updateCustomerWhenEmailOfAnotherCustomerThenEmailAlreadyInUse() {
    String cat = registeredCat();
    JsonNode result =
        http.request(Documents.UPDATE_CUSTOMER)
            .customer(cat)
            .variable("input", Map.of("email", Fixture.WHOLESALE))
            .send()
            .at("/data/customer/updateCustomer");
    assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("EmailAlreadyInUseError");
  }

  @Test
  void updateCustomerWhenGuestThenCustomerNotLoggedInError() {
    JsonNode result =
        http.request(Documents.UPDATE_CUSTOMER)
            .variable("input", Map.of("firstName", "X"))
            .send()
            .at("/data/customer/updateCustomer");
    assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("CustomerNotLoggedInError");
  }

  @Test
  void changePasswordWhenCurrentWrongThenValidationError() {
    String cat = registeredCat();
    JsonNode errors =
        http.request(Documents.CHANGE_PASSWORD)
            .customer(cat)
            .variable(
                "input", Map.of("currentPassword", "Wrong-Pass-1", "newPassword", "Newer-Pass-2"))
            .send()
            .at("/data/customer/changePassword/errors");
    assertThat(errors.at("/0/__typename").asString()).isEqualTo("ValidationError");
  }

  @Test
  void changePasswordWhenNewPasswordWeakThenCustomerPasswordError() {
    String cat = registeredCat();
    JsonNode errors =
        http.request(Documents.CHANGE_PASSWORD)
            .customer(cat)
            .variable("input", Map.of("currentPassword", "Engine-Pass-1", "newPassword", "short1"))
            .send()
            .at("/data/customer/changePassword/errors");
    assertThat(errors.at("/0/__typename").asString()).isEqualTo("CustomerPasswordError");
  }

  @Test
  void changePasswordWhenGuestThenCustomerNotLoggedInError() {
    JsonNode errors =
        http.request(Documents.CHANGE_PASSWORD)
            .variable("input", Map.of("currentPassword", "a", "newPassword", "Newer-Pass-2"))
            .send()
            .at("/data/customer/changePassword/errors");
    assertThat(errors.at("/0/__typename").asString()).isEqualTo("CustomerNotLoggedInError");
  }

  @Test
  void resetPasswordWhenTokenFromRequestThenNewPasswordWorksTokensRevokedAndTokenSingleUse() {
    String email = newEmail();
    register(registration(email));
    String oldCat = Fixture.cat(http, email, "Engine-Pass-1");
    JsonNode request =
        http.request(Documents.REQUEST_RESET_PASSWORD)
            .variable("input", Map.of("email", email, "path", "/change-password"))
            .send()
            .at("/data/customer/requestResetPassword/errors");
    assertThat(request.size()).isZero();
    PasswordResetMessage message =
        server.sentPasswordResetMessages().stream()
            .filter(m -> m.email().equals(email))
            .findFirst()
            .orElseThrow();
    assertThat(message.toString()).doesNotContain(message.token());
    Map<String, Object> input =
        Map.of(
            "customerEntityId",
            message.customerEntityId(),
            "token",
            message.token(),
            "newPassword",
            "Reset-Done-2");
    assertThat(
            http.request(Documents.RESET_PASSWORD)
                .variable("input", input)
                .send()
                .at("/data/customer/resetPassword/errors")
                .size())
        .isZero();
    assertThat(Fixture.cat(http, email, "Reset-Done-2")).isNotBlank();
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(oldCat)
                .validateToken()
                .send()
                .firstErrorCode())
        .isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
    JsonNode again =
        http.request(Documents.RESET_PASSWORD)
            .variable("input", input)
            .send()
            .at("/data/customer/resetPassword/errors");
    assertThat(again.at("/0/__typename").asString()).isEqualTo("ValidationError");
  }

  @Test
  void resetPasswordWhenTokenForAnotherCustomerThenValidationError() {
    String email = newEmail();
    register(registration(email));
    http.request(Documents.REQUEST_RESET_PASSWORD).variable("input", Map.of("email", email)).send();
    PasswordResetMessage message =
        server.sentPasswordResetMessages().stream()
            .filter(m -> m.email().equals(email))
            .findFirst()
            .orElseThrow();
    JsonNode errors =
        http.request(Documents.RESET_PASSWORD)
            .variable(
                "input",
                Map.of(
                    "customerEntityId",
                    1,
                    "token",
                    message.token(),
                    "newPassword",
                    "Hijack-Pass-1"))
            .send()
            .at("/data/customer/resetPassword/errors");
    assertThat(errors.at("/0/__typename").asString()).isEqualTo("ValidationError");
    assertThat(Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD)).isNotBlank();
  }

  @Test
  void requestResetPasswordWhenEmailUnknownThenSameSuccessAndNothingSent() {
    int before = server.sentPasswordResetMessages().size();
    JsonNode errors =
        http.request(Documents.REQUEST_RESET_PASSWORD)
            .variable("input", Map.of("email", "ghost@example.com"))
            .send()
            .at("/data/customer/requestResetPassword/errors");
    assertThat(errors.size()).isZero();
    assertThat(server.sentPasswordResetMessages()).hasSize(before);
  }

  @Test
  void resetPasswordWhenResetRequiredCustomerResetsThenLoginWorks() {
    http.request(Documents.REQUEST_RESET_PASSWORD)
        .variable("input", Map.of("email", "reset@example.com"))
        .send();
    PasswordResetMessage message =
        server.sentPasswordResetMessages().stream()
            .filter(m -> m.email().equals("reset@example.com"))
            .findFirst()
            .orElseThrow();
    http.request(Documents.RESET_PASSWORD)
        .variable(
            "input",
            Map.of(
                "customerEntityId",
                message.customerEntityId(),
                "token",
                message.token(),
                "newPassword",
                "Fresh-Pass-3"))
        .send();
    assertThat(Fixture.cat(http, "reset@example.com", "Fresh-Pass-3")).isNotBlank();
  }

  @Test
  void addressesWhenAddedUpdatedDeletedThenListFollows() {
    String cat = registeredCat();
    JsonNode added =
        http.request(Documents.ADD_ADDRESS)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Ada",
                    "lastName",
                    "L",
                    "address1",
                    "2 Engine St",
                    "city",
                    "Leeds",
                    "countryCode",
                    "gb"))
            .send()
            .at("/data/customer/addCustomerAddress");
    assertThat(added.get("errors").size()).isZero();
    assertThat(added.at("/address/countryCode").asString()).isEqualTo("GB");
    int id = added.at("/address/entityId").asInt();
    JsonNode updated =
        http.request(Documents.UPDATE_ADDRESS)
            .customer(cat)
            .variable("input", Map.of("addressEntityId", id, "data", Map.of("city", "York")))
            .send()
            .at("/data/customer/updateCustomerAddress");
    assertThat(updated.at("/address/city").asString()).isEqualTo("York");
    assertThat(updated.at("/address/firstName").asString()).isEqualTo("Ada");
    JsonNode deleted =
        http.request(Documents.DELETE_ADDRESS)
            .customer(cat)
            .variable("input", Map.of("addressEntityId", id))
            .send()
            .at("/data/customer/deleteCustomerAddress");
    assertThat(deleted.get("errors").size()).isZero();
    assertThat(
            http.request(Documents.ADDRESSES)
                .customer(cat)
                .send()
                .at("/data/customer/addresses/collectionInfo/totalItems")
                .asInt())
        .isZero();
  }

  @Test
  void addCustomerAddressWhenFieldsMissingThenValidationErrorsWithPaths() {
    String cat = registeredCat();
    JsonNode result =
        http.request(Documents.ADD_ADDRESS)
            .customer(cat)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Ada",
                    "lastName",
                    "L",
                    "address1",
                    " ",
                    "city",
                    "Leeds",
                    "countryCode",
                    "Britain"))
            .send()
            .at("/data/customer/addCustomerAddress");
    assertThat(result.get("address").isNull()).isTrue();
    assertThat(result.get("errors").toString()).contains("address1", "countryCode");
  }

  @Test
  void updateCustomerAddressWhenAddressOfAnotherCustomerThenAddressDoesNotExist() {
    String cat = registeredCat();
    JsonNode result =
        http.request(Documents.UPDATE_ADDRESS)
            .customer(cat)
            .variable("input", Map.of("addressEntityId", 1, "data", Map.of("city", "Hacked")))
            .send()
            .at("/data/customer/updateCustomerAddress");
    assertThat(result.at("/errors/0/__typename").asString()).isEqualTo("AddressDoesNotExistError");
    String shopper = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    assertThat(
            http.request(Documents.ADDRESSES)
                .customer(shopper)
                .send()
                .at("/data/customer/addresses/edges/0/node/city")
                .asString())
        .isEqualTo("Austin");
  }

  @Test
  void deleteCustomerAddressWhenGuestOrUnknownThenTypedErrors() {
    assertThat(
            http.request(Documents.DELETE_ADDRESS)
                .variable("input", Map.of("addressEntityId", 1))
                .send()
                .at("/data/customer/deleteCustomerAddress/errors/0/__typename")
                .asString())
        .isEqualTo("CustomerNotLoggedInError");
    String cat = registeredCat();
    assertThat(
            http.request(Documents.DELETE_ADDRESS)
                .customer(cat)
                .variable("input", Map.of("addressEntityId", 1))
                .send()
                .at("/data/customer/deleteCustomerAddress/errors/0/__typename")
                .asString())
        .isEqualTo("CustomerAddressDeletionError");
  }

  @Test
  void customerWhenFetchedThenAllAccountFieldsPresent() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    JsonNode c =
        http.request(
                "{ customer { entityId firstName lastName email phone company customerGroupId"
                    + " notes taxExemptCategory addressCount attributeCount storeCredit { value } } }")
            .customer(cat)
            .send()
            .at("/data/customer");
    assertThat(c.get("firstName").asString()).isEqualTo("Sam");
    assertThat(c.get("addressCount").asInt()).isEqualTo(1);
    assertThat(c.get("storeCredit").size()).isZero();
    assertThat(List.of(c.get("notes").asString(), c.get("taxExemptCategory").asString()))
        .containsOnly("");
  }
}
