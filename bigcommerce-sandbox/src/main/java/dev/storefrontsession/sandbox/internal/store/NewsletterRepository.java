package dev.storefrontsession.sandbox.internal.store;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Newsletter subscribers, by normalized email. */
public final class NewsletterRepository {

  private final JdbcClient jdbc;

  NewsletterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isSubscribed(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM newsletter_subscribers WHERE email_normalized = ?")
            .param(CustomerRepository.normalizeEmail(email))
            .query(Long.class)
            .single()
        > 0;
  }

  public void subscribe(String email, String firstName, String lastName, Instant now) {
    jdbc.sql(
            """
            INSERT INTO newsletter_subscribers (email_normalized, email, first_name, last_name, subscribed_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(
            CustomerRepository.normalizeEmail(email),
            email.trim(),
            firstName,
            lastName,
            Jdbc.ts(now))
        .update();
  }

  public void unsubscribe(String email) {
    jdbc.sql("DELETE FROM newsletter_subscribers WHERE email_normalized = ?")
        .param(CustomerRepository.normalizeEmail(email))
        .update();
  }
}
