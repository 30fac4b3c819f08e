package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata an IDE shows (every {@code
 * META-INF/spring-configuration-metadata.json} on the class path: session-spring's, generated from
 * its properties classes plus the additional file, and the storefront's own): every setting the
 * code reads is described, and so is every Catalyst environment name of docs/configuration.md.
 */
class ConfigurationMetadataTest {

  static final Map<String, String> DESCRIPTIONS = new TreeMap<>();
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @BeforeAll
  static void read() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    for (URL url :
        Collections.list(
            ConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          String name = property.path("name").asString();
          if (name.startsWith("storefront.") || name.matches("[A-Z][A-Z0-9_]+")) {
            DESCRIPTIONS.put(name, property.path("description").asString(""));
          }
        }
      }
    }
  }

  @Test
  void everyStorefrontPropertyWhenListedThenDescribed() {
    assertThat(DESCRIPTIONS).isNotEmpty();
    DESCRIPTIONS.forEach((name, description) -> assertThat(description).as(name).isNotBlank());
  }

  @Test
  void everySettingTheCodeReadsWhenLookedUpThenInTheMetadata() throws IOException {
    Pattern literal =
        Pattern.compile(
            "\"((?:storefront\\.[a-z-]+\\.[a-z.-]*[a-z])|(?:AUTH|NEXTAUTH|BIGCOMMERCE|STOREFRONT)_[A-Z0-9_]*[A-Z0-9])\"");
    // meter names look like settings but are not: the two files that name meters are left out
    Set<String> meterFiles = Set.of("MicrometerSessionMeters.java", "ObservationCallObserver.java");
    Set<String> read = new TreeSet<>();
    for (String module : new String[] {"storefront", "session-spring"}) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file :
            files
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f -> !meterFiles.contains(f.getFileName().toString()))
                .toList()) {
          Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (m.find()) {
            read.add(m.group(1));
          }
        }
      }
    }
    assertThat(read).contains("storefront.sandbox.mode", "AUTH_SECRET", "BIGCOMMERCE_STORE_HASH");
    assertThat(DESCRIPTIONS.keySet()).containsAll(read);
  }

  @Test
  void everyCatalystNameOfTheConfigurationPageWhenDocumentedThenInTheMetadata() throws IOException {
    String page = Files.readString(ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("^\\| `((?:AUTH|BIGCOMMERCE)_[A-Z_]+)`", Pattern.MULTILINE).matcher(page);
    Set<String> documented = new TreeSet<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).contains("AUTH_SECRET", "BIGCOMMERCE_GRAPHQL_ENDPOINT");
    assertThat(DESCRIPTIONS.keySet()).containsAll(documented);
  }
}
