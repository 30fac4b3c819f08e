package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CurrencyRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import dev.storefrontsession.sandbox.internal.store.ProductRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** GraphQL {@code Order} / {@code OrderWithPayments} (the fields the sandbox serves). */
public record OrderView(
    String id,
    int entityId,
    DateTimeExtended orderedAt,
    DateTimeExtended updatedAt,
    OrderStatus status,
    OrderRecord.Address billingAddress,
    Consignments consignments,
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

  /** GraphQL {@code OrderConsignments} (shipping only). */
  public record Consignments(List<ShippingConsignment> shipping) {}

  /** GraphQL {@code OrderShippingConsignment}: the sandbox ships each order in one consignment. */
  public record ShippingConsignment(
      int entityId,
      OrderRecord.Address shippingAddress,
      List<LineItem> lines,
      Money shippingCost,
      Money handlingCost) {}

  /** GraphQL {@code OrderPhysicalLineItem}. */
  public record LineItem(
      int entityId,
      int productEntityId,
      String name,
      String sku,
      int quantity,
      Money subTotalListPrice,
      Money subTotalSalePrice,
      int refundedQuantity,
      Integer parentLineItemEntityId,
      String brand,
      List<Object> productOptions,
      ImageView image,
      ProductNode baseCatalogProduct,
      ProductNode catalogProductWithOptionSelections) {}

  /**
   * The view of an order with its lines; its amounts are in {@code currency}, the order's own;
   * products are priced for {@code customerGroupId}.
   */
  public static OrderView of(
      OrderRecord o,
      CurrencyRecord currency,
      List<OrderRepository.OrderLineRecord> lines,
      Catalog catalog,
      int customerGroupId) {
    List<LineItem> items = new ArrayList<>();
    for (OrderRepository.OrderLineRecord line : lines) {
      ProductRecord p = catalog.product(line.productId()).orElse(null);
      ProductNode node = p == null ? null : new ProductNode(p, customerGroupId);
      Money subTotal =
          Money.of(currency, line.price().multiply(BigDecimal.valueOf(line.quantity())));
      items.add(
          new LineItem(
              Math.toIntExact(line.entityId()),
              line.productId(),
              line.name(),
              p == null ? "" : p.sku(),
              line.quantity(),
              subTotal,
              subTotal,
              0,
              null,
              p == null || p.brand() == null ? null : p.brand().name(),
              List.of(),
              p == null || p.imageUrl() == null
                  ? null
                  : new ImageView(p.imageUrl(), p.name(), true),
              node,
              node));
    }
    Consignments consignments =
        new Consignments(
            List.of(
                new ShippingConsignment(
                    Math.toIntExact(o.entityId()),
                    o.billing(),
                    items,
                    Money.of(currency, o.shippingCostTotal()),
                    Money.of(currency, o.handlingCostTotal()))));
    return of(o, currency, consignments);
  }

  private static OrderView of(OrderRecord o, CurrencyRecord currency, Consignments consignments) {
    return new OrderView(
        Base64.getEncoder()
            .encodeToString(("Order:" + o.entityId()).getBytes(StandardCharsets.UTF_8)),
        Math.toIntExact(o.entityId()),
        new DateTimeExtended(o.orderedAt()),
        new DateTimeExtended(o.updatedAt()),
        new OrderStatus(o.status(), o.statusLabel()),
        o.billing(),
        consignments,
        o.isTaxIncluded(),
        Money.of(currency, o.subTotal()),
        Money.of(currency, o.wrappingCostTotal()),
        Money.of(currency, o.shippingCostTotal()),
        Money.of(currency, o.handlingCostTotal()),
        Money.of(currency, o.taxTotal()),
        Money.of(currency, o.totalIncTax()),
        o.customerMessage(),
        o.totalProductQuantity());
  }
}
