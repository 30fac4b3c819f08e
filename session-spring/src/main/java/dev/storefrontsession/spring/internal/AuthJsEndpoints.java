package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.JsonText;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.spring.SafeRedirects;
import dev.storefrontsession.spring.ShopperSignIn;
import dev.storefrontsession.spring.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auth.js-compatible endpoints under {@code /api/auth} (what {@code next-auth/react} calls), with
 * Auth.js's status codes, JSON shapes, headers and redirects; credentials sign-in via {@link
 * DefaultShopperSignIn}. Deviations from Auth.js: the customer access token is left out of {@code
 * GET session} unless configured; redirect targets are reduced to a path on this origin; the
 * session cookie rolls by update age. Thread-safe (stateless).
 */
@RestController
@RequestMapping("/api/auth")
public final class AuthJsEndpoints {

  static final String RETURN_REDIRECT_HEADER = "X-Auth-Return-Redirect";

  /** The {@code Cache-Control} of every answer that carries session data or a token. */
  private static final String NO_STORE = "private, no-cache, no-store";

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * The range of a JavaScript Date (±8.64e15 ms), beyond which {@code toISOString} has nothing to
   * write.
   */
  private static final Instant JS_DATE_MAX = Instant.ofEpochMilli(8_640_000_000_000_000L);

  private static final Instant JS_DATE_MIN = Instant.ofEpochMilli(-8_640_000_000_000_000L);

  private final ShopperSignIn signIn;
  private final JsonMapper json = JsonMapper.builder().build();

  public AuthJsEndpoints(ShopperSignIn signIn) {
    this.signIn = signIn;
  }

  /**
   * The session as Auth.js's {@code GET /api/auth/session} answers it, written straight to the
   * response: Catalyst's client asks for it on every page, and a {@code ResponseEntity} went
   * through MVC's return-value handlers and content negotiation, a quarter of this request's CPU
   * (JFR).
   */
  @GetMapping("/session")
  public void session(HttpServletRequest request, HttpServletResponse response) throws IOException {
    session(ShopperRequestState.of(request), response);
  }

  /** As {@link #session(HttpServletRequest, HttpServletResponse)}, for a state already found. */
  void session(ShopperRequestState state, HttpServletResponse response) throws IOException {
    writeNoCache(response, sessionJson(state));
  }

  @PostMapping("/session")
  public ResponseEntity<String> updateSession(HttpServletRequest request) throws IOException {
    ShopperRequestState state = ShopperRequestState.of(request);
    Map<String, Object> body = readBody(request);
    if (!state.verifyCsrf(string(body.get("csrfToken")))) {
      return noCache(HttpStatus.BAD_REQUEST, "null");
    }
    if (state.session().isEmpty()) {
      return noCache(HttpStatus.OK, "null");
    }
    if (body.get("data") instanceof Map<?, ?> data
        && data.get("user") instanceof Map<?, ?> user
        && user.containsKey("cartId")) {
      Object cartId = user.get("cartId");
      if (cartId == null || cartId instanceof String) {
        // Catalyst's jwt callback on update: cartId as sent; cartIds replaced when sent (an object
        // of strings or
        // null), else kept, so an update without the map does not wipe it
        SessionClaims claims = state.session().orElseThrow();
        Map<String, String> cartIds = ShopperRequestState.cartsOf(claims).cartIds();
        if (user.containsKey("cartIds")) {
          Object sent = user.get("cartIds");
          if (sent == null) {
            cartIds = null;
          } else if (sent instanceof Map<?, ?> map
              && map.values().stream().allMatch(String.class::isInstance)) {
            Map<String, String> replaced = new LinkedHashMap<>();
            map.forEach((channel, cart) -> replaced.put(String.valueOf(channel), (String) cart));
            cartIds = replaced;
          }
        }
        state.setSessionCarts(new ChannelCarts((String) cartId, cartIds));
      }
    }
    return noCache(HttpStatus.OK, sessionJson(state));
  }

  @GetMapping("/csrf")
  public void csrf(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String token = ShopperRequestState.of(request).ensureCsrfToken();
    writeNoCache(response, JsonText.stringify(Map.of("csrfToken", token)));
  }

  @GetMapping("/providers")
  public ResponseEntity<String> providers(HttpServletRequest request) {
    String base = ShopperRequestState.of(request).origin() + "/api/auth";
    Map<String, Object> providers = new LinkedHashMap<>();
    for (String id : new String[] {"password", "jwt"}) {
      Map<String, Object> provider = new LinkedHashMap<>();
      provider.put("id", id);
      provider.put("name", "Credentials");
      provider.put("type", "credentials");
      provider.put("signinUrl", base + "/signin/" + id);
      provider.put("callbackUrl", base + "/callback/" + id);
      providers.put(id, provider);
    }
    return json(HttpStatus.OK, write(providers));
  }

