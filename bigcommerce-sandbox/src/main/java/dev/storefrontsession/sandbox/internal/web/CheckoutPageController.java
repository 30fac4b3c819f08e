package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.internal.service.ChannelSite;
import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Form;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Outcome;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Placed;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Refused;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Show;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The checkout pages a browser reaches through {@code createCartRedirectUrls}' URLs: {@code GET
 * /checkout/<token>} (and {@code /checkout/embedded/<token>}, which the storefront's own origin may
 * frame) opens the one-time link and shows the form; {@code POST /checkout/place} places the order.
 * Every answer is a page with a clear message, never a server error: 404 for an unknown link, 410
 * for a used or expired one or a cart already checked out, 403 for a cart that belongs to another
 * customer or a customer who signed out meanwhile, 400 for a form with errors. Pages are never
 * cached and send no referrer (the link token is in the URL). No storefront token is needed here:
 * the link token is the credential.
 */
public final class CheckoutPageController {

  private final CheckoutService checkout;
  private final ChannelSite site;

  public CheckoutPageController(CheckoutService checkout, ChannelSite site) {
    this.checkout = checkout;
    this.site = site;
  }

  /** The routes, ahead of the GraphQL endpoint's catch-all. */
  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(
            CheckoutService.EMBEDDED_PATH + "{token}",
            r -> answer(checkout.open(r.pathVariable("token")), true))
        .GET(
            CheckoutService.PATH + "{token}",
            r -> answer(checkout.open(r.pathVariable("token")), false))
        .POST(CheckoutService.PATH + "place", r -> place(r.params()))
        .build();
  }

  private ServerResponse place(MultiValueMap<String, String> params) {
    Form form =
        new Form(
            params.getFirst("email"),
            params.getFirst("addressId"),
            params.getFirst("firstName"),
            params.getFirst("lastName"),
            params.getFirst("company"),
            params.getFirst("address1"),
            params.getFirst("address2"),
            params.getFirst("city"),
            params.getFirst("stateOrProvince"),
            params.getFirst("postalCode"),
            params.getFirst("countryCode"),
            params.getFirst("phone"),
            params.getFirst("shipping"),
            params.getFirst("payment"),
            params.getFirst("channel"));
    boolean embedded = "true".equals(params.getFirst("embedded"));
    return answer(checkout.place(params.getFirst("session"), form), embedded);
  }

  private ServerResponse answer(Outcome outcome, boolean embedded) {
    if (outcome instanceof Show show) {
      URI siteUrl = site.url(show.session().channelId());
      return page(
          show.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
          CheckoutPages.form(siteUrl, show.session(), show.form(), show.errors(), embedded),
          siteUrl,
          embedded);
    }
    if (outcome instanceof Placed placed) {
      URI siteUrl = site.url(placed.channelId());
      return page(
          HttpStatus.OK,
          CheckoutPages.placed(siteUrl, placed.order(), placed.currency(), placed.lines()),
          siteUrl,
          embedded);
    }
    Refused refused = (Refused) outcome;
    URI siteUrl = site.url(refused.channelId());
    return page(
        status(refused.reason()),
        CheckoutPages.refused(siteUrl, refused.reason()),
        siteUrl,
        embedded);
  }

  private static HttpStatus status(CheckoutService.Refusal reason) {
    return switch (reason) {
      case INVALID -> HttpStatus.NOT_FOUND;
      case OTHER_CUSTOMER, SIGNED_OUT -> HttpStatus.FORBIDDEN;
      case EXPIRED, USED, CART_GONE -> HttpStatus.GONE;
    };
  }

  /** A page of the checkout of a channel whose storefront is {@code siteUrl}. */
  private static ServerResponse page(
      HttpStatus status, String html, URI siteUrl, boolean embedded) {
    String ancestors =
        embedded ? siteUrl.getScheme() + "://" + siteUrl.getRawAuthority() : "'none'";
    return ServerResponse.status(status)
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors "
                + ancestors)
        .body(html);
  }
}
