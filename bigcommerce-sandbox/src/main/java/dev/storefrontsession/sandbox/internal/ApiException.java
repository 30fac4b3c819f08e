package dev.storefrontsession.sandbox.internal;

/**
 * A failure reported as a top-level GraphQL error ({@code errors[]}, with {@code extensions.code}
 * when set), the way BigCommerce reports failed logins and similar, as opposed to typed errors
 * inside {@code data}.
 */
public final class ApiException extends RuntimeException {

  private final String code;

  public ApiException(String message) {
    this(message, null);
  }

  public ApiException(String message, String code) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The {@code extensions.code}, or null. */
  public String code() {
    return code;
  }
}
