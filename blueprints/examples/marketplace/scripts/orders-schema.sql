-- Orders database schema (marketplace example).
CREATE TABLE IF NOT EXISTS orders (
  id          bigserial PRIMARY KEY,
  customer_id bigint      NOT NULL,
  status      text        NOT NULL DEFAULT 'open',
  total_cents integer     NOT NULL CHECK (total_cents >= 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS order_lines (
  order_id   bigint  NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  sku        text    NOT NULL,
  quantity   integer NOT NULL CHECK (quantity > 0),
  unit_cents integer NOT NULL,
  PRIMARY KEY (order_id, sku)
);
CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id, created_at DESC);
