package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad documents get BigCommerce's answers, never a 500: GraphQL validation errors, the depth (16)
 * and complexity (10,000) limits, and a clear 404 for another store's or channel's host name.
 */
class BadInputTest {

  static SandboxServer server;
  static SandboxHttp http;

  @BeforeAll
  static void start() {
    server = Fixture.start();
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void documentWhenSyntaxBrokenThenGraphQlErrorWithHttp200() {
    SandboxHttp.Response r = http.request("{ site { settings { storeName }").send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.firstErrorMessage()).containsIgnoringCase("invalid syntax");
  }

  @Test
  void documentWhenUnknownFieldOrTypeThenValidationErrorWithHttp200() {
    SandboxHttp.Response r =
        http.request("query Q($x: NoSuchInput) { site { noSuchField } customer { password } }")
            .send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("errors").size()).isGreaterThanOrEqualTo(2);
    assertThat(r.body().toString()).contains("noSuchField").contains("password");
    assertThat(r.body().has("data")).isFalse();
  }

  @Test
  void queryWhenSixteenLevelsDeepThenRunsAndSeventeenThenRejected() {
    SandboxHttp.Response ok = http.request(categoryTree(13)).send();
    SandboxHttp.Response deep = http.request(categoryTree(14)).send();

    assertThat(ok.body().has("errors")).as(ok.body().toString()).isFalse();
    assertThat(deep.status()).isEqualTo(200);
    assertThat(deep.firstErrorMessage()).contains("too deep").contains("17").contains("16");
    assertThat(deep.body().has("data")).isFalse();
  }

  /** {@code site { categoryTree { children { ... name } } } }: 3 + {@code children} levels deep. */
  private static String categoryTree(int children) {
    return "{ site { categoryTree { "
        + "children { ".repeat(children)
        + "name"
        + " }".repeat(children)
        + " } } }";
  }

  @Test
  void queryWhenComplexityOverTenThousandThenBigCommercesError() {
    String ten = "storeName storeHash status channelId ".repeat(2) + "storeName storeHash";
    String document =
        "{ site { settings { ...F4 } } }\n"
            + "fragment F1 on Settings { "
            + ten
            + " }\n"
            + "fragment F2 on Settings { "
            + "...F1 ".repeat(10)
            + "}\n"
            + "fragment F3 on Settings { "
            + "...F2 ".repeat(10)
            + "}\n"
            + "fragment F4 on Settings { "
            + "...F3 ".repeat(11)
            + "}\n";

    SandboxHttp.Response r = http.request(document).send();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.firstErrorMessage())
        .isEqualTo(
            "The query is too complex as it has a complexity score of 10001 out"
                + " of 10000. Please remove some elements and try again");
    assertThat(r.header("x-bc-graphql-complexity")).isEqualTo("10001");
  }

  @Test
  void hostWhenAnotherChannelOrStoreThenNotFoundSayingWhatIsServed() throws IOException {
    String hash = server.settings().storeHash();
    long channel = server.settings().channelId();

    String other = post("store-" + hash + "-99.mybigcommerce.com");
    String otherStore = post("store-zzzz9-" + channel + ".mybigcommerce.com");
    String same = post("store-" + hash + "-" + channel + ".mybigcommerce.com");
    String french = post("store-" + hash + "-2.mybigcommerce.com");

    assertThat(other)
        .startsWith("HTTP/1.1 404")
        .contains("Unknown channel: 99")
        .contains("serves store " + hash + ", channels 1, 2");
    assertThat(otherStore).startsWith("HTTP/1.1 404").contains("Unknown store: zzzz9");
    assertThat(same).startsWith("HTTP/1.1 200").contains("storeName");
    assertThat(french).startsWith("HTTP/1.1 200").contains("storeName");
  }

  /** A raw HTTP/1.1 POST with the given Host (the JDK client does not let a caller set it). */
  private static String post(String host) throws IOException {
    String body = "{\"query\":\"{ site { settings { storeName } } }\"}";
    try (Socket socket = new Socket("127.0.0.1", server.graphqlEndpoint().getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /graphql HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAuthorization: Bearer "
                  + server.settings().storefrontToken()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\nConnection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
