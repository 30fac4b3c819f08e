package dev.storefrontsession.spring.testing;

import java.io.IOException;
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
import java.util.stream.Collectors;

/**
 * A minimal browser over the JDK HttpClient: no redirects followed, cookies kept by hand (a Set-Cookie with
 * {@code Max-Age=0} or an empty value removes the cookie), so tests see every header exactly.
 */
public final class Browser {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final URI base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(URI base) {
    this.base = base;
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  public Browser setCookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  public Browser removeCookie(String name) {
    cookies.remove(name);
    return this;
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
  }

  public Response postForm(String path, Map<String, String> form, String... headers) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    String[] all = concat(headers, "Content-Type", "application/x-www-form-urlencoded");
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), all);
  }

  public Response postJson(String path, String json, String... headers) {
    String[] all = concat(headers, "Content-Type", "application/json");
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)), all);
  }

  private static String[] concat(String[] headers, String name, String value) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = name;
    all[headers.length + 1] = value;
    return all;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  private Response send(HttpRequest.Builder builder, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      List<String> setCookies = response.headers().allValues("Set-Cookie");
      for (String header : setCookies) {
        apply(header);
      }
      return new Response(response.statusCode(), response.headers().map(), response.body(), setCookies);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void apply(String header) {
    String[] parts = header.split(";");
    int eq = parts[0].indexOf('=');
    String name = parts[0].substring(0, eq).trim();
    String value = parts[0].substring(eq + 1).trim();
    boolean delete = value.isEmpty();
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].trim().toLowerCase(Locale.ROOT).equals("max-age=0")) {
        delete = true;
      }
    }
    if (delete) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  /** One response; header names are matched case-insensitively. */
  public record Response(int status, Map<String, List<String>> headers, String body, List<String> setCookies) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String location() {
      return header("Location").orElse(null);
    }

    /** The Set-Cookie headers for cookie {@code name} (exact name). */
    public List<String> setCookies(String name) {
      List<String> matching = new ArrayList<>();
      for (String header : setCookies) {
        if (header.startsWith(name + "=")) {
          matching.add(header);
        }
      }
      return matching;
    }

    public Optional<String> setCookie(String name) {
      List<String> matching = setCookies(name);
      return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** True when some Set-Cookie names a cookie starting with {@code prefix}. */
    public boolean setsCookieStartingWith(String prefix) {
      return setCookies.stream().anyMatch(h -> h.startsWith(prefix));
    }

    @Override
    public String toString() {
      return "Response[" + status + ", location=" + location() + ", setCookies=" + setCookies.size() + ", body="
          + (body.length() > 200 ? body.substring(0, 200) : body) + "]";
    }
  }
}
