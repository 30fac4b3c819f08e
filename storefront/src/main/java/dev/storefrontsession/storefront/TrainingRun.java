package dev.storefrontsession.storefront;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The class-data training run of {@code bin/storefront} ({@code --storefront.training-run=true}
 * under {@code -XX:ArchiveClassesAtExit}): once started, the storefront visits its own first pages
 * as a new shopper would, so that the classes of a first page view (templates, session cookies, the
 * sandbox's GraphQL execution) are in the archive too, then exits. Without these visits the archive
 * would hold only the classes of the context start, and every fresh start would load the rest from
 * the jars while the first shopper waits.
 */
final class TrainingRun {

  /** The pages a first-time visitor sees; each must answer 200. */
  static final List<String> PAGES = List.of("/", "/login", "/register", "/cart", "/");

  private TrainingRun() {}

  /**
   * Visits {@link #PAGES} on the storefront at {@code baseUri} with one cookie jar (the second
   * visit of {@code /} carries the anonymous session made by the first).
   *
   * @throws IllegalStateException when a page does not answer 200
   */
  static void visit(URI baseUri) throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (String page : PAGES) {
      HttpRequest request =
          HttpRequest.newBuilder(baseUri.resolve(page)).timeout(Duration.ofSeconds(30)).build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("training run: GET " + page + " answered " + status);
      }
    }
  }
}
