package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding: endpoint, isolation from the host JVM, several instances, file database, shutdown. */
class SandboxServerTest {

  @Test
  void startWhenPortZeroThenLoopbackEndpointOnTheBoundPort() {
    try (SandboxServer server = Fixture.start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.graphqlEndpoint().toString())
          .isEqualTo("http://127.0.0.1:" + server.port() + "/graphql");
      assertThat(
              new SandboxHttp(server)
                  .request("{ site { settings { channelId } } }")
                  .send()
                  .at("/data/site/settings/channelId")
                  .asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void startWhenHostSystemPropertiesSetThenSandboxIgnoresThem() {
    System.setProperty("server.port", "1");
    System.setProperty("server.address", "0.0.0.0");
    System.setProperty("spring.config.name", "host-app");
    try (SandboxServer server = Fixture.start()) {
      assertThat(server.port()).isNotEqualTo(1);
      assertThat(
              new SandboxHttp(server)
                  .request("{ site { settings { storeHash } } }")
                  .send()
                  .status())
          .isEqualTo(200);
    } finally {
      System.clearProperty("server.port");
      System.clearProperty("server.address");
      System.clearProperty("spring.config.name");
    }
  }

  @Test
  void startWhenTwoInstancesThenEachHasItsOwnDataAndCredentials() {
    try (SandboxServer a = Fixture.start(b -> b.storeHash("storea").storefrontToken("token-a"));
        SandboxServer b = Fixture.start(x -> x.storeHash("storeb").storefrontToken("token-b"))) {
      SandboxHttp httpA = new SandboxHttp(a);
      SandboxHttp httpB = new SandboxHttp(b);
      httpA
          .request(Documents.REGISTER)
          .variable(
              "input",
              Map.of(
                  "firstName",
                  "Only",
                  "lastName",
                  "A",
                  "email",
                  "only-a@example.com",
                  "password",
                  "Only-A-Pass-1"))
          .send();
      assertThat(Fixture.cat(httpA, "only-a@example.com", "Only-A-Pass-1")).isNotBlank();
      assertThat(
              httpB
                  .request(Documents.LOGIN)
                  .variable("email", "only-a@example.com")
                  .variable("password", "Only-A-Pass-1")
                  .send()
                  .firstErrorMessage())
          .isEqualTo("Invalid credentials");
      assertThat(
              httpB
                  .request("{ site { settings { storeHash } } }")
                  .bearer("token-a")
                  .send()
                  .status())
          .isEqualTo(401);
      assertThat(
              httpB
                  .request("{ site { settings { storeHash } } }")
                  .send()
                  .at("/data/site/settings/storeHash")
                  .asString())
          .isEqualTo("storeb");
    }
  }

  @Test
  void startWhenDataDirectoryThenDataSurvivesARestart(@TempDir Path dir) {
    try (SandboxServer first = Fixture.start(b -> b.dataDirectory(dir))) {
      new SandboxHttp(first)
          .request(Documents.REGISTER)
          .variable(
              "input",
              Map.of(
                  "firstName",
                  "Per",
                  "lastName",
                  "Sistent",
                  "email",
                  "persist@example.com",
                  "password",
                  "Persist-Pass-1"))
          .send();
    }
    assertThat(dir.resolve("sandbox.mv.db")).exists();
    try (SandboxServer second = Fixture.start(b -> b.dataDirectory(dir))) {
      assertThat(Fixture.cat(new SandboxHttp(second), "persist@example.com", "Persist-Pass-1"))
          .isNotBlank();
    }
  }

  @Test
  void closeWhenCalledThenPortReleasedAndSecondCloseHarmless() throws IOException {
    SandboxServer server = Fixture.start();
    int port = server.port();
    server.close();
    server.close();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void startWhenPortTakenThenClearError() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Fixture.start(b -> b.port(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("sandbox failed to start");
    }
  }

  @Test
  void classpathWhenSandboxOnItThenNoApplicationConfigAtTheRoot() {
    ClassLoader loader = SandboxServer.class.getClassLoader();
    for (String name :
        new String[] {
          "application.properties",
          "application.yml",
          "application.yaml",
          "db/migration/V1__schema.sql",
          "graphql/storefront.graphqls",
          "graphql/schema.graphqls"
        }) {
      assertThat(loader.getResource(name)).as(name).isNull();
    }
    assertThat(loader.getResource("sandbox/graphql/storefront.graphqls")).isNotNull();
    assertThat(loader.getResource("sandbox/db/migration/V1__schema.sql")).isNotNull();
  }

  @Test
  void passwordResetMessagesWhenNoneRequestedThenEmpty() {
    try (SandboxServer server = Fixture.start()) {
      assertThat(server.sentPasswordResetMessages()).isEmpty();
    }
  }
}
