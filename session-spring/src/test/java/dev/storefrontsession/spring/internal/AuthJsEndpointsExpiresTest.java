package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code expires} of {@code GET /api/auth/session} as {@code Date#toISOString} writes it. */
class AuthJsEndpointsExpiresTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void isoMillisWhenKnownInstantsThenAsToIsoString() {
    assertThat(AuthJsEndpoints.isoMillis(Instant.parse("2026-12-05T10:15:30.123456789Z")))
        .isEqualTo("2026-12-05T10:15:30.123Z");
    assertThat(AuthJsEndpoints.isoMillis(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(AuthJsEndpoints.isoMillis(Instant.parse("9999-12-31T23:59:59.999Z")))
        .isEqualTo("9999-12-31T23:59:59.999Z");
    assertThat(AuthJsEndpoints.isoMillis(Instant.parse("2024-02-29T23:59:59.001Z")))
        .isEqualTo("2024-02-29T23:59:59.001Z");
  }

  @Test
  void isoMillisWhenAnyInstantThenSameAsTheFormatter() {
    SplittableRandom random = new SplittableRandom(20261205);
    long[] edges = {
      -1, 0, 1, 86_399, 86_400, 951_782_400L, 253_402_300_799L, 253_402_300_800L, -62_135_596_800L
    };
    for (long seconds : edges) {
      for (int nanos : new int[] {0, 999_999, 1_000_000, 999_999_999}) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(AuthJsEndpoints.isoMillis(instant)).isEqualTo(REFERENCE.format(instant));
      }
    }
    for (int i = 0; i < 100_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(-100_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
      assertThat(AuthJsEndpoints.isoMillis(instant)).isEqualTo(REFERENCE.format(instant));
    }
  }
}
