package dev.storefrontsession.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * Case conversions name their {@link java.util.Locale}: {@code "TITLE".toLowerCase()} is {@code
 * "tıtle"} on a machine whose default locale is Turkish, so a header or cookie name compared after
 * it would no longer match.
 */
class CaseConversionTest {

  @Test
  void stringCaseConversionsAlwaysNameALocale() {
    noClasses()
        .should()
        .callMethod(String.class, "toLowerCase")
        .orShould()
        .callMethod(String.class, "toUpperCase")
        .because(
            "the default locale changes the result (Turkish dotless i): use toLowerCase(Locale.ROOT)")
        .check(ProjectModules.allClasses());
  }
}
