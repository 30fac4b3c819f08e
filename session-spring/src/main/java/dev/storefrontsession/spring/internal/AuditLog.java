package dev.storefrontsession.spring.internal;

import dev.storefrontsession.spring.ShopperSessionEvents;
import dev.storefrontsession.spring.SignInResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-ins and sign-outs as log events on the logger {@code dev.storefrontsession.audit} at {@code
 * INFO}: the method, the outcome and, on success, the customer's numeric id; never an email, a
 * token or a cart id. With structured logging the values are also key-value pairs of the JSON line
 * ({@code event}, {@code method}, {@code outcome}, {@code customerId}). Thread-safe.
 */
public final class AuditLog implements ShopperSessionEvents {

  /** The logger's name: route or silence audit events by it. */
  public static final String LOGGER = "dev.storefrontsession.audit";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  @Override
  public void signedIn(SignInMethod method, long customerId) {
    log.atInfo()
        .addKeyValue("event", "sign-in")
        .addKeyValue("method", tag(method))
        .addKeyValue("outcome", "success")
        .addKeyValue("customerId", customerId)
        .log("Sign-in: customer {} by {}", customerId, tag(method));
  }

  @Override
  public void signInFailed(SignInMethod method, SignInResult.Reason reason) {
    log.atInfo()
        .addKeyValue("event", "sign-in")
        .addKeyValue("method", tag(method))
        .addKeyValue("outcome", tag(reason))
        .log("Sign-in refused by {}: {}", tag(method), tag(reason));
  }

  @Override
  public void signedOut(SignOutOutcome outcome) {
    log.atInfo()
        .addKeyValue("event", "sign-out")
        .addKeyValue("outcome", tag(outcome))
        .log("Sign-out: {}", tag(outcome));
  }

  static String tag(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }
}
