package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.schema.Money;
import dev.storefrontsession.sandbox.internal.schema.OrderView;
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

  public OrderDiscountsController(OrderRepository orders) {
    this.orders = orders;
  }

  @SchemaMapping(typeName = "Order", field = "discounts")
  public OrderDiscounts orderDiscounts(OrderView order) {
    return discounts(order);
  }

  @SchemaMapping(typeName = "OrderWithPayments", field = "discounts")
  public OrderDiscounts orderWithPaymentsDiscounts(OrderView order) {
    return discounts(order);
  }

  private OrderDiscounts discounts(OrderView order) {
    List<OrderCouponDiscount> coupons =
        orders.couponDiscounts(order.entityId()).stream()
            .map(
                (Map.Entry<String, BigDecimal> e) ->
                    new OrderCouponDiscount(e.getKey(), Money.usd(e.getValue())))
            .toList();
    return new OrderDiscounts(Money.zero(), coupons);
  }
}
