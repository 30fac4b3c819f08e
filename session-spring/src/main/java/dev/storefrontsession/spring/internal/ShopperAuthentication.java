package dev.storefrontsession.spring.internal;

import dev.storefrontsession.spring.ShopperSession;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security authentication of a shopper with a session cookie: the principal is the
 * {@link ShopperSession}; authorities are {@code ROLE_SHOPPER}, plus {@code ROLE_CUSTOMER} when the
 * session holds a customer access token. No credentials are exposed (the CAT stays inside the
 * session). Immutable.
 */
public final class ShopperAuthentication extends AbstractAuthenticationToken {

  public static final String ROLE_SHOPPER = "ROLE_SHOPPER";
  public static final String ROLE_CUSTOMER = "ROLE_CUSTOMER";

  private final ShopperSession session;

  public ShopperAuthentication(ShopperSession session) {
    super(authorities(session));
    this.session = session;
    super.setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(ShopperSession session) {
    return session.customerAccessToken().isPresent()
        ? List.of(
            new SimpleGrantedAuthority(ROLE_SHOPPER), new SimpleGrantedAuthority(ROLE_CUSTOMER))
        : List.of(new SimpleGrantedAuthority(ROLE_SHOPPER));
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public ShopperSession getPrincipal() {
    return session;
  }

  @Override
  public String getName() {
    return session
        .email()
        .orElse(session.claims().sub() == null ? "shopper" : session.claims().sub());
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("a shopper authentication is created authenticated");
    }
    super.setAuthenticated(false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShopperAuthentication that && session.equals(that.session);
  }

  @Override
  public int hashCode() {
    return session.hashCode();
  }

  @Override
  public String toString() {
    return "ShopperAuthentication[" + session + "]";
  }
}
