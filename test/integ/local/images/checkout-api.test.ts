import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckoutDeps,
  handleCheckoutRequest,
} from '../../../../local/images/checkout-api/src/handlers.js';
import {
  PRODUCTS_CACHE_KEY,
  redisProductCache,
} from '../../../../local/images/checkout-api/src/product-cache.js';
import { createCheckoutServer } from '../../../../local/images/checkout-api/src/server.js';
import { ensureDebianPackages } from '../../../../local/stack/debian-packages.js';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import { waitUntil } from '../../../../local/stack/probes.js';
import { silentProgress } from '../../../../local/stack/progress.js';
import { freePort } from './support/rootfs-runner.js';

/**
 * checkout-api's handlers against the stack's real Postgres (a database of its own, seeded with the
 * checkout-dev seed script) and a real redis-server started on a free loopback port.
 */

const SEED_SQL = path.resolve('blueprints/examples/checkout-dev/scripts/seed.sql');
const database = `checkout_api_test_${randomUUID().slice(0, 8)}`;

let admin: pg.Client;
let pool: pg.Pool;
let redisServer: ChildProcess;
let redis: ReturnType<typeof createClient>;
let deps: CheckoutDeps;
const warnings: string[] = [];

beforeAll(async () => {
  const { databaseUrl } = await readStackEndpoints();
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
  await pool.query(await readFile(SEED_SQL, 'utf8'));

  await ensureDebianPackages({
    part: 'checkout-api test',
    packages: ['redis-server'],
    progress: silentProgress,
  });
  const port = await freePort();
  redisServer = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redis = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
  redis.on('error', () => {});
  await waitUntil(() => redis.connect().then(() => undefined), { timeoutMs: 10_000, intervalMs: 200 });
  deps = {
    db: pool,
    cache: redisProductCache(redis, 30),
    version: '9.9',
    warn: (message) => warnings.push(message),
  };
}, 60_000);

afterAll(async () => {
  await pool?.end();
  if (redis?.isOpen) await redis.quit();
  redisServer?.kill('SIGTERM');
  await admin?.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin?.end();
});

const request = (method: string, path: string, body?: unknown) =>
  handleCheckoutRequest(deps, { method, path, body });

describe('checkout-api handlers', () => {
  it('GET /healthz and GET / report the version, the database and the cache', async () => {
    // Every answer carries noise a traffic diff must learn: a fresh request id and the time served.
    const noise = { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), servedAt: expect.any(String) };
    expect(await request('GET', '/healthz')).toEqual({
      status: 200,
      body: { service: 'checkout-api', version: '9.9', status: 'ok', ...noise },
    });
    expect(await request('GET', '/')).toEqual({
      status: 200,
      body: { service: 'checkout-api', version: '9.9', database: 'ok', cache: 'ok', ...noise },
    });
    const [a, b] = [await request('GET', '/healthz'), await request('GET', '/healthz')];
    expect(a.body.requestId).not.toBe(b.body.requestId);
  });

  it('GET /products reads the seeded products from Postgres, then serves them from Redis', async () => {
    await redis.del(PRODUCTS_CACHE_KEY);
    const first = await request('GET', '/products');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: '9.9', source: 'database' });
    // From 2.0 on (this test runs as 9.9), products carry their currency: the deliberate change a diff finds.
    expect(first.body.products).toEqual([
      { id: 1, sku: 'TEE-BLK-M', name: 'Black T-shirt, M', priceCents: 1999, currency: 'EUR' },
      { id: 2, sku: 'MUG-WHT', name: 'White mug', priceCents: 1250, currency: 'EUR' },
      { id: 3, sku: 'CAP-NVY', name: 'Navy cap', priceCents: 1599, currency: 'EUR' },
    ]);
    const older = await handleCheckoutRequest(
      { ...deps, version: '1.0' },
      { method: 'GET', path: '/products' },
    );
    expect((older.body.products as object[])[0]).toEqual({
      id: 1,
      sku: 'TEE-BLK-M',
      name: 'Black T-shirt, M',
      priceCents: 1999,
    });
    expect(await redis.ttl(PRODUCTS_CACHE_KEY)).toBeGreaterThan(0);
    const second = await request('GET', '/products');
    expect(second.body).toMatchObject({ source: 'cache', products: first.body.products });
  });

  it('POST /carts inserts a cart; GET /carts/:id reads it back with its items', async () => {
    const created = await request('POST', '/carts', { customer: 'bob@example.com' });
    expect(created.status).toBe(201);
    const cart = created.body.cart as { id: number; customer: string; createdAt: string };
    expect(cart).toMatchObject({ customer: 'bob@example.com' });
    const row = await pool.query('SELECT customer FROM carts WHERE id = $1', [cart.id]);
    expect(row.rows).toEqual([{ customer: 'bob@example.com' }]);
    expect(await request('GET', `/carts/${cart.id}`)).toMatchObject({
      status: 200,
      body: { version: '9.9', cart: { id: cart.id, customer: 'bob@example.com', items: [] } },
    });
    // The seeded cart holds two mugs.
    expect(await request('GET', '/carts/1')).toMatchObject({
      status: 200,
      body: { cart: { customer: 'alice@example.com', items: [{ sku: 'MUG-WHT', quantity: 2 }] } },
    });
  });

  it('answers bad input with 400 naming the field, and unknown carts and routes with 404', async () => {
    expect(await request('POST', '/carts', { customer: '  ' })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^customer: /) },
    });
    expect(await request('POST', '/carts')).toMatchObject({ status: 400, body: { error: /^customer: / } });
    expect(await request('GET', '/carts/abc')).toMatchObject({ status: 400, body: { error: /^id: / } });
    expect(await request('GET', '/carts/999999')).toMatchObject({
      status: 404,
      body: { error: 'no cart 999999' },
    });
    expect(await request('DELETE', '/products')).toMatchObject({ status: 404 });
  });

  it('serves the HTTP API with the X-Checkout-Version header and rejects invalid JSON', async () => {
    const server = createCheckoutServer({ ...deps, log: () => {} });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const products = await fetch(`${base}/products?fresh=1`);
      expect(products.status).toBe(200);
      expect(products.headers.get('x-checkout-version')).toBe('9.9');
      const invalid = await fetch(`${base}/carts`, { method: 'POST', body: '{not json' });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toEqual({
        service: 'checkout-api',
        version: '9.9',
        requestId: expect.any(String),
        servedAt: expect.any(String),
        error: 'body: invalid JSON',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps serving products from the database when Redis is gone, and says so on GET /', async () => {
    await redis.quit();
    const products = await request('GET', '/products');
    expect(products).toMatchObject({ status: 200, body: { source: 'database' } });
    expect(warnings.some((warning) => warning.startsWith('cache read failed'))).toBe(true);
    const status = await request('GET', '/');
    expect(status.status).toBe(503);
    expect(status.body).toMatchObject({ database: 'ok', cache: expect.stringMatching(/^error: /) });
  });
});
