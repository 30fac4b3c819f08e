package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable jar as an image build would take it apart (no container runtime is assumed):
 * Spring Boot's layers, in the order an image wants them (what changes least first), with the
 * third-party libraries (Actuator and tracing among them) in the first and the storefront with the
 * project's own modules in the last.
 */
class StorefrontJarLayersTest {

  static String run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void jarWhenListedThenFourLayersFromDependenciesToApplication(@TempDir Path dir)
      throws Exception {
    String layers =
        run(dir, "-Djarmode=tools", "-jar", StorefrontProcess.jar().toString(), "list-layers");
    assertThat(layers.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
        .containsExactly(
            "dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
  }

  @Test
  void jarWhenExtractedByLayerThenOurModulesAndTheStorefrontAreTheApplicationLayer(
      @TempDir Path dir) throws Exception {
    run(
        dir,
        "-Djarmode=tools",
        "-jar",
        StorefrontProcess.jar().toString(),
        "extract",
        "--layers",
        "--launcher",
        "--destination",
        dir.resolve("x").toString());
    Path x = dir.resolve("x");
    assertThat(
            x.resolve(
                "application/BOOT-INF/classes/dev/storefrontsession/storefront/StorefrontApplication.class"))
        .exists();
    assertThat(x.resolve("application/BOOT-INF/classes/storefront.properties")).exists();
    // the project's own modules change with every build: they go with the application, not the
    // dependencies
    try (var modules = Files.list(x.resolve("application/BOOT-INF/lib"))) {
      assertThat(modules.map(p -> p.getFileName().toString()).toList())
          .anyMatch(n -> n.startsWith("session-spring-"))
          .anyMatch(n -> n.startsWith("bigcommerce-client-"));
    }
    try (var deps = Files.list(x.resolve("dependencies/BOOT-INF/lib"))) {
      assertThat(deps.map(p -> p.getFileName().toString()).toList())
          .anyMatch(n -> n.startsWith("spring-boot-actuator-"))
          .anyMatch(n -> n.startsWith("micrometer-tracing-"))
          .noneMatch(n -> n.startsWith("session-spring-"));
    }
    assertThat(
            x.resolve(
                "spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
        .exists();
  }
}
