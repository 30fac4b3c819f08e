package dev.storefrontsession.storefront.internal;

import dev.storefrontsession.storefront.internal.EmbeddedStore.ResetMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Development help for the embedded sandbox, which mails nothing: after a reset request it logs, at
 * INFO, the reset link the store would have emailed, so the person running the storefront can
 * follow it. Active only when the sandbox runs in this process (an {@link EmbeddedStore} bean
 * exists) and the storefront is not in production mode ({@code STOREFRONT_ENV=production} or
 * profile {@code production}); otherwise it reads nothing and logs nothing, so a reset token is
 * never logged. Thread-safe.
 */
@Component
public class SandboxResetLinks {

  private static final Logger log = LoggerFactory.getLogger(SandboxResetLinks.class);

  /** The outbox of the embedded sandbox; null when inactive. */
  private final Supplier<List<ResetMessage>> outbox;

  @Autowired
  public SandboxResetLinks(ObjectProvider<EmbeddedStore> sandbox, Environment env) {
    EmbeddedStore embedded = sandbox.getIfAvailable();
    this.outbox =
        embedded == null || ProductionMode.isProduction(env) ? null : embedded::sentPasswordResets;
  }

  /** For tests: {@code outboxOrNull} null means inactive (no embedded sandbox, or production). */
  SandboxResetLinks(Supplier<List<ResetMessage>> outboxOrNull) {
    this.outbox = outboxOrNull;
  }

  /** The reset messages the embedded sandbox had sent at one moment (none when inactive). */
  public record Sent(List<ResetMessage> messages) {
    public Sent {
      messages = List.copyOf(messages);
    }
  }

  public boolean active() {
    return outbox != null;
  }

  /** The messages the embedded sandbox has sent so far; empty when inactive. */
  public Sent sent() {
    return new Sent(outbox == null ? List.of() : outbox.get());
  }

  /**
   * Logs one line per reset message for {@code email} sent since {@code before} (a {@link #sent()}
   * taken before the request) and returns those links; nothing when inactive.
   */
  public List<String> announceNew(Sent before, String email, String baseUrl) {
    if (outbox == null || email == null) {
      return List.of();
    }
    Set<ResetMessage> old = new HashSet<>(before.messages());
    String wanted = email.trim().toLowerCase(Locale.ROOT);
    List<String> links = new ArrayList<>();
    for (ResetMessage m : outbox.get()) {
      if (!old.contains(m)
          && m.email() != null
          && m.email().trim().toLowerCase(Locale.ROOT).equals(wanted)) {
        String link = link(baseUrl, m);
        log.info("password reset link for {}: {}", m.email(), link);
        links.add(link);
      }
    }
    return links;
  }

  /**
   * {@code <baseUrl><path>?c=<customerEntityId>&t=<token>}; the path is the requested one when it
   * is local.
   */
  static String link(String baseUrl, ResetMessage m) {
    String path =
        m.path() != null
                && m.path().startsWith("/")
                && !m.path().startsWith("//")
                && !m.path().contains("?")
                && !m.path().contains("#")
            ? m.path()
            : PasswordResetService.RESET_PATH;
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base
        + path
        + "?c="
        + m.customerEntityId()
        + "&t="
        + URLEncoder.encode(m.token(), StandardCharsets.UTF_8);
  }
}
