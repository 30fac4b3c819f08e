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
            params.getFirst("payment"));
    boolean embedded = "true".equals(params.getFirst("embedded"));
    return answer(checkout.place(params.getFirst("session"), form), embedded);
  }

  private ServerResponse answer(Outcome outcome, boolean embedded) {
    if (outcome instanceof Show show) {
      return page(
          show.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
          CheckoutPages.form(site, show.session(), show.form(), show.errors(), embedded),
          embedded);
    }
    if (outcome instanceof Placed placed) {
      return page(
          HttpStatus.OK,
          CheckoutPages.placed(site, placed.order(), placed.currency(), placed.lines()),
          embedded);
    }
    Refused refused = (Refused) outcome;
    return page(status(refused.reason()), CheckoutPages.refused(site, refused.reason()), embedded);
  }

  private static HttpStatus status(CheckoutService.Refusal reason) {
    return switch (reason) {
      case INVALID -> HttpStatus.NOT_FOUND;
      case OTHER_CUSTOMER, SIGNED_OUT -> HttpStatus.FORBIDDEN;
      case EXPIRED, USED, CART_GONE -> HttpStatus.GONE;
    };
  }

  private ServerResponse page(HttpStatus status, String html, boolean embedded) {
    URI siteUrl = site.url();
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
