package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.testing.ShopperClient;
import java.util.List;

/**
 * The check every sign-in step of a test makes: a step that fails to sign in would let the checks
 * after it pass for the wrong reason (an error page redirects nowhere off-site, sets no cookie to
 * leak, changes no cart).
 */
final class SignIns {

  private SignIns() {}

  /**
   * Asserts that {@code answer} signed the shopper in: it sets one session cookie (plain or {@code
   * __Secure-}) whose claims, decoded with {@code codec}, hold a customer access token.
   *
   * @param step what the test did, for the failure message
   * @return {@code answer}
   */
  static ShopperClient.Response signedIn(
      SessionCodec codec, ShopperClient.Response answer, String step) {
    List<String> sessions =
        answer.setCookies().stream()
            .filter(c -> !ShopperClient.isDeletion(c))
            .filter(
                c ->
                    ShopperClient.cookieName(c).equals(CookieNames.sessionToken(false))
                        || ShopperClient.cookieName(c).equals(CookieNames.sessionToken(true)))
            .toList();
    assertThat(sessions)
        .as(
            "%s signs in (status %s, location %s, cookies %s)",
            step, answer.status(), answer.location(), answer.setCookies().size())
        .hasSize(1);
    String cookie = sessions.get(0);
    String name = ShopperClient.cookieName(cookie);
    String value = cookie.split(";")[0].substring(name.length() + 1).trim();
    assertThat(
            codec
                .decode(value, name)
                .decodedClaims()
                .flatMap(SessionClaims::user)
                .flatMap(SessionUser::customerAccessToken))
        .as("%s: the new session holds a customer access token", step)
        .isPresent();
    return answer;
  }
}
