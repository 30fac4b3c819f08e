package dev.storefrontsession.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of main code states its nullness, as Spring does: a {@code package-info.java}
 * annotated with JSpecify's {@code @NullMarked} (types are non-null unless marked
 * {@code @Nullable}). Read from the sources, so a package added later without one fails here.
 */
class NullnessTest {

  private static final Pattern NULL_MARKED =
      Pattern.compile(
          "(?m)^\\s*@(org\\.jspecify\\.annotations\\.)?NullMarked\\s*$[\\s\\S]*^package\\s");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import org\\.jspecify\\.annotations\\.NullMarked;");

  @Test
  void everyMainPackageIsNullMarked() {
    List<String> unmarked = new ArrayList<>();
    int packages = 0;
    for (ProjectModules.Module module : ProjectModules.all()) {
      if (!module.hasMainCode()) {
        continue;
      }
      for (Path dir : packageFolders(module.mainSources())) {
        packages++;
        if (!nullMarked(dir.resolve("package-info.java"))) {
          unmarked.add(
              module.name()
                  + ": "
                  + module.mainSources().relativize(dir).toString().replace('/', '.'));
        }
      }
    }
    assertThat(packages).as("main packages found").isPositive();
    assertThat(unmarked)
        .as("packages without a package-info.java annotated @NullMarked (org.jspecify.annotations)")
        .isEmpty();
  }

  private static boolean nullMarked(Path packageInfo) {
    if (!Files.isRegularFile(packageInfo)) {
      return false;
    }
    try {
      String source = Files.readString(packageInfo);
      return NULL_MARKED.matcher(source).find()
          && (source.contains("@org.jspecify.annotations.NullMarked")
              || IMPORT.matcher(source).find());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Folders that hold at least one Java source other than package-info.java. */
  private static List<Path> packageFolders(Path sources) {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
