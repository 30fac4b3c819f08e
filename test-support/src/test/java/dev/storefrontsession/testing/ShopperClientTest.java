package dev.storefrontsession.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopperClientTest {

  private final Upstream server = new Upstream();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void setCookieWhenAnsweredThenSentBackAndDeletionsRemoveIt() {
    server
        .answer("/set", 200, Map.of("Set-Cookie", List.of("a=1; Path=/; HttpOnly", "b=2")), "")
        .answer("/delete", 200, Map.of("Set-Cookie", List.of("a=; Path=/", "b=2; Max-Age=0")), "")
        .answer(
            "/expire",
            200,
            Map.of("Set-Cookie", List.of("c=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT")),
            "");
    ShopperClient shopper = new ShopperClient(server.uri("/"));
    ShopperClient.Response set = shopper.get("/set");
    assertThat(set.setCookies()).containsExactly("a=1; Path=/; HttpOnly", "b=2");
    assertThat(set.setCookie("a")).hasValue("a=1; Path=/; HttpOnly");
    assertThat(set.setsCookieStartingWith("b")).isTrue();
    assertThat(shopper.cookies()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(shopper.get("/echo").body()).contains("cookie=a=1; b=2");

    shopper.setCookie("c", "planted");
    shopper.get("/delete");
    assertThat(shopper.cookies()).containsExactly(Map.entry("c", "planted"));
    shopper.get("/expire");
    assertThat(shopper.cookies()).isEmpty();
    assertThat(shopper.get("/echo").body()).contains("cookie=null");
  }

  @Test
  void redirectWhenAnsweredThenNotFollowedUnlessOpened() {
    server.answer("/from", 302, Map.of("Location", List.of("/to")), "");
    ShopperClient shopper = new ShopperClient(server.uri("/"));
    ShopperClient.Response redirect = shopper.get("/from");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.location()).isEqualTo("/to");
    assertThat(redirect.header("location")).hasValue("/to");
    ShopperClient.Response landed = shopper.open("/from");
    assertThat(landed.status()).isEqualTo(200);
    assertThat(landed.body()).startsWith("GET /to ");
  }

  @Test
  void submitWhenPageHasCsrfFieldThenPostsTheFormWithIt() {
    server
        .answer("/form", 200, Map.of(), "<input type=\"hidden\" name=\"_csrf\" value=\"tok-1\">")
        .answer("/form2", 200, Map.of(), "<input value=\"tok-2\" name=\"_csrf\">");
    ShopperClient shopper = new ShopperClient(server.uri("/"));
    ShopperClient.Response posted = shopper.submit("/form", "/action", Map.of("q", "a b&c"));
    assertThat(posted.body())
        .contains("POST /action ")
        .contains("type=application/x-www-form-urlencoded")
        .contains("q=a+b%26c")
        .contains("_csrf=tok-1");
    assertThat(shopper.get("/form2").csrf()).isEqualTo("tok-2");
    assertThatThrownBy(() -> shopper.get("/plain").csrf()).isInstanceOf(AssertionError.class);
  }

  @Test
  void directShopperWhenSendingThenAddsNoHeaderButTheCallersAndDefaults() {
    ShopperClient shopper = new ShopperClient(server.uri("/"));
    assertThat(shopper.get("/echo").body()).contains("xff=null").contains("accept=null");
    assertThat(shopper.get("/echo", "X-Forwarded-For", "203.0.113.9").body())
        .contains("xff=[203.0.113.9]");
    shopper.headers().put("Accept", "application/json");
    assertThat(shopper.postJson("/json", "{}").body())
        .contains("accept=[application/json]")
        .contains("type=application/json")
        .contains("body={}");
    assertThatThrownBy(() -> shopper.forgeForwardedFor("1.2.3.4"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shoppersBehindProxyWhenSendingThenEachHasItsOwnIpWhichForgingPrefixes() {
    ShopperClient one = ShopperClient.behindProxy(server.uri("/"));
    ShopperClient two = ShopperClient.behindProxy(server.uri("/"));
    String ipOne = between(one.get("/").body(), "xff=[", "]");
    String ipTwo = between(two.get("/").body(), "xff=[", "]");
    assertThat(ipOne).startsWith("198.51.").isNotEqualTo(ipTwo);
    assertThat(one.get("/").body()).contains("accept=[text/html");
    one.forgeForwardedFor("203.0.113.1");
    assertThat(one.get("/").body()).contains("xff=[203.0.113.1, " + ipOne + "]");
    one.forgeForwardedFor(null);
    assertThat(one.get("/").body()).contains("xff=[" + ipOne + "]");
    assertThat(one.get("/", "Accept", "application/json").body())
        .contains("accept=[application/json]");
  }

  @Test
  void setCookieHeadersWhenParsedThenNameAndDeletion() {
    assertThat(ShopperClient.cookieName(" authjs.session-token.0 =abc; Path=/"))
        .isEqualTo("authjs.session-token.0");
    assertThat(ShopperClient.isDeletion("a=1; Max-Age=10")).isFalse();
    assertThat(ShopperClient.isDeletion("a=1; max-age=0")).isTrue();
    assertThat(ShopperClient.isDeletion("a=; Path=/")).isTrue();
    assertThat(ShopperClient.isDeletion("a=1; Expires=Thu, 01-Jan-1970 00:00:10 GMT")).isTrue();
  }

  @Test
  void cartCountWhenStorefrontPageThenTheBadgesNumber() {
    server.answer("/cart", 200, Map.of(), "<span id=\"cart-count\" class=\"badge\">12</span>");
    ShopperClient shopper = new ShopperClient(server.uri("/"));
    assertThat(shopper.get("/cart").cartCount()).isEqualTo(12);
    assertThatThrownBy(() -> shopper.get("/plain").cartCount()).isInstanceOf(AssertionError.class);
  }

  private static String between(String s, String from, String to) {
    int i = s.indexOf(from) + from.length();
    return s.substring(i, s.indexOf(to, i));
  }
}