  @GetMapping("/signin")
  public ResponseEntity<String> signInPage(HttpServletRequest request) {
    ShopperRequestState state = ShopperRequestState.of(request);
    String callback =
        state.origin() + SafeRedirects.pathAndQuery(request.getParameter("callbackUrl"));
    return redirect(
        state.settings().signInPage()
            + "?callbackUrl="
            + URLEncoder.encode(callback, StandardCharsets.UTF_8));
  }

  /**
   * Auth.js answers a POST to a credentials provider's sign-in URL with a redirect to its sign-in
   * page.
   */
  @PostMapping("/signin/{provider}")
  public ResponseEntity<String> signInPost(HttpServletRequest request) {
    return signInPage(request);
  }

  /** Auth.js's error page: this storefront shows errors on its sign-in page. */
  @GetMapping("/error")
  public ResponseEntity<String> errorPage(HttpServletRequest request) {
    String error = request.getParameter("error");
    boolean known = error != null && error.matches("[A-Za-z]{1,40}");
    return redirect(
        ShopperRequestState.of(request).settings().signInPage()
            + "?error="
            + (known ? error : "Configuration"));
  }

  /** Catalyst's {@code pages.signOut}: the storefront's logout route. */
  @GetMapping("/signout")
  public ResponseEntity<String> signOutPage() {
    return redirect("/logout");
  }

  @PostMapping("/callback/{provider}")
  public ResponseEntity<String> callback(
      @PathVariable("provider") String provider, HttpServletRequest request) throws IOException {
    ShopperRequestState state = ShopperRequestState.of(request);
    Map<String, Object> body = readBody(request);
    boolean returnUrl = request.getHeader(RETURN_REDIRECT_HEADER) != null;
    if (!"password".equals(provider) && !"jwt".equals(provider)) {
      return redirectOrUrl(returnUrl, state.origin() + "/api/auth/error?error=Configuration");
    }
    if (!state.verifyCsrf(string(body.get("csrfToken")))) {
      return redirectOrUrl(returnUrl, signInError(state, "MissingCSRF", null));
    }
    String bodyCartId = string(body.get("cartId"));
    SignInResult result;
    if (signIn instanceof DefaultShopperSignIn defaults) {
      result =
          "password".equals(provider)
              ? defaults.signInWithPassword(
                  string(body.get("email")),
                  string(body.get("password")),
                  bodyCartId,
                  string(body.get("channelId")))
              : defaults.signInWithCustomerLoginJwt(string(body.get("jwt")), bodyCartId);
    } else {
      result =
          "password".equals(provider)
              ? signIn.signInWithPassword(string(body.get("email")), string(body.get("password")))
              : signIn.signInWithCustomerLoginJwt(string(body.get("jwt")));
    }
    if (result instanceof SignInResult.Success success) {
      String callbackUrl = string(body.get("callbackUrl"));
      String target =
          callbackUrl != null && !callbackUrl.isBlank()
              ? SafeRedirects.pathAndQuery(callbackUrl)
              : success.redirectTo();
      return redirectOrUrl(returnUrl, state.origin() + target);
    }
    SignInResult.Failure failure = (SignInResult.Failure) result;
    String url =
        switch (failure.reason()) {
          case INVALID_CREDENTIALS -> signInError(state, "CredentialsSignin", "credentials");
          case RESET_PASSWORD_REQUIRED ->
              signInError(state, "CredentialsSignin", "reset_password_required");
          case TOO_MANY_ATTEMPTS -> signInError(state, "CredentialsSignin", "too_many_attempts");
          case INVALID_TOKEN -> signInError(state, "CredentialsSignin", "invalid_token");
          case UPSTREAM_UNAVAILABLE -> {
            state.markUpstreamFailure();
            yield signInError(state, "Configuration", null);
          }
        };
    return redirectOrUrl(returnUrl, url);
  }

  @PostMapping("/signout")
  public ResponseEntity<String> signOut(HttpServletRequest request) throws IOException {
    ShopperRequestState state = ShopperRequestState.of(request);
    Map<String, Object> body = readBody(request);
    boolean returnUrl = request.getHeader(RETURN_REDIRECT_HEADER) != null;
    if (!state.verifyCsrf(string(body.get("csrfToken")))) {
      return redirectOrUrl(returnUrl, signInError(state, "MissingCSRF", null));
    }
    signIn.signOut();
    return redirectOrUrl(
        returnUrl, state.origin() + SafeRedirects.pathAndQuery(string(body.get("callbackUrl"))));
  }

