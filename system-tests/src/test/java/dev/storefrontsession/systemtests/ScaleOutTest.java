package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.core.CookieNames;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.testing.ShopperClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 5: two storefront processes on different ports share {@code AUTH_SECRET} and one sandbox on
 * PostgreSQL. A signed-in shopper and a guest alternate between them and keep session and cart;
 * then both restart with a rotated secret (new first, old second) and every existing session still
 * works, a due re-issue carrying the new {@code kid}.
 */
class ScaleOutTest {

  static final String OLD = "scale-out-old-secret-" + UUID.randomUUID();
  static final String NEW = "scale-out-new-secret-" + UUID.randomUUID();
  static final String SESSION = CookieNames.sessionToken(false);
  static final String ANONYMOUS = CookieNames.anonymousSessionToken(false);

  static EmbeddedPostgres postgres;
  static SandboxFixture store;
  static final List<StorefrontProcess> running = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    store =
        SandboxFixture.start(
            postgres.getJdbcUrl("postgres", "postgres"),
            "postgres",
            "",
            b -> b.persistentCart(false));
  }

  @AfterAll
  static void stop() throws Exception {
    running.forEach(StorefrontProcess::close);
    if (store != null) {
      store.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  static StorefrontProcess[] startPair(Map<String, String> env) {
    CompletableFuture<StorefrontProcess> a =
        CompletableFuture.supplyAsync(
            () ->
                StorefrontProcess.start(
                    store, store.graphqlEndpoint(), env.get("AUTH_SECRET"), env));
    CompletableFuture<StorefrontProcess> b =
        CompletableFuture.supplyAsync(
            () ->
                StorefrontProcess.start(
                    store, store.graphqlEndpoint(), env.get("AUTH_SECRET"), env));
    StorefrontProcess[] pair = {a.join(), b.join()};
    running.add(pair[0]);
    running.add(pair[1]);
    assertThat(pair[0].port()).isNotEqualTo(pair[1].port());
    return pair;
  }

  static void stopPair(StorefrontProcess[] pair) {
    for (StorefrontProcess p : pair) {
      p.close();
      running.remove(p);
    }
  }

  static String kid(String token) {
    String header =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  static void add(ShopperClient s, int product) {
    ShopperClient.Response page = s.open("/product/" + product);
    assertThat(
            s.post(
                    "/cart/add",
                    Map.of(
                        "productEntityId",
                        String.valueOf(product),
                        "quantity",
                        "1",
                        "_csrf",
                        page.csrf()))
                .status())
        .isEqualTo(302);
  }

  @Test
  void shopperWhenAlternatingInstancesAndAfterSecretRotationThenStaysSignedInWithCart() {
    String oldKid = AuthJsKeys.kid(AuthJsKeys.derive(OLD, SESSION, 64));
    String newKid = AuthJsKeys.kid(AuthJsKeys.derive(NEW, SESSION, 64));
    StorefrontProcess[] pair = startPair(Map.of("AUTH_SECRET", OLD));

    ShopperClient customer = new ShopperClient(pair[0].baseUri());
    String email = "scale-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    ShopperClient.Response register = customer.open("/register");
    assertThat(
            customer
                .post(
                    "/register",
                    Map.of(
                        "firstName",
                        "Skadi",
                        "lastName",
                        "Scale",
                        "email",
                        email,
                        "password",
                        "Scale-Pass-12345",
                        "_csrf",
                        register.csrf()))
                .status())
        .isEqualTo(302);
    ShopperClient guest = new ShopperClient(pair[0].baseUri());
    int expectedCustomer = 0;
    int expectedGuest = 0;
    int hops = 0;
    for (int i = 0; i < 12; i++) {
      StorefrontProcess here = pair[i % 2];
      customer.moveTo(here.baseUri());
      guest.moveTo(here.baseUri());
      assertThat(customer.get("/api/auth/session").body())
          .as("hop %d on port %d", i, here.port())
          .contains("Skadi");
      assertThat(customer.get("/cart").cartCount())
          .as("customer cart, hop %d", i)
          .isEqualTo(expectedCustomer);
      assertThat(guest.get("/cart").cartCount())
          .as("guest cart, hop %d", i)
          .isEqualTo(expectedGuest);
      if (i % 3 == 0) {
        add(customer, 77);
        expectedCustomer++;
        add(guest, 78);
        expectedGuest++;
      }
      hops++;
    }
    String sessionBefore = customer.cookies().get(SESSION);
    assertThat(kid(sessionBefore)).isEqualTo(oldKid);
    Figures.print("scaleout.hops_between_instances", hops);

    // A session last issued more than a day ago (the update age): made with the old secret, as
    // yesterday's cookie.
    SessionCodec yesterday =
        new SessionCodec(KeyRing.of(OLD), Clock.offset(Clock.systemUTC(), Duration.ofHours(-25)));
    SessionClaims claims =
        new SessionCodec(KeyRing.of(OLD), Clock.systemUTC())
            .decode(sessionBefore, SESSION)
            .decodedClaims()
            .orElseThrow();
    ShopperClient returning = new ShopperClient(pair[1].baseUri());
    returning.cookies().put(SESSION, yesterday.encode(claims, SESSION));

    stopPair(pair);
    StorefrontProcess[] rotated = startPair(Map.of("AUTH_SECRET", NEW, "AUTH_SECRET_1", OLD));
    for (int i = 0; i < 4; i++) {
      StorefrontProcess here = rotated[i % 2];
      customer.moveTo(here.baseUri());
      guest.moveTo(here.baseUri());
      returning.moveTo(here.baseUri());
      assertThat(customer.get("/api/auth/session").body())
          .as("after rotation, hop %d", i)
          .contains("Skadi");
      assertThat(customer.get("/cart").cartCount())
          .as("customer cart after rotation")
          .isEqualTo(expectedCustomer);
      assertThat(guest.get("/cart").cartCount())
          .as("guest cart after rotation")
          .isEqualTo(expectedGuest);
      assertThat(returning.get("/api/auth/session").body()).contains("Skadi");
    }
    String reissued = returning.cookies().get(SESSION);
    assertThat(kid(reissued)).as("the due re-issue uses the new secret").isEqualTo(newKid);
    Figures.print("scaleout.reissued_kid_is_new", kid(reissued).equals(newKid));
    Figures.print(
        "scaleout.recent_session_kid_after_rotation",
        kid(customer.cookies().get(SESSION)).equals(newKid)
            ? "new"
            : "old (re-issued after the update age)");
    // The re-issued cookie is readable by the other rotated instance, and by nothing that knows
    // only the old secret.
    returning.moveTo(rotated[0].baseUri());
    assertThat(returning.get("/api/auth/session").body()).contains("Skadi");
    assertThat(
            new SessionCodec(KeyRing.of(OLD), Clock.systemUTC())
                .decode(reissued, SESSION)
                .isDecoded())
        .isFalse();
    // A new login after rotation is issued with the new key.
    ShopperClient fresh = new ShopperClient(rotated[1].baseUri());
    assertThat(
            fresh
                .submit("/login", "/login", Map.of("email", email, "password", "Scale-Pass-12345"))
                .status())
        .isEqualTo(302);
    assertThat(kid(fresh.cookies().get(SESSION))).isEqualTo(newKid);
    assertThat(store.cartCounts().lines()).isGreaterThanOrEqualTo(2);
  }
}
