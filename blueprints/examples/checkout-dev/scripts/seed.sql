-- Seed data for the checkout-dev blueprint: a small, realistic catalogue and one open cart.
CREATE TABLE IF NOT EXISTS products (
  id          serial PRIMARY KEY,
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0)
);

CREATE TABLE IF NOT EXISTS carts (
  id         serial PRIMARY KEY,
  customer   text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS cart_items (
  cart_id    integer NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  product_id integer NOT NULL REFERENCES products (id),
  quantity   integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (cart_id, product_id)
);

INSERT INTO products (sku, name, price_cents) VALUES
  ('TEE-BLK-M', 'Black T-shirt, M', 1999),
  ('MUG-WHT', 'White mug', 1250),
  ('CAP-NVY', 'Navy cap', 1599)
ON CONFLICT (sku) DO NOTHING;

INSERT INTO carts (customer) VALUES ('alice@example.com');
INSERT INTO cart_items (cart_id, product_id, quantity)
SELECT c.id, p.id, 2 FROM carts c, products p WHERE c.customer = 'alice@example.com' AND p.sku = 'MUG-WHT'
ON CONFLICT DO NOTHING;
