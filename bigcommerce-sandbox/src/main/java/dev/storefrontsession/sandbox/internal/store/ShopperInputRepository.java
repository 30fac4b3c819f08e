package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What shoppers send the store that is not an order: product reviews (kept for the store's
 * approval), contact-form messages and analytics events.
 */
public final class ShopperInputRepository {

  private final JdbcClient jdbc;

  ShopperInputRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A review waiting for approval. */
  public void insertPendingReview(
      int productId,
      @Nullable Long customerId,
      String author,
      @Nullable String email,
      String title,
      String text,
      int rating,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO product_reviews (product_id, customer_id, author, email, title, body, rating, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)""")
        .params(productId, customerId, author, email, title, text, rating, Jdbc.ts(now))
        .update();
  }

  /** Whether this customer has written a review of this product before (approved or not). */
  public boolean hasReviewed(long customerId, int productId) {
    return jdbc.sql("SELECT COUNT(*) FROM product_reviews WHERE customer_id = ? AND product_id = ?")
            .params(customerId, productId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Reviews of a product in a status ({@code approved} or {@code pending}). */
  public long countReviews(int productId, String status) {
    return jdbc.sql("SELECT COUNT(*) FROM product_reviews WHERE product_id = ? AND status = ?")
        .params(productId, status)
        .query(Long.class)
        .single();
  }

  /** A message sent through the contact form. */
  public record ContactMessage(
      int pageId,
      String email,
      @Nullable String fullName,
      @Nullable String phoneNumber,
      @Nullable String orderNumber,
      @Nullable String companyName,
      @Nullable String rmaNumber,
      String comments) {}

  public void insertContactMessage(ContactMessage m, Instant now) {
    jdbc.sql(
            """
            INSERT INTO contact_messages (page_id, email, full_name, phone_number, order_number, company_name,
                                          rma_number, comments, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            m.pageId(),
            m.email(),
            m.fullName(),
            m.phoneNumber(),
            m.orderNumber(),
            m.companyName(),
            m.rmaNumber(),
            m.comments(),
            Jdbc.ts(now))
        .update();
  }

  public long countContactMessages(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM contact_messages WHERE email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  /**
   * An analytics event ({@code kind}: {@code visit_started}, {@code page_viewed}, {@code
   * product_viewed}).
   */
  public void insertEvent(
      String kind,
      @Nullable String visitId,
      @Nullable String visitorId,
      @Nullable Integer productId,
      String url,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO analytics_events (kind, visit_id, visitor_id, product_id, url, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(kind, visitId, visitorId, productId, url, Jdbc.ts(now))
        .update();
  }

  /** Forgets analytics events recorded before {@code cutoff} (the sandbox keeps a day of them). */
  public int purgeEventsBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM analytics_events WHERE created_at < ?")
        .param(Jdbc.ts(cutoff))
        .update();
  }

  public long countEvents(String kind, @Nullable Integer productId) {
    return productId == null
        ? jdbc.sql("SELECT COUNT(*) FROM analytics_events WHERE kind = ?")
            .param(kind)
            .query(Long.class)
            .single()
        : jdbc.sql("SELECT COUNT(*) FROM analytics_events WHERE kind = ? AND product_id = ?")
            .params(kind, productId)
            .query(Long.class)
            .single();
  }
}
