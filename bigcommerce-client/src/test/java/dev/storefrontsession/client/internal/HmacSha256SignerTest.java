package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSha256SignerTest {

  /** RFC 7515 Appendix A.1: the HS256 example. */
  @Test
  void signWhenRfc7515AppendixA1ThenExpectedSignature() throws JOSEException {
    byte[] key =
        new Base64URL(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")
            .decode();
    String signingInput =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    Base64URL signature =
        new HmacSha256Signer(key)
            .sign(
                new JWSHeader(JWSAlgorithm.HS256),
                signingInput.getBytes(StandardCharsets.US_ASCII));
    assertThat(signature.toString()).isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  }

  @Test
  void signWhenShortKeyThenStillSigns() throws JOSEException {
    // jose (Catalyst) signs with any secret length; so do we.
    Base64URL signature =
        new HmacSha256Signer("short".getBytes(StandardCharsets.UTF_8))
            .sign(new JWSHeader(JWSAlgorithm.HS256), "a.b".getBytes(StandardCharsets.US_ASCII));
    assertThat(signature.decode()).hasSize(32);
  }

  @Test
  void signWhenOtherAlgorithmThenRefused() {
    HmacSha256Signer signer = new HmacSha256Signer(new byte[32]);
    assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.HS512), new byte[1]))
        .isInstanceOf(JOSEException.class);
  }

  @Test
  void constructorWhenEmptyKeyThenRejected() {
    assertThatThrownBy(() -> new HmacSha256Signer(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringWhenCalledThenRedacted() {
    assertThat(new HmacSha256Signer("secret-value".getBytes(StandardCharsets.UTF_8)).toString())
        .doesNotContain("secret-value")
        .contains("<redacted>");
  }
}
