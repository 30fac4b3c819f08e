package dev.storefrontsession.client;

import java.util.List;

/**
 * The Storefront API answered with a non-2xx status (401 for storefront-token problems, 429 when
 * rate limited, 5xx on outages).
 */
public final class StorefrontApiException extends StorefrontException {

  private final int status;
  private final String bodyExcerpt;
  private final List<GraphQLError> errors;

  public StorefrontApiException(
      String operationName, int status, String bodyExcerpt, List<GraphQLError> errors) {
    super(
        operationName,
        "Storefront API answered HTTP "
            + status
            + " to "
            + (operationName == null ? "anonymous operation" : operationName)
            + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt),
        null);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  /** The start of the response body, with every configured secret and token removed. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /** The body's {@code errors} array when it had one, else empty. */
  public List<GraphQLError> errors() {
    return errors;
  }

  /** True for 429 Too Many Requests. */
  public boolean isRateLimited() {
    return status == 429;
  }
}
