package dev.storefrontsession.sandbox.internal.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Wishlists and their items. */
public final class WishlistRepository {

  private static final RowMapper<WishlistRecord> MAPPER =
      (rs, n) ->
          new WishlistRecord(
              rs.getLong("id"),
              rs.getLong("customer_id"),
              rs.getString("name"),
              rs.getBoolean("is_public"),
              rs.getString("token"));
  private static final RowMapper<WishlistItemRecord> ITEM =
      (rs, n) ->
          new WishlistItemRecord(
              rs.getLong("id"),
              rs.getLong("wishlist_id"),
              rs.getInt("product_id"),
              Jdbc.nullableInt(rs, "variant_id"));

  private final JdbcClient jdbc;

  WishlistRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<WishlistRecord> list(long customerId) {
    return jdbc.sql(
            "SELECT id, customer_id, name, is_public, token FROM wishlists WHERE customer_id = ? ORDER BY id")
        .param(customerId)
        .query(MAPPER)
        .list();
  }

  public Optional<WishlistRecord> find(long customerId, long wishlistId) {
    return jdbc.sql(
            "SELECT id, customer_id, name, is_public, token FROM wishlists WHERE customer_id = ? AND id = ?")
        .params(customerId, wishlistId)
        .query(MAPPER)
        .optional();
  }

  /** A public wishlist by its share token; private ones are not found. */
  public Optional<WishlistRecord> findPublic(String token) {
    return jdbc.sql(
            "SELECT id, customer_id, name, is_public, token FROM wishlists WHERE token = ? AND is_public")
        .param(token)
        .query(MAPPER)
        .optional();
  }

  public long insert(long customerId, String name, boolean isPublic, String token) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO wishlists (customer_id, name, is_public, token) VALUES (?, ?, ?, ?)")
        .params(customerId, name, isPublic, token)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(long wishlistId, String name, boolean isPublic) {
    jdbc.sql("UPDATE wishlists SET name = ?, is_public = ? WHERE id = ?")
        .params(name, isPublic, wishlistId)
        .update();
  }

  public void delete(long wishlistId) {
    jdbc.sql("DELETE FROM wishlist_items WHERE wishlist_id = ?").param(wishlistId).update();
    jdbc.sql("DELETE FROM wishlists WHERE id = ?").param(wishlistId).update();
  }

  public void insertItem(long wishlistId, int productId, Integer variantId) {
    jdbc.sql("INSERT INTO wishlist_items (wishlist_id, product_id, variant_id) VALUES (?, ?, ?)")
        .params(wishlistId, productId, variantId)
        .update();
  }

  public void deleteItems(long wishlistId, Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return;
    }
    jdbc.sql("DELETE FROM wishlist_items WHERE wishlist_id = :w AND id IN (:ids)")
        .param("w", wishlistId)
        .param("ids", itemIds)
        .update();
  }

  /** Items of several wishlists in one query, keyed by wishlist id. */
  public Map<Long, List<WishlistItemRecord>> items(Collection<Long> wishlistIds) {
    Map<Long, List<WishlistItemRecord>> result = new HashMap<>();
    if (wishlistIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            "SELECT id, wishlist_id, product_id, variant_id FROM wishlist_items WHERE wishlist_id IN (:ids) ORDER BY id")
        .param("ids", wishlistIds)
        .query(ITEM)
        .list()
        .forEach(
            i -> result.computeIfAbsent(i.wishlistId(), k -> new java.util.ArrayList<>()).add(i));
    return result;
  }
}
