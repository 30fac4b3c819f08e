package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.testing.ClaimsParity;
import dev.storefrontsession.core.testing.ClaimsParity.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claims texts on which session-core and the real {@code @auth/core} once disagreed (issue
 * #20), each sealed with Auth.js's key and decoded by both: the same accept or reject, and the same
 * claims when both accept. Generated cases are in {@link AuthJsClaimsDifferentialTest}.
 */
class AuthJsClaimsParityTest {

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The claims text {@code before} + raw bytes + {@code after}. */
  static byte[] text(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(raw);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] text(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  /**
   * Decodes every text with both and checks that Auth.js {@code accepts} each and session-core
   * agrees.
   */
  static List<Verdict> assertBoth(boolean accepts, List<byte[]> texts) {
    List<Verdict> verdicts = ClaimsParity.decodeBoth(texts);
    for (Verdict verdict : verdicts) {
      assertThat(verdict.authJsAccepts()).as("Auth.js on " + verdict.describe()).isEqualTo(accepts);
      assertThat(verdict.agrees()).as(verdict.describe()).isTrue();
    }
    return verdicts;
  }

  @Test
  void decodeWhenClaimsHaveStrayBytesThenRejectedAsAuthJs() {
    assertBoth(
        false,
        List.of(
            text("{\"name\":\"a", bytes(0xFF, 0xFE), "b\"}"),
            text("{\"name\":\"", bytes(0x80), "\"}"),
            text("{\"x\":\"", bytes(0xF8, 0x88, 0x80, 0x80, 0x80), "\"}"),
            text("{\"x\":1}", bytes(0xFF), ""),
            text("{\"user\":{\"cartId\":\"c", bytes(0xE2, 0x82), "\"}}")));
  }

  @Test
  void decodeWhenClaimsHaveOverlongFormsSurrogatesOrCodePointsBeyondUnicodeThenRejectedAsAuthJs() {
    assertBoth(
        false,
        List.of(
            text("{\"name\":\"", bytes(0xC0, 0xAF), "\"}"),
            text("{\"name\":\"", bytes(0xC1, 0xBF), "\"}"),
            text("{\"name\":\"", bytes(0xE0, 0x80, 0xAF), "\"}"),
            text("{\"name\":\"", bytes(0xF0, 0x80, 0x80, 0xAF), "\"}"),
            text("{\"name\":\"", bytes(0xED, 0xA0, 0x80), "\"}"),
            text("{\"name\":\"", bytes(0xED, 0xBF, 0xBF), "\"}"),
            text("{\"name\":\"", bytes(0xF4, 0x90, 0x80, 0x80), "\"}"),
            text("{\"n\\u0061me\":\"\\u00e9", bytes(0xC3), "\"}")));
  }

  @Test
  void decodeWhenValidMultibyteUtf8ThenDecodedAsAuthJs() {
    List<Verdict> verdicts =
        assertBoth(
            true,
            List.of(
                text(
                    "{\"name\":\"Grüße \u20ac \ud83c\udf89 \uffff \u2028\",\"user\":{\"cartId\":\"\u00e9\"}}"),
                text(
                    "{\"name\":\"",
                    bytes(0xF4, 0x8F, 0xBF, 0xBF, 0xEE, 0x80, 0x80, 0xED, 0x9F, 0xBF),
                    "\"}")));
    assertThat(verdicts.get(0).java()).contains("Grüße");
  }

  @Test
  void decodeWhenClaimsStartWithByteOrderMarkThenDecodedWithoutItAsAuthJs() {
    List<Verdict> verdicts =
        assertBoth(
            true,
            List.of(
                text("", BOM, "{\"sub\":\"a\"}"),
                text("", BOM, " \n{\"user\":{\"cartId\":\"c\"}}\t")));
    assertThat(verdicts.get(0).java()).isEqualTo("{\"sub\":\"a\"}");
  }

  @Test
  void decodeWhenByteOrderMarkTwiceOrNotFirstThenRejectedAsAuthJs() {
    assertBoth(
        false,
        List.of(
            text("", text("\ufeff\ufeff"), "{\"sub\":\"a\"}"),
            text(" ", BOM, "{\"sub\":\"a\"}"),
            text("{\"sub\":\"a\"}", BOM, ""),
            text("{", BOM, "\"sub\":\"a\"}")));
  }

  @Test
  void decodeWhenSubOrJtiAreNotStringsThenDecodedAsAuthJs() {
    assertBoth(
        true,
        List.of(
            text("{\"sub\":42,\"jti\":7.5}"),
            text("{\"sub\":null,\"jti\":[\"x\"]}"),
            text("{\"sub\":{\"id\":1},\"jti\":true}")));
  }

  @Test
  void decodeWhenUserIsNotAnObjectThenDecodedAsAuthJs() {
    assertBoth(
        true,
        List.of(
            text("{\"user\":\"x\"}"),
            text("{\"user\":[{\"cartId\":\"c\"}]}"),
            text("{\"user\":null}"),
            text("{\"user\":7,\"name\":\"Jane\"}"),
            text("{\"user\":false}")));
  }

  @Test
  void decodeWhenCustomerAccessTokenOrCartIdAreNotStringsThenDecodedAsAuthJs() {
    assertBoth(
        true,
        List.of(
            text("{\"user\":{\"customerAccessToken\":123,\"cartId\":{\"a\":1}}}"),
            text(
                "{\"user\":{\"customerAccessToken\":[\"cat\"],\"cartId\":true,\"firstName\":1,\"lastName\":null}}"),
            text(
                "{\"user\":{\"customerAccessToken\":\"cat\",\"customerAccessTokenExpiresAt\":\"yesterday\"}}"),
            text(
                "{\"user\":{\"customerAccessToken\":\"cat\",\"customerAccessTokenExpiresAt\":1700000000}}"),
            text("{\"name\":5,\"email\":false,\"picture\":[]}")));
  }

  @Test
  void decodeWhenTimeClaimsAreNotNumbersThenRejectedAsAuthJs() {
    assertBoth(
        false,
        List.of(
            text("{\"iat\":\"1\"}"),
            text("{\"exp\":null}"),
            text("{\"nbf\":true}"),
            text("{\"exp\":[1]}"),
            text("{\"iat\":{}}")));
  }

  @Test
  void decodeWhenNumbersBeyondDoublePrecisionOrRangeThenAsAuthJs() {
    List<Verdict> accepted =
        assertBoth(
            true,
            List.of(
                text("{\"x\":1e400,\"y\":-1e400,\"z\":1e-400,\"w\":-0}"),
                text("{\"exp\":1e400,\"iat\":-1e999,\"nbf\":-1e400}"),
                text(
                    "{\"x\":9007199254740993,\"y\":123456789012345678901234567890,\"z\":1.7976931348623157e308}"),
                text(
                    "{\"x\":4.9e-324,\"y\":2.4703282292062328e-324,\"z\":1.7976931348623158e308}")));
    assertThat(accepted.get(0).java()).isEqualTo("{\"x\":null,\"y\":null,\"z\":0,\"w\":0}");
    assertBoth(
        false,
        List.of(
            text("{\"nbf\":1e400}"),
            text("{\"exp\":-1e400}"),
            text("{\"exp\":1.7976931348623159e308,\"nbf\":1e309}")));
  }

  @Test
  void decodeWhenMemberNamesAreArrayIndicesThenOrderedAsJavaScriptObjects() {
    List<Verdict> verdicts =
        assertBoth(
            true,
            List.of(
                text(
                    "{\"b\":1,\"1\":2,\"a\":3,\"0\":4,\"4294967295\":5,\"4294967294\":6,\"01\":7,\"-1\":8,\"b\":9}"),
                text("{\"user\":{\"10\":1,\"9\":2,\"cartId\":\"c\"},\"2\":[]}")));
    assertThat(verdicts.get(0).java())
        .isEqualTo(
            "{\"0\":4,\"1\":2,\"4294967294\":6,\"b\":9,\"a\":3,\"4294967295\":5,\"01\":7,\"-1\":8}");
  }

  @Test
  void decodeWhenHeaderReplicatesClaimsThenComparedAsJoseDoes() {
    String base = "\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\"";
    // jose compares with !== (null is not undefined; objects never equal) and aud by JSON.stringify
    // (order matters)
    String[][] replicatedAndClaims = {
      {"\"sub\":null", "{}"},
      {"\"iss\":{}", "{\"iss\":{}}"},
      {"\"aud\":{\"b\":1,\"a\":2}", "{\"aud\":{\"a\":2,\"b\":1}}"},
      {"\"aud\":[\"a\",{\"b\":1}]", "{\"aud\":[\"a\",{\"b\":1}]}"},
      {"\"sub\":1", "{\"sub\":1.0}"},
      {"\"sub\":null", "{\"sub\":null}"}
    };
    List<String> headers = new ArrayList<>();
    List<byte[]> texts = new ArrayList<>();
    for (String[] c : replicatedAndClaims) {
      headers.add("{" + base + "," + c[0] + "}");
      texts.add(text(c[1]));
    }
    List<Verdict> verdicts = ClaimsParity.decodeBoth(headers, texts);
    for (Verdict verdict : verdicts) {
      assertThat(verdict.agrees()).as(verdict.describe()).isTrue();
    }
    assertThat(verdicts)
        .extracting(Verdict::authJsAccepts)
        .containsExactly(false, false, false, true, true, true);
  }
}
