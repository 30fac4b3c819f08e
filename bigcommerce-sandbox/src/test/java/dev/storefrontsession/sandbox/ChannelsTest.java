package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several channels (demo data: 1, English, USD and EUR; 2, French, EUR and USD): carts belong to
 * their channel, prices and carts in the channel's currencies at their exchange rates (EUR 0.92 per
 * USD), {@code updateCartCurrency}, channel-scoped logins, and errors for unknown channels and
 * currencies. The channel is named by the path {@code /channels/<id>/graphql}; {@code /graphql} is
 * channel 1.
 */
class ChannelsTest {

  /**
   * Catalyst's document (core/app/[locale]/(default)/_components/currency-switcher,
   * bigcommerce/catalyst).
   */
  static final String UPDATE_CART_CURRENCY =
      """
      mutation UpdateCartCurrencyMutation($input: UpdateCartCurrencyInput!) {
        cart {
          updateCartCurrency(input: $input) {
            cart {
              currencyCode
              entityId
            }
          }
        }
      }
      """;

  static final String PRICES =
      """
      query Prices($id: Int!, $currencyCode: currencyCode) {
        site {
          product(entityId: $id) {
            prices(currencyCode: $currencyCode) { price { value currencyCode formattedV2 } }
            eur: prices(currencyCode: EUR) { price { value currencyCode } }
          }
          settings { channelId url { vanityUrl } currency { defaultCurrency } }
          currencies { edges { node { code isDefault exchangeRate display { symbol symbolPlacement } } } }
          currency(currencyCode: GBP) { code }
        }
      }
      """;

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start(b -> b.persistentCart(false));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SandboxHttp.Response createCart(Object channel, String cat, String currencyCode) {
    Map<String, Object> input = new java.util.LinkedHashMap<>();
    input.put("lineItems", List.of(Map.of("productEntityId", 77, "quantity", 2)));
    if (currencyCode != null) {
      input.put("currencyCode", currencyCode);
    }
    SandboxHttp.Request r =
        http.request(Documents.CREATE_CART).channel(channel).variable("createCartInput", input);
    if (cat != null) {
      r.customer(cat);
    }
    return r.send();
  }

  private static String cartOn(Object channel) {
    SandboxHttp.Response r = createCart(channel, null, null);
    assertThat(r.body().has("errors")).as("%s", r.body()).isFalse();
    return r.at("/data/cart/createCart/cart/entityId").asString();
  }

  private static JsonNode cart(Object channel, String cat, String cartId) {
    SandboxHttp.Request r =
        http.request(Documents.CART).channel(channel).variable("cartId", cartId);
    if (cat != null) {
      r.customer(cat);
    }
    return r.send().at("/data/site/cart");
  }

  private static SandboxHttp.Response login(Object channel, String guestCart) {
    SandboxHttp.Request r =
        http.request(Documents.LOGIN)
            .channel(channel)
            .variable("email", Fixture.SHOPPER)
            .variable("password", Fixture.SHOPPER_PASSWORD);
    if (guestCart != null) {
      r.variable("cartEntityId", guestCart);
    }
    return r.send();
  }

  @Test
  void cartWhenMadeOnOneChannelThenNotFoundOnAnotherAndNotChangeableThere() {
    String french = cartOn(2);

    assertThat(cart(2, null, french).path("entityId").asString()).isEqualTo(french);
    assertThat(cart(1, null, french).isNull()).isTrue();
    assertThat(
            http.request(Documents.CART)
                .variable("cartId", french)
                .send()
                .at("/data/site/cart")
                .isNull())
        .isTrue();
    SandboxHttp.Response add =
        http.request(Documents.ADD_CART_LINE_ITEMS)
            .channel(1)
            .variable(
                "input",
                Map.of(
                    "cartEntityId",
                    french,
                    "data",
                    Map.of("lineItems", List.of(Map.of("productEntityId", 83, "quantity", 1)))))
            .send();
    assertThat(add.firstErrorCode()).isEqualTo("NOT_FOUND");
    assertThat(cart(2, null, french).at("/lineItems/totalQuantity").asInt()).isEqualTo(2);
  }

  @Test
  void cartWhenMadeOnFrenchChannelThenInEurosAtTheExchangeRate() {
    JsonNode usd = cart(1, null, cartOn(1));
    JsonNode eur = cart(2, null, cartOn(2));

    assertThat(usd.path("currencyCode").asString()).isEqualTo("USD");
    assertThat(eur.path("currencyCode").asString()).isEqualTo("EUR");
    assertThat(usd.at("/lineItems/physicalItems/0/listPrice/value").decimalValue())
        .isEqualByComparingTo("49");
    assertThat(eur.at("/lineItems/physicalItems/0/listPrice/value").decimalValue())
        .isEqualByComparingTo("45.08");
    assertThat(eur.at("/lineItems/physicalItems/0/listPrice/currencyCode").asString())
        .isEqualTo("EUR");
    assertThat(eur.at("/amount/value").decimalValue()).isEqualByComparingTo("90.16");
  }

