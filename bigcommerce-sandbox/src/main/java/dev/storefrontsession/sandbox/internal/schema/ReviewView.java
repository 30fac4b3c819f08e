package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.store.ReviewRecord;
import java.util.List;
import java.util.Map;

/** GraphQL {@code Review} and the product's {@code Reviews} summary. */
public record ReviewView(
    long entityId,
    Map<String, String> author,
    String title,
    String text,
    int rating,
    DateTimeExtended createdAt) {

  public static ReviewView of(ReviewRecord r) {
    return new ReviewView(
        r.entityId(),
        Map.of("name", r.author()),
        r.title(),
        r.text(),
        r.rating(),
        new DateTimeExtended(r.createdAt()));
  }

  /** {@code Reviews}: count, sum and average of the ratings (0 when there are none). */
  public static Map<String, Object> summary(List<ReviewRecord> reviews) {
    int sum = reviews.stream().mapToInt(ReviewRecord::rating).sum();
    double average = reviews.isEmpty() ? 0.0 : Math.round(sum * 100.0 / reviews.size()) / 100.0;
    return Map.of(
        "averageRating", average, "numberOfReviews", reviews.size(), "summationOfRatings", sum);
  }
}
