package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development jar ({@code storefront-<version>-dev.jar}, what {@code bin/storefront} runs)
 * beside the production jar: it has the sandbox and the adapter that embeds it, and with no store
 * configured it starts the demo store in its own process and serves the catalog from it.
 */
class DevelopmentJarTest {

  static Path devJar() {
    Path production = StorefrontProcess.jar();
    String name = production.getFileName().toString();
    return production.resolveSibling(name.substring(0, name.length() - 4) + "-dev.jar");
  }

  @Test
  void devJarWhenListedThenHasTheSandboxAndTheAdapterThatEmbedsIt() throws Exception {
    List<String> entries = ProductionJarTest.entries(devJar());
    assertThat(entries)
        .anyMatch(e -> e.endsWith("dev/storefrontsession/sandbox/SandboxServer.class"))
        .anyMatch(e -> e.endsWith("sandbox/db/migration/V1__schema.sql"))
        .contains(
            "BOOT-INF/classes/dev/storefrontsession/storefront/embedded/EmbeddedSandbox.class",
            "BOOT-INF/classes/META-INF/services/"
                + "dev.storefrontsession.storefront.internal.EmbeddedStore$Starter");
  }

  @Test
  void devJarWhenNoStoreConfiguredThenStartsTheEmbeddedSandboxAndServesTheCatalog(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("storefront.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                devJar().toString(),
                "--server.port=0",
                "--storefront.sandbox.in-memory=true")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    StorefrontProcess.withoutInheritedSettings(builder);
    Process process = builder.start();
    try {
      Pattern ready = Pattern.compile("Storefront ready: http://localhost:(\\d+)/");
      Matcher m = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
      while (System.nanoTime() < deadline && process.isAlive()) {
        m = ready.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          break;
        }
        m = null;
        Thread.sleep(200);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(m).as("the dev jar did not start:%n%s", output).isNotNull();
      assertThat(output).contains("Store: embedded sandbox at http://127.0.0.1:");
      HttpResponse<String> home =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(home.statusCode()).isEqualTo(200);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
