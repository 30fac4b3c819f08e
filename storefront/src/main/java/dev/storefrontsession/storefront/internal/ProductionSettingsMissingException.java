package dev.storefrontsession.storefront.internal;

import java.util.List;

/**
 * Production mode lacks settings it cannot run without (a session secret, a real store) or asks for
 * the embedded sandbox: the storefront must not start, and never falls back to the demo sandbox.
 * Reported, every problem at once, by {@link ProductionSettingsFailureAnalyzer}.
 */
public final class ProductionSettingsMissingException extends IllegalStateException {

  private final List<String> problems;

  /**
   * @param problems one sentence per setting, naming its environment variable and its property
   */
  public ProductionSettingsMissingException(List<String> problems) {
    super(
        "Production mode (STOREFRONT_ENV=production or the production profile) cannot start:\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
