package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login as customer over real HTTP: store staff open the SSO link the sandbox issues ({@code
 * impersonator_id}); every page shows who is signed in and by whom, and password and email changes
 * are refused while it lasts.
 */
class LoginAsCustomerFlowTest {

  static final long WHOLESALE_ID = 2; // demo data
  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(true);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static ShopperClient staffSignedInAsWholesale() {
    ShopperClient staff = app.shopper();
    String jwt = app.sandbox().server().loginAsCustomerJwt(WHOLESALE_ID, 1, "/account/orders");
    ShopperClient.Response landed = staff.get("/login/token/" + jwt);
    assertThat(landed.status()).as("SSO answer: %s", landed.body()).isEqualTo(302);
    assertThat(landed.location()).endsWith("/account/orders");
    return staff;
  }

  @Test
  void pagesWhenStaffSignedInAsCustomerThenEveryPageShowsTheBanner() {
    ShopperClient staff = staffSignedInAsWholesale();

    for (String path :
        new String[] {"/", "/cart", "/account/orders", "/account/profile", "/account/settings"}) {
      assertThat(staff.get(path).body())
          .as(path)
          .contains("data-test=\"impersonation-banner\"")
          .contains("Signed in as <strong>Wren Wholesale</strong>")
          .contains("by store staff (staff <span>1</span>)");
    }
  }

  @Test
  void pagesWhenCustomerSignedInThemselvesThenNoBanner() {
    ShopperClient shopper = app.shopper();
    Shop.loginOk(shopper, Shop.WHOLESALE, Shop.WHOLESALE_PASSWORD);

    assertThat(shopper.get("/account/orders").body()).doesNotContain("impersonation-banner");
  }

  @Test
  void passwordChangeWhenImpersonatedThenRefusedAndPasswordUnchanged() {
    ShopperClient staff = staffSignedInAsWholesale();

    ShopperClient.Response answer =
        staff.submit(
            "/account/settings",
            "/account/settings/password",
            Map.of(
                "currentPassword",
                Shop.WHOLESALE_PASSWORD,
                "newPassword",
                "Taken-Over-1",
                "confirmPassword",
                "Taken-Over-1"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body())
        .contains("Password changes are turned off while store staff are signed in");
    Shop.loginOk(app.shopper(), Shop.WHOLESALE, Shop.WHOLESALE_PASSWORD);
  }

  @Test
  void profileWhenImpersonatedThenEmailChangeRefusedButOtherFieldsSaved() {
    ShopperClient staff = staffSignedInAsWholesale();

    ShopperClient.Response emailChange =
        staff.submit(
            "/account/profile",
            "/account/profile",
            Map.of(
                "firstName", "Wren", "lastName", "Wholesale", "email", "taken-over@example.com"));
    ShopperClient.Response phoneChange =
        staff.submit(
            "/account/profile",
            "/account/profile",
            Map.of(
                "firstName",
                "Wren",
                "lastName",
                "Wholesale",
                "email",
                Shop.WHOLESALE,
                "phone",
                "555-0222",
                "company",
                "Wholesale Goods Ltd"));

    assertThat(emailChange.status()).isEqualTo(403);
    assertThat(emailChange.body())
        .contains("Email changes are turned off while store staff are signed in");
    assertThat(phoneChange.status()).isEqualTo(302);
    assertThat(staff.get("/account/profile").body())
        .contains("value=\"555-0222\"")
        .contains(Shop.WHOLESALE)
        .doesNotContain("taken-over@example.com");
  }
}
