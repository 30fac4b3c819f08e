-- Newsletter subscribers (by email; customers and guests alike).
CREATE TABLE newsletter_subscribers (
  email_normalized VARCHAR(255) PRIMARY KEY,
  email            VARCHAR(255) NOT NULL,
  first_name       VARCHAR(100),
  last_name        VARCHAR(100),
  subscribed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO newsletter_subscribers (email_normalized, email, first_name, last_name, subscribed_at)
VALUES ('wholesale@example.com', 'wholesale@example.com', 'Wren', 'Wholesale', TIMESTAMP WITH TIME ZONE '2025-06-02 09:00:00+00');
