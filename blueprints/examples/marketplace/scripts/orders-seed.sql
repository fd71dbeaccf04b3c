-- A handful of orders in every state, so QA can exercise the order pages.
INSERT INTO orders (id, customer_id, status, total_cents) VALUES
  (1, 1001, 'open', 2598),
  (2, 1001, 'paid', 1999),
  (3, 1002, 'shipped', 4797),
  (4, 1003, 'cancelled', 1250)
ON CONFLICT (id) DO NOTHING;
INSERT INTO order_lines (order_id, sku, quantity, unit_cents) VALUES
  (1, 'MUG-WHT', 2, 1299),
  (2, 'TEE-BLK-M', 1, 1999),
  (3, 'CAP-NVY', 3, 1599),
  (4, 'MUG-WHT', 1, 1250)
ON CONFLICT DO NOTHING;
SELECT setval('orders_id_seq', (SELECT max(id) FROM orders));