  // ---- shapes
  // ------------------------------------------------------------------------------------------------

  private String sessionJson(ShopperRequestState state) {
    SessionClaims claims = state.session().orElse(null);
    if (claims == null) {
      return "null";
    }
    Map<String, Object> user = new LinkedHashMap<>();
    putIfPresent(user, "name", claims.name());
    putIfPresent(user, "email", claims.email());
    putIfPresent(user, "image", claims.picture());
    SessionUser sessionUser = claims.user().orElse(null);
    if (sessionUser != null) {
      if (state.settings().exposeCustomerAccessToken()) {
        sessionUser
            .customerAccessToken()
            .ifPresent(cat -> user.put("customerAccessToken", cat.value()));
      }
      if (sessionUser.hasCartId()) {
        user.put("cartId", sessionUser.cartId());
      }
      if (sessionUser.cartIds() != null) {
        user.put("cartIds", sessionUser.cartIds());
      }
      putIfPresent(user, "firstName", sessionUser.firstName());
      putIfPresent(user, "lastName", sessionUser.lastName());
    }
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("user", user);
    // a cookie's exp may be any number (Auth.js accepts it): shown within what a JavaScript Date
    // can hold
    Instant expires = state.sessionExpiry().orElse(Instant.EPOCH);
    expires =
        expires.isAfter(JS_DATE_MAX)
            ? JS_DATE_MAX
            : expires.isBefore(JS_DATE_MIN) ? JS_DATE_MIN : expires;
    session.put("expires", isoMillis(expires));
    // as Auth.js's JSON.stringify writes it (lone surrogates escaped, too)
    return JsonText.stringify(session);
  }

  /** 9999-12-31T23:59:59Z + 1 s: the end of the years written with four digits. */
  private static final long FOUR_DIGIT_YEARS_END = 253_402_300_800L;

  /**
   * {@code expires} as Auth.js writes it ({@code Date#toISOString}, e.g. {@code
   * 2026-12-05T10:15:30.123Z}): the years 1970 to 9999 written here (every answer of {@code GET
   * /api/auth/session}; the formatter was 1 % of its CPU samples), any other by {@link
   * #ISO_MILLIS}.
   */
  static String isoMillis(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= FOUR_DIGIT_YEARS_END) {
      return ISO_MILLIS.format(instant);
    }
    java.time.LocalDateTime t =
        java.time.LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
    char[] out = new char[24];
    digits(out, 0, t.getYear(), 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    out[19] = '.';
    digits(out, 20, instant.getNano() / 1_000_000, 3);
    out[23] = 'Z';
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String signInError(ShopperRequestState state, String error, String code) {
    return state.origin()
        + state.settings().signInPage()
        + "?error="
        + error
        + (code == null ? "" : "&code=" + code);
  }

  private ResponseEntity<String> redirectOrUrl(boolean returnUrl, String url) {
    return returnUrl ? json(HttpStatus.OK, write(Map.of("url", url))) : redirect(url);
  }

  private static ResponseEntity<String> redirect(String location) {
    return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
  }

  private static ResponseEntity<String> json(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * A 200 with a JSON body and the headers of {@link #noCache}, whatever the request's {@code
   * Accept} (as Auth.js answers).
   */
  private static void writeNoCache(HttpServletResponse response, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
    response.setHeader(HttpHeaders.EXPIRES, "0");
    response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static ResponseEntity<String> noCache(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .header(HttpHeaders.EXPIRES, "0")
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(body);
  }

  private String write(Object value) {
    return json.writeValueAsString(value);
  }

  /** The request's fields: a JSON object body, else the form (or query) parameters. */
  private Map<String, Object> readBody(HttpServletRequest request) throws IOException {
    String contentType = request.getContentType();
    if (contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      try (InputStream in = request.getInputStream()) {
        byte[] bytes = in.readNBytes(64 * 1024);
        if (bytes.length == 0) {
          return Map.of();
        }
        Object parsed = json.readValue(bytes, Object.class);
        if (parsed instanceof Map<?, ?> map) {
          Map<String, Object> fields = new LinkedHashMap<>();
          map.forEach((k, v) -> fields.put(String.valueOf(k), v));
          return fields;
        }
        return Map.of();
      } catch (JacksonException malformed) {
        return Map.of();
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> fields.put(k, v.length == 0 ? null : v[0]));
    return fields;
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }
}
