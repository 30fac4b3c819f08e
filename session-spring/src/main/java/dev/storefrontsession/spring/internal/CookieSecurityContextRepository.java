package dev.storefrontsession.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The security context lives in the session cookie: loading is deferred until someone asks for the
 * authentication (the cookie is decoded then, once per request); saving does nothing, because
 * sign-in and sign-out change the cookie through {@link ShopperRequestState} directly. Never
 * touches the HTTP session. Thread-safe (stateless).
 */
public final class CookieSecurityContextRepository implements SecurityContextRepository {

  private final SecurityContextHolderStrategy strategy;

  public CookieSecurityContextRepository() {
    this(SecurityContextHolder.getContextHolderStrategy());
  }

  public CookieSecurityContextRepository(SecurityContextHolderStrategy strategy) {
    this.strategy = strategy;
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    return new Deferred(
        () -> {
          SecurityContext context = strategy.createEmptyContext();
          ShopperRequestState.find(request)
              .flatMap(ShopperRequestState::principal)
              .ifPresent(
                  principal -> context.setAuthentication(new ShopperAuthentication(principal)));
          return context;
        },
        strategy);
  }

  @Override
  public void saveContext(
      SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    // the cookie is the context: ShopperRequestState writes it when it changes
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return ShopperRequestState.find(request)
        .map(ShopperRequestState::hasSessionCookie)
        .orElse(false);
  }

  private static final class Deferred implements DeferredSecurityContext {
    private final Supplier<SecurityContext> supplier;
    private final SecurityContextHolderStrategy strategy;
    private SecurityContext context;

    Deferred(Supplier<SecurityContext> supplier, SecurityContextHolderStrategy strategy) {
      this.supplier = supplier;
      this.strategy = strategy;
    }

    @Override
    public SecurityContext get() {
      if (context == null) {
        SecurityContext loaded = supplier.get();
        context = loaded == null ? strategy.createEmptyContext() : loaded;
      }
      return context;
    }

    @Override
    public boolean isGenerated() {
      return get().getAuthentication() == null;
    }
  }
}
