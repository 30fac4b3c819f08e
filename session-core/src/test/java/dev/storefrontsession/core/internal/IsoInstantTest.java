package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

  /** 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: the years the fast path reads. */
  private static final long MIN = -62_167_219_200L;

  private static final long MAX = 253_402_300_799L;

  @Property(tries = 5000)
  void parseWhenWrittenByInstantToStringThenSameInstant(
      @ForAll @LongRange(min = MIN, max = MAX) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(IsoInstant.parse(instant.toString())).isEqualTo(instant);
  }

  @Property(tries = 5000)
  void parseWhenAnyNearIsoTextThenAgreesWithInstantParse(@ForAll("nearIso") String text) {
    Instant expected;
    try {
      expected = Instant.parse(text);
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(IsoInstant.parse(text)).isEqualTo(expected);
  }

  /**
   * Well-formed instants with one character replaced, cut or added: mostly invalid, some valid in
   * odd ways.
   */
  @Provide
  Arbitrary<String> nearIso() {
    Arbitrary<String> valid =
        Arbitraries.longs()
            .between(MIN, MAX)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n).toString()));
    Arbitrary<Character> chars =
        Arbitraries.of('0', '1', '2', '5', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'x', '6');
    return Arbitraries.oneOf(
        valid,
        valid.flatMap(
            v ->
                Arbitraries.integers()
                    .between(0, v.length() - 1)
                    .flatMap(i -> chars.map(c -> v.substring(0, i) + c + v.substring(i + 1)))),
        valid.flatMap(
            v ->
                Arbitraries.integers()
                    .between(0, v.length() - 1)
                    .map(i -> v.substring(0, i) + v.substring(i + 1))),
        valid.flatMap(
            v ->
                Arbitraries.integers()
                    .between(0, v.length())
                    .flatMap(i -> chars.map(c -> v.substring(0, i) + c + v.substring(i)))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T22:09:41Z",
        "2026-11-25T22:09:41.5Z",
        "2026-11-25T22:09:41.123456789Z",
        "2024-02-29T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        // not the fast path's form: Instant.parse's own rules apply
        "2026-11-25T23:59:60Z",
        "2026-11-25T22:09:41+01:00",
        "+10000-01-01T00:00:00Z",
        "2026-11-25T24:00:00Z",
        "2026-11-25T22:09:41.Z"
      })
  void parseWhenValidThenAsInstantParse(String text) {
    assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-11-25",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-11-25T22:60:00Z",
        "2026-11-25T22:09:41.1234567890Z",
        "2026-11-25 22:09:41Z",
        "2026-11-25T22:09:41",
        "２026-11-25T22:09:41Z",
        "2026-11-25T22:09:4aZ"
      })
  void parseWhenInvalidThenThrowsAsInstantParse(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void parseWhenFractionIsShortThenScalesToNanos() {
    assertThat(IsoInstant.parse("2026-11-25T22:09:41.05Z").getNano()).isEqualTo(50_000_000);
  }
}
