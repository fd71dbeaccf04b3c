import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubernetesObject, V1Deployment } from '@kubernetes/client-node';
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { PLANNED_REPLICAS_ANNOTATION } from '../../../deploy/sleep.js';
import { type RunningGateway, startGateway } from '../../../gateway/gateway.js';
import { BRIDGE_ADDRESS } from '../../../local/stack/node/layout.js';
import { revokeShare } from '../../../store/shares.js';
import { environmentRow, shareOf, teamMember } from '../../support/access-fixture.js';
import { stackEnv } from '../../support/stack-env.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { createMigratedDatabase, type MigratedDatabase } from '../store/test-database.js';
import {
  type Answer,
  assertBridgeUp,
  bridgedService,
  createNamespace,
  eventually,
  get,
  ingressFor,
} from './support.js';

/**
 * Who may use an environment's URLs, on the real cluster and the API's real tables (a database of
 * this file's own): no credential, another team's token, a bad token → refused and never forwarded
 * nor woken; a member's token and a share link (exchanged for a cookie scoped to the environment)
 * → through; revocation and expiry within 5 s; a public Ingress needs nothing.
 */

const DOMAIN = 'microstax.localhost';
const suffix = randomBytes(3).toString('hex');
const teams = { own: `own-${suffix}`, other: `other-${suffix}` };
const env = {
  priv: uniqueId('gw-priv'),
  second: uniqueId('gw-second'),
  pub: uniqueId('gw-pub'),
  sleepy: uniqueId('gw-sleepy'),
};
const ns = (id: string) => `msx-${id}`;
const host = (id: string) => `api.${id}.${DOMAIN}`;

let kube: KubeClient;
let db: MigratedDatabase;
let pool: pg.Pool;
let gateway: RunningGateway | undefined;
let backend: Server;
/** Every request the backend got, with the headers it saw. */
const seen: { path: string; headers: Record<string, unknown> }[] = [];
let own: { token: string };
let other: { token: string };

const through = (id: string, params: { path?: string; headers?: Record<string, string> } = {}) =>
  get({ base: gateway!.url, host: host(id), ...params });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const gatewayMetrics = async () =>
  (await get({ base: gateway!.url, host: '127.0.0.1', path: '/__microstax/metrics' })).body;

beforeAll(async () => {
  await assertBridgeUp();
  kube = await stackKube();
  db = await createMigratedDatabase('gateway_access');
  pool = db.pool;
  const owner = await teamMember(pool, { team: teams.own, user: `ana-${suffix}` });
  own = owner;
  other = await teamMember(pool, { team: teams.other, user: `bob-${suffix}` });
  for (const id of Object.values(env))
    await environmentRow(pool, { id, team: teams.own, ownerId: owner.userId });

  backend = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, headers: req.headers }));
  });
  await new Promise<void>((resolve) => backend.listen(0, BRIDGE_ADDRESS, resolve));
  const backendPort = (backend.address() as AddressInfo).port;

  for (const id of Object.values(env)) {
    await createNamespace(kube, ns(id));
    const objects: KubernetesObject[] = [
      // A sleeping environment's Service has no endpoint: the gateway, which probes the backend from the
      // start of a wake, must not find one answering.
      ...bridgedService({ namespace: ns(id), name: 'api', servicePort: 80, backendPort }).filter(
        (o) => id !== env.sleepy || o.kind !== 'EndpointSlice',
      ),
      ingressFor({
        namespace: ns(id),
        environment: id,
        service: 'api',
        host: host(id),
        port: 80,
        ...(id === env.pub && { annotations: { [ANNOTATIONS.access]: 'public' } }),
      }),
    ];
    for (const object of objects) await kube.apply(object);
  }
  // The sleepy environment's api is scaled to zero as deploy/sleep.ts leaves it.
  await kube.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'api',
      namespace: ns(env.sleepy),
      labels: { [LABELS.role]: 'workload', [LABELS.environment]: env.sleepy, [LABELS.service]: 'api' },
      annotations: { [PLANNED_REPLICAS_ANNOTATION]: '1' },
    },
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'sleepy' } },
      template: {
        metadata: { labels: { app: 'sleepy' } },
        spec: { containers: [{ name: 'api', image: 'registry.invalid/none:1' }] },
      },
    },
  } as V1Deployment as KubernetesObject);
  gateway = await startGateway({
    kube,
    log: pino({ level: 'silent' }),
    port: 0,
    access: { databaseUrl: db.url, secureCookies: false },
    wake: { holdTimeoutMs: 5_000, env: await stackEnv() },
  });
  // kube-proxy programs new ClusterIPs within a sync period: wait until the public one answers.
  const ready = await eventually(
    () => through(env.pub).catch((error: Error) => ({ status: 0, headers: {}, body: error.message })),
    (a) => a.status === 200,
    60_000,
  );
  expect(ready.status, ready.body).toBe(200);
  for (const id of [env.priv, env.second]) {
    const answer = await eventually(
      () =>
        through(id, { headers: bearer(own.token) }).catch((error: Error) => ({
          status: 0,
          headers: {},
          body: error.message,
        })),
      (a) => a.status === 200,
      60_000,
    );
    expect(answer.status, answer.body).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  backend?.closeAllConnections();
  await new Promise((resolve) => backend?.close(resolve));
  if (kube) {
    for (const id of Object.values(env))
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns(id) });
  }
  await db?.close();
});

const refusedWithoutForwarding = async (answer: Promise<Answer>, status: number) => {
  const before = seen.length;
  const got = await answer;
  expect(got.status, got.body).toBe(status);
  expect(seen.length).toBe(before);
  return got;
};

