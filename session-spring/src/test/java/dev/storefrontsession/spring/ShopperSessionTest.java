package dev.storefrontsession.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The principal's cart: the cart of the channel it was read for, never the legacy claim. */
class ShopperSessionTest {

  private static SessionClaims claims(ChannelCarts carts) {
    return SessionClaims.builder().user(SessionUser.builder().carts(carts).build()).build();
  }

  @Test
  void cartIdWhenReadForAChannelThenThatChannelsEntryNotTheLegacyClaim() {
    SessionClaims claims =
        claims(new ChannelCarts("cart-fr", Map.of("1", "cart-en", "2", "cart-fr")));

    assertThat(new ShopperSession(claims, "1").cartId()).hasValue("cart-en");
    assertThat(new ShopperSession(claims, "2").cartId()).hasValue("cart-fr");
    assertThat(new ShopperSession(claims, "3").cartId()).isEmpty();
    assertThat(new ShopperSession(claims, "1").cartId("2")).hasValue("cart-fr");
    assertThat(new ShopperSession(claims, "1").legacyCartId()).hasValue("cart-fr");
    assertThat(new ShopperSession(claims, "1").channelId()).hasValue("1");
  }

  @Test
  void cartIdWhenOnlyTheLegacyClaimThenTheChannelAskingGetsItAsCatalystDoes() {
    SessionClaims claims = claims(new ChannelCarts("legacy-cart", null));

    assertThat(new ShopperSession(claims, "2").cartId()).hasValue("legacy-cart");
  }

  @Test
  void cartIdWhenAnEmptyMapWasStoredThenNoCartAndTheLegacyClaimIsNotRevived() {
    SessionClaims claims = claims(new ChannelCarts("old-cart", Map.of()));

    assertThat(new ShopperSession(claims, "1").cartId()).isEmpty();
  }

  @Test
  @SuppressWarnings("deprecation")
  void cartIdWhenMadeWithoutAChannelThenRefusedRatherThanAGuess() {
    ShopperSession session =
        new ShopperSession(claims(new ChannelCarts("cart-fr", Map.of("1", "cart-en"))));

    assertThatThrownBy(session::cartId)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cartId(channelId)");
    assertThat(session.cartId("1")).hasValue("cart-en");
    assertThat(session.channelId()).isEmpty();
  }

  @Test
  void equalsWhenTheSameClaimsReadForAnotherChannelThenDifferent() {
    SessionClaims claims = claims(new ChannelCarts(null, Map.of("1", "a")));

    assertThat(new ShopperSession(claims, "1")).isEqualTo(new ShopperSession(claims, "1"));
    assertThat(new ShopperSession(claims, "1")).isNotEqualTo(new ShopperSession(claims, "2"));
  }
}
