package dev.storefrontsession.benchmarks.internal;

import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessions;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A cheap storefront page whose only dynamic part is the shopper: it reads {@code auth()} and
 * {@code cartId()} and renders a header greeting into a fixed 2 KB page (no upstream call), so the
 * session layer's work is the part that differs between the two modes of {@code
 * SessionOverheadApp}.
 */
@RestController
public class BadgeController {

  private static final String BODY =
      "<main><h1>Storefront</h1>"
          + "<p>Lorem ipsum dolor sit amet. </p>".repeat(50)
          + "</main></body></html>";

  private final ShopperSessions shoppers;

  public BadgeController(ShopperSessions shoppers) {
    this.shoppers = shoppers;
  }

  @GetMapping("/bench/page")
  public ResponseEntity<String> page() {
    Optional<ShopperSession> session = shoppers.auth();
    String greeting =
        session
            .flatMap(ShopperSession::firstName)
            .map(name -> "Hi, " + HtmlUtils.htmlEscape(name) + " <a href=\"/account\">Account</a>")
            .orElse("<a href=\"/login\">Sign in</a>");
    String cart = shoppers.cartId().isPresent() ? "Cart (1)" : "Cart";
    String html =
        "<!doctype html><html><head><title>Bench</title></head><body><header>"
            + greeting
            + " | "
            + cart
            + "</header>"
            + BODY;
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
  }
}
