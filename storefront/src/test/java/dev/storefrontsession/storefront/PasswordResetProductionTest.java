package dev.storefrontsession.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** In production mode the reset link is never logged, even with the sandbox embedded. */
class PasswordResetProductionTest {

    @Test
    void forgotPasswordWhenProductionWithEmbeddedSandboxThenLinkSentButNeverLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.storefrontsession.storefront.internal.SandboxResetLinks");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (RunningStorefront app = RunningStorefront.start(false, null, "STOREFRONT_ENV=production")) {
            ShopperClient guest = app.shopper();
            ShopperClient.Page answer = guest.submit("/login/forgot-password", "/login/forgot-password",
                    Map.of("email", Shop.SHOPPER));
            assertThat(answer.status()).as("answer: %s", answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("id=\"forgot-sent\"").doesNotContain("id=\"reset-link-hint\"");
            assertThat(app.sandbox().server().sentPasswordResetMessages())
                    .anyMatch(m -> m.email().equalsIgnoreCase(Shop.SHOPPER));
            assertThat(log.list).isEmpty();
        } finally {
            logger.detachAppender(log);
        }
    }
}
