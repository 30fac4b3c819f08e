package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer access tokens: selection by header, expiry (moved clock), storage, and the invalid-token
 * policy.
 */
class CustomerAccessTokensTest {

  static final String DB = "jdbc:h2:mem:cat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  static final MutableClock CLOCK = MutableClock.startingNow();
  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server =
        Fixture.start(
            b ->
                b.jdbcUrl(DB, "sa", "")
                    .clock(CLOCK)
                    .customerAccessTokenLifetime(Duration.ofHours(2)));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    try (Connection c = DriverManager.getConnection(DB, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Test
  void customerWhenTokenValidThenThatCustomer() {
    String cat = Fixture.cat(http, Fixture.WHOLESALE, Fixture.WHOLESALE_PASSWORD);
    SandboxHttp.Response r = http.request(Documents.CUSTOMER).customer(cat).validateToken().send();
    assertThat(r.at("/data/customer/email").asString()).isEqualTo(Fixture.WHOLESALE);
    assertThat(r.at("/data/customer/customerGroupId").asInt()).isEqualTo(2);
    assertThat(r.at("/data/customer/customerGroupName").asString()).isEqualTo("Wholesale");
  }

  @Test
  void customerWhenNoTokenThenNull() {
    SandboxHttp.Response r = http.request(Documents.CUSTOMER).validateToken().send();
    assertThat(r.at("/data/customer").isNull()).isTrue();
    assertThat(r.body().has("errors")).isFalse();
  }

  @Test
  void requestWhenTokenUnknownAndErrorHeaderThenInvalidCustomerAccessTokenWithNullData() {
    String bogus = "0".repeat(64) + "_" + (CLOCK.instant().getEpochSecond() + 3600);
    SandboxHttp.Response r =
        http.request(Documents.CUSTOMER).customer(bogus).validateToken().send();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().has("data")).isTrue();
    assertThat(r.body().get("data").isNull()).isTrue();
    assertThat(r.firstErrorCode()).isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
    assertThat(r.at("/errors/0/path/0").asString()).isEqualTo("customer");
  }

  @Test
  void requestWhenTokenUnknownWithoutErrorHeaderThenAnsweredAsGuest() {
    SandboxHttp.Response r = http.request(Documents.CUSTOMER).customer("garbage").send();
    assertThat(r.body().has("errors")).isFalse();
    assertThat(r.at("/data/customer").isNull()).isTrue();
    assertThat(
            r.at("/data/site/settings/customers/passwordComplexitySettings/minimumPasswordLength")
                .asInt())
        .isEqualTo(7);
  }

  @Test
  void requestWhenErrorHeaderFalseThenAnsweredAsGuest() {
    SandboxHttp.Response r =
        http.request(Documents.CUSTOMER)
            .customer("garbage")
            .header("X-Bc-Error-On-Invalid-Customer-Access-Token", "false")
            .send();
    assertThat(r.body().has("errors")).isFalse();
  }

  @Test
  void requestWhenTokenExpiredThenInvalidAndGuestWithoutHeader() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    CLOCK.advance(Duration.ofHours(2).plusSeconds(1));
    try {
      assertThat(
              http.request(Documents.CUSTOMER)
                  .customer(cat)
                  .validateToken()
                  .send()
                  .firstErrorCode())
          .isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
      assertThat(
              http.request(Documents.CUSTOMER).customer(cat).send().at("/data/customer").isNull())
          .isTrue();
    } finally {
      CLOCK.advance(Duration.ofHours(-2).minusSeconds(1));
    }
    // back inside the lifetime it is valid again: expiry is computed, not a one-way flag
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(cat)
                .send()
                .at("/data/customer/email")
                .asString())
        .isEqualTo(Fixture.SHOPPER);
  }

  @Test
  void requestWhenTokenJustBeforeExpiryThenValid() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    CLOCK.advance(Duration.ofHours(2).minusSeconds(2));
    try {
      assertThat(
              http.request(Documents.CUSTOMER)
                  .customer(cat)
                  .validateToken()
                  .send()
                  .at("/data/customer/email")
                  .asString())
          .isEqualTo(Fixture.SHOPPER);
    } finally {
      CLOCK.advance(Duration.ofHours(-2).plusSeconds(2));
    }
  }

  @Test
  void requestWhenSuffixTamperedThenInvalid() {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String tampered = cat.substring(0, 65) + (Long.parseLong(cat.substring(65)) + 100);
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(tampered)
                .validateToken()
                .send()
                .firstErrorCode())
        .isEqualTo("INVALID_CUSTOMER_ACCESS_TOKEN");
  }

  @Test
  void changePasswordWhenDoneThenCurrentTokenStillValidAndNewPasswordLogsIn() {
    String email = "changer-" + UUID.randomUUID() + "@example.com";
    SandboxHttp.Response reg =
        http.request(Documents.REGISTER)
            .variable(
                "input",
                Map.of(
                    "firstName",
                    "Chan",
                    "lastName",
                    "Ger",
                    "email",
                    email,
                    "password",
                    "First-Pass-1"))
            .send();
    assertThat(reg.at("/data/customer/registerCustomer/errors").size()).isZero();
    String cat = Fixture.cat(http, email, "First-Pass-1");
    SandboxHttp.Response change =
        http.request(Documents.CHANGE_PASSWORD)
            .customer(cat)
            .validateToken()
            .variable(
                "input", Map.of("currentPassword", "First-Pass-1", "newPassword", "Second-Pass-2"))
            .send();
    assertThat(change.at("/data/customer/changePassword/errors").size()).isZero();
    assertThat(
            http.request(Documents.CUSTOMER)
                .customer(cat)
                .validateToken()
                .send()
                .at("/data/customer/email")
                .asString())
        .isEqualTo(email);
    assertThat(Fixture.cat(http, email, "Second-Pass-2")).isNotBlank();
    SandboxHttp.Response old =
        http.request(Documents.LOGIN)
            .variable("email", email)
            .variable("password", "First-Pass-1")
            .send();
    assertThat(old.firstErrorMessage()).isEqualTo("Invalid credentials");
  }

  @Test
  void tokensWhenStoredThenOnlySha256HashesInDatabase() throws Exception {
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    List<String> stored = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(DB, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT token_hash FROM customer_access_tokens")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
      }
    }
    assertThat(stored).isNotEmpty().doesNotContain(cat).allMatch(h -> h.matches("[0-9a-f]{64}"));
    String sha =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(cat.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(stored).contains(sha);
  }

  @Test
  void passwordsWhenStoredThenBcryptHashes() throws Exception {
    try (Connection c = DriverManager.getConnection(DB, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT password_hash FROM customers")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).matches("\\$2[aby]\\$\\d\\d\\$.{53}");
      }
    }
  }
}
