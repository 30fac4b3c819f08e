package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefrontsession.testing.ShopperClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cookie names are hostile input too: a name that starts with a session cookie's name but cannot be
 * a cookie name (a sibling subdomain can plant one for a victim) must not break any page, any
 * {@code /api/auth/*} endpoint or a sign-in, and must never be echoed into a {@code Set-Cookie}.
 */
class HostileCookieNamesTest {

  static final String SESSION = "authjs.session-token";

  /**
   * Names a browser or a planted cookie can carry that are not RFC 6265 tokens; all start with a
   * session name.
   */
  static final List<String> HOSTILE_NAMES = hostileNames();

  static final List<String> PAGES =
      List.of(
          "/",
          "/category/21",
          "/product/77",
          "/cart",
          "/login",
          "/register",
          "/login/forgot-password",
          "/account/orders",
          "/account/profile",
          "/logout",
          "/no-such-page",
          "/api/auth/session",
          "/api/auth/csrf",
          "/api/auth/providers",
          "/api/auth/signin",
          "/api/auth/signout");

  static RunningStorefront app;

  @BeforeAll
  static void start() {
    app = RunningStorefront.start(true);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static List<String> hostileNames() {
    List<String> names = new ArrayList<>();
    for (String base : List.of(SESSION, "authjs.anonymous-session-token", "authjs.csrf-token")) {
      for (char c : "()<>@,:\\\"/[]?{}".toCharArray()) {
        names.add(base + c);
        names.add(base + c + "x");
      }
      names.add(base + "[0]");
      names.add(base + " x");
      names.add(base + ".0 x");
      names.add(base + "\tx");
      names.add(base + "é");
    }
    return List.copyOf(names);
  }

  @Test
  void pagesWhenCookieNamesAreNotValidCookieNamesThenAnsweredNormallyAndNeverEchoed() {
    List<String> problems = new ArrayList<>();
    ShopperClient shopper =
        app.shopper(); // one client: each request carries only the hostile cookie
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      String name = HOSTILE_NAMES.get(i);
      for (int k = 0; k < 4; k++) { // each name on 4 pages, each page with a quarter of the names
        String path = PAGES.get((4 * i + k) % PAGES.size());
        shopper.cookies().clear();
        shopper.cookies().put(name, "x");
        ShopperClient.Response page = shopper.get(path);
        if (page.status() >= 500) {
          problems.add("GET " + path + " with cookie name '" + name + "' -> " + page.status());
        }
        if (echoes(page, name)) {
          problems.add("GET " + path + " echoes cookie name '" + name + "': " + page.setCookies());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void signInWhenHostileCookieNamePlantedThenSignsInAndStaysSignedIn() {
    for (String name : List.of(SESSION + "[0]", SESSION + "(", SESSION + " x", SESSION + "\"")) {
      ShopperClient shopper = app.shopper();
      shopper.cookies().put(name, "x");
      ShopperClient.Response login = Shop.login(shopper, Shop.SHOPPER, Shop.SHOPPER_PASSWORD);
      assertThat(login.status())
          .as("login with '%s' planted: %s", name, login.body())
          .isEqualTo(302);
      assertThat(login.location()).endsWith("/account/orders");
      assertThat(echoes(login, name))
          .as("login echoes '%s': %s", name, login.setCookies())
          .isFalse();
      assertThat(shopper.cookies()).containsKey(SESSION).containsKey(name);
      ShopperClient.Response orders = shopper.get("/account/orders");
      assertThat(orders.status()).as("signed-in page with '%s' planted", name).isEqualTo(200);
      assertThat(shopper.get("/api/auth/session").body()).contains(Shop.SHOPPER);
    }
  }

  @Test
  void authJsSignInWhenHostileCookieNamePlantedThenSignsIn() {
    ShopperClient shopper = app.shopper();
    shopper.cookies().put(SESSION + "[0]", "x");
    String csrf =
        shopper.get("/api/auth/csrf").body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
    ShopperClient.Response callback =
        shopper.post(
            "/api/auth/callback/password",
            Map.of("email", Shop.SHOPPER, "password", Shop.SHOPPER_PASSWORD, "csrfToken", csrf));
    assertThat(callback.status()).as(callback.body()).isEqualTo(302);
    assertThat(callback.location()).doesNotContain("error");
    assertThat(echoes(callback, SESSION + "[0]")).isFalse();
    assertThat(shopper.get("/api/auth/session").body()).contains(Shop.SHOPPER);
    ShopperClient.Response signout = shopper.post("/api/auth/signout", Map.of("csrfToken", csrf));
    assertThat(signout.status()).isLessThan(500);
    assertThat(echoes(signout, SESSION + "[0]")).isFalse();
    assertThat(shopper.get("/api/auth/session").body().strip()).isEqualTo("null");
  }

  /**
   * Every byte value after a session cookie's name, as raw bytes on the wire (no client refuses any
   * of them).
   */
  @Test
  void requestsWhenEveryByteValueInACookieNameThenNoServerError() {
    List<String> problems = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      for (String path : List.of("/", "/api/auth/session")) {
        byte[] header = (SESSION + "\u0000x=x").getBytes(StandardCharsets.ISO_8859_1);
        header[SESSION.length()] = (byte) b;
        RawResponse response = rawGet(path, header);
        if (response.status() >= 500 || response.status() == 0) {
          problems.add(
              "byte 0x" + Integer.toHexString(b) + " " + path + " -> " + response.status());
        }
        for (String setCookie : response.setCookies()) {
          String setName = setCookie.substring(0, Math.max(0, setCookie.indexOf('=')));
          if (!setName.chars().allMatch(HostileCookieNamesTest::isTokenChar) || setName.isEmpty()) {
            problems.add("byte 0x" + Integer.toHexString(b) + " " + path + " sets " + setCookie);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** RFC 6265's cookie-name: an RFC 7230 token. */
  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  private static boolean echoes(ShopperClient.Response page, String name) {
    return page.setCookies().stream().anyMatch(c -> c.startsWith(name + "="));
  }

  record RawResponse(int status, List<String> setCookies) {}

  /**
   * Thousands of cookies named after the session cookie, some not valid names, with and without the
   * flash message cookie (whose presence makes the storefront ask the container for its parsed
   * cookies, which it limits).
   */
  @Test
  void requestsWhenThousandsOfCookiesThenNoServerErrorAndBoundedDeletions() {
    for (String flash : List.of("", "toast-notification=signed-in; ")) {
      for (String form : List.of(SESSION + ".%d=x", SESSION + "[%d]=x", SESSION + "=%d")) {
        StringBuilder header = new StringBuilder(flash);
        for (int i = 0; i < 2_000; i++) {
          header.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, form, i));
        }
        for (String path : List.of("/", "/api/auth/session", "/account/orders")) {
          RawResponse response =
              rawGet(path, header.toString().getBytes(StandardCharsets.ISO_8859_1));
          assertThat(response.status()).as("%s %s", form, path).isBetween(200, 499);
          assertThat(response.setCookies())
              .as("%s %s", form, path)
              .hasSizeLessThanOrEqualTo(40)
              .noneMatch(c -> c.startsWith(SESSION + "["));
        }
      }
    }
  }

  /** One GET on its own connection with {@code Cookie: <header>}, written byte for byte. */
  private static RawResponse rawGet(String path, byte[] cookieHeader) {
    try (Socket socket = new Socket(app.baseUri().getHost(), app.baseUri().getPort())) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: ")
              .getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes(cookieHeader);
      request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      String[] lines = (end < 0 ? head : head.substring(0, end)).split("\r\n");
      if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
        return new RawResponse(0, List.of());
      }
      List<String> setCookies = new ArrayList<>();
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie:")) {
          setCookies.add(line.substring("set-cookie:".length()).strip());
        }
      }
      return new RawResponse(Integer.parseInt(lines[0].substring(9, 12)), setCookies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
