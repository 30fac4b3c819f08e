package dev.storefrontsession.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.spring.StorefrontSessionProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionSettingsTest {

  private static final List<String> DEFAULT_PASSIVE =
      new StorefrontSessionProperties().getPassivePaths();

  private static SessionSettings settings(List<String> passivePaths) {
    return new SessionSettings(
        KeyRing.of("session-settings-test-secret-0123456789"),
        Clock.systemUTC(),
        Duration.ofDays(30),
        Duration.ofDays(1),
        Duration.ofDays(30),
        false,
        "/login",
        new RequestOrigins(null, false, null),
        passivePaths);
  }

  @ParameterizedTest
  @CsvSource({
    "/css/store.css,true",
    "/css,true",
    "/css/,true",
    "/cssx/a,false",
    "/favicon.ico,true",
    "/favicon.ico/x,false",
    "/api/auth/session,true",
    "/account,false",
    "/,false",
    "/error,true",
    "/%63ss/store.css,true",
    "/css;v=1/store.css,true"
  })
  void isPassiveWhenDefaultPathsThenStaticFilesAndApisOnly(String path, boolean passive) {
    assertThat(settings(DEFAULT_PASSIVE).isPassive(path)).isEqualTo(passive);
  }

  @Property(tries = 3000)
  void isPassiveWhenAnyPathThenSameAsPathPattern(
      @ForAll("paths") String path, @ForAll("patterns") List<String> patterns) {
    SessionSettings s = settings(patterns);

    assertThat(s.isPassive(path)).isEqualTo(s.isPassiveByPattern(path));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment =
        Arbitraries.of(
            "css",
            "cssx",
            "api",
            "favicon.ico",
            "error",
            "",
            "a",
            "..",
            ".",
            "%63ss",
            "css;v=1",
            "CSS",
            "js",
            "x y");
    return segment.list().ofMinSize(0).ofMaxSize(4).map(s -> "/" + String.join("/", s));
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    Arbitrary<String> pattern =
        Arbitraries.of(
            "/css/**",
            "/api/**",
            "/favicon.ico",
            "/error",
            "/",
            "/**",
            "/a/b/**",
            "/js/*.js",
            "/{name}/x",
            "/css",
            "/css/");
    return Arbitraries.oneOf(Arbitraries.just(DEFAULT_PASSIVE), pattern.list().ofMaxSize(4));
  }

  private static SessionSettings withDecodeCache(int size) {
    return new SessionSettings(
        KeyRing.of("session-settings-test-secret-0123456789"),
        Clock.systemUTC(),
        Duration.ofDays(30),
        Duration.ofDays(1),
        Duration.ofDays(30),
        false,
        "/login",
        new RequestOrigins(null, false, null),
        DEFAULT_PASSIVE,
        dev.storefrontsession.spring.ShopperSessionEvents.NONE,
        SessionPolicy.DEFAULT,
        size);
  }

  @org.junit.jupiter.api.Test
  void decodeCacheWhenSizedThenAStoredCookieIsHeldAndWhenZeroNothingIs() {
    for (int size : new int[] {0, 1024}) {
      SessionSettings settings = withDecodeCache(size);
      String cookie = "authjs.session-token";
      String token =
          settings.codec().encode(dev.storefrontsession.core.SessionClaims.anonymous("c"), cookie);
      org.assertj.core.api.Assertions.assertThat(settings.codec().decode(token, cookie).isDecoded())
          .isTrue();
      org.assertj.core.api.Assertions.assertThat(settings.codec().decodeCacheSize())
          .as("size %d", size)
          .isEqualTo(size == 0 ? 0 : 1);
    }
  }

  @org.junit.jupiter.api.Test
  void decodeCacheWhenSizeNegativeThenRefusedNamingTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> withDecodeCache(-1))
        .isInstanceOf(SessionSettingException.class)
        .hasMessageContaining("storefront.session.decode-cache-size");
  }
}
