import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ProductCache } from './product-cache.js';
import { findCart, insertCart, listProducts, type Product, type Queryable } from './store.js';

/**
 * The checkout-api's routes as plain functions of a request, so tests call them against real
 * Postgres and Redis without a listener. Every response carries the app's version, so a test can
 * tell a branch's version from the baseline's.
 */

export interface CheckoutDeps {
  db: Queryable;
  cache: ProductCache;
  /** Baked into the image at build time (1.0, 2.0); `dev` when run from source. */
  version: string;
  /** Where cache failures are reported (the app keeps serving from the database). */
  warn: (message: string) => void;
}

export interface CheckoutRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The parsed JSON body, if any. */
  body?: unknown;
}

export interface CheckoutResponse {
  status: number;
  body: Record<string, unknown>;
}

export const SERVICE_NAME = 'checkout-api';

/**
 * What every answer carries: the service and version, and what real APIs add and a diff must learn to
 * ignore: a fresh request id and the time it was served.
 */
export function answerEnvelope(version: string): Record<string, unknown> {
  return { service: SERVICE_NAME, version, requestId: randomUUID(), servedAt: new Date().toISOString() };
}

/**
 * The deliberate change of 2.0, for the traffic-diff demo: products carry their currency. 1.0 (and
 * `dev`) answer as before.
 */
function priced(version: string, products: Product[]): (Product & { currency?: string })[] {
  return Number.parseFloat(version) >= 2 ? products.map((p) => ({ ...p, currency: 'EUR' })) : products;
}

const NewCartSchema = z.object({ customer: z.string().trim().min(1).max(200) });

/** Answers one request. Unknown routes are 404; bad bodies 400 naming the field. */
export async function handleCheckoutRequest(
  deps: CheckoutDeps,
  request: CheckoutRequest,
): Promise<CheckoutResponse> {
  const reply = (status: number, body: Record<string, unknown>): CheckoutResponse => ({
    status,
    body: { ...answerEnvelope(deps.version), ...body },
  });
  const { method, path } = request;
  if (method === 'GET' && path === '/healthz') return reply(200, { status: 'ok' });
  if (method === 'GET' && path === '/') {
    const [database, cache] = await Promise.all([
      deps.db.query('SELECT 1').then(
        () => 'ok',
        (error: Error) => `error: ${error.message}`,
      ),
      deps.cache.ping().then(
        () => 'ok',
        (error: Error) => `error: ${error.message}`,
      ),
    ]);
    return reply(database === 'ok' && cache === 'ok' ? 200 : 503, { database, cache });
  }
  if (method === 'GET' && path === '/products') {
    const cached = await deps.cache.get().catch((error: Error) => {
      deps.warn(`cache read failed, reading the database: ${error.message}`);
      return undefined;
    });
    if (cached) return reply(200, { source: 'cache', products: priced(deps.version, cached) });
    const products = await listProducts(deps.db);
    await deps.cache.set(products).catch((error: Error) => deps.warn(`cache write failed: ${error.message}`));
    return reply(200, { source: 'database', products: priced(deps.version, products) });
  }
  if (method === 'POST' && path === '/carts') {
    const parsed = NewCartSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reply(400, { error: `${issue.path.join('.') || 'body'}: ${issue.message}` });
    }
    return reply(201, { cart: await insertCart(deps.db, parsed.data.customer) });
  }
  const cartPath = /^\/carts\/([^/]+)$/.exec(path);
  if (method === 'GET' && cartPath) {
    const id = Number(cartPath[1]);
    if (!Number.isSafeInteger(id) || id <= 0) return reply(400, { error: 'id: expected a positive integer' });
    const cart = await findCart(deps.db, id);
    return cart ? reply(200, { cart }) : reply(404, { error: `no cart ${id}` });
  }
  return reply(404, { error: `no route ${method} ${path}` });
}
