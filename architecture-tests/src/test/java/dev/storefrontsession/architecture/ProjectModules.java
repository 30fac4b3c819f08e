package dev.storefrontsession.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The project's Maven modules as the root pom lists them, with their source and class folders. The
 * classes are read from each module's {@code target/classes} and {@code target/test-classes}, which
 * the reactor has built before this module (its test-scope dependencies on every module order it
 * last). A module with sources but no classes fails the test: a rule checked on nothing would pass
 * for nothing.
 */
final class ProjectModules {

  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
  private static final String SELF = "architecture-tests";

  /** One Maven module. */
  record Module(String name, Path dir) {

    Path mainSources() {
      return dir.resolve("src/main/java");
    }

    boolean hasMainCode() {
      return Files.isDirectory(mainSources());
    }

    boolean hasTestCode() {
      return Files.isDirectory(dir.resolve("src/test/java"));
    }
  }

  private ProjectModules() {}

  /** The folder of the root pom, found upwards from the working directory. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no project root (a folder with mvnw and pom.xml) above " + dir);
  }

  /** Every module of the root pom except this one. */
  static List<Module> all() {
    Path root = root();
    String pom;
    try {
      pom = Files.readString(root.resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Module> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(pom);
    while (m.find()) {
      if (!m.group(1).equals(SELF)) {
        modules.add(new Module(m.group(1), root.resolve(m.group(1))));
      }
    }
    if (modules.isEmpty()) {
      throw new IllegalStateException("the root pom lists no modules");
    }
    return modules;
  }

  private static @Nullable JavaClasses main;
  private static @Nullable JavaClasses all;

  /** The main classes of every module (imported once per test run). */
  static synchronized JavaClasses mainClasses() {
    if (main == null) {
      main = importClasses(true, false);
    }
    return main;
  }

  /** The main and test classes of every module (imported once per test run). */
  static synchronized JavaClasses allClasses() {
    if (all == null) {
      all = importClasses(true, true);
    }
    return all;
  }

  private static JavaClasses importClasses(boolean main, boolean tests) {
    List<Path> folders = new ArrayList<>();
    for (Module module : all()) {
      if (main && module.hasMainCode()) {
        folders.add(required(module, "target/classes"));
      }
      if (tests && module.hasTestCode()) {
        folders.add(required(module, "target/test-classes"));
      }
    }
    return new ClassFileImporter().importPaths(folders);
  }

  private static Path required(Module module, String folder) {
    Path path = module.dir().resolve(folder);
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException(
          module.name()
              + " has sources but no "
              + folder
              + ": build it in the same reactor (./mvnw -pl architecture-tests -am verify)");
    }
    return path;
  }
}
