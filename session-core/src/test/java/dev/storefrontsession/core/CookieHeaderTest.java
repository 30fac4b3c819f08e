package dev.storefrontsession.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CookieHeaderTest {

  private static Map<String, String> parse(String... headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headers) {
      CookieHeader.parseInto(header, cookies);
    }
    return cookies;
  }

  @Test
  void parseIntoWhenBrowserHeaderThenNamesAndRawValuesInOrder() {
    assertThat(parse("authjs.session-token=eyJh.b.c; authjs.csrf-token=abc%7Cdef;__Host-x=1"))
        .containsExactly(
            Map.entry("authjs.session-token", "eyJh.b.c"),
            Map.entry("authjs.csrf-token", "abc%7Cdef"),
            Map.entry("__Host-x", "1"));
  }

  @Test
  void parseIntoWhenSameNameTwiceThenFirstWinsAcrossHeadersToo() {
    assertThat(parse("a=1; a=2", "a=3; b=4"))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "4"));
  }

  @Test
  void parseIntoWhenOddPairsThenSkippedOrTrimmedNeverFails() {
    assertThat(parse(" ; novalue; =x; c = 3 ;d=;e==f; \tg\t=\t\"q\"\t"))
        .containsExactly(
            Map.entry("c", "3"), Map.entry("d", ""), Map.entry("e", "=f"), Map.entry("g", "\"q\""));
    assertThat(parse((String) null)).isEmpty();
    assertThat(parse("")).isEmpty();
  }

  @Property(tries = 3000)
  void parseIntoWhenAnyHeaderThenAsSplittingPairsAtSemicolonsAndTheFirstEquals(
      @ForAll("headers") String header) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String pair : header.split(";", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = pair.substring(0, eq).strip();
      if (!name.isEmpty()) {
        expected.putIfAbsent(name, pair.substring(eq + 1).strip());
      }
    }
    assertThat(parse(header)).containsExactlyEntriesOf(expected);
  }

  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.strings().withChars("ab=; \t%\"|.-_0").ofMaxLength(40);
  }
}
