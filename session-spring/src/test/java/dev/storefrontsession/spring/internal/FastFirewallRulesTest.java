package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's header and parameter-name rules decide exactly as Spring Security's default
 * patterns do.
 */
class FastFirewallRulesTest {

  // StrictHttpFirewall's defaults (spring-security-web 7.0)
  private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern HEADER_VALUES =
      Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Provide
  Arbitrary<String> anyText() {
    // every UTF-16 unit, lone surrogates and unassigned code points included, weighted towards
    // header-like text
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).injectDuplicates(0.1),
        Arbitraries.strings()
            .withChars(
                '\t', '\n', '\r', '\u007f', '\u0085', 'a', ';', '\ud83d', '\ude00', '\u0378',
                '\ufffe', '\ufeff', '\u2028')
            .ofMaxLength(12));
  }

  @Property(tries = 3000)
  void namesDecideAsSpringsPattern(@ForAll @From("anyText") String text) {
    assertThat(FastFirewallRules.NAMES.test(text)).isEqualTo(NAMES.matcher(text).matches());
  }

  @Property(tries = 3000)
  void headerValuesDecideAsSpringsPattern(@ForAll @From("anyText") String text) {
    assertThat(FastFirewallRules.HEADER_VALUES.test(text))
        .isEqualTo(HEADER_VALUES.matcher(text).matches());
  }

  @Test
  void headerValuesWhenTabThenAllowedButNamesRefuseIt() {
    assertThat(FastFirewallRules.HEADER_VALUES.test("a\tb")).isTrue();
    assertThat(FastFirewallRules.NAMES.test("a\tb")).isFalse();
  }

  @Test
  void headerValuesWhenLineBreakOrUnassignedThenRefused() {
    assertThat(FastFirewallRules.HEADER_VALUES.test("a\r\nSet-Cookie: x=1")).isFalse();
    assertThat(FastFirewallRules.HEADER_VALUES.test("\u0378")).isFalse();
    assertThat(FastFirewallRules.HEADER_VALUES.test("caf\u00e9 \ud83d\ude00")).isTrue();
  }

  @Test
  void firewallWhenHeaderValueHasLineFeedThenReadingItIsRejected() {
    StrictHttpFirewall firewall = FastFirewallRules.firewall();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.addHeader("X-Test", "a\nb");

    var firewalled = firewall.getFirewalledRequest(request);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Test"))
        .isInstanceOf(RequestRejectedException.class);
  }

  @Test
  void firewallWhenPathHasEncodedSlashThenRejectedAsSpringsDefault() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a%2Fb");
    request.setRequestURI("/a%2Fb");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FastFirewallRules.firewall().getFirewalledRequest(request))
        .isInstanceOf(RequestRejectedException.class);
  }
}
