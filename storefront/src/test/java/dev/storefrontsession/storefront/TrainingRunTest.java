package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

  @Test
  void visitWhenStorefrontRunsThenEveryFirstPageAnswers200() {
    try (RunningStorefront storefront = RunningStorefront.start(false)) {
      assertThatCode(() -> TrainingRun.visit(storefront.baseUri())).doesNotThrowAnyException();
    }
  }

  @Test
  void visitWhenAPageDoesNotAnswer200ThenFailsNamingIt() throws Exception {
    HttpServer notAStorefront = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    notAStorefront.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    notAStorefront.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + notAStorefront.getAddress().getPort());
      assertThatThrownBy(() -> TrainingRun.visit(base))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("training run: GET / answered 404");
    } finally {
      notAStorefront.stop(0);
    }
  }
}