describe("access to environments' URLs through the gateway", () => {
  it('refuses a request without a credential (401, how to get access), never forwarding it', async () => {
    const answer = await refusedWithoutForwarding(through(env.priv), 401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="microstax"');
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'unauthorized', environment: env.priv });
    expect(JSON.parse(answer.body).message).toMatch(/share link.*Authorization: Bearer/);
  });

  it("refuses another team's token (403), unknown or malformed tokens (401), and someone else's Authorization scheme", async () => {
    await refusedWithoutForwarding(through(env.priv, { headers: bearer(other.token) }), 403);
    await refusedWithoutForwarding(
      through(env.priv, { headers: bearer(`msx_${randomBytes(32).toString('base64url')}`) }),
      401,
    );
    await refusedWithoutForwarding(through(env.priv, { headers: bearer(`${own.token} `.repeat(200)) }), 401);
    await refusedWithoutForwarding(through(env.priv, { headers: { authorization: 'Basic YTpi' } }), 401);
    await refusedWithoutForwarding(through(env.priv, { path: '/?microstax_share=x'.padEnd(5000, 'x') }), 401);
  });

  it("lets a member of the environment's team through with an API token, which the service never sees", async () => {
    const answer = await through(env.priv, {
      path: '/orders',
      headers: { ...bearer(own.token), cookie: 'theirs=1' },
    });
    expect(answer.status, answer.body).toBe(200);
    const { headers } = JSON.parse(answer.body);
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBe('theirs=1');
  });

  it('refuses 100 concurrent requests with random tokens, all 401, none forwarded', async () => {
    const before = seen.length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        through(env.priv, { headers: bearer(`msx_${randomBytes(32).toString('base64url')}`) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    expect(seen.length).toBe(before);
  });

  it("exchanges a share link for a cookie scoped to that environment's hosts, accepted there only", async () => {
    const { token } = await shareOf(pool, {
      id: `h${suffix}a`,
      environmentId: env.priv,
      team: teams.own,
      ttlMs: 3_600_000,
    });
    const exchange = await through(env.priv, { path: `/cart?x=1&microstax_share=${token}` });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/cart?x=1');
    expect(exchange.headers['referrer-policy']).toBe('no-referrer');
    const cookie = String(exchange.headers['set-cookie']);
    expect(cookie).toMatch(
      new RegExp(
        `^microstax_share=${token}; Path=/; Max-Age=\\d+; Domain=${env.priv}\\.${DOMAIN}; HttpOnly; SameSite=Lax$`,
      ),
    );
    expect(cookie).not.toContain('Secure'); // http URLs; https ones get Secure (unit-tested)

    const withCookie = await through(env.priv, {
      path: '/cart?x=1',
      headers: { cookie: `theirs=1; microstax_share=${token}` },
    });
    expect(withCookie.status, withCookie.body).toBe(200);
    expect(JSON.parse(withCookie.body).headers.cookie).toBe('theirs=1');

    // Another environment of the same team: neither the cookie nor the link opens it.
    await refusedWithoutForwarding(
      through(env.second, { headers: { cookie: `microstax_share=${token}` } }),
      403,
    );
    await refusedWithoutForwarding(through(env.second, { path: `/?microstax_share=${token}` }), 403);
  });

  it('stops honouring a revoked share within 5 s', async () => {
    const { token, shareId } = await shareOf(pool, {
      id: `h${suffix}b`,
      environmentId: env.priv,
      team: teams.own,
      ttlMs: 3_600_000,
    });
    const cookie = { cookie: `microstax_share=${token}` };
    expect((await through(env.priv, { headers: cookie })).status).toBe(200);
    await revokeShare(pool, { environmentId: env.priv, shareId });
    const revokedAt = Date.now();
    const answer = await eventually(
      () => through(env.priv, { headers: cookie }),
      (a) => a.status === 401,
      6_000,
    );
    expect(answer.status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    // The dead cookie is deleted.
    expect(String(answer.headers['set-cookie'])).toMatch(/^microstax_share=; Path=\/; Max-Age=0/);
    await refusedWithoutForwarding(through(env.priv, { path: `/?microstax_share=${token}` }), 401);
  });

  it('refuses an expired share', async () => {
    const { token } = await shareOf(pool, {
      id: `h${suffix}c`,
      environmentId: env.priv,
      team: teams.own,
      ttlMs: 1_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await refusedWithoutForwarding(through(env.priv, { path: `/?microstax_share=${token}` }), 401);
    await refusedWithoutForwarding(
      through(env.priv, { headers: { cookie: `microstax_share=${token}` } }),
      401,
    );
  });

  it('serves a public Ingress without a credential', async () => {
    const answer = await through(env.pub);
    expect(answer.status).toBe(200);
  });

  it('does not wake a sleeping environment for a request without a credential; with one it does', async () => {
    const wakes = () =>
      gatewayMetrics().then((text) => text.match(/^microstax_gateway_wakes_total\{[^}]*\} (\d+)/gm) ?? []);
    const before = await wakes();
    await refusedWithoutForwarding(through(env.sleepy), 401);
    await refusedWithoutForwarding(through(env.sleepy, { headers: bearer(other.token) }), 403);
    expect(await wakes()).toEqual(before);
    const deployment = await kube.read<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'api',
      namespace: ns(env.sleepy),
    });
    expect(deployment.spec?.replicas).toBe(0);
    // A member's request does start a wake (no workflow owns this namespace, so it cannot succeed: 503).
    const member = await through(env.sleepy, { headers: bearer(own.token) });
    expect(member.status, member.body).toBe(503);
    expect(await wakes()).not.toEqual(before);
  });
});
