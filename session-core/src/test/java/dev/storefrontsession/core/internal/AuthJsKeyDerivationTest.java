package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.SessionSecret;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors made with @panva/hkdf 1.2.1 and jose 6.2.18 exactly as @auth/core 0.41.3 calls them. */
class AuthJsKeyDerivationTest {

  static final String KEY_PLAIN =
      "b1ef6cdd915c44c0a71232574a6a70546a5e16d12bb38df4638e3b96bdd32025"
          + "131e90695ff072a9d148f1511c7a4981a85b63a628311da1fa7ccfc49c47c2bb";
  static final String KEY_SECURE =
      "0d8bf2d720367891eda6b7cc8f1960cf3fac4c0e5972e05c0ea71f835d01d69a"
          + "60b8d258a71a473d46b0eec5ed3dfe45a7bcfbe54ccfa14f50206f3af0f777f5";

  @Test
  void deriveWhenSecretAndSessionCookieNameThenAuthJsKey() {
    byte[] key = AuthJsKeyDerivation.derive(SessionSecret.of("secret"), "authjs.session-token", 64);
    assertThat(HexFormat.of().formatHex(key)).isEqualTo(KEY_PLAIN);
  }

  @Test
  void deriveWhenSecureCookieNameThenDifferentKeyFromSalt() {
    byte[] key =
        AuthJsKeyDerivation.derive(SessionSecret.of("secret"), "__Secure-authjs.session-token", 64);
    assertThat(HexFormat.of().formatHex(key)).isEqualTo(KEY_SECURE);
  }

  @Test
  void deriveWhen32BytesForA256GcmThenPrefixOf64ByteKey() {
    byte[] key = AuthJsKeyDerivation.derive(SessionSecret.of("secret"), "authjs.session-token", 32);
    assertThat(key).isEqualTo(Arrays.copyOf(HexFormat.of().parseHex(KEY_PLAIN), 32));
  }

  @Test
  void contentKeyWhenDerivedThenKidIsAuthJsThumbprint() {
    assertThat(
            ContentKey.derive(
                    SessionSecret.of("secret"),
                    "authjs.session-token",
                    ContentKey.Enc.A256CBC_HS512)
                .kid())
        .isEqualTo(
            "7x9DUMVaEU6giab0l0OWDt4e4SsRH_cbwMof2EzEyy6onK5o8xSPPB799RVoqm2v6z674kQCv9jom2T8S-a1dQ");
    assertThat(
            ContentKey.derive(
                    SessionSecret.of("secret"), "authjs.session-token", ContentKey.Enc.A256GCM)
                .kid())
        .isEqualTo("tgdt-VLOTRviBTc4vwSS-WjOhg14Bq0M6tGDvSzfdgs");
  }

  @Test
  void contentKeyWhenPrintedThenKeyRedacted() {
    ContentKey key =
        ContentKey.derive(
            SessionSecret.of("secret"), "authjs.session-token", ContentKey.Enc.A256CBC_HS512);
    assertThat(key.toString()).contains("<redacted>").doesNotContain(key.kid());
  }
}
