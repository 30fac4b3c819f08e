-- Store staff (control-panel users). A Customer Login JWT may name one of them in impersonator_id ("login as
-- customer"): the sandbox accepts it only for a staff member allowed to sign in as customers.
CREATE TABLE staff_users (
  id                    BIGINT PRIMARY KEY,
  name                  VARCHAR(255) NOT NULL,
  email                 VARCHAR(255) NOT NULL,
  can_login_as_customer BOOLEAN NOT NULL
);

INSERT INTO staff_users (id, name, email, can_login_as_customer) VALUES
  (1, 'Store Owner', 'owner@example.com', TRUE),
  (2, 'Catalog Editor', 'editor@example.com', FALSE);

-- The staff member a token was issued to "as the customer" (null: the customer's own sign-in). Such a token cannot
-- change the customer's password or email address.
ALTER TABLE customer_access_tokens ADD COLUMN impersonator_id BIGINT REFERENCES staff_users (id);
