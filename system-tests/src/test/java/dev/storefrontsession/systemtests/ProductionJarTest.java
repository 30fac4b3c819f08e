package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable storefront jar (the {@code storefront} module's main artifact) holds no part of
 * the BigCommerce sandbox: none of its classes, migrations or schema, in the jar itself or in any
 * library inside it, and not the storefront's adapter that embeds it either. Without a store it
 * therefore cannot fall back to the demo sandbox: it refuses to start with a message that says what
 * to set, in production mode and in development mode alike.
 */
class ProductionJarTest {

  /** Every entry of the jar, and of each jar nested in it as {@code lib.jar!/entry}. */
  static List<String> entries(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(jar)) {
      collect("", in, names);
    }
    return names;
  }

  private static void collect(String prefix, InputStream in, List<String> names)
      throws IOException {
    JarInputStream jar = new JarInputStream(in);
    JarEntry e;
    while ((e = jar.getNextJarEntry()) != null) {
      names.add(prefix + e.getName());
      if (e.getName().endsWith(".jar")) {
        collect(prefix + e.getName() + "!/", new ByteArrayInputStream(jar.readAllBytes()), names);
      }
    }
  }

  static boolean isSandbox(String entry) {
    return entry.contains("dev/storefrontsession/sandbox/")
        || entry.contains("bigcommerce-sandbox")
        || entry.contains("sandbox/db/migration")
        || entry.contains("sandbox/graphql/")
        || entry.contains("dev/storefrontsession/storefront/embedded/")
        || entry.contains(
            "META-INF/services/dev.storefrontsession.storefront.internal.EmbeddedStore")
        || entry.endsWith(".graphqls");
  }

  @Test
  void productionJarWhenListedThenNoSandboxClassMigrationOrSchema() throws Exception {
    List<String> entries = entries(StorefrontProcess.jar());
    // the listing reaches into the nested libraries (or this test could not fail)
    assertThat(entries)
        .anyMatch(e -> e.matches("BOOT-INF/lib/session-spring-[^/]*\\.jar!/dev/.*\\.class"))
        .anyMatch(
            e ->
                e.equals(
                    "BOOT-INF/classes/dev/storefrontsession/storefront/StorefrontStartup.class"));
    assertThat(entries.stream().filter(ProductionJarTest::isSandbox).toList()).isEmpty();
  }

  /** Runs the production jar with only {@code env}; its exit code and console output. */
  static Result runWithout(Path dir, String... env) throws Exception {
    List<String> command =
        List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-jar",
            StorefrontProcess.jar().toString(),
            "--server.port=0");
    Path log = dir.resolve("storefront.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    StorefrontProcess.withoutInheritedSettings(builder);
    for (int i = 0; i < env.length; i += 2) {
      builder.environment().put(env[i], env[i + 1]);
    }
    Process process = builder.start();
    boolean ended = process.waitFor(90, TimeUnit.SECONDS);
    if (!ended) {
      // it started (or hangs): that is the failure; stop it and show what it printed
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(ended).as("the storefront did not stop by itself:%n%s", output).isTrue();
    return new Result(process.exitValue(), output);
  }

  record Result(int exitCode, String output) {}

  @Test
  void productionJarWhenDevelopmentModeAndNoStoreThenRefusesToStartNamingTheSettings(
      @TempDir Path dir) throws Exception {
    Result r = runWithout(dir, "AUTH_SECRET", "production-jar-test-secret");
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output())
        .contains("APPLICATION FAILED TO START")
        .contains("No store is configured")
        .contains("BIGCOMMERCE_STORE_HASH")
        .contains("BIGCOMMERCE_STOREFRONT_TOKEN")
        .contains("bin/storefront")
        .doesNotContain("Storefront ready");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void productionJarWhenProductionModeAndNoStoreThenRefusesToStartNamingTheSettings(
      @TempDir Path dir) throws Exception {
    Result r = runWithout(dir, "STOREFRONT_ENV", "production");
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output())
        .contains("APPLICATION FAILED TO START")
        .contains("AUTH_SECRET is not set")
        .contains("BIGCOMMERCE_STORE_HASH is not set")
        .contains("BIGCOMMERCE_STOREFRONT_TOKEN is not set")
        .doesNotContain("Storefront ready");
  }
}
