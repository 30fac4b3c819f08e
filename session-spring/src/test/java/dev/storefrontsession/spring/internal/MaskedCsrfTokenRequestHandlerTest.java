package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The CSRF token pages render (masked per request) and the value forms and scripts send back
 * (unmasked).
 */
class MaskedCsrfTokenRequestHandlerTest {

  private static final String TOKEN =
      "5f0c1c7ad2b1e3a94c2f8e07d6b5a4938271605f4e3d2c1b0a99887766554433";
  private static final CsrfToken REPOSITORY_TOKEN =
      new DefaultCsrfToken(
          CookieCsrfTokenRepository.HEADER_NAME, CookieCsrfTokenRepository.PARAMETER_NAME, TOKEN);

  private final MaskedCsrfTokenRequestHandler handler = new MaskedCsrfTokenRequestHandler();

  @Test
  void handleWhenPageNeverReadsTheTokenThenRepositoryIsNotAsked() {
    AtomicInteger asked = new AtomicInteger();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");

    handler.handle(request, new MockHttpServletResponse(), countingRepository(asked));
    CsrfToken exposed = (CsrfToken) request.getAttribute(CsrfToken.class.getName());

    assertThat(exposed.getParameterName()).isEqualTo("_csrf");
    assertThat(exposed.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
    assertThat(request.getAttribute("_csrf")).isSameAs(exposed);
    assertThat(asked).hasValue(0);
  }

  @Test
  void handleWhenPageReadsTheTokenTwiceThenOneMaskedValueFromOneRepositoryCall() {
    AtomicInteger asked = new AtomicInteger();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    handler.handle(request, new MockHttpServletResponse(), countingRepository(asked));
    CsrfToken exposed = (CsrfToken) request.getAttribute("_csrf");

    String first = exposed.getToken();

    assertThat(exposed.getToken()).isEqualTo(first);
    assertThat(first).isNotEqualTo(TOKEN).doesNotContain(TOKEN);
    assertThat(asked).hasValue(1);
  }

  @Test
  void handleWhenTwoRequestsRenderTheSameTokenThenTheirMaskedValuesDiffer() {
    String first = renderedToken(handler);
    String second = renderedToken(handler);

    assertThat(first).isNotEqualTo(second);
    assertThat(MaskedCsrfTokenRequestHandler.unmask(first, TOKEN)).isEqualTo(TOKEN);
    assertThat(MaskedCsrfTokenRequestHandler.unmask(second, TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  void resolveWhenFormSendsTheRenderedTokenThenTheRepositoryTokenComesBack() {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart");
    post.addParameter("_csrf", renderedToken(handler));

    assertThat(handler.resolveCsrfTokenValue(post, REPOSITORY_TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  void resolveWhenHeaderAndFormBothSentThenHeaderWins() {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart");
    post.addHeader("X-CSRF-TOKEN", renderedToken(handler));
    post.addParameter("_csrf", "not-a-token");

    assertThat(handler.resolveCsrfTokenValue(post, REPOSITORY_TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  void resolveWhenNothingSentThenNull() {
    assertThat(
            handler.resolveCsrfTokenValue(
                new MockHttpServletRequest("POST", "/cart"), REPOSITORY_TOKEN))
        .isNull();
  }

  @Test
  void resolveWhenUnmaskedTokenSentThenItDoesNotUnmaskToTheToken() {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart");
    post.addParameter("_csrf", TOKEN);

    assertThat(handler.resolveCsrfTokenValue(post, REPOSITORY_TOKEN)).isNotEqualTo(TOKEN);
  }

  @Test
  void unmaskWhenNotBase64UrlThenNull() {
    assertThat(MaskedCsrfTokenRequestHandler.unmask("%%%not base64%%%", TOKEN)).isNull();
  }

  @Test
  void unmaskWhenLengthIsNotTwiceTheTokenThenNull() {
    String masked = renderedToken(handler);

    assertThat(
            MaskedCsrfTokenRequestHandler.unmask(masked.substring(0, masked.length() - 4), TOKEN))
        .isNull();
    assertThat(MaskedCsrfTokenRequestHandler.unmask("", TOKEN)).isNull();
  }

  @Test
  void resolveWhenSpringSecuritysXorHandlerMaskedTheTokenThenItUnmasks() {
    XorCsrfTokenRequestAttributeHandler spring = new XorCsrfTokenRequestAttributeHandler();
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
    spring.handle(page, new MockHttpServletResponse(), () -> REPOSITORY_TOKEN);
    String springMasked = ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart");
    post.addParameter("_csrf", springMasked);

    assertThat(handler.resolveCsrfTokenValue(post, REPOSITORY_TOKEN)).isEqualTo(TOKEN);
  }

  @Test
  void resolveBySpringSecuritysXorHandlerWhenThisHandlerMaskedTheTokenThenItUnmasks() {
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cart");
    post.addParameter("_csrf", renderedToken(handler));

    assertThat(
            new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(post, REPOSITORY_TOKEN))
        .isEqualTo(TOKEN);
  }

  @Property(tries = 300)
  void unmaskOfMaskIsTheToken(@ForAll @StringLength(min = 1, max = 200) String token) {
    String masked = MaskedCsrfTokenRequestHandler.mask(token, new SecureRandom());

    String unmasked = MaskedCsrfTokenRequestHandler.unmask(masked, token);

    // invalid UTF-16 (a lone surrogate) cannot survive UTF-8 in any encoding of the token; real
    // tokens are hex
    assertThat(unmasked)
        .isEqualTo(
            new String(
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The repository's deferred token, counting how often it is asked for. */
  private static Supplier<CsrfToken> countingRepository(AtomicInteger asked) {
    return () -> {
      asked.incrementAndGet();
      return REPOSITORY_TOKEN;
    };
  }

  private static String renderedToken(MaskedCsrfTokenRequestHandler handler) {
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
    Supplier<CsrfToken> repository = () -> REPOSITORY_TOKEN;
    handler.handle(page, new MockHttpServletResponse(), repository);
    return ((CsrfToken) page.getAttribute("_csrf")).getToken();
  }
}
