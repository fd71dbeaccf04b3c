import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { until } from '../../support/until.js';
import { EXAMPLE_DIR, firstOk, httpAt, publicApi } from './support.js';

/** A JSON call to a MicroStax API (in-process or in the cluster) as a member of team "payments". */
export type ApiCall = <T>(
  method: 'GET' | 'POST' | 'DELETE',
  route: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

interface EnvironmentView {
  phase: string;
  urls: Record<string, string>;
  error?: unknown;
  services?: unknown;
}

/** Starts the founding example (checkout-dev with its seed) through the API; returns its id. */
export async function startFoundingExample(
  call: ApiCall,
  /** Changes to the blueprint's text and more scripts beside the seed. */
  edit: { source?: (yaml: string) => string; scripts?: Record<string, string> } = {},
): Promise<string> {
  const source = (edit.source ?? ((yaml) => yaml))(
    publicApi(await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8')),
  );
  const seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
  const created = await call<{ id: string }>('POST', '/v1/environments', {
    blueprint: {
      source,
      fileName: 'checkout-dev.yaml',
      scripts: { 'scripts/seed.sql': seed, ...edit.scripts },
    },
    ttl: '1h',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

/** Waits until the environment is ready (failing with its error and services otherwise). */
export async function waitReady(call: ApiCall, id: string): Promise<EnvironmentView> {
  const env = await until(
    `${id} ready`,
    async () => (await call<EnvironmentView>('GET', `/v1/environments/${id}`)).body,
    (e) => e.phase === 'ready' || e.phase === 'failed',
  );
  expect(env.phase, JSON.stringify({ error: env.error, services: env.services })).toBe('ready');
  return env;
}

/** Deletes the environment and waits until its workflow says deleted. */
export async function deleteAndWait(call: ApiCall, id: string): Promise<void> {
  await call('DELETE', `/v1/environments/${id}`);
  await until(
    `${id} torn down`,
    async () => (await call<{ phase: string }>('GET', `/v1/environments/${id}`)).body,
    (e) => e.phase === 'deleted',
  );
}

/**
 * Through the API and the environment's URL (via the gateway at `via`, default the stack's): the seeded
 * products answer, a cart written before a snapshot is back after a restore, one written after is gone.
 */
export async function snapshotRoundTrip(params: {
  call: ApiCall;
  api: string;
  id: string;
  via?: string;
  /** Runs just before the snapshot is taken, and just after (before the restore). */
  beforeSnapshot?: () => Promise<void>;
  afterSnapshot?: () => Promise<void>;
}): Promise<{ keptCartId: string }> {
  const { call, api, id, via } = params;
  const products = await firstOk(`${api}/products`, 60_000, via);
  expect(products.json().products.length).toBeGreaterThan(0);
  const cart = async (customer: string) =>
    (await httpAt(`${api}/carts`, { method: 'POST', body: { customer }, via })).json().cart as { id: string };
  const kept = await cart('kept@example.com');
  await params.beforeSnapshot?.();
  const snapshot = await call('POST', `/v1/environments/${id}/snapshots`, { name: 'with-kept' });
  expect(snapshot.status).toBe(202);
  const listed = await until(
    'snapshot ready',
    async () =>
      (await call<{ items: { name: string; phase: string }[] }>('GET', `/v1/environments/${id}/snapshots`))
        .body,
    (list) => list.items.some((s) => s.name === 'with-kept' && s.phase !== 'pending'),
  );
  expect(listed.items.find((s) => s.name === 'with-kept')?.phase).toBe('ready');
  const lost = await cart('lost@example.com');
  await params.afterSnapshot?.();
  const restore = await call('POST', `/v1/environments/${id}/restore`, { snapshot: 'with-kept' });
  expect(restore.status).toBe(202);
  await until(
    'the cart written after the snapshot to be gone',
    async () => (await httpAt(`${api}/carts/${lost.id}`, { via })).status,
    (status) => status === 404,
  );
  expect((await httpAt(`${api}/carts/${kept.id}`, { via })).json().cart).toMatchObject({
    customer: 'kept@example.com',
  });
  return { keptCartId: kept.id };
}
