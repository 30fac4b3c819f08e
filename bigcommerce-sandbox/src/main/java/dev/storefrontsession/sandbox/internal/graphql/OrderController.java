package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.OrderView;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import java.time.Instant;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Customer.orders} and {@code site.order}: a customer's own orders only. */
@Controller
public class OrderController {

  public record OrderDateRangeFilterInput(Instant from, Instant to) {}

  public record OrdersFiltersInput(String status, OrderDateRangeFilterInput dateRange) {}

  public record OrderFilterInput(Integer entityId, String cartEntityId) {}

  private final OrderRepository orders;

  public OrderController(OrderRepository orders) {
    this.orders = orders;
  }

  @SchemaMapping(typeName = "Customer")
  public Connection<OrderView> orders(CustomerRecord customer, @Argument OrdersFiltersInput filters,
      @Argument String before, @Argument String after, @Argument Integer first, @Argument Integer last) {
    String status = filters == null ? null : filters.status();
    Instant from = filters == null || filters.dateRange() == null ? null : filters.dateRange().from();
    Instant to = filters == null || filters.dateRange() == null ? null : filters.dateRange().to();
    return Connection.of(orders.list(customer.entityId(), status, from, to).stream().map(OrderView::of).toList(),
        first, after, last, before);
  }

  @SchemaMapping(typeName = "Site")
  public OrderView order(@Argument OrderFilterInput filter, @ContextValue(name = Requester.KEY) Requester requester) {
    if (requester.isGuest() || filter == null || filter.entityId() == null) {
      return null;
    }
    return orders.find(requester.customerId(), filter.entityId())
        .filter(o -> filter.cartEntityId() == null || Objects.equals(filter.cartEntityId(), o.cartId()))
        .map(OrderView::of)
        .orElse(null);
  }

}
