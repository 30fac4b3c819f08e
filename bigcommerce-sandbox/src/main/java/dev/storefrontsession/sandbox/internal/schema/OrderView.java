package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.OrderRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GraphQL {@code Order} / {@code OrderWithPayments} (the fields the sandbox serves). */
public record OrderView(
    String id,
    int entityId,
    DateTimeExtended orderedAt,
    DateTimeExtended updatedAt,
    OrderStatus status,
    OrderRecord.Address billingAddress,
    boolean isTaxIncluded,
    Money subTotal,
    Money wrappingCostTotal,
    Money shippingCostTotal,
    Money handlingCostTotal,
    Money taxTotal,
    Money totalIncTax,
    String customerMessage,
    int totalProductQuantity) {

  /** GraphQL {@code OrderStatus}. */
  public record OrderStatus(String value, String label) {}

  public static OrderView of(OrderRecord o) {
    return new OrderView(
        Base64.getEncoder().encodeToString(("Order:" + o.entityId()).getBytes(StandardCharsets.UTF_8)),
        Math.toIntExact(o.entityId()), new DateTimeExtended(o.orderedAt()), new DateTimeExtended(o.updatedAt()),
        new OrderStatus(o.status(), o.statusLabel()), o.billing(), o.isTaxIncluded(), Money.usd(o.subTotal()),
        Money.usd(o.wrappingCostTotal()), Money.usd(o.shippingCostTotal()), Money.usd(o.handlingCostTotal()),
        Money.usd(o.taxTotal()), Money.usd(o.totalIncTax()), o.customerMessage(), o.totalProductQuantity());
  }
}
