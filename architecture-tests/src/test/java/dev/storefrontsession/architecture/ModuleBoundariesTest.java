package dev.storefrontsession.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of {@code docs/modules.md}, checked on the compiled classes of every module
 * (main and test).
 */
class ModuleBoundariesTest {

  /**
   * The only module allowed to reach into other modules' internals: it measures them
   * (docs/modules.md).
   */
  private static final String BENCHMARKS = "dev.storefrontsession.benchmarks..";

  /**
   * Web and application frameworks; session-core and bigcommerce-client are plain Java libraries.
   */
  private static final String[] FRAMEWORKS = {
    "org.springframework..",
    "jakarta..",
    "javax.servlet..",
    "javax.ws.rs..",
    "javax.inject..",
    "org.apache.catalina..",
    "org.apache.tomcat..",
    "org.eclipse.jetty..",
    "io.undertow..",
    "io.netty..",
    "reactor..",
    "io.micronaut..",
    "io.quarkus..",
    "io.javalin..",
    "io.vertx..",
    "org.thymeleaf.."
  };

  private static JavaClasses main;
  private static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    main = ProjectModules.mainClasses();
    all = ProjectModules.allClasses();
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    List<ArchRule> rules = new ArrayList<>();
    for (String rootPackage : rootPackagesWithInternals()) {
      rules.add(
          noClasses()
              .that()
              .resideOutsideOfPackage(rootPackage + "..")
              .and()
              .resideOutsideOfPackage(BENCHMARKS)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(rootPackage + ".internal..")
              .as("no module uses " + rootPackage + ".internal"));
    }
    CompositeArchRule.of(rules).check(all);
  }

  @Test
  void sessionCoreAndTheClientUseNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.storefrontsession.core..", "dev.storefrontsession.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("session-core and bigcommerce-client carry no web framework (docs/modules.md)")
        .check(main);
  }

  @Test
  void sessionCoreUsesNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.storefrontsession.core..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.storefrontsession..")
                .and(resideOutsideOfPackage("dev.storefrontsession.core..")))
        .because("session-core depends on the JDK and Nimbus only (docs/modules.md)")
        .check(main);
  }

  @Test
  void theStorefrontReachesTheSandboxThroughItsEmbeddedPackageOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.storefrontsession.storefront..")
        .and()
        .resideOutsideOfPackage("dev.storefrontsession.storefront.embedded..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.storefrontsession.sandbox..")
        .because(
            "the storefront talks to any store over GraphQL; only storefront.embedded starts the sandbox in"
                + " process and reads its outbox (docs/modules.md)")
        .check(main);
  }

  @Test
  void theStorefrontReachesItsEmbeddedPackageOnlyThroughTheServiceLoader() {
    noClasses()
        .that()
        .resideInAPackage("dev.storefrontsession.storefront..")
        .and()
        .resideOutsideOfPackage("dev.storefrontsession.storefront.embedded..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.storefrontsession.storefront.embedded..")
        .because(
            "the production jar leaves storefront.embedded and the sandbox out: the rest of the"
                + " storefront sees the embedded sandbox only as an internal.EmbeddedStore found with"
                + " ServiceLoader, so nothing else can fail to load there (docs/modules.md)")
        .check(main);
  }

  /**
   * The root package of every module whose main code has an {@code internal} package, from the
   * source folders.
   */
  private static List<String> rootPackagesWithInternals() {
    List<String> packages = new ArrayList<>();
    for (ProjectModules.Module module : ProjectModules.all()) {
      if (!module.hasMainCode()) {
        continue;
      }
      try (Stream<Path> dirs = Files.walk(module.mainSources())) {
        dirs.filter(d -> d.getFileName().toString().equals("internal") && Files.isDirectory(d))
            .map(d -> module.mainSources().relativize(d.getParent()).toString().replace('/', '.'))
            .distinct()
            .forEach(packages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (packages.isEmpty()) {
      throw new IllegalStateException("no internal packages found: the rule would check nothing");
    }
    return packages;
  }
}
