package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Catalyst's rules for one cart per channel (core/lib/cart/channel-cart.ts in
 * bigcommerce/catalyst).
 */
class ChannelCartsTest {

  static ChannelCarts carts(String json) {
    return ChannelCarts.of(SessionClaims.fromJson("{\"user\":" + json + "}").user().orElse(null));
  }

  @Test
  void forChannelWhenMapStoredThenMapWinsOverLegacyCartAndChannelWithoutEntryHasNone() {
    ChannelCarts carts = carts("{\"cartId\":\"legacy\",\"cartIds\":{\"1\":\"c1\",\"2\":\"c2\"}}");
    assertThat(carts.forChannel("1")).isEqualTo(new ChannelCarts.Selection("c1", null));
    assertThat(carts.forChannel("2").cartId()).isEqualTo("c2");
    assertThat(carts.forChannel("3")).isEqualTo(new ChannelCarts.Selection(null, null));
    assertThat(carts("{\"cartId\":\"legacy\",\"cartIds\":{}}").forChannel("1").cartId()).isNull();
  }

  @Test
  void forChannelWhenOnlyLegacyCartThenFirstChannelAskingGetsItAndMapIsToBeStoredOnce() {
    ChannelCarts.Selection first = carts("{\"cartId\":\"legacy\"}").forChannel("2");
    assertThat(first.cartId()).isEqualTo("legacy");
    assertThat(first.toStore()).isEqualTo(new ChannelCarts("legacy", Map.of("2", "legacy")));
    assertThat(first.toStore().forChannel("1")).isEqualTo(new ChannelCarts.Selection(null, null));
    assertThat(first.toStore().forChannel("2"))
        .isEqualTo(new ChannelCarts.Selection("legacy", null));
  }

  @Test
  void forChannelWhenNoCartAtAllOrEmptyLegacyCartThenNone() {
    for (String user :
        new String[] {"{}", "{\"cartId\":null}", "{\"cartId\":\"\"}", "{\"cartId\":5}"}) {
      assertThat(carts(user).forChannel("1"))
          .as(user)
          .isEqualTo(new ChannelCarts.Selection(null, null));
    }
    assertThat(ChannelCarts.of(null).forChannel("1").cartId()).isNull();
  }

  @Test
  void cartIdsWhenNotAnObjectOrEntriesNotStringsThenTreatedAsAbsent() {
    assertThat(carts("{\"cartId\":\"legacy\",\"cartIds\":\"1\"}").forChannel("1").cartId())
        .isEqualTo("legacy");
    assertThat(carts("{\"cartId\":\"legacy\",\"cartIds\":null}").forChannel("1").cartId())
        .isEqualTo("legacy");
    ChannelCarts odd = carts("{\"cartIds\":{\"1\":5,\"2\":\"\",\"3\":\"c3\",\"4\":null}}");
    assertThat(odd.cartIds()).containsExactly(Map.entry("3", "c3"));
    assertThat(odd.forChannel("1").cartId()).isNull();
  }

  @Test
  void assignWhenChannelGetsCartThenOthersKeptAndLegacyCartFollows() {
    ChannelCarts carts =
        carts("{\"cartId\":\"c1\",\"cartIds\":{\"1\":\"c1\",\"2\":\"c2\"}}").assign("2", "new");
    assertThat(carts).isEqualTo(new ChannelCarts("new", Map.of("1", "c1", "2", "new")));
    assertThat(carts.assign("3", null)).isEqualTo(carts.remove("3"));
  }

  @Test
  void removeWhenOnlyLegacyCartThenEmptyMapStoredSoTheLegacyCartIsNotRevived() {
    ChannelCarts removed = carts("{\"cartId\":\"legacy\"}").remove("1");
    assertThat(removed).isEqualTo(new ChannelCarts(null, Map.of()));
    assertThat(removed.forChannel("1").cartId()).isNull();
    assertThat(removed.forChannel("2").cartId()).isNull();
  }

  @Test
  void afterLoginWhenCartReturnedThenOnlyTheChannelLoggedInOnGetsItAndOtherChannelsKeepTheirs() {
    ChannelCarts guest = carts("{\"cartId\":\"g2\",\"cartIds\":{\"1\":\"g1\",\"2\":\"g2\"}}");
    assertThat(guest.afterLogin("2", "customer-cart"))
        .isEqualTo(new ChannelCarts("customer-cart", Map.of("1", "g1", "2", "customer-cart")));
    assertThat(guest.afterLogin("2", null)).isEqualTo(new ChannelCarts(null, Map.of("1", "g1")));
  }

  @Test
  void afterLoginWhenGuestHasOnlyLegacyCartThenItBelongsToTheChannelLoggedInOn() {
    ChannelCarts guest = carts("{\"cartId\":\"g\"}");
    assertThat(guest.afterLogin("2", "merged"))
        .isEqualTo(new ChannelCarts("merged", Map.of("2", "merged")));
    assertThat(guest.afterLogin("2", null)).isEqualTo(new ChannelCarts(null, Map.of()));
    assertThat(guest.afterLogin(null, null)).isEqualTo(new ChannelCarts("g", Map.of()));
    assertThat(guest.afterLogin(null, "merged")).isEqualTo(new ChannelCarts("merged", Map.of()));
  }

  @Test
  void forLogoutWhenMapStoredThenThatChannelsCartElseLegacyCart() {
    ChannelCarts carts = carts("{\"cartId\":\"legacy\",\"cartIds\":{\"1\":\"c1\"}}");
    assertThat(carts.forLogout("1")).isEqualTo("c1");
    assertThat(carts.forLogout("2")).isNull();
    assertThat(carts.forLogout(null)).isEqualTo("legacy");
    assertThat(carts("{\"cartId\":\"legacy\"}").forLogout("1")).isEqualTo("legacy");
  }

  @Test
  void builderCartsWhenWrittenThenChannelIdsInJavaScriptOrderAndCartIdKeptAsNull() {
    SessionUser user =
        SessionUser.builder()
            .firstName("Jane")
            .carts(
                new ChannelCarts(null, Map.of())
                    .assign("10", "c10")
                    .assign("2", "c2")
                    .remove("2")
                    .assign("3", "c3"))
            .build();
    assertThat(SessionClaims.builder().user(user).build().toJson())
        .isEqualTo(
            "{\"user\":{\"firstName\":\"Jane\",\"cartId\":\"c3\",\"cartIds\":{\"3\":\"c3\",\"10\":\"c10\"}}}");
    assertThat(new ArrayList<>(user.cartIds().keySet())).containsExactly("3", "10");
    SessionUser removed = user.toBuilder().carts(user.carts().remove("3").remove("10")).build();
    assertThat(SessionClaims.builder().user(removed).build().toJson())
        .isEqualTo("{\"user\":{\"firstName\":\"Jane\",\"cartId\":null,\"cartIds\":{}}}");
  }
}
