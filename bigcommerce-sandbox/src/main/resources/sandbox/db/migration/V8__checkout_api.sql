-- The Storefront checkout API before the hosted checkout page (issue #14): a checkout is its cart (same entity id);
-- shipping consignments with the option chosen, coupons and gift certificates applied to it. The store's coupons and
-- gift certificates are seeded below.

CREATE TABLE coupons (
  id            INTEGER PRIMARY KEY,
  code          VARCHAR(50)   NOT NULL UNIQUE,
  name          VARCHAR(255)  NOT NULL,
  -- PERCENTAGE_DISCOUNT (amount is a percentage of the subtotal) or PER_TOTAL_DISCOUNT (amount off, store currency)
  coupon_type   VARCHAR(32)   NOT NULL,
  amount        NUMERIC(12, 2) NOT NULL,
  min_purchase  NUMERIC(12, 2) NOT NULL DEFAULT 0,
  enabled       BOOLEAN       NOT NULL DEFAULT TRUE
);

CREATE TABLE gift_certificates (
  code          VARCHAR(50)   PRIMARY KEY,
  balance       NUMERIC(12, 2) NOT NULL,
  purchased_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE checkout_consignments (
  id                  VARCHAR(36)  PRIMARY KEY,
  cart_id             VARCHAR(36)  NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  first_name          VARCHAR(100),
  last_name           VARCHAR(100),
  email               VARCHAR(255),
  company             VARCHAR(255),
  address1            VARCHAR(255),
  address2            VARCHAR(255),
  city                VARCHAR(100),
  state_or_province   VARCHAR(100),
  country_code        VARCHAR(2)   NOT NULL,
  postal_code         VARCHAR(20),
  phone               VARCHAR(50),
  selected_option     VARCHAR(64),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX checkout_consignments_cart ON checkout_consignments (cart_id);

CREATE TABLE checkout_consignment_items (
  consignment_id  VARCHAR(36) NOT NULL REFERENCES checkout_consignments (id) ON DELETE CASCADE,
  line_item_id    VARCHAR(36) NOT NULL,
  PRIMARY KEY (consignment_id, line_item_id)
);

CREATE TABLE checkout_coupons (
  cart_id    VARCHAR(36) NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  coupon_id  INTEGER     NOT NULL REFERENCES coupons (id),
  PRIMARY KEY (cart_id, coupon_id)
);

CREATE TABLE checkout_gift_certificates (
  cart_id  VARCHAR(36) NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  code     VARCHAR(50) NOT NULL REFERENCES gift_certificates (code),
  PRIMARY KEY (cart_id, code)
);

INSERT INTO coupons (id, code, name, coupon_type, amount, min_purchase, enabled) VALUES
  (1, 'SAVE10', '10% off your order', 'PERCENTAGE_DISCOUNT', 10.00, 0, TRUE),
  (2, 'FIVEOFF', '$5 off orders of $25 or more', 'PER_TOTAL_DISCOUNT', 5.00, 25.00, TRUE),
  (3, 'EXPIRED', 'An old promotion', 'PERCENTAGE_DISCOUNT', 50.00, 0, FALSE);

INSERT INTO gift_certificates (code, balance, purchased_at) VALUES
  ('GC1', 25.00, TIMESTAMP WITH TIME ZONE '2025-05-01 10:00:00+00'),
  ('GC-BIG', 500.00, TIMESTAMP WITH TIME ZONE '2025-05-01 10:00:00+00');
