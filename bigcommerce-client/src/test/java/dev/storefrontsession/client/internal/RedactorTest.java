package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void excerptWhenBodyHoldsSecretsThenReplaced() {
        byte[] body = "{\"error\":\"token tok-123 and cat abc_999 rejected\"}".getBytes(StandardCharsets.UTF_8);
        String excerpt = Redactor.excerpt(body, List.of("tok-123", "abc_999"));
        assertThat(excerpt).doesNotContain("tok-123").doesNotContain("abc_999").contains("<redacted>");
    }

    @Test
    void excerptWhenLongThenTruncatedWithEllipsis() {
        String excerpt = Redactor.excerpt("x".repeat(5000).getBytes(StandardCharsets.UTF_8), List.of());
        assertThat(excerpt).hasSize(Redactor.EXCERPT_LENGTH + 1).endsWith("…");
    }

    @Test
    void excerptWhenSecretStraddlesTheCutThenNoPrefixOfItLeaks() {
        String secret = "S".repeat(40);
        String body = "y".repeat(Redactor.EXCERPT_LENGTH - 10) + secret + "z".repeat(50);
        String excerpt = Redactor.excerpt(body.getBytes(StandardCharsets.UTF_8), List.of(secret));
        assertThat(excerpt).doesNotContain("SSSS");
    }

    @Test
    void excerptWhenControlCharactersThenSingleLine() {
        assertThat(Redactor.excerpt("a\nb\r\tc".getBytes(StandardCharsets.UTF_8), List.of())).isEqualTo("a b  c");
    }

    @Test
    void excerptWhenEmptyOrNullSecretsThenBodyKept() {
        assertThat(Redactor.excerpt("<html>502</html>".getBytes(StandardCharsets.UTF_8), Arrays.asList(null, "", " ")))
                .isEqualTo("<html>502</html>");
        assertThat(Redactor.excerpt(new byte[0], List.of())).isEmpty();
    }
}
