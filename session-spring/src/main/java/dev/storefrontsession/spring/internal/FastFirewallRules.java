package dev.storefrontsession.spring.internal;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its default header and parameter-name rules
 * written as character loops instead of regular expressions. The rules are the same
 * (property-tested against Spring's patterns): every code point assigned in Unicode and not a
 * control character, tabs allowed in header values. The firewall checks a header each time the app
 * reads it, and the regular expressions were a measurable share of a page view's session cost
 * ({@code bin/bench request}, JFR). Every other firewall rule is Spring's default. Thread-safe.
 */
public final class FastFirewallRules {

  /** Header and parameter names: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
  public static final Predicate<String> NAMES = s -> assignedAndNotControl(s, false);

  /** Header values: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
  public static final Predicate<String> HEADER_VALUES = s -> assignedAndNotControl(s, true);

  private FastFirewallRules() {}

  /**
   * A {@link StrictHttpFirewall} with Spring's defaults and these predicates for headers and
   * parameter names.
   */
  public static StrictHttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(NAMES);
    firewall.setAllowedHeaderValues(HEADER_VALUES);
    firewall.setAllowedParameterNames(NAMES);
    return firewall;
  }

  static boolean assignedAndNotControl(String s, boolean tabAllowed) {
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not a control character
        i++;
        continue;
      }
      int codePoint = s.codePointAt(i);
      int type = Character.getType(codePoint);
      if (type == Character.UNASSIGNED
          || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }
}
