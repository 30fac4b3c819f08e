-- Demo data: customer groups, a catalog of 24 products in 6 categories, two customers with orders.
-- Passwords: shopper@example.com / Shopper-Pass-1, wholesale@example.com / Wholesale-Pass-1 (bcrypt, cost 10).
-- reset@example.com / Reset-Pass-1 exists to show the "password reset required" login error.

INSERT INTO customer_groups (id, name) VALUES (1, 'Default'), (2, 'Wholesale');

INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (18, NULL, 'Kitchen', '/kitchen/', 'Everything for cooking and serving.', 1);
INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (19, 18, 'Cookware', '/kitchen/cookware/', 'Pots, pans and the tools around them.', 1);
INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (20, 18, 'Tableware', '/kitchen/tableware/', 'Plates, bowls, cups and jars.', 2);
INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (21, NULL, 'Garden', '/garden/', 'Tools and planters for the garden.', 2);
INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (22, NULL, 'Publications', '/publications/', 'Books and prints.', 3);
INSERT INTO categories (id, parent_id, name, path, description, sort_order) VALUES (23, NULL, 'Utility', '/utility/', 'Useful things for the home.', 4);

INSERT INTO brands (id, name, path) VALUES (36, 'Common Good', '/common-good/');
INSERT INTO brands (id, name, path) VALUES (37, 'OFS', '/ofs/');
INSERT INTO brands (id, name, path) VALUES (38, 'Sagaform', '/sagaform/');

INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (77, 'SLCTBS', 'Fog Linen Chambray Towel', '/fog-linen-chambray-towel/', '<p>Fog Linen Chambray Towel: a sturdy, well-made piece for everyday use.</p>', '', 37, 49.00, NULL, 55.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/77/fog-linen-chambray-towel.jpg', TRUE, TRUE, 0);
INSERT INTO product_categories (product_id, category_id) VALUES (77, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (77, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (78, 'OTS', 'Orbit Terrarium - Small', '/orbit-terrarium-small/', '<p>Orbit Terrarium - Small: a sturdy, well-made piece for everyday use.</p>', '', NULL, 89.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/78/orbit-terrarium-small.jpg', TRUE, FALSE, 1);
INSERT INTO product_categories (product_id, category_id) VALUES (78, 21);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (79, 'OTL', 'Orbit Terrarium - Large', '/orbit-terrarium-large/', '<p>Orbit Terrarium - Large: a sturdy, well-made piece for everyday use.</p>', '', NULL, 109.00, 99.00, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/79/orbit-terrarium-large.jpg', TRUE, TRUE, 2);
INSERT INTO product_categories (product_id, category_id) VALUES (79, 21);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (80, 'CLC', 'Canvas Laundry Cart', '/canvas-laundry-cart/', '<p>Canvas Laundry Cart: a sturdy, well-made piece for everyday use.</p>', '', 37, 200.00, NULL, 225.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/80/canvas-laundry-cart.jpg', TRUE, FALSE, 3);
INSERT INTO product_categories (product_id, category_id) VALUES (80, 23);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (81, 'DPB', 'Dustpan & Brush', '/dustpan-brush/', '<p>Dustpan & Brush: a sturdy, well-made piece for everyday use.</p>', '', 36, 34.95, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/81/dustpan-brush.jpg', TRUE, FALSE, 4);
INSERT INTO product_categories (product_id, category_id) VALUES (81, 23);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (82, 'OCG', 'Oak Cheese Grater', '/oak-cheese-grater/', '<p>Oak Cheese Grater: a sturdy, well-made piece for everyday use.</p>', '', NULL, 34.95, 29.95, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/82/oak-cheese-grater.jpg', TRUE, FALSE, 5);
INSERT INTO product_categories (product_id, category_id) VALUES (82, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (82, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (83, 'SMJ', 'Small Mason Jar', '/small-mason-jar/', '<p>Small Mason Jar: a sturdy, well-made piece for everyday use.</p>', '', NULL, 7.50, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/83/small-mason-jar.jpg', TRUE, FALSE, 6);
INSERT INTO product_categories (product_id, category_id) VALUES (83, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (83, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (84, 'ABS', 'Able Brewing System', '/able-brewing-system/', '<p>Able Brewing System: a sturdy, well-made piece for everyday use.</p>', '', NULL, 225.00, NULL, 250.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/84/able-brewing-system.jpg', TRUE, TRUE, 7);
INSERT INTO product_categories (product_id, category_id) VALUES (84, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (84, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (85, 'CC3C', 'Chemex Coffeemaker 3 Cup', '/chemex-coffeemaker-3-cup/', '<p>Chemex Coffeemaker 3 Cup: a sturdy, well-made piece for everyday use.</p>', '', NULL, 49.50, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/85/chemex-coffeemaker-3-cup.jpg', TRUE, FALSE, 8);
INSERT INTO product_categories (product_id, category_id) VALUES (85, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (85, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (86, 'SAM', 'Sample - Tiered Wire Basket', '/sample-tiered-wire-basket/', '<p>Sample - Tiered Wire Basket: a sturdy, well-made piece for everyday use.</p>', '', NULL, 119.95, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/86/sample-tiered-wire-basket.jpg', FALSE, FALSE, 9);
INSERT INTO product_categories (product_id, category_id) VALUES (86, 23);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (87, 'TWB', '1 L Le Parfait Jar', '/1-l-le-parfait-jar/', '<p>1 L Le Parfait Jar: a sturdy, well-made piece for everyday use.</p>', '', NULL, 7.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/87/1-l-le-parfait-jar.jpg', TRUE, FALSE, 10);
INSERT INTO product_categories (product_id, category_id) VALUES (87, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (87, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (88, 'ZZZ', 'Zig Zag Tablecloth', '/zig-zag-tablecloth/', '<p>Zig Zag Tablecloth: a sturdy, well-made piece for everyday use.</p>', '', 36, 65.00, 55.00, 70.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/88/zig-zag-tablecloth.jpg', TRUE, FALSE, 11);
INSERT INTO product_categories (product_id, category_id) VALUES (88, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (88, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (89, 'SBP', 'Spray Bottle', '/spray-bottle/', '<p>Spray Bottle: a sturdy, well-made piece for everyday use.</p>', '', 36, 24.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/89/spray-bottle.jpg', TRUE, FALSE, 12);
INSERT INTO product_categories (product_id, category_id) VALUES (89, 23);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (90, 'PCP', 'Plant Cradle - Pine', '/plant-cradle-pine/', '<p>Plant Cradle - Pine: a sturdy, well-made piece for everyday use.</p>', '', NULL, 45.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/90/plant-cradle-pine.jpg', TRUE, FALSE, 13);
INSERT INTO product_categories (product_id, category_id) VALUES (90, 21);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (91, 'HGS', 'Hand Garden Shovel', '/hand-garden-shovel/', '<p>Hand Garden Shovel: a sturdy, well-made piece for everyday use.</p>', '', NULL, 28.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/91/hand-garden-shovel.jpg', TRUE, FALSE, 14);
INSERT INTO product_categories (product_id, category_id) VALUES (91, 21);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (92, 'WCN', 'Watering Can - Copper', '/watering-can-copper/', '<p>Watering Can - Copper: a sturdy, well-made piece for everyday use.</p>', '', NULL, 85.00, NULL, 95.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/92/watering-can-copper.jpg', TRUE, TRUE, 15);
INSERT INTO product_categories (product_id, category_id) VALUES (92, 21);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (93, 'BKB', 'The Bread Book', '/the-bread-book/', '<p>The Bread Book: a sturdy, well-made piece for everyday use.</p>', '', NULL, 32.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/93/the-bread-book.jpg', TRUE, FALSE, 16);
INSERT INTO product_categories (product_id, category_id) VALUES (93, 22);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (94, 'GCB', 'Garden Companion Book', '/garden-companion-book/', '<p>Garden Companion Book: a sturdy, well-made piece for everyday use.</p>', '', NULL, 26.50, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/94/garden-companion-book.jpg', TRUE, FALSE, 17);
INSERT INTO product_categories (product_id, category_id) VALUES (94, 22);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (95, 'PRT', 'Botanical Print Set', '/botanical-print-set/', '<p>Botanical Print Set: a sturdy, well-made piece for everyday use.</p>', '', NULL, 40.00, 35.00, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/95/botanical-print-set.jpg', TRUE, FALSE, 18);
INSERT INTO product_categories (product_id, category_id) VALUES (95, 22);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (96, 'CIS', 'Cast Iron Skillet', '/cast-iron-skillet/', '<p>Cast Iron Skillet: a sturdy, well-made piece for everyday use.</p>', '', 38, 79.00, NULL, 89.00, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/96/cast-iron-skillet.jpg', TRUE, TRUE, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (96, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (96, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (97, 'CBW', 'Ceramic Bowl Set', '/ceramic-bowl-set/', '<p>Ceramic Bowl Set: a sturdy, well-made piece for everyday use.</p>', '', 38, 58.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/97/ceramic-bowl-set.jpg', TRUE, FALSE, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (97, 20);
INSERT INTO product_categories (product_id, category_id) VALUES (97, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (98, 'WSP', 'Wooden Spoon Set', '/wooden-spoon-set/', '<p>Wooden Spoon Set: a sturdy, well-made piece for everyday use.</p>', '', NULL, 19.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/98/wooden-spoon-set.jpg', TRUE, FALSE, 21);
INSERT INTO product_categories (product_id, category_id) VALUES (98, 19);
INSERT INTO product_categories (product_id, category_id) VALUES (98, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (99, 'LBK', 'Linen Bread Bag', '/linen-bread-bag/', '<p>Linen Bread Bag: a sturdy, well-made piece for everyday use.</p>', '', 37, 22.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/99/linen-bread-bag.jpg', TRUE, FALSE, 22);
INSERT INTO product_categories (product_id, category_id) VALUES (99, 18);
INSERT INTO products (id, sku, name, path, description, warranty, brand_id, base_price, sale_price, retail_price, image_url, in_stock, is_featured, sort_order) VALUES (100, 'BRM', 'Broom - Natural Fibre', '/broom-natural-fibre/', '<p>Broom - Natural Fibre: a sturdy, well-made piece for everyday use.</p>', '', 36, 48.00, NULL, NULL, 'https://cdn11.bigcommerce.com/s-sandbox1/images/stencil/{:size}/products/100/broom-natural-fibre.jpg', TRUE, FALSE, 23);
INSERT INTO product_categories (product_id, category_id) VALUES (100, 23);

INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 77, 39.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 78, 71.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 79, 79.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 80, 160.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 81, 27.96);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 82, 23.96);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 84, 180.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 85, 39.60);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 86, 95.96);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 88, 44.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 89, 19.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 90, 36.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 91, 22.40);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 92, 68.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 93, 25.60);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 94, 21.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 95, 28.00);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 96, 63.20);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 97, 46.40);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 99, 17.60);
INSERT INTO customer_group_prices (customer_group_id, product_id, price) VALUES (2, 100, 38.40);

INSERT INTO customers (id, email, email_normalized, password_hash, first_name, last_name, phone, company, customer_group_id, reset_password_required, created_at, updated_at) VALUES
  (1, 'shopper@example.com', 'shopper@example.com', '$2a$10$C7AkDu5JBxAQCCIHOtVKXOl6JzG4Xe1KbYDnPDt3CcTpBpv5VwORm', 'Sam', 'Shopper', '555-0100', '', 1, FALSE, TIMESTAMP WITH TIME ZONE '2025-06-01 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-06-01 09:00:00+00'),
  (2, 'wholesale@example.com', 'wholesale@example.com', '$2a$10$gBm4HqLAEh/.70OTb/0p3OLCJ74DI2Tv4yXjZYdi32Mfy.62lDlL.', 'Wren', 'Wholesale', '555-0200', 'Wholesale Goods Ltd', 2, FALSE, TIMESTAMP WITH TIME ZONE '2025-06-02 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-06-02 09:00:00+00'),
  (3, 'reset@example.com', 'reset@example.com', '$2a$10$otgnOYoMSJ9y0HeeVmMp9.L6uDdt.4pwoxRXAib/vlO2BOH2gdxaK', 'Riley', 'Reset', '', '', 1, TRUE, TIMESTAMP WITH TIME ZONE '2025-06-03 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-06-03 09:00:00+00');

INSERT INTO customer_addresses (id, customer_id, first_name, last_name, company, address1, address2, city, state_or_province, postal_code, country_code, phone) VALUES
  (1, 1, 'Sam', 'Shopper', NULL, '12 Market Street', NULL, 'Austin', 'Texas', '78701', 'US', '555-0100'),
  (2, 2, 'Wren', 'Wholesale', 'Wholesale Goods Ltd', '400 Warehouse Road', 'Unit 7', 'Denver', 'Colorado', '80202', 'US', '555-0200');

INSERT INTO orders (id, customer_id, cart_id, status, status_label, ordered_at, updated_at, currency_code, is_tax_included, sub_total, shipping_cost_total, handling_cost_total, wrapping_cost_total, tax_total, total_inc_tax, total_quantity, customer_message, billing_first_name, billing_last_name, billing_company, billing_address1, billing_address2, billing_city, billing_state, billing_state_code, billing_country, billing_country_code, billing_postal_code, billing_phone, billing_email) VALUES (101, 1, NULL, 'COMPLETED', 'Completed', TIMESTAMP WITH TIME ZONE '2025-09-14 15:30:00+00', TIMESTAMP WITH TIME ZONE '2025-09-14 15:30:00+00', 'USD', FALSE, 128.00, 9.95, 0.00, 0.00, 10.24, 148.19, 6, NULL, 'Sam', 'Shopper', NULL, '12 Market Street', NULL, 'Austin', 'Texas', 'TX', 'United States', 'US', '78701', NULL, 'shopper@example.com');
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (101, 77, 'Fog Linen Chambray Towel', 2, 49.00);
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (101, 83, 'Small Mason Jar', 4, 7.50);
INSERT INTO orders (id, customer_id, cart_id, status, status_label, ordered_at, updated_at, currency_code, is_tax_included, sub_total, shipping_cost_total, handling_cost_total, wrapping_cost_total, tax_total, total_inc_tax, total_quantity, customer_message, billing_first_name, billing_last_name, billing_company, billing_address1, billing_address2, billing_city, billing_state, billing_state_code, billing_country, billing_country_code, billing_postal_code, billing_phone, billing_email) VALUES (102, 1, NULL, 'SHIPPED', 'Shipped', TIMESTAMP WITH TIME ZONE '2025-11-02 11:05:00+00', TIMESTAMP WITH TIME ZONE '2025-11-02 11:05:00+00', 'USD', FALSE, 79.00, 9.95, 0.00, 0.00, 6.32, 95.27, 1, NULL, 'Sam', 'Shopper', NULL, '12 Market Street', NULL, 'Austin', 'Texas', 'TX', 'United States', 'US', '78701', NULL, 'shopper@example.com');
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (102, 96, 'Cast Iron Skillet', 1, 79.00);
INSERT INTO orders (id, customer_id, cart_id, status, status_label, ordered_at, updated_at, currency_code, is_tax_included, sub_total, shipping_cost_total, handling_cost_total, wrapping_cost_total, tax_total, total_inc_tax, total_quantity, customer_message, billing_first_name, billing_last_name, billing_company, billing_address1, billing_address2, billing_city, billing_state, billing_state_code, billing_country, billing_country_code, billing_postal_code, billing_phone, billing_email) VALUES (103, 1, NULL, 'AWAITING_FULFILLMENT', 'Awaiting Fulfillment', TIMESTAMP WITH TIME ZONE '2026-01-20 08:45:00+00', TIMESTAMP WITH TIME ZONE '2026-01-20 08:45:00+00', 'USD', FALSE, 87.50, 9.95, 0.00, 0.00, 7.00, 104.45, 3, NULL, 'Sam', 'Shopper', NULL, '12 Market Street', NULL, 'Austin', 'Texas', 'TX', 'United States', 'US', '78701', NULL, 'shopper@example.com');
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (103, 85, 'Chemex Coffeemaker 3 Cup', 1, 49.50);
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (103, 98, 'Wooden Spoon Set', 2, 19.00);
INSERT INTO orders (id, customer_id, cart_id, status, status_label, ordered_at, updated_at, currency_code, is_tax_included, sub_total, shipping_cost_total, handling_cost_total, wrapping_cost_total, tax_total, total_inc_tax, total_quantity, customer_message, billing_first_name, billing_last_name, billing_company, billing_address1, billing_address2, billing_city, billing_state, billing_state_code, billing_country, billing_country_code, billing_postal_code, billing_phone, billing_email) VALUES (201, 2, NULL, 'COMPLETED', 'Completed', TIMESTAMP WITH TIME ZONE '2025-10-10 10:00:00+00', TIMESTAMP WITH TIME ZONE '2025-10-10 10:00:00+00', 'USD', FALSE, 1184.00, 9.95, 0.00, 0.00, 94.72, 1288.67, 25, NULL, 'Wren', 'Wholesale', 'Wholesale Goods Ltd', '400 Warehouse Road', NULL, 'Denver', 'Colorado', 'CO', 'United States', 'US', '80202', NULL, 'wholesale@example.com');
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (201, 80, 'Canvas Laundry Cart', 5, 160.00);
INSERT INTO order_line_items (order_id, product_id, name, quantity, price) VALUES (201, 89, 'Spray Bottle', 20, 19.20);

INSERT INTO wishlists (id, customer_id, name, is_public, token) VALUES (1, 1, 'Kitchen ideas', FALSE, 'a7d2c5e9b1f04c6d8e3a2b1c0d9e8f7a');
INSERT INTO wishlist_items (id, wishlist_id, product_id, variant_id) VALUES (1, 1, 84, NULL), (2, 1, 96, NULL);

