package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Form;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Line;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Refusal;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Session;
import dev.storefrontsession.sandbox.internal.service.CheckoutService.Shipping;
import dev.storefrontsession.sandbox.internal.store.AddressRecord;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The checkout's HTML, written by hand (the sandbox has no template engine): every value from the
 * database or the shopper goes through {@link #escape}. Links back to the storefront target the top
 * window so they also work from an embedded checkout.
 */
final class CheckoutPages {

  /** The storefront route that mints a fresh checkout link. */
  static final String STOREFRONT_CHECKOUT = "/checkout";

  /** The storefront's order confirmation route (the checkout's return URL). */
  static final String STOREFRONT_CONFIRMATION = "/checkout/order-confirmation";

  private CheckoutPages() {}

  static String form(
      URI site, Session session, Form form, Map<String, String> errors, boolean embedded) {
    StringBuilder h = head("Checkout");
    h.append("<h1>Checkout</h1>");
    if (!errors.isEmpty()) {
      h.append(
          "<p class=\"error\" role=\"alert\" id=\"form-errors\">Please correct the marked fields.</p>");
    }
    CurrencyRecord currency = session.currency();
    h.append(cart(currency, session.lines(), session.subTotal()));
    h.append(adjustments(session));
    h.append("<form method=\"post\" action=\"/checkout/place\" id=\"checkout-form\">");
    h.append(hidden("session", session.sessionSecret()));
    h.append(hidden("embedded", embedded ? "true" : "false"));
    h.append(hidden("channel", String.valueOf(session.channelId())));
    CustomerRecord customer = session.customer();
    h.append("<section id=\"customer\"><h2>Customer</h2>");
    if (customer != null) {
      h.append("<p id=\"signed-in-customer\">Checking out as <strong>")
          .append(escape(customer.firstName()))
          .append(' ')
          .append(escape(customer.lastName()))
          .append("</strong> (<span id=\"customer-email\">")
          .append(escape(customer.email()))
          .append("</span>). ");
      h.append("<a target=\"_top\" id=\"sign-out\" href=\"")
          .append(escape(link(site, "/logout?redirectTo=" + STOREFRONT_CHECKOUT)))
          .append("\">Sign out</a></p>");
    } else {
      h.append("<p>Have an account? <a target=\"_top\" id=\"sign-in\" href=\"")
          .append(escape(link(site, "/login?redirectTo=" + STOREFRONT_CHECKOUT)))
          .append("\">Sign in</a></p>");
      h.append(field("email", "Email", "email", form.email(), errors, true));
    }
    h.append("</section><section id=\"address\"><h2>Shipping address</h2>");
    boolean newAddress = true;
    if (customer != null && !session.addresses().isEmpty()) {
      String chosen =
          form.addressId() == null
              ? String.valueOf(session.addresses().get(0).entityId())
              : form.addressId();
      newAddress = chosen.equals("new");
      for (AddressRecord a : session.addresses()) {
        String id = String.valueOf(a.entityId());
        h.append("<label class=\"choice\"><input type=\"radio\" name=\"addressId\" value=\"")
            .append(id)
            .append("\" id=\"address-")
            .append(id)
            .append('"')
            .append(chosen.equals(id) ? " checked" : "")
            .append("> ")
            .append(
                escape(
                    a.firstName()
                        + " "
                        + a.lastName()
                        + ", "
                        + a.address1()
                        + ", "
                        + a.city()
                        + (a.postalCode() == null ? "" : " " + a.postalCode())
                        + ", "
                        + a.countryCode()))
            .append("</label>");
      }
      h.append(
              "<label class=\"choice\"><input type=\"radio\" name=\"addressId\" value=\"new\" id=\"address-new\"")
          .append(newAddress ? " checked" : "")
          .append("> A new address:</label>");
      h.append(error("addressId", errors));
    }
    h.append("<fieldset id=\"new-address\">");
    h.append(field("firstName", "First name", "text", form.firstName(), errors, newAddress));
    h.append(field("lastName", "Last name", "text", form.lastName(), errors, newAddress));
    h.append(field("company", "Company (optional)", "text", form.company(), errors, false));
    h.append(field("address1", "Address", "text", form.address1(), errors, newAddress));
    h.append(
        field("address2", "Address line 2 (optional)", "text", form.address2(), errors, false));
    h.append(field("city", "City", "text", form.city(), errors, newAddress));
    h.append(
        field(
            "stateOrProvince",
            "State or province (optional)",
            "text",
            form.stateOrProvince(),
            errors,
            false));
    h.append(field("postalCode", "Postal code", "text", form.postalCode(), errors, newAddress));
    h.append(
        "<label for=\"countryCode\">Country</label><select id=\"countryCode\" name=\"countryCode\">");
    String country = form.countryCode() == null ? "US" : form.countryCode();
    CheckoutService.COUNTRIES.forEach(
        (code, name) ->
            h.append("<option value=\"")
                .append(code)
                .append('"')
                .append(code.equals(country) ? " selected" : "")
                .append('>')
                .append(escape(name))
                .append("</option>"));
    h.append("</select>").append(error("countryCode", errors));
    h.append(field("phone", "Phone (optional)", "tel", form.phone(), errors, false));
    h.append("</fieldset></section>");
    h.append("<section id=\"shipping\"><h2>Shipping method</h2>");
    String shipping = form.shipping() == null ? Shipping.FREE.id : form.shipping();
    for (Shipping s : Shipping.values()) {
      h.append("<label class=\"choice\"><input type=\"radio\" name=\"shipping\" id=\"shipping-")
          .append(s.id)
          .append("\" value=\"")
          .append(s.id)
          .append('"')
          .append(s.id.equals(shipping) ? " checked" : "")
          .append("> ")
          .append(escape(s.label))
          .append(" — ")
          .append(money(currency, currency.convert(s.cost)))
          .append("</label>");
    }
    h.append(error("shipping", errors)).append("</section>");
    h.append(
            "<section id=\"payment\"><h2>Payment</h2><label class=\"choice\"><input type=\"radio\" name=\"payment\""
                + " id=\"payment-test\" value=\"")
        .append(CheckoutService.TEST_PAYMENT)
        .append("\" checked> Test payment (always approved; nothing is charged)</label>")
        .append(error("payment", errors))
        .append("</section>");
    h.append("<button type=\"submit\" id=\"place-order\">Place order</button></form>");
    h.append("<p><a target=\"_top\" id=\"back-to-cart\" href=\"")
        .append(escape(link(site, "/cart")))
        .append("\">Back to the cart</a></p>");
    return foot(h);
  }

  static String placed(URI site, OrderRecord order, CurrencyRecord currency, List<Line> lines) {
    StringBuilder h = head("Order placed");
    h.append("<h1>Thank you: your order is placed</h1>");
    h.append("<p id=\"order-number\">Order number <strong>")
        .append(order.entityId())
        .append("</strong>, ")
        .append(escape(order.statusLabel()))
        .append(". A confirmation goes to ")
        .append(escape(order.billing().email()))
        .append(".</p>");
    h.append(cart(currency, lines, order.subTotal()));
    h.append("<p>Shipping: ")
        .append(money(currency, order.shippingCostTotal()))
        .append("<br>Total: <strong id=\"order-total\">")
        .append(money(currency, order.totalIncTax()))
        .append("</strong></p>");
    h.append("<p><a target=\"_top\" id=\"continue\" class=\"button\" href=\"")
        .append(escape(link(site, STOREFRONT_CONFIRMATION + "?orderId=" + order.entityId())))
        .append("\">Continue to the store</a></p>");
    return foot(h);
  }

  static String refused(URI site, Refusal reason) {
    String title;
    String text;
    switch (reason) {
      case EXPIRED -> {
        title = "This checkout link has expired";
        text = "Checkout links work for a few minutes. Go back to the store and check out again.";
      }
      case USED -> {
        title = "This checkout link has already been used";
        text = "Each checkout link works once. Go back to the store and check out again.";
      }
      case CART_GONE -> {
        title = "This cart has already been checked out";
        text =
            "The cart behind this checkout was ordered, emptied or removed. Your orders are in your account.";
      }
      case SIGNED_OUT -> {
        title = "You have signed out";
        text =
            "This checkout was started while you were signed in. Go back to the store to check out again.";
      }
      case OTHER_CUSTOMER -> {
        title = "This checkout belongs to another shopper";
        text = "The cart is no longer yours to check out. Go back to the store and sign in.";
      }
      default -> {
        title = "This checkout link is not valid";
        text = "Go back to the store and check out again.";
      }
    }
    StringBuilder h = head(title);
    h.append("<h1 id=\"refused\" data-reason=\"")
        .append(reason.name())
        .append("\">")
        .append(escape(title))
        .append("</h1><p>")
        .append(escape(text))
        .append("</p>");
    h.append("<p><a target=\"_top\" class=\"button\" id=\"back-to-store\" href=\"")
        .append(escape(link(site, "/cart")))
        .append("\">Back to the store</a></p>");
    return foot(h);
  }

  /**
   * The coupons and gift certificates the shopper applied on the storefront's cart page (checkout
   * API).
   */
  private static String adjustments(Session session) {
    if (session.couponDiscounts().isEmpty() && session.giftCertificates().isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<ul id=\"adjustments\">");
    for (var coupon : session.couponDiscounts()) {
      h.append("<li class=\"coupon\">Coupon ")
          .append(escape(coupon.code()))
          .append(": &minus;")
          .append(money(session.currency(), coupon.amount()))
          .append("</li>");
    }
    for (var certificate : session.giftCertificates()) {
      h.append("<li class=\"gift-certificate\">Gift certificate ")
          .append(escape(certificate.code()))
          .append(" (up to ")
          .append(money(session.currency(), certificate.amount()))
          .append(" before shipping)</li>");
    }
    return h.append("</ul>").toString();
  }

  private static String cart(CurrencyRecord currency, List<Line> lines, BigDecimal subTotal) {
    StringBuilder h =
        new StringBuilder(
            "<table id=\"checkout-lines\"><thead><tr><th>Item</th><th>Qty</th>"
                + "<th>Price</th><th>Total</th></tr></thead><tbody>");
    for (Line l : lines) {
      h.append("<tr class=\"line\"><td class=\"name\">")
          .append(escape(l.name()))
          .append("</td><td class=\"qty\">")
          .append(l.quantity())
          .append("</td><td>")
          .append(money(currency, l.unitPrice()))
          .append("</td><td>")
          .append(money(currency, l.total()))
          .append("</td></tr>");
    }
    h.append("</tbody><tfoot><tr><th colspan=\"3\">Subtotal</th><td id=\"subtotal\">")
        .append(money(currency, subTotal))
        .append("</td></tr></tfoot></table>");
    return h.toString();
  }

  private static String field(
      String name,
      String label,
      String type,
      String value,
      Map<String, String> errors,
      boolean required) {
    return "<label for=\""
        + name
        + "\">"
        + escape(label)
        + "</label><input type=\""
        + type
        + "\" id=\""
        + name
        + "\" name=\""
        + name
        + "\" value=\""
        + escape(value == null ? "" : value)
        + "\""
        + (required ? " required" : "")
        + ">"
        + error(name, errors);
  }

  private static String error(String name, Map<String, String> errors) {
    String message = errors.get(name);
    return message == null
        ? ""
        : "<span class=\"field-error\" id=\"" + name + "-error\">" + escape(message) + "</span>";
  }

  /**
   * {@code path} (from {@code /}) on the storefront of the checkout's channel, {@code site} (its
   * origin and any path prefix, {@code http://localhost:8080/fr}).
   */
  private static String link(URI site, String path) {
    return site.toString() + path;
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
  }

  /** An amount already in {@code currency}, formatted as the store formats it. */
  private static String money(CurrencyRecord currency, BigDecimal value) {
    return escape(Money.of(currency, value).formattedV2());
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(4096)
        .append(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(escape(title))
        .append(
            " · Sandbox checkout</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#222}"
                + "label{display:block;margin-top:.5rem}label.choice{font-weight:normal}"
                + "input[type=text],input[type=email],input[type=tel],select{width:100%;padding:.4rem}"
                + "table{width:100%;border-collapse:collapse}td,th{padding:.3rem;border-bottom:1px solid #ddd;text-align:left}"
                + ".error,.field-error{color:#b00020}.field-error{display:block}"
                + "button,.button{margin-top:1rem;padding:.6rem 1.2rem;background:#222;color:#fff;border:0;"
                + "text-decoration:none;display:inline-block}fieldset{border:0;padding:0}"
                + "</style></head><body><p><small>BigCommerce sandbox · checkout</small></p>");
  }

  private static String foot(StringBuilder h) {
    return h.append("</body></html>").toString();
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
