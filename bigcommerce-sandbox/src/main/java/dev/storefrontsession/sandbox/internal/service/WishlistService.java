package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.Tx;
import dev.storefrontsession.sandbox.internal.store.WishlistItemRecord;
import dev.storefrontsession.sandbox.internal.store.WishlistRecord;
import dev.storefrontsession.sandbox.internal.store.WishlistRepository;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Wishlists of the logged-in customer. Guests get a {@code CUSTOMER_NOT_LOGGED_IN} error. */
public final class WishlistService {

  /** A requested wishlist item. */
  public record ItemInput(int productEntityId, Integer variantEntityId) {}

  private final WishlistRepository wishlists;
  private final Catalog catalog;
  private final Tx tx;
  private final SecureRandom random = new SecureRandom();

  public WishlistService(WishlistRepository wishlists, Catalog catalog, Tx tx) {
    this.wishlists = wishlists;
    this.catalog = catalog;
    this.tx = tx;
  }

  public List<WishlistRecord> list(long customerId) {
    return wishlists.list(customerId);
  }

  /** The public wishlist shared under this token, if any (anyone may read it). */
  public java.util.Optional<WishlistRecord> publicWishlist(String token) {
    return token == null || token.isBlank()
        ? java.util.Optional.empty()
        : wishlists.findPublic(token);
  }

  public Map<Long, List<WishlistItemRecord>> items(Collection<Long> wishlistIds) {
    return wishlists.items(wishlistIds);
  }

  public WishlistRecord create(
      Requester requester, String name, boolean isPublic, List<ItemInput> items) {
    long customer = customer(requester);
    String cleanName = name(name);
    return tx.run(
        () -> {
          byte[] bytes = new byte[16];
          random.nextBytes(bytes);
          long id =
              wishlists.insert(customer, cleanName, isPublic, HexFormat.of().formatHex(bytes));
          addAll(id, items);
          return wishlists.find(customer, id).orElseThrow();
        });
  }

  public WishlistRecord addItems(Requester requester, long wishlistId, List<ItemInput> items) {
    long customer = customer(requester);
    return tx.run(
        () -> {
          WishlistRecord w = owned(customer, wishlistId);
          addAll(w.entityId(), items);
          return w;
        });
  }

  public WishlistRecord deleteItems(Requester requester, long wishlistId, List<Long> itemIds) {
    long customer = customer(requester);
    return tx.run(
        () -> {
          WishlistRecord w = owned(customer, wishlistId);
          wishlists.deleteItems(w.entityId(), itemIds == null ? List.of() : itemIds);
          return w;
        });
  }

  public WishlistRecord update(
      Requester requester, long wishlistId, String name, Boolean isPublic) {
    long customer = customer(requester);
    return tx.run(
        () -> {
          WishlistRecord w = owned(customer, wishlistId);
          wishlists.update(
              w.entityId(),
              name == null ? w.name() : name(name),
              isPublic == null ? w.isPublic() : isPublic);
          return wishlists.find(customer, wishlistId).orElseThrow();
        });
  }

  public void delete(Requester requester, List<Long> wishlistIds) {
    long customer = customer(requester);
    tx.run(
        () -> {
          for (Long id : wishlistIds == null ? List.<Long>of() : wishlistIds) {
            wishlists.delete(owned(customer, id).entityId());
          }
          return null;
        });
  }

  private void addAll(long wishlistId, List<ItemInput> items) {
    if (items == null) {
      return;
    }
    for (ItemInput item : items) {
      if (catalog.product(item.productEntityId()).isEmpty()) {
        throw new ApiException("Product not found: " + item.productEntityId(), "NOT_FOUND");
      }
      wishlists.insertItem(wishlistId, item.productEntityId(), item.variantEntityId());
    }
  }

  private WishlistRecord owned(long customer, long wishlistId) {
    return wishlists
        .find(customer, wishlistId)
        .orElseThrow(() -> new ApiException("Wishlist not found: " + wishlistId, "NOT_FOUND"));
  }

  private static long customer(Requester requester) {
    if (requester.isGuest()) {
      throw new ApiException("Customer is not logged in.", "CUSTOMER_NOT_LOGGED_IN");
    }
    return requester.customerId();
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      throw new ApiException("A wishlist needs a name.", "INVALID_INPUT");
    }
    if (name.length() > 255) {
      throw new ApiException("A wishlist name must be at most 255 characters.", "INVALID_INPUT");
    }
    return name.trim();
  }
}
