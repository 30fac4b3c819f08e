package dev.storefrontsession.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like shopper over real HTTP: its own cookie jar for one origin, redirects followed only on request,
 * forms posted with the CSRF token of the page they are on. Not thread-safe (one shopper, one thread at a time).
 */
final class Shopper {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern CSRF_REVERSED = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"");
  private static final Pattern CART_COUNT = Pattern.compile("id=\"cart-count\"[^>]*>(\\d+)<");

  static final HttpClient SHARED = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  private final HttpClient http;
  private URI base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  Duration timeout = Duration.ofSeconds(60);

  Shopper(URI base) {
    this(base, SHARED);
  }

  Shopper(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** Points the shopper (and its cookies) at another instance of the same site. */
  void moveTo(URI other) {
    this.base = other;
  }

  record Page(int status, String body, HttpResponse<String> response, long millis) {
    String location() {
      return response.headers().firstValue("Location").orElse(null);
    }

    List<String> setCookies() {
      return response.headers().allValues("Set-Cookie");
    }

    String csrf() {
      Matcher m = CSRF.matcher(body);
      if (m.find()) {
        return m.group(1);
      }
      Matcher r = CSRF_REVERSED.matcher(body);
      if (r.find()) {
        return r.group(1);
      }
      throw new AssertionError("no _csrf field on the page (status " + status + ")");
    }

    int cartCount() {
      Matcher m = CART_COUNT.matcher(body);
      if (!m.find()) {
        throw new AssertionError("no cart count on the page (status " + status + ")");
      }
      return Integer.parseInt(m.group(1));
    }
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  Page open(String path) {
    return follow(get(path));
  }

  Page follow(Page page) {
    Page current = page;
    for (int i = 0; i < 10 && current.status() >= 300 && current.status() < 400 && current.location() != null; i++) {
      current = get(current.location());
    }
    return current;
  }

  /** Opens {@code pagePath}, then posts {@code form} to {@code action} with that page's CSRF token. */
  Page submit(String pagePath, String action, Map<String, String> form) {
    Page page = open(pagePath);
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", page.csrf());
    return post(action, fields);
  }

  Page post(String path, Map<String, String> form) {
    return post(path, form, Map.of());
  }

  Page post(String path, Map<String, String> form, Map<String, String> extraHeaders) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    extraHeaders.forEach(b::header);
    return send(b);
  }

  Page postJson(String path, String json) {
    return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  String cookieHeader() {
    return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  private URI resolve(String path) {
    return path.startsWith("http") ? URI.create(path) : base.resolve(path);
  }

  Page send(HttpRequest.Builder builder) {
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookieHeader());
    }
    headers.forEach(builder::header);
    builder.timeout(timeout);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        store(header);
      }
      return new Page(response.statusCode(), response.body(), response, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** True when the Set-Cookie header deletes its cookie. */
  static boolean isDeletion(String setCookie) {
    String[] parts = setCookie.split(";");
    int eq = parts[0].indexOf('=');
    if (parts[0].substring(eq + 1).trim().isEmpty()) {
      return true;
    }
    for (int i = 1; i < parts.length; i++) {
      String attr = parts[i].trim().toLowerCase(Locale.ROOT);
      if (attr.equals("max-age=0") || attr.startsWith("expires=thu, 01 jan 1970")
          || attr.startsWith("expires=thu, 01-jan-1970")) {
        return true;
      }
    }
    return false;
  }

  static String cookieName(String setCookie) {
    return setCookie.substring(0, setCookie.indexOf('=')).trim();
  }

  private void store(String setCookie) {
    String first = setCookie.split(";")[0];
    int eq = first.indexOf('=');
    String name = first.substring(0, eq).trim();
    if (isDeletion(setCookie)) {
      cookies.remove(name);
    } else {
      cookies.put(name, first.substring(eq + 1).trim());
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