  @Test
  void createCartWhenCurrencyNotOfferedOrUnknownThenInputErrorAndNoCart() {
    SandboxHttp.Response gbp = createCart(1, null, "GBP");
    SandboxHttp.Response unknown = createCart(2, null, "XYZ");
    SandboxHttp.Response euros = createCart(1, null, "EUR");

    assertThat(gbp.status()).isEqualTo(200);
    assertThat(gbp.firstErrorCode()).isEqualTo("INVALID_INPUT");
    assertThat(gbp.firstErrorMessage())
        .contains("GBP is not enabled for this channel")
        .contains("USD, EUR");
    assertThat(gbp.at("/data/cart/createCart").isNull()).isTrue();
    assertThat(unknown.firstErrorMessage()).contains("XYZ is not enabled").contains("EUR, USD");
    String id = euros.at("/data/cart/createCart/cart/entityId").asString();
    assertThat(cart(1, null, id).path("currencyCode").asString()).isEqualTo("EUR");
  }

  @Test
  void updateCartCurrencyWhenOfferedThenNewCartIdSameLinesOldIdGone() {
    String french = cartOn(2);

    SandboxHttp.Response r =
        http.request(UPDATE_CART_CURRENCY)
            .channel(2)
            .variable(
                "input", Map.of("cartEntityId", french, "data", Map.of("currencyCode", "USD")))
            .send();

    String moved = r.at("/data/cart/updateCartCurrency/cart/entityId").asString();
    assertThat(r.body().has("errors")).as("%s", r.body()).isFalse();
    assertThat(r.at("/data/cart/updateCartCurrency/cart/currencyCode").asString()).isEqualTo("USD");
    assertThat(moved).isNotEqualTo(french);
    assertThat(cart(2, null, french).isNull()).isTrue();
    JsonNode cart = cart(2, null, moved);
    assertThat(cart.at("/lineItems/totalQuantity").asInt()).isEqualTo(2);
    assertThat(cart.at("/lineItems/physicalItems/0/productEntityId").asInt()).isEqualTo(77);
    assertThat(cart.at("/amount/value").decimalValue()).isEqualByComparingTo("98");
    assertThat(cart(1, null, moved).isNull()).as("still a cart of channel 2").isTrue();
  }

  @Test
  void updateCartCurrencyWhenCurrencyNotOfferedOrCartOfAnotherChannelThenErrorsAndCartUnchanged() {
    String french = cartOn(2);

    SandboxHttp.Response gbp =
        http.request(UPDATE_CART_CURRENCY)
            .channel(2)
            .variable(
                "input", Map.of("cartEntityId", french, "data", Map.of("currencyCode", "GBP")))
            .send();
    SandboxHttp.Response elsewhere =
        http.request(UPDATE_CART_CURRENCY)
            .channel(1)
            .variable(
                "input", Map.of("cartEntityId", french, "data", Map.of("currencyCode", "USD")))
            .send();

    assertThat(gbp.firstErrorCode()).isEqualTo("INVALID_INPUT");
    assertThat(gbp.at("/data/cart/updateCartCurrency").isNull()).isTrue();
    assertThat(elsewhere.firstErrorCode()).isEqualTo("NOT_FOUND");
    assertThat(cart(2, null, french).path("currencyCode").asString()).isEqualTo("EUR");
  }

  @Test
  void productPricesAndSiteWhenOnFrenchChannelThenItsCurrenciesUrlAndDefault() {
    JsonNode english = http.request(PRICES).variable("id", 77).send().at("/data/site");
    JsonNode french = http.request(PRICES).channel(2).variable("id", 77).send().at("/data/site");
    JsonNode frenchInUsd =
        http.request(PRICES)
            .channel(2)
            .variable("id", 77)
            .variable("currencyCode", "USD")
            .send()
            .at("/data/site");
    JsonNode frenchInGbp =
        http.request(PRICES)
            .channel(2)
            .variable("id", 77)
            .variable("currencyCode", "GBP")
            .send()
            .at("/data/site");

    assertThat(english.at("/product/prices/price/value").decimalValue()).isEqualByComparingTo("49");
    assertThat(english.at("/product/prices/price/formattedV2").asString()).isEqualTo("$49.00");
    assertThat(english.at("/product/eur/price/value").decimalValue()).isEqualByComparingTo("45.08");
    assertThat(french.at("/product/prices/price/currencyCode").asString()).isEqualTo("EUR");
    assertThat(french.at("/product/prices/price/formattedV2").asString()).isEqualTo("45,08\u00a0€");
    assertThat(frenchInUsd.at("/product/prices/price/value").decimalValue())
        .isEqualByComparingTo("49");
    assertThat(frenchInGbp.at("/product/prices").isNull()).as("GBP is not offered").isTrue();
    assertThat(french.at("/settings/channelId").asLong()).isEqualTo(2);
    assertThat(french.at("/settings/currency/defaultCurrency").asString()).isEqualTo("EUR");
    assertThat(french.at("/settings/url/vanityUrl").asString())
        .isEqualTo("https://store-" + server.settings().storeHash() + "-2.sandbox.invalid");
    assertThat(french.at("/currencies/edges").findValuesAsString("code"))
        .containsExactly("EUR", "USD");
    assertThat(french.at("/currencies/edges/0/node/isDefault").asBoolean()).isTrue();
    assertThat(french.at("/currencies/edges/0/node/display/symbolPlacement").asString())
        .isEqualTo("RIGHT");
    assertThat(french.at("/currencies/edges/1/node/exchangeRate").asDouble()).isEqualTo(1.0);
    assertThat(english.at("/currencies/edges").findValuesAsString("code"))
        .containsExactly("USD", "EUR");
    assertThat(english.at("/settings/channelId").asLong()).isEqualTo(1);
    assertThat(french.at("/currency").isNull()).isTrue();
  }

