package dev.storefrontsession.storefront.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.storefrontsession.storefront.internal.EmbeddedStore.ResetMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * The development log line with the embedded sandbox's reset link, and when it is never written.
 */
class SandboxResetLinksTest {

  private final List<ResetMessage> outbox = new ArrayList<>();
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void capture() {
    log = new ListAppender<>();
    log.start();
    logger().addAppender(log);
  }

  @AfterEach
  void release() {
    logger().detachAppender(log);
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(SandboxResetLinks.class);
  }

  private static ResetMessage message(String email, long id, String token, String path) {
    return new ResetMessage(email, id, token, path);
  }

  @Test
  void announceNewWhenActiveThenLogsOnlyNewMessagesForThatEmail() {
    SandboxResetLinks links = new SandboxResetLinks(() -> List.copyOf(outbox));
    outbox.add(message("ann@example.com", 7, "old0", "/login/reset-password"));
    SandboxResetLinks.Sent before = links.sent();
    outbox.add(message("bob@example.com", 8, "bob1", "/login/reset-password"));
    outbox.add(message("Ann@Example.com", 7, "new1", "/login/reset-password"));

    List<String> announced =
        links.announceNew(before, " ann@example.COM ", "http://127.0.0.1:8080");

    assertThat(announced).containsExactly("http://127.0.0.1:8080/login/reset-password?c=7&t=new1");
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "password reset link for Ann@Example.com: http://127.0.0.1:8080/login/reset-password?c=7&t=new1");
  }

  @Test
  void announceNewWhenInactiveThenReadsNothingAndLogsNothing() {
    SandboxResetLinks links = new SandboxResetLinks(null);
    assertThat(links.active()).isFalse();
    assertThat(links.sent().messages()).isEmpty();
    assertThat(
            links.announceNew(
                new SandboxResetLinks.Sent(List.of()), "ann@example.com", "http://localhost:8080"))
        .isEmpty();
    assertThat(log.list).isEmpty();
  }

  @Test
  void constructorWhenNoEmbeddedSandboxThenInactive() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    SandboxResetLinks links =
        new SandboxResetLinks(
            beans.getBeanProvider(EmbeddedStore.class), new StandardEnvironment());
    assertThat(links.active()).isFalse();
  }

  @Test
  void linkWhenPathMissingOrNotLocalThenStorefrontResetPageUsed() {
    assertThat(SandboxResetLinks.link("http://localhost:8080/", message("a@b.c", 3, "ab+c", null)))
        .isEqualTo("http://localhost:8080/login/reset-password?c=3&t=ab%2Bc");
    assertThat(
            SandboxResetLinks.link(
                "http://localhost:8080", message("a@b.c", 3, "t", "//evil.example/x")))
        .isEqualTo("http://localhost:8080/login/reset-password?c=3&t=t");
    assertThat(
            SandboxResetLinks.link(
                "http://localhost:8080", message("a@b.c", 3, "t", "/change-password")))
        .isEqualTo("http://localhost:8080/change-password?c=3&t=t");
  }
}
