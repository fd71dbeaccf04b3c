import type pg from 'pg';

/** The app's tables (created and seeded by blueprints/examples/checkout-dev/scripts/seed.sql). */

export interface Product {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
}

export interface CartItem {
  productId: number;
  sku: string;
  name: string;
  quantity: number;
}

export interface Cart {
  id: number;
  customer: string;
  createdAt: string;
  items: CartItem[];
}

/** Queries a pg Pool or Client can run. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Every product, by id. */
export async function listProducts(db: Queryable): Promise<Product[]> {
  const result = await db.query<{ id: number; sku: string; name: string; price_cents: number }>(
    'SELECT id, sku, name, price_cents FROM products ORDER BY id',
  );
  return result.rows.map((row) => ({
    id: row.id,
    sku: row.sku,
    name: row.name,
    priceCents: row.price_cents,
  }));
}

/** Inserts an empty cart for `customer`. */
export async function insertCart(db: Queryable, customer: string): Promise<Cart> {
  const result = await db.query<{ id: number; customer: string; created_at: Date }>(
    'INSERT INTO carts (customer) VALUES ($1) RETURNING id, customer, created_at',
    [customer],
  );
  const row = result.rows[0]!;
  return { id: row.id, customer: row.customer, createdAt: row.created_at.toISOString(), items: [] };
}

/** A cart with its items, or undefined. */
export async function findCart(db: Queryable, id: number): Promise<Cart | undefined> {
  const carts = await db.query<{ id: number; customer: string; created_at: Date }>(
    'SELECT id, customer, created_at FROM carts WHERE id = $1',
    [id],
  );
  const cart = carts.rows[0];
  if (!cart) return undefined;
  const items = await db.query<{ product_id: number; sku: string; name: string; quantity: number }>(
    `SELECT i.product_id, p.sku, p.name, i.quantity
       FROM cart_items i JOIN products p ON p.id = i.product_id
      WHERE i.cart_id = $1 ORDER BY i.product_id`,
    [id],
  );
  return {
    id: cart.id,
    customer: cart.customer,
    createdAt: cart.created_at.toISOString(),
    items: items.rows.map((row) => ({
      productId: row.product_id,
      sku: row.sku,
      name: row.name,
      quantity: row.quantity,
    })),
  };
}
