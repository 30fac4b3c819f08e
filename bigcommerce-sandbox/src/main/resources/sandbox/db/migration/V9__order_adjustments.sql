-- What the checkout API's coupons and gift certificates did to a placed order (issue #15): the coupon discounts that
-- lowered its total, and the gift certificate amounts that paid part of it (their balances go down).

ALTER TABLE orders ADD COLUMN discount_total NUMERIC(12, 2) NOT NULL DEFAULT 0;

CREATE TABLE order_coupon_discounts (
  order_id     BIGINT        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  coupon_code  VARCHAR(50)   NOT NULL,
  amount       NUMERIC(12, 2) NOT NULL,
  PRIMARY KEY (order_id, coupon_code)
);

CREATE TABLE order_gift_certificates (
  order_id  BIGINT        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  code      VARCHAR(50)   NOT NULL,
  amount    NUMERIC(12, 2) NOT NULL,
  PRIMARY KEY (order_id, code)
);

INSERT INTO gift_certificates (code, balance, purchased_at) VALUES
  ('GC-SPEND', 25.00, TIMESTAMP WITH TIME ZONE '2025-05-01 10:00:00+00');
