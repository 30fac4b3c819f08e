package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written base64url decoder against the JDK's: it accepts exactly the unpadded, canonical
 * base64url texts (RFC 7515 section 2: no padding, no other alphabet, no whitespace, unused bits
 * zero) that the JDK's URL decoder accepts, and decodes them to the same bytes.
 */
class Base64UrlAgainstJdkTest {

  private static final Base64.Decoder JDK = Base64.getUrlDecoder();
  private static final Base64.Encoder JDK_UNPADDED = Base64.getUrlEncoder().withoutPadding();

  @Property(tries = 3000)
  void decodeWhenAnyTextThenAcceptedExactlyWhenTheJdkDecodesItCanonicallyUnpadded(
      @ForAll("mostlyBase64Url") String text) {
    byte[] ours = Base64Url.decode(text);
    byte[] jdk = jdkCanonical(text);
    if (jdk == null) {
      assertThat(ours)
          .as("rejected by the JDK or not canonical unpadded base64url: %s", text)
          .isNull();
    } else {
      assertThat(ours).as(text).isEqualTo(jdk);
    }
  }

  @Property(tries = 2000)
  void decodeWhenJdkEncodedBytesThenTheSameBytes(@ForAll byte[] bytes) {
    String text = JDK_UNPADDED.encodeToString(bytes);
    assertThat(Base64Url.decode(text)).isEqualTo(bytes);
    assertThat(Base64Url.encode(bytes)).isEqualTo(text);
  }

  /**
   * What the JDK decodes, if the text is also the JDK's own unpadded encoding of it (so canonical);
   * else null.
   */
  private static byte[] jdkCanonical(String text) {
    if (text.indexOf('=') >= 0) {
      return null; // the JDK accepts padding; JOSE's base64url has none
    }
    byte[] decoded;
    try {
      decoded = JDK.decode(text);
    } catch (IllegalArgumentException rejected) {
      return null;
    }
    return JDK_UNPADDED.encodeToString(decoded).equals(text) ? decoded : null;
  }

  /**
   * Real encodings, and texts over the alphabet with some characters from outside it (padding, '+',
   * '/', ' ', é).
   */
  @Provide
  Arbitrary<String> mostlyBase64Url() {
    Arbitrary<String> encodings =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(JDK_UNPADDED::encodeToString);
    Arbitrary<String> alphabet =
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            .ofMaxLength(24);
    Arbitrary<String> mixed = Arbitraries.strings().withChars("AQgw_-9zZ+/= é\n").ofMaxLength(12);
    Arbitrary<String> mutated =
        encodings.flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, Math.max(0, s.length()))
                    .flatMap(
                        i ->
                            Arbitraries.of('=', '+', '/', ' ', 'A', 'B', '\u00e9')
                                .map(c -> s.substring(0, i) + c + s.substring(i))));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, encodings), net.jqwik.api.Tuple.of(3, alphabet),
        net.jqwik.api.Tuple.of(2, mixed), net.jqwik.api.Tuple.of(2, mutated));
  }
}
