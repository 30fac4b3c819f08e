package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.schema.OrderView;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Order.discounts} and {@code OrderWithPayments.discounts}: the coupons that lowered a
 * placed order.
 */
@Controller
public class OrderDiscountsController {

  /** GraphQL {@code OrderCouponDiscount}. */
  public record OrderCouponDiscount(String couponCode, Money discountedAmount) {}

  /**
   * GraphQL {@code OrderDiscounts}: the sandbox has no automatic promotions, so no non-coupon
   * discounts.
   */
  public record OrderDiscounts(
      Money nonCouponDiscountTotal, List<OrderCouponDiscount> couponDiscounts) {}

  private final OrderRepository orders;
  private final Channels channels;

  public OrderDiscountsController(OrderRepository orders, Channels channels) {
    this.orders = orders;
    this.channels = channels;
  }

  @SchemaMapping(typeName = "Order", field = "discounts")
  public OrderDiscounts orderDiscounts(OrderView order) {
    return discounts(order);
  }

  @SchemaMapping(typeName = "OrderWithPayments", field = "discounts")
  public OrderDiscounts orderWithPaymentsDiscounts(OrderView order) {
    return discounts(order);
  }

  /** In the order's currency, as its other amounts. */
  private OrderDiscounts discounts(OrderView order) {
    CurrencyRecord currency =
        channels.currency(order.subTotal().currencyCode()).orElseGet(channels::defaultCurrency);
    List<OrderCouponDiscount> coupons =
        orders.couponDiscounts(order.entityId()).stream()
            .map(
                (Map.Entry<String, BigDecimal> e) ->
                    new OrderCouponDiscount(e.getKey(), Money.of(currency, e.getValue())))
            .toList();
    return new OrderDiscounts(Money.of(currency, BigDecimal.ZERO), coupons);
  }
}
