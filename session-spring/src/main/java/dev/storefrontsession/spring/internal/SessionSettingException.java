package dev.storefrontsession.spring.internal;

/**
 * A session setting that cannot work: the app must not start. The message names the setting and the
 * problem.
 */
public final class SessionSettingException extends IllegalStateException {

  private final String action;

  /**
   * @param problem what is wrong, naming the setting
   * @param action what to set instead
   */
  public SessionSettingException(String problem, String action) {
    super(problem + ". " + action);
    this.action = action;
  }

  /** What to set instead. */
  public String action() {
    return action;
  }
}
