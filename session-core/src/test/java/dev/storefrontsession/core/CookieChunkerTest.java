package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CookieChunkerTest {

  static final String NAME = "__Secure-authjs.session-token";
  static final CookieAttributes ATTRIBUTES =
      CookieAttributes.authJsDefaults(true).withExpires(Instant.parse("2030-01-01T00:00:00Z"));

  static Map<String, String> cookies(String... nameValues) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      cookies.put(nameValues[i], nameValues[i + 1]);
    }
    return cookies;
  }

  @Test
  void readWhenNoCookieOrEmptyValueThenMissing() {
    assertThat(CookieChunker.read(NAME, Map.of()))
        .isEqualTo(new CookieChunker.ReadResult.Missing());
    assertThat(CookieChunker.read(NAME, cookies(NAME, "")))
        .isEqualTo(new CookieChunker.ReadResult.Missing());
    assertThat(CookieChunker.read(NAME, cookies("authjs.session-token", "x")))
        .isEqualTo(new CookieChunker.ReadResult.Missing());
  }

  @Test
  void readWhenChunksOutOfOrderThenJoinedByNumericSuffix() {
    Map<String, String> chunks =
        cookies(NAME + ".10", "K", NAME + ".2", "C", NAME + ".0", "A", NAME + ".1", "B");
    assertThat(CookieChunker.read(NAME, chunks))
        .isEqualTo(new CookieChunker.ReadResult.Found("ABCK"));
  }

  @Test
  void readWhenValuePercentEncodedThenDecoded() {
    assertThat(CookieChunker.read(NAME, cookies(NAME, "a%7Cb")))
        .isEqualTo(new CookieChunker.ReadResult.Found("a|b"));
  }

  @Test
  void readWhenOtherCookiesStartWithTheNameThenIncludedAsAuthJsDoes() {
    assertThat(CookieChunker.read(NAME, cookies(NAME, "plain", NAME + ".0", "zero")))
        .isEqualTo(new CookieChunker.ReadResult.Found("plainzero"));
    assertThat(
            CookieChunker.presentNames(
                NAME, cookies(NAME + "-x", "1", "other", "2", NAME + ".0", "3")))
        .containsExactly(NAME + "-x", NAME + ".0");
  }

  @Test
  void readWhenMoreThanSixteenChunksThenRefusedAsMalformed() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i <= CookieChunker.MAX_CHUNKS; i++) {
      many.put(NAME + "." + i, "x");
    }
    assertThat(CookieChunker.read(NAME, many))
        .isEqualTo(new CookieChunker.ReadResult.Refused(RejectionReason.MALFORMED));
    many.remove(NAME + ".0");
    assertThat(CookieChunker.read(NAME, many)).isInstanceOf(CookieChunker.ReadResult.Found.class);
  }

  @Test
  void readWhenTotalBeyond64KibThenRefusedAsMalformed() {
    String big = "x".repeat(CookieChunker.MAX_TOTAL_LENGTH / 2 + 1);
    assertThat(CookieChunker.read(NAME, cookies(NAME + ".0", big, NAME + ".1", big)))
        .isEqualTo(new CookieChunker.ReadResult.Refused(RejectionReason.MALFORMED));
  }

  @Test
  void writeWhenValueFitsThenOnePlainCookie() {
    List<SetCookie> cookies =
        CookieChunker.write(NAME, "x".repeat(CookieChunker.CHUNK_SIZE), ATTRIBUTES, Map.of());
    assertThat(cookies).extracting(SetCookie::name).containsExactly(NAME);
    assertThat(cookies.get(0).attributes()).isEqualTo(ATTRIBUTES);
  }

  @Test
  void writeWhenValueLongerThanChunkSizeThenNumberedChunks() {
    String value =
        "a".repeat(CookieChunker.CHUNK_SIZE) + "b".repeat(CookieChunker.CHUNK_SIZE) + "c";
    List<SetCookie> cookies = CookieChunker.write(NAME, value, ATTRIBUTES, Map.of());
    assertThat(cookies)
        .extracting(SetCookie::name)
        .containsExactly(NAME + ".0", NAME + ".1", NAME + ".2");
    assertThat(cookies)
        .extracting(c -> c.value().length())
        .containsExactly(CookieChunker.CHUNK_SIZE, CookieChunker.CHUNK_SIZE, 1);
  }

  @Test
  void writeWhenRequestHadMoreChunksThenStaleOnesDeleted() {
    Map<String, String> request = cookies(NAME + ".0", "a", NAME + ".1", "b", NAME + ".2", "c");
    List<SetCookie> cookies = CookieChunker.write(NAME, "short", ATTRIBUTES, request);
    assertThat(cookies)
        .extracting(SetCookie::name)
        .containsExactly(NAME + ".0", NAME + ".1", NAME + ".2", NAME);
    assertThat(cookies.subList(0, 3))
        .allSatisfy(
            c -> {
              assertThat(c.isDeletion()).isTrue();
              assertThat(c.value()).isEmpty();
              assertThat(c.attributes().expires()).isNull();
            });
    assertThat(cookies.get(3).isDeletion()).isFalse();
  }

  @Test
  void writeWhenPlainCookieBecomesChunkedThenPlainDeletedChunksSet() {
    String value = "v".repeat(CookieChunker.CHUNK_SIZE + 1);
    List<SetCookie> cookies =
        CookieChunker.write(NAME, value, ATTRIBUTES, cookies(NAME, "old", NAME + ".1", "s"));
    assertThat(cookies)
        .extracting(c -> c.name() + (c.isDeletion() ? " deleted" : " set"))
        .containsExactly(NAME + " deleted", NAME + ".1 set", NAME + ".0 set");
  }

  @Test
  void clearWhenChunksPresentThenDeletionForEach() {
    List<SetCookie> cookies =
        CookieChunker.clear(
            NAME, ATTRIBUTES, cookies(NAME + ".0", "a", NAME + ".1", "b", "x", "y"));
    assertThat(cookies).extracting(SetCookie::name).containsExactly(NAME + ".0", NAME + ".1");
    assertThat(cookies).allSatisfy(c -> assertThat(c.toHeaderValue()).contains("Max-Age=0"));
    assertThat(CookieChunker.clear(NAME, ATTRIBUTES, Map.of())).isEmpty();
  }

  /**
   * Names a request can carry that start with the session cookie's name but are not RFC 6265 cookie
   * names.
   */
  static List<String> invalidNamesWithPrefix() {
    List<String> names = new java.util.ArrayList<>();
    for (char c : "()<>@,;:\\\"/[]?={} \t\u0000\u001f\u007f\u0080\u00e9".toCharArray()) {
      names.add(NAME + c);
      names.add(NAME + ".0" + c + "1");
    }
    names.add(NAME + "[0]");
    return names;
  }

  @Test
  void readWhenNameStartsWithTheCookieNameButIsNotAValidCookieNameThenIgnored() {
    for (String invalid : invalidNamesWithPrefix()) {
      assertThat(CookieChunker.read(NAME, cookies(invalid, "x")))
          .as(invalid)
          .isEqualTo(new CookieChunker.ReadResult.Missing());
      assertThat(CookieChunker.read(NAME, cookies(invalid, "x", NAME, "token")))
          .as(invalid)
          .isEqualTo(new CookieChunker.ReadResult.Found("token"));
      assertThat(CookieChunker.presentNames(NAME, cookies(NAME, "token", invalid, "x")))
          .as(invalid)
          .containsExactly(NAME);
    }
  }

  @Test
  void clearAndWriteWhenRequestHasInvalidNamesWithTheCookieNameThenNeverEchoed() {
    for (String invalid : invalidNamesWithPrefix()) {
      Map<String, String> request = cookies(invalid, "x", NAME + ".1", "y");
      assertThat(CookieChunker.clear(NAME, ATTRIBUTES, request))
          .as(invalid)
          .extracting(SetCookie::name)
          .containsExactly(NAME + ".1");
      assertThat(CookieChunker.write(NAME, "token", ATTRIBUTES, request))
          .as(invalid)
          .extracting(SetCookie::name)
          .containsExactly(NAME + ".1", NAME);
    }
  }

  @Test
  void clearWhenThousandsOfChunksThenAtMostMaxDeletionsInRequestOrder() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      many.put(NAME + "." + i, "x");
    }
    List<SetCookie> deletions = CookieChunker.clear(NAME, ATTRIBUTES, many);
    assertThat(deletions).hasSize(CookieChunker.MAX_DELETIONS);
    assertThat(deletions.get(0).name()).isEqualTo(NAME + ".0");
    assertThat(CookieChunker.write(NAME, "token", ATTRIBUTES, many))
        .hasSize(CookieChunker.MAX_DELETIONS + 1)
        .last()
        .extracting(SetCookie::name)
        .isEqualTo(NAME);
  }
}
