package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

  private static MockHttpServletRequest from(String peer, String... forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.setRemoteAddr(peer);
    for (String value : forwardedFor) {
      request.addHeader("X-Forwarded-For", value);
    }
    return request;
  }

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the proxy appends the address it saw; whatever the shopper wrote to its left is ignored
        "10.0.0.1     | 203.0.113.9                          | 203.0.113.9",
        "10.0.0.1     | 198.51.100.1, 203.0.113.9            | 203.0.113.9",
        "10.0.0.1     | 1.1.1.1, 2.2.2.2, 203.0.113.9, 10.0.0.2 | 203.0.113.9",
        "10.0.0.1     | 203.0.113.9, 192.0.2.7               | 203.0.113.9",
        "10.0.0.1     | 2001:db8::9, fd00::1                 | 2001:db8:0:0:0:0:0:9",
        // a malformed right-most untrusted hop: the socket peer
        "10.0.0.1     | 203.0.113.9, unknown                 | 10.0.0.1",
        "10.0.0.1     | 203.0.113.9, 203.0.113.300           | 10.0.0.1",
        "10.0.0.1     | 203.0.113.9,                         | 10.0.0.1",
        "10.0.0.1     | 203.0.113.9:443                      | 10.0.0.1",
        "10.0.0.1     | 203.0.113.9 10.0.0.2                 | 10.0.0.1",
        // junk left of the shopper's hop does not matter
        "10.0.0.1     | <script>, 203.0.113.9                | 203.0.113.9",
        // only proxies of ours: the left-most
        "10.0.0.1     | 10.0.0.3, 10.0.0.2                   | 10.0.0.3",
        // not from a trusted proxy: the socket peer, whatever the header says
        "203.0.113.50 | 198.51.100.1                         | 203.0.113.50",
        "203.0.113.50 | 10.0.0.1                             | 203.0.113.50"
      })
  void shopperIpWhenForwardedThenTheRightMostHopThatIsNotATrustedProxy(
      String peer, String header, String shopper) {
    assertThat(proxies.shopperIp(from(peer, header))).isEqualTo(shopper);
  }

  @Test
  void shopperIpWhenSeveralHeaderLinesThenReadAsOneListInOrder() {
    assertThat(proxies.shopperIp(from("10.0.0.1", "198.51.100.1", "203.0.113.9, 10.0.0.4")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void shopperIpWhenNoHeaderThenTheSocketPeer() {
    assertThat(proxies.shopperIp(from("10.0.0.1"))).isEqualTo("10.0.0.1");
    assertThat(proxies.shopperIp(from("203.0.113.50"))).isEqualTo("203.0.113.50");
  }

  @Test
  void ofWhenEntryIsNotAnAddressOrRangeThenClearError() {
    for (String bad :
        new String[] {
          "proxy.example.com", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0"
        }) {
      assertThatThrownBy(() -> TrustedProxies.of(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("trusted-proxies")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void defaultWhenUsedThenLoopbackAndPrivateRangesOnly() {
    TrustedProxies defaults = TrustedProxies.of(TrustedProxies.DEFAULT);
    for (String trusted :
        new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1", "10.1.2.3", "172.31.0.1", "192.168.1.1"}) {
      assertThat(defaults.contains(trusted)).as(trusted).isTrue();
    }
    for (String other : new String[] {"203.0.113.9", "172.32.0.1", "2001:db8:0:0:0:0:0:1"}) {
      assertThat(defaults.contains(other)).as(other).isFalse();
    }
  }
}
