package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Errors;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.ShopperInputRepository;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * What a shopper sends that is not an order: {@code catalog.addProductReview} (kept for the store's
 * approval, as BigCommerce does by default), {@code submitContactUs} and the {@code analytics}
 * events (recorded for a day).
 */
@Controller
public class ShopperInputController {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_SHORT = 255;
  private static final int MAX_TEXT = 4000;
  private static final int MAX_CODE = 64;
  private static final int MAX_URL = 2000;
  private static final Duration EVENTS_KEPT = Duration.ofDays(1);

  public record ProductReviewInput(
      String author, String title, String text, Integer rating, @Nullable String email) {}

  public record AddProductReviewInput(Long productEntityId, ProductReviewInput review) {}

  public record SubmitContactUsDataInput(
      @Nullable String fullName,
      @Nullable String phoneNumber,
      String email,
      @Nullable String orderNumber,
      @Nullable String companyName,
      @Nullable String rmaNumber,
      String comments) {}

  public record SubmitContactUsInput(Integer pageEntityId, SubmitContactUsDataInput data) {}

  private final ShopperInputRepository inputs;
  private final Catalog catalog;
  private final Tx tx;
  private final SandboxSettings settings;

  public ShopperInputController(
      ShopperInputRepository inputs, Catalog catalog, Tx tx, SandboxSettings settings) {
    this.inputs = inputs;
    this.catalog = catalog;
    this.tx = tx;
    this.settings = settings;
  }

  @SchemaMapping(typeName = "CatalogMutations")
  public Results.ErrorsResult addProductReview(
      @Argument AddProductReviewInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    long productId = input.productEntityId();
    if (productId > Integer.MAX_VALUE
        || productId < 1
        || catalog.product((int) productId).isEmpty()) {
      return errors(new Errors.ProductIdNotFoundError("Product not found."));
    }
    ProductReviewInput review = input.review();
    List<String> invalid = new ArrayList<>();
    if (blank(review.author()) || review.author().length() > MAX_SHORT) {
      invalid.add("author");
    }
    if (blank(review.title()) || review.title().length() > MAX_SHORT) {
      invalid.add("title");
    }
    if (blank(review.text()) || review.text().length() > MAX_TEXT) {
      invalid.add("text");
    }
    if (review.rating() == null || review.rating() < 1 || review.rating() > 5) {
      invalid.add("rating");
    }
    if (review.email() != null && !review.email().isBlank() && !validEmail(review.email())) {
      invalid.add("email");
    }
    if (!invalid.isEmpty()) {
      return errors(
          new Errors.InvalidInputFieldsError(
              invalid, "Invalid input fields: " + String.join(", ", invalid) + "."));
    }
    Long customerId = requester.customerId();
    return tx.run(
        () -> {
          if (customerId != null && inputs.hasReviewed(customerId, (int) productId)) {
            return errors(
                new Errors.CustomerAlreadyReviewedProductError(
                    "You have already reviewed this product."));
          }
          inputs.insertPendingReview(
              (int) productId,
              customerId,
              review.author().trim(),
              blankToNull(review.email()),
              review.title().trim(),
              review.text().trim(),
              review.rating(),
              settings.clock().instant());
          return new Results.ErrorsResult(List.of());
        });
  }

  @MutationMapping
  public Results.ErrorsResult submitContactUs(@Argument SubmitContactUsInput input) {
    SubmitContactUsDataInput data = input.data();
    if (input.pageEntityId() == null || input.pageEntityId() < 1) {
      return errors(
          new Errors.ValidationError(List.of("input", "pageEntityId"), "Page not found."));
    }
    if (!validEmail(data.email())) {
      return errors(
          new Errors.ValidationError(
              List.of("input", "data", "email"), "Email address is not valid."));
    }
    if (blank(data.comments()) || data.comments().length() > MAX_TEXT) {
      return errors(
          new Errors.ValidationError(
              List.of("input", "data", "comments"),
              "Comments are required (at most " + MAX_TEXT + " characters)."));
    }
    for (Map.Entry<String, String> field :
        Map.of("fullName", nonNull(data.fullName()), "companyName", nonNull(data.companyName()))
            .entrySet()) {
      if (field.getValue().length() > MAX_SHORT) {
        return errors(
            new Errors.ValidationError(List.of("input", "data", field.getKey()), "Too long."));
      }
    }
    for (Map.Entry<String, String> field :
        Map.of(
                "phoneNumber",
                nonNull(data.phoneNumber()),
                "orderNumber",
                nonNull(data.orderNumber()),
                "rmaNumber",
                nonNull(data.rmaNumber()))
            .entrySet()) {
      if (field.getValue().length() > MAX_CODE) {
        return errors(
            new Errors.ValidationError(List.of("input", "data", field.getKey()), "Too long."));
      }
    }
    inputs.insertContactMessage(
        new ShopperInputRepository.ContactMessage(
            input.pageEntityId(),
            data.email().trim(),
            blankToNull(data.fullName()),
            blankToNull(data.phoneNumber()),
            blankToNull(data.orderNumber()),
            blankToNull(data.companyName()),
            blankToNull(data.rmaNumber()),
            data.comments().trim()),
        settings.clock().instant());
    return new Results.ErrorsResult(List.of());
  }

  @SchemaMapping(typeName = "AnalyticsMutations")
  public Map<String, Object> visitStartedEvent(@Argument Map<String, Object> input) {
    return record("visit_started", input, null);
  }

  @SchemaMapping(typeName = "AnalyticsMutations")
  public Map<String, Object> pageViewedEvent(@Argument Map<String, Object> input) {
    return record("page_viewed", input, null);
  }

  @SchemaMapping(typeName = "AnalyticsMutations")
  public Map<String, Object> productViewedEvent(@Argument Map<String, Object> input) {
    Object product =
        input.get("productInput") instanceof Map<?, ?> p ? p.get("productEntityId") : null;
    Integer productId =
        product instanceof Integer id && catalog.product(id).isPresent() ? id : null;
    return record("product_viewed", input, productId);
  }

  /**
   * Records one event; answers {@code executed: true} as BigCommerce does for any well-formed
   * event.
   */
  private Map<String, Object> record(
      String kind, Map<String, Object> input, @Nullable Integer productId) {
    Map<?, ?> common = input.get("commonInput") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> initiator = common.get("initiator") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> request = common.get("request") instanceof Map<?, ?> m ? m : Map.of();
    String url = request.get("url") instanceof String u ? truncate(u, MAX_URL) : "";
    Instant now = settings.clock().instant();
    tx.run(
        () -> {
          inputs.purgeEventsBefore(now.minus(EVENTS_KEPT));
          inputs.insertEvent(
              kind,
              uuid(initiator.get("visitId")),
              uuid(initiator.get("visitorId")),
              productId,
              url,
              now);
          return null;
        });
    return Map.of("executed", true);
  }

  private static @Nullable String uuid(@Nullable Object value) {
    return value == null ? null : truncate(value.toString(), 36);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static boolean validEmail(@Nullable String email) {
    return email != null && email.length() <= MAX_SHORT && EMAIL.matcher(email.trim()).matches();
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Results.ErrorsResult errors(Object error) {
    return new Results.ErrorsResult(List.of(error));
  }
}