  @Test
  void loginWhenGuestCartOfAnotherChannelThenNotMergedAndTheCustomersCartsStayPerChannel() {
    String english = cartOn(1);
    String french = cartOn(2);

    SandboxHttp.Response onFrench = login(2, english);
    String cat = onFrench.at("/data/login/customerAccessToken/value").asString();
    assertThat(onFrench.at("/data/login/cart").isNull())
        .as("a cart of channel 1 is not merged on channel 2")
        .isTrue();
    assertThat(cart(1, null, english).isNull()).as("still a guest cart").isFalse();

    SandboxHttp.Response again = login(2, french);
    assertThat(again.at("/data/login/cart/entityId").asString()).isEqualTo(french);
    String cat2 = again.at("/data/login/customerAccessToken/value").asString();
    assertThat(cart(2, null, french).isNull()).as("now the customer's").isTrue();
    assertThat(cart(2, cat2, french).path("entityId").asString()).isEqualTo(french);
    assertThat(cart(1, cat2, french).isNull()).isTrue();
    assertThat(login(1, null).at("/data/login/cart").isNull()).as("no cart on channel 1").isTrue();

    SandboxHttp.Response logout =
        http.request(Documents.LOGOUT)
            .channel(1)
            .customer(cat2)
            .variable("cartEntityId", french)
            .send();
    assertThat(logout.at("/data/logout/cartUnassignResult/errors/0/__typename").asString())
        .isEqualTo("CartUnassignInaccessibleError");
    assertThat(cat).isNotBlank();
  }

  @Test
  void loginWithCustomerLoginJwtWhenChannelIdClaimThenOnlyOnThatChannel() {
    String french = cartOn(2);

    SandboxHttp.Response wrongChannel =
        http.request(Documents.LOGIN_WITH_JWT)
            .channel(1)
            .variable("jwt", jwt(2))
            .variable("cartEntityId", french)
            .send();
    SandboxHttp.Response onChannel =
        http.request(Documents.LOGIN_WITH_JWT)
            .channel(2)
            .variable("jwt", jwt(2))
            .variable("cartEntityId", french)
            .send();

    assertThat(wrongChannel.firstErrorMessage()).contains("channel_id");
    assertThat(onChannel.body().has("errors")).as("%s", onChannel.body()).isFalse();
    assertThat(onChannel.at("/data/loginWithCustomerLoginJwt/cart/entityId").asString())
        .isEqualTo(french);
  }

  @Test
  void requestWhenChannelUnknownOrMalformedThenNotFoundSayingWhatIsServed() {
    for (String channel : List.of("99", "0", "abc", "1x", "99999999999999999999999")) {
      SandboxHttp.Response r =
          http.request("{ site { settings { channelId } } }").channel(channel).send();
      assertThat(r.status()).as(channel).isEqualTo(404);
      assertThat(r.firstErrorMessage())
          .as(channel)
          .startsWith("Unknown channel: ")
          .endsWith("serves store " + server.settings().storeHash() + ", channels 1, 2.");
    }
    HttpResponse<String> get = http.raw("GET", "/channels/2/graphql", null);
    assertThat(get.statusCode()).isBetween(400, 499);
  }

  private static String jwt(long channelId) {
    SandboxSettings s = server.settings();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(s.clientId())
            .issueTime(new Date())
            .jwtID(UUID.randomUUID().toString())
            .claim("operation", "customer_login")
            .claim("store_hash", s.storeHash())
            .claim("customer_id", 2)
            .claim("channel_id", channelId)
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new MACSigner(s.clientSecret().getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
