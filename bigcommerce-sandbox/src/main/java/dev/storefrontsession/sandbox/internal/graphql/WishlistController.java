package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.ProductNode;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.service.WishlistService;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.WishlistItemRecord;
import dev.storefrontsession.sandbox.internal.store.WishlistRecord;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Customer.wishlists}, the {@code Wishlist} type and {@code wishlist { … }} mutations. */
@Controller
public class WishlistController {

  static final Object NAMESPACE = new Object();

  public record WishlistFiltersInput(
      List<Integer> entityIds, List<Integer> productEntityIds, List<Integer> variantEntityIds) {}

  public record WishlistItemsFiltersInput(
      List<Integer> productEntityIds, List<Integer> variantEntityIds) {}

  public record WishlistItemInput(Integer productEntityId, Integer variantEntityId) {
    WishlistService.ItemInput toItem() {
      return new WishlistService.ItemInput(productEntityId, variantEntityId);
    }
  }

  public record CreateWishlistInput(String name, Boolean isPublic, List<WishlistItemInput> items) {}

  public record AddWishlistItemsInput(Integer entityId, List<WishlistItemInput> items) {}

  public record DeleteWishlistItemsInput(Integer entityId, List<Integer> itemEntityIds) {}

  public record WishlistUpdateDataInput(String name, Boolean isPublic) {}

  public record UpdateWishlistInput(Integer entityId, WishlistUpdateDataInput data) {}

  public record DeleteWishlistsInput(List<Integer> entityIds) {}

  private final WishlistService wishlists;
  private final Catalog catalog;

  public WishlistController(WishlistService wishlists, Catalog catalog) {
    this.wishlists = wishlists;
    this.catalog = catalog;
  }

  @SchemaMapping(typeName = "Customer")
  public Connection<WishlistRecord> wishlists(
      CustomerRecord customer,
      @Argument WishlistFiltersInput filters,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    List<WishlistRecord> all = wishlists.list(customer.entityId());
    if (filters != null && filters.entityIds() != null && !filters.entityIds().isEmpty()) {
      all = all.stream().filter(w -> filters.entityIds().contains((int) w.entityId())).toList();
    }
    return Connection.of(all, first, after, last, before);
  }

  @SchemaMapping(typeName = "Site")
  public WishlistRecord publicWishlist(@Argument String token) {
    return wishlists.publicWishlist(token).orElse(null);
  }

  @SchemaMapping(typeName = "PublicWishlist", field = "items")
  public Connection<WishlistItemRecord> publicItems(
      WishlistRecord wishlist,
      @Argument Boolean hideOutOfStock,
      @Argument WishlistItemsFiltersInput filters,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return items(wishlist, hideOutOfStock, filters, before, after, first, last);
  }

  @SchemaMapping(typeName = "Wishlist")
  public Connection<WishlistItemRecord> items(
      WishlistRecord wishlist,
      @Argument Boolean hideOutOfStock,
      @Argument WishlistItemsFiltersInput filters,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    List<WishlistItemRecord> items =
        wishlists
            .items(List.of(wishlist.entityId()))
            .getOrDefault(wishlist.entityId(), List.of())
            .stream()
            .filter(
                i ->
                    !Boolean.TRUE.equals(hideOutOfStock)
                        || catalog.product(i.productEntityId()).map(p -> p.inStock()).orElse(false))
            .filter(
                i ->
                    filters == null
                        || filters.productEntityIds() == null
                        || filters.productEntityIds().isEmpty()
                        || filters.productEntityIds().contains(i.productEntityId()))
            .toList();
    return Connection.of(items, first, after, last, before);
  }

  @SchemaMapping(typeName = "WishlistItem")
  public ProductNode product(
      WishlistItemRecord item, @ContextValue(name = Requester.KEY) Requester requester) {
    return catalog
        .product(item.productEntityId())
        .map(p -> new ProductNode(p, requester.customerGroupId()))
        .orElse(null);
  }

  @MutationMapping(name = "wishlist")
  public Object wishlistMutations() {
    return NAMESPACE;
  }

  @SchemaMapping(typeName = "WishlistMutations")
  public Results.WishlistResult createWishlist(
      @Argument CreateWishlistInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new Results.WishlistResult(
        wishlists.create(
            requester, input.name(), Boolean.TRUE.equals(input.isPublic()), items(input.items())));
  }

  @SchemaMapping(typeName = "WishlistMutations")
  public Results.WishlistResult addWishlistItems(
      @Argument AddWishlistItemsInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return new Results.WishlistResult(
        wishlists.addItems(requester, input.entityId(), items(input.items())));
  }

  @SchemaMapping(typeName = "WishlistMutations")
  public Results.WishlistResult deleteWishlistItems(
      @Argument DeleteWishlistItemsInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    List<Long> ids =
        input.itemEntityIds() == null
            ? List.of()
            : input.itemEntityIds().stream().map(Integer::longValue).toList();
    return new Results.WishlistResult(wishlists.deleteItems(requester, input.entityId(), ids));
  }

  @SchemaMapping(typeName = "WishlistMutations")
  public Results.WishlistResult updateWishlist(
      @Argument UpdateWishlistInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    WishlistUpdateDataInput data =
        input.data() == null ? new WishlistUpdateDataInput(null, null) : input.data();
    return new Results.WishlistResult(
        wishlists.update(requester, input.entityId(), data.name(), data.isPublic()));
  }

  @SchemaMapping(typeName = "WishlistMutations")
  public Results.DeleteWishlistResult deleteWishlists(
      @Argument DeleteWishlistsInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    wishlists.delete(
        requester,
        input.entityIds() == null
            ? List.of()
            : input.entityIds().stream().map(Integer::longValue).toList());
    return new Results.DeleteWishlistResult("success");
  }

  private static List<WishlistService.ItemInput> items(List<WishlistItemInput> items) {
    return items == null ? List.of() : items.stream().map(WishlistItemInput::toItem).toList();
  }
}
