package dev.storefrontsession.storefront;

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
 * Test fixture: one browser-like shopper over real HTTP — its own cookie jar, redirects followed on request only, and
 * forms posted with the CSRF token read from the page they are on.
 */
final class ShopperClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_REVERSED = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_IP = new java.util.concurrent.atomic.AtomicInteger(1);

    private final URI base;
    /**
     * This shopper's IP as a proxy in front of the storefront would report it: the store throttles failed logins per
     * IP, so each test shopper has its own (documentation range 198.51.100.0/24 and beyond).
     */
    private final String ip;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** What this shopper itself puts in front of its IP in X-Forwarded-For (a proxy appends the real one), or null. */
    private String forgedForwardedFor;
    /** Cookie name → value; host-only cookies of the one storefront origin. */
    final Map<String, String> cookies = new LinkedHashMap<>();

    ShopperClient(URI base) {
        this.base = base;
        int n = NEXT_IP.getAndIncrement();
        this.ip = "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    record Page(int status, String body, HttpResponse<String> response) {
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
            throw new AssertionError("no _csrf field on the page:\n" + body);
        }
    }

    /**
     * From now on sends its own {@code X-Forwarded-For} value, which the proxy in front of the storefront keeps and
     * appends this shopper's real IP to; null stops.
     */
    void forgeForwardedFor(String forged) {
        this.forgedForwardedFor = forged;
    }

    /** GET without following redirects. */
    Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** GET, following redirects (up to 10). */
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
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : base.resolve(path);
    }

    private Page send(HttpRequest.Builder builder) {
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        builder.timeout(Duration.ofSeconds(30));
        builder.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        builder.header("X-Forwarded-For", forgedForwardedFor == null ? ip : forgedForwardedFor + ", " + ip);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                store(header);
            }
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean delete = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attr = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attr.equals("max-age=0") || attr.startsWith("expires=thu, 01 jan 1970") || attr.startsWith("expires=thu, 01-jan-1970")) {
                delete = true;
            }
        }
        if (delete) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
