package dev.storefrontsession.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One shopper over real HTTP, as a browser of one origin would be, with nothing hidden from the
 * test: redirects are not followed unless asked ({@link #open}, {@link #follow}), cookies are kept
 * by hand in {@link #cookies()} (a Set-Cookie with an empty value, {@code Max-Age=0} or an expiry
 * in 1970 removes its cookie), forms are posted with the CSRF token of the page they are on ({@link
 * #submit}), and headers can be forged per request or, behind a proxy, in {@code X-Forwarded-For}
 * ({@link #forgeForwardedFor}). Not thread-safe: one shopper, one thread at a time.
 */
public final class ShopperClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern CSRF_REVERSED =
      Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"");
  private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
  private static final Pattern CART_COUNT = Pattern.compile("id=\"cart-count\"[^>]*>(\\d+)<");
  private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

  /**
   * One client for every shopper: cookies are sent by hand, so shoppers share nothing through it.
   * HTTP/1.1, as a browser speaks to a server without TLS (no h2c upgrade headers).
   */
  private static final HttpClient SHARED =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final HttpClient http;
  private URI base;

  /**
   * This shopper's IP as a proxy in front of the server would report it in {@code X-Forwarded-For}
   * (documentation range 198.51.100.0/24 and beyond, one per shopper), or null when the shopper
   * talks to the server directly.
   */
  private final @Nullable String ip;

  private @Nullable String forgedForwardedFor;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout = Duration.ofSeconds(60);

  /**
   * A shopper talking to {@code base} directly: no header is added but the cookies and the
   * caller's.
   */
  public ShopperClient(URI base) {
    this(base, SHARED, null);
  }

  /**
   * A shopper talking to {@code base} directly through {@code http} (its redirect policy is the
   * caller's).
   */
  public ShopperClient(URI base, HttpClient http) {
    this(base, http, null);
  }

  private ShopperClient(URI base, HttpClient http, @Nullable String ip) {
    this.base = base;
    this.http = http;
    this.ip = ip;
  }

  /**
   * A shopper as a browser behind the server's reverse proxy: it has an IP of its own, which the
   * proxy reports in {@code X-Forwarded-For} (servers throttle failed logins per IP, so test
   * shoppers must not share one), and accepts HTML as a browser does. A header the caller gives on
   * a request replaces either.
   */
  public static ShopperClient behindProxy(URI base) {
    int n = NEXT_IP.getAndIncrement();
    return new ShopperClient(base, SHARED, "198.51." + (100 + n / 250) + "." + (1 + n % 250));
  }

  /** One answer, exactly as the server sent it; header names are matched case-insensitively. */
  public record Response(int status, String body, HttpResponse<String> response, long millis) {

    public Map<String, List<String>> headers() {
      return response.headers().map();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public @Nullable String location() {
      return header("Location").orElse(null);
    }

    /** Every Set-Cookie header, in order. */
    public List<String> setCookies() {
      return response.headers().allValues("Set-Cookie");
    }

    /** The Set-Cookie headers for cookie {@code name} (exact name). */
    public List<String> setCookies(String name) {
      List<String> matching = new ArrayList<>();
      for (String header : setCookies()) {
        if (header.startsWith(name + "=")) {
          matching.add(header);
        }
      }
      return matching;
    }

    /** The last Set-Cookie header for cookie {@code name}. */
    public Optional<String> setCookie(String name) {
      List<String> matching = setCookies(name);
      return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** True when some Set-Cookie names a cookie starting with {@code prefix}. */
    public boolean setsCookieStartingWith(String prefix) {
      return setCookies().stream().anyMatch(h -> h.startsWith(prefix));
    }

    /** The value of the page's {@code _csrf} form field; fails the test when there is none. */
    public String csrf() {
      Matcher m = CSRF.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
      Matcher r = CSRF_REVERSED.matcher(body);
      if (r.find()) {
        return r.group(1);
      }
      throw new AssertionError("no _csrf field on the page (status " + status + "):\n" + body);
    }

    /**
     * The number in the storefront layout's cart badge ({@code id="cart-count"}); fails the test
     * when absent.
     */
    public int cartCount() {
      return ShopperClient.cartCount(body);
    }

    @Override
    public String toString() {
      return "Response["
          + status
          + ", location="
          + location()
          + ", setCookies="
          + setCookies().size()
          + ", body="
          + (body.length() > 200 ? body.substring(0, 200) : body)
          + "]";
    }
  }

  /**
   * This shopper's cookies, name to value (the live jar: tests may plant or remove cookies in it).
   */
  public Map<String, String> cookies() {
    return cookies;
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  public ShopperClient setCookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  public ShopperClient removeCookie(String name) {
    cookies.remove(name);
    return this;
  }

  /** The {@code Cookie} header this shopper sends ({@code name=value; …}). */
  public String cookieHeader() {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Headers sent on every request from now on (the live map). */
  public Map<String, String> headers() {
    return headers;
  }

  /** The time each request may take (60 s unless set). */
  public ShopperClient timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Points the shopper, with its cookies, at another instance of the same site. */
  public void moveTo(URI other) {
    this.base = other;
  }

  /**
   * From now on sends its own {@code X-Forwarded-For} value, which the proxy in front of the server
   * keeps and appends this shopper's IP to ({@link #behindProxy} shoppers only); null stops.
   */
  public void forgeForwardedFor(@Nullable String forged) {
    if (ip == null) {
      throw new IllegalStateException(
          "only a shopper behind a proxy (ShopperClient.behindProxy) has an IP to forge");
    }
    this.forgedForwardedFor = forged;
  }

  /** GET without following redirects; {@code headers} are name, value pairs. */
  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(resolve(path)).GET(), headers);
  }

  /** GET, following redirects (up to 10). */
  public Response open(String path) {
    return follow(get(path));
  }

  /** Follows {@code page}'s redirects (up to 10) with GETs. */
  public Response follow(Response page) {
    Response current = page;
    for (int i = 0;
        i < 10 && current.status() >= 300 && current.status() < 400 && current.location() != null;
        i++) {
      current = get(current.location());
    }
    return current;
  }

  /**
   * Opens {@code pagePath}, then posts {@code form} to {@code action} with that page's CSRF token.
   */
  public Response submit(String pagePath, String action, Map<String, String> form) {
    Response page = open(pagePath);
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", page.csrf());
    return post(action, fields);
  }

  /**
   * POSTs {@code form} URL-encoded (a null value is sent empty); {@code headers} are name, value
   * pairs.
   */
  public Response post(String path, Map<String, String> form, String... headers) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
        with(headers, "Content-Type", "application/x-www-form-urlencoded"));
  }

  /** POSTs {@code json}; {@code headers} are name, value pairs. */
  public Response postJson(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)),
        with(headers, "Content-Type", "application/json"));
  }

  /** Sends {@code builder}'s request with this shopper's cookies and headers. */
  public Response send(HttpRequest.Builder builder, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers are name, value pairs");
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookieHeader());
    }
    this.headers.forEach(builder::header);
    if (ip != null) {
      if (!given(headers, "Accept")) {
        builder.header("Accept", ACCEPT_HTML);
      }
      if (!given(headers, "X-Forwarded-For")) {
        builder.header(
            "X-Forwarded-For", forgedForwardedFor == null ? ip : forgedForwardedFor + ", " + ip);
      }
    }
    builder.timeout(timeout);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        store(header);
      }
      return new Response(
          response.statusCode(),
          response.body(),
          response,
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The number in the cart badge of a storefront page ({@code id="cart-count"}); fails the test
   * when absent.
   */
  public static int cartCount(String html) {
    Matcher m = CART_COUNT.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no cart count on the page:\n" + html);
    }
    return Integer.parseInt(m.group(1));
  }

  /** The name of the cookie a Set-Cookie header sets. */
  public static String cookieName(String setCookie) {
    return setCookie.substring(0, setCookie.indexOf('=')).trim();
  }

  /**
   * True when the Set-Cookie header deletes its cookie: an empty value, {@code Max-Age=0} or an
   * expiry in 1970.
   */
  public static boolean isDeletion(String setCookie) {
    String[] parts = setCookie.split(";");
    if (parts[0].substring(parts[0].indexOf('=') + 1).trim().isEmpty()) {
      return true;
    }
    for (int i = 1; i < parts.length; i++) {
      String attr = parts[i].trim().toLowerCase(Locale.ROOT);
      if (attr.equals("max-age=0")
          || attr.startsWith("expires=thu, 01 jan 1970")
          || attr.startsWith("expires=thu, 01-jan-1970")) {
        return true;
      }
    }
    return false;
  }

  /** {@code application/x-www-form-urlencoded} encoding; null is the empty string. */
  public static String encode(@Nullable String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private URI resolve(String path) {
    return path.startsWith("http") ? URI.create(path) : base.resolve(path);
  }

  private void store(String setCookie) {
    String first = setCookie.split(";")[0];
    String name = cookieName(first);
    if (isDeletion(setCookie)) {
      cookies.remove(name);
    } else {
      cookies.put(name, first.substring(first.indexOf('=') + 1).trim());
    }
  }

  private static boolean given(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static String[] with(String[] headers, String name, String value) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = name;
    all[headers.length + 1] = value;
    return all;
  }
}
