package dev.storefrontsession.client;

/**
 * A 2xx response whose body is not a GraphQL response (not JSON, not an object, no {@code data} nor
 * {@code errors}).
 */
public final class MalformedResponseException extends StorefrontException {

  private final int status;
  private final String bodyExcerpt;

  public MalformedResponseException(
      String operationName, int status, String reason, String bodyExcerpt, Throwable cause) {
    super(
        operationName,
        "Malformed Storefront API response to "
            + (operationName == null ? "anonymous operation" : operationName)
            + " (HTTP "
            + status
            + "): "
            + reason
            + (bodyExcerpt.isEmpty() ? "" : " — body starts with: " + bodyExcerpt),
        cause);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  public int status() {
    return status;
  }

  /** The start of the response body, with every configured secret and token removed. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
