-- Checkout: one-time links made by cart.createCartRedirectUrls and the checkout sessions they open.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

-- A link is bound to a cart and, when the mutation carried a customer access token, to that customer. It can be
-- opened once, before it expires; opening it starts a checkout session whose secret travels in the checkout form.
-- Only SHA-256 hashes (hex) of the link token and of the session secret are stored. A customer's link keeps the hash
-- of the customer access token that asked for it: once that token is revoked (the customer signed out) or expired,
-- the checkout no longer acts for the customer.
CREATE TABLE checkout_links (
  token_hash         VARCHAR(64) PRIMARY KEY,
  cart_id            VARCHAR(36) NOT NULL,
  customer_id        BIGINT REFERENCES customers (id) ON DELETE CASCADE,
  access_token_hash  VARCHAR(64),
  query_string       VARCHAR(4000) NOT NULL DEFAULT '',
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_at          TIMESTAMP WITH TIME ZONE,
  session_hash       VARCHAR(64),
  session_expires_at TIMESTAMP WITH TIME ZONE,
  order_id           BIGINT,
  CONSTRAINT checkout_links_session_unique UNIQUE (session_hash)
);
CREATE INDEX checkout_links_cart ON checkout_links (cart_id);

-- Guests place orders too: an order without a customer is found by its id and the cart it was placed from.
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;
CREATE INDEX orders_cart ON orders (cart_id);
