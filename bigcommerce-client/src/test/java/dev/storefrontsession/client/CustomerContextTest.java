package dev.storefrontsession.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerContextTest {

  private static final CustomerAccessToken CAT =
      new CustomerAccessToken("0123abcd_1900000000", Instant.parse("2030-03-17T17:46:40Z"));

  @Test
  void guestWhenCreatedThenNoToken() {
    assertThat(CustomerContext.guest().isGuest()).isTrue();
    assertThat(CustomerContext.guest().accessToken()).isEmpty();
  }

  @Test
  void customerWhenCreatedThenCarriesToken() {
    CustomerContext c =
        CustomerContext.customer(CAT).withShopperIp(" 203.0.113.5 ").withLocale("fr");
    assertThat(c.isCustomer()).isTrue();
    assertThat(c.accessToken()).contains(CAT);
    assertThat(c.shopperIp()).contains("203.0.113.5");
    assertThat(c.locale()).contains("fr");
  }

  @Test
  void asGuestWhenCustomerThenKeepsIpAndLocaleWithoutToken() {
    CustomerContext c =
        CustomerContext.customer(CAT).withShopperIp("203.0.113.5").withLocale("en").asGuest();
    assertThat(c.isGuest()).isTrue();
    assertThat(c.shopperIp()).contains("203.0.113.5");
    assertThat(c.locale()).contains("en");
    assertThat(c.asCustomer(CAT).accessToken()).contains(CAT);
  }

  @Test
  void withShopperIpWhenHeaderInjectionThenRejectedWithoutEcho() {
    assertThatThrownBy(() -> CustomerContext.guest().withShopperIp("1.2.3.4\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("X-Evil");
  }

  @Test
  void withShopperIpWhenNotExactlyOneAddressThenRejectedWithoutEcho() {
    for (String notOne :
        new String[] {
          "203.0.113.5, 10.0.0.1",
          "shop.example.com",
          "203.0.113.5:443",
          "203.0.113.256",
          "1.2.3",
          "fe80::1%eth0",
          "[2001:db8::1]",
          "2001:db8::1::2",
          "unknown"
        }) {
      assertThatThrownBy(() -> CustomerContext.guest().withShopperIp(notOne))
          .as(notOne)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(notOne);
    }
  }

  @Test
  void withShopperIpWhenIpv6ThenCanonicalForm() {
    assertThat(CustomerContext.guest().withShopperIp("2001:0DB8:0:0::7").shopperIp())
        .contains("2001:db8:0:0:0:0:0:7");
    assertThat(CustomerContext.guest().withShopperIp("::ffff:198.51.100.4").shopperIp())
        .contains("198.51.100.4");
  }

  @Test
  void withLocaleWhenBlankThenAbsent() {
    assertThat(CustomerContext.guest().withLocale(" ").locale()).isEmpty();
    assertThat(CustomerContext.guest().withShopperIp(null).shopperIp()).isEmpty();
  }

  @Test
  void toStringWhenCustomerThenTokenRedacted() {
    assertThat(CustomerContext.customer(CAT).toString())
        .doesNotContain("0123abcd")
        .contains("<redacted>");
    assertThat(CAT.toString()).doesNotContain("0123abcd");
  }

  @Test
  void equalsWhenSameContentThenEqual() {
    assertThat(CustomerContext.customer(CAT).withLocale("en"))
        .isEqualTo(CustomerContext.customer(CAT).withLocale("en"))
        .isNotEqualTo(CustomerContext.guest().withLocale("en"));
  }
}
