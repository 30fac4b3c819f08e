-- Channels (a storefront per region or language) and currencies with exchange rates to the store's default currency
-- (USD). A cart belongs to the channel it was made on. Demo data: channel 1, English, USD (also EUR); channel 2,
-- French, EUR (also USD).
CREATE TABLE currencies (
  code           VARCHAR(3)     PRIMARY KEY,
  entity_id      INTEGER        NOT NULL UNIQUE,
  name           VARCHAR(100)   NOT NULL,
  symbol         VARCHAR(8)     NOT NULL,
  symbol_left    BOOLEAN        NOT NULL,
  decimal_token  VARCHAR(1)     NOT NULL,
  thousands_token VARCHAR(1)    NOT NULL,
  decimal_places INTEGER        NOT NULL,
  exchange_rate  NUMERIC(18, 8) NOT NULL
);

CREATE TABLE channels (
  id               BIGINT       PRIMARY KEY,
  name             VARCHAR(100) NOT NULL,
  site_url         VARCHAR(255) NOT NULL,
  locale           VARCHAR(20)  NOT NULL,
  default_currency VARCHAR(3)   NOT NULL REFERENCES currencies (code)
);

CREATE TABLE channel_currencies (
  channel_id    BIGINT     NOT NULL REFERENCES channels (id),
  currency_code VARCHAR(3) NOT NULL REFERENCES currencies (code),
  PRIMARY KEY (channel_id, currency_code)
);

ALTER TABLE carts ADD COLUMN channel_id BIGINT NOT NULL DEFAULT 1;
CREATE INDEX carts_customer_channel ON carts (customer_id, channel_id);

INSERT INTO currencies (code, entity_id, name, symbol, symbol_left, decimal_token, thousands_token, decimal_places,
                        exchange_rate)
VALUES ('USD', 1, 'US Dollar', '$', TRUE, '.', ',', 2, 1.0),
       ('EUR', 2, 'Euro', '€', FALSE, ',', '.', 2, 0.92),
       ('GBP', 3, 'Pound Sterling', '£', TRUE, '.', ',', 2, 0.79);

INSERT INTO channels (id, name, site_url, locale, default_currency)
VALUES (1, 'Storefront Session Sandbox', 'https://store-{storeHash}-1.sandbox.invalid', 'en', 'USD'),
       (2, 'Storefront Session Sandbox (Français)', 'https://store-{storeHash}-2.sandbox.invalid', 'fr', 'EUR');

INSERT INTO channel_currencies (channel_id, currency_code)
VALUES (1, 'USD'), (1, 'EUR'), (2, 'EUR'), (2, 'USD');
