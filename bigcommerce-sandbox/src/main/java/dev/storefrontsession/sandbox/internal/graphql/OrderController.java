package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.OrderView;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Customer.orders} and {@code site.order}: a customer's own orders, a guest order by its
 * cart id.
 */
@Controller
public class OrderController {

  public record OrderDateRangeFilterInput(Instant from, Instant to) {}

  public record OrdersFiltersInput(String status, OrderDateRangeFilterInput dateRange) {}

  public record OrderFilterInput(Integer entityId, String cartEntityId) {}

  private final OrderRepository orders;
  private final Catalog catalog;
  private final Channels channels;

  public OrderController(OrderRepository orders, Catalog catalog, Channels channels) {
    this.orders = orders;
    this.catalog = catalog;
    this.channels = channels;
  }

  /** Views with their lines, loaded in one query for all the orders. */
  private List<OrderView> views(List<OrderRecord> records, int customerGroupId) {
    Map<Long, List<OrderRepository.OrderLineRecord>> lines =
        orders.lines(records.stream().map(OrderRecord::entityId).toList());
    return records.stream()
        .map(
            o ->
                OrderView.of(
                    o,
                    channels.currency(o.currencyCode()).orElseGet(channels::defaultCurrency),
                    lines.getOrDefault(o.entityId(), List.of()),
                    catalog,
                    customerGroupId))
        .toList();
  }

  @SchemaMapping(typeName = "OrderConsignments")
  public Connection<OrderView.ShippingConsignment> shipping(
      OrderView.Consignments consignments,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return Connection.of(consignments.shipping(), first, after, last, before);
  }

  @SchemaMapping(typeName = "OrderShippingConsignment")
  public Connection<OrderView.LineItem> lineItems(
      OrderView.ShippingConsignment consignment,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return Connection.of(consignment.lines(), first, after, last, before);
  }

  @SchemaMapping(typeName = "Customer")
  public Connection<OrderView> orders(
      CustomerRecord customer,
      @Argument OrdersFiltersInput filters,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    String status = filters == null ? null : filters.status();
    Instant from =
        filters == null || filters.dateRange() == null ? null : filters.dateRange().from();
    Instant to = filters == null || filters.dateRange() == null ? null : filters.dateRange().to();
    return Connection.of(
        views(orders.list(customer.entityId(), status, from, to), customer.customerGroupId()),
        first,
        after,
        last,
        before);
  }

  /**
   * {@code site.order}: with a customer access token, the customer's own order (matching {@code
   * cartEntityId} when given); as a guest, only a guest order and only with the cart id it was
   * placed from (as BigCommerce: "only guest orders can be fetched by cart id").
   */
  @SchemaMapping(typeName = "Site")
  public OrderView order(
      @Argument OrderFilterInput filter, @ContextValue(name = Requester.KEY) Requester requester) {
    if (filter == null || filter.entityId() == null) {
      return null;
    }
    if (requester.isGuest()) {
      if (filter.cartEntityId() == null || filter.cartEntityId().isBlank()) {
        return null;
      }
      return orders
          .findGuest(filter.entityId(), filter.cartEntityId().trim())
          .map(o -> views(List.of(o), Catalog.DEFAULT_CUSTOMER_GROUP).get(0))
          .orElse(null);
    }
    return orders
        .find(requester.customerId(), filter.entityId())
        .filter(
            o -> filter.cartEntityId() == null || Objects.equals(filter.cartEntityId(), o.cartId()))
        .map(o -> views(List.of(o), requester.customerGroupId()).get(0))
        .orElse(null);
  }
}
