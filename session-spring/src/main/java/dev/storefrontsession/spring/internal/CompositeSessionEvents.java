package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.RejectionReason;
import dev.storefrontsession.spring.ShopperSessionEvents;
import dev.storefrontsession.spring.SignInResult;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ShopperSessionEvents#of}: tells every listener; a failing one is logged and skipped.
 * Thread-safe.
 */
public final class CompositeSessionEvents implements ShopperSessionEvents {

  private static final Logger log = LoggerFactory.getLogger(CompositeSessionEvents.class);
  private final List<ShopperSessionEvents> listeners;

  public CompositeSessionEvents(List<? extends ShopperSessionEvents> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<ShopperSessionEvents> event) {
    for (ShopperSessionEvents listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        log.debug("A session event listener failed: {}", e.getClass().getName());
      }
    }
  }

  @Override
  public void signedIn(SignInMethod method, long customerId) {
    each(l -> l.signedIn(method, customerId));
  }

  @Override
  public void signInFailed(SignInMethod method, SignInResult.Reason reason) {
    each(l -> l.signInFailed(method, reason));
  }

  @Override
  public void signedOut(SignOutOutcome outcome) {
    each(l -> l.signedOut(outcome));
  }

  @Override
  public void cookieRejected(CookieKind cookie, RejectionReason reason) {
    each(l -> l.cookieRejected(cookie, reason));
  }

  @Override
  public void sessionReissued(ReissueReason reason) {
    each(l -> l.sessionReissued(reason));
  }

  @Override
  public void customerAccessTokenInvalid(InvalidTokenSource source) {
    each(l -> l.customerAccessTokenInvalid(source));
  }
}
