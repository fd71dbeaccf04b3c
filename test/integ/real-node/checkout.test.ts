import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { V1PersistentVolume, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryArtifactStore } from '../../../activities/artifact-store.js';
import { PostgresDumpEngine } from '../../../activities/postgres-dump-engine.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { postgresUrlFor } from '../../../deploy/data-endpoints.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { checkoutDev, firstOk, httpAt, natRules, realNodeConfig } from './support.js';

/**
 * The founding example on the real node, end to end: the seed runs in the real Postgres, the
 * checkout-api answers at its URL with rows from the database and the cache, a branch answers with
 * its own version, header routing picks the branch by context, a snapshot restores a row, and
 * teardown leaves no pod, Service rule or volume behind.
 */

let kube: KubeClient;
let config: DeployConfig;
let baseline: ResolvedBlueprint;
const created: string[] = [];
const owner = { owner: 'ana@acme.io', team: 'payments' };

async function deploy(params: {
  id: string;
  blueprint: ResolvedBlueprint;
  baselineId?: string;
  baselineBlueprint?: ResolvedBlueprint;
}) {
  created.push(params.id);
  const plan = params.baselineBlueprint
    ? planBranch({ baseline: params.baselineBlueprint, branch: params.blueprint })
    : undefined;
  return deployEnvironment({
    kube,
    environment: { id: params.id, ...owner },
    blueprint: params.blueprint,
    ...(plan && { plan, baseline: { environmentId: params.baselineId! } }),
    config,
  });
}

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  baseline = await checkoutDev();
}, 60_000);

afterAll(async () => {
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
}, 300_000);

describe('checkout-dev on the real node', () => {
  const baseId = uniqueId('rn-base');
  let apiUrl: string;

  it('seeds the real Postgres and serves products from the database, then from the cache', async () => {
    const result = await deploy({ id: baseId, blueprint: baseline });
    expect(result.services.every((s) => s.phase === 'ready')).toBe(true);
    apiUrl = result.urls.api![0]!;
    expect(apiUrl).toMatch(new RegExp(`^http://api\\.${baseId}\\.microstax\\.localhost:\\d+$`));

    // The api is ready (its port answers) before its Redis client has connected; a cache write that
    // times out then reads "database" twice. Its root answers 200 only with both connected.
    expect((await firstOk(`${apiUrl}/`)).json()).toMatchObject({ database: 'ok', cache: 'ok' });
    const first = (await firstOk(`${apiUrl}/products`)).json();
    expect(first.source).toBe('database');
    expect(first.version).toBe('1.0');
    expect(first.products.map((p: { sku: string }) => p.sku).sort()).toEqual([
      'CAP-NVY',
      'MUG-WHT',
      'TEE-BLK-M',
    ]);
    const second = (await httpAt(`${apiUrl}/products`)).json();
    expect(second.source).toBe('cache');
    const root = (await httpAt(`${apiUrl}/`)).json();
    expect(root).toMatchObject({ database: 'ok', cache: 'ok' });
  }, 600_000);

  it('a branch that changes only the api answers with its version; the baseline keeps the old one', async () => {
    const branchBlueprint = await checkoutDev((yaml) =>
      yaml.replace('checkout-api:latest', 'checkout-api:2.0'),
    );
    const branchId = uniqueId('rn-branch');
    const result = await deploy({
      id: branchId,
      blueprint: branchBlueprint,
      baselineId: baseId,
      baselineBlueprint: baseline,
    });
    // The api runs the new image; it writes to db, so db is forked (its own copy, of the baseline's data); the cache is reused.
    expect(result.services.map((s) => s.service).sort()).toEqual(['api', 'db']);
    expect(result.reused.map((r) => r.service)).toEqual(['cache']);
    const branch = (await firstOk(`${result.urls.api![0]}/products`)).json();
    expect(branch.version).toBe('2.0');
    // Its cache is the baseline's, reached by name through an ExternalName Service.
    expect(branch.products).toHaveLength(3);
    expect((await httpAt(`${result.urls.api![0]}/`)).json()).toMatchObject({ database: 'ok', cache: 'ok' });
    expect((await httpAt(`${apiUrl}/products`)).json().version).toBe('1.0');
  }, 600_000);

  it('a snapshot taken after a write restores the row into a new environment', async () => {
    const cart = await httpAt(`${apiUrl}/carts`, { method: 'POST', body: { customer: 'snap@example.com' } });
    expect(cart.status).toBe(201);
    const cartId = cart.json().cart.id;

    const artifactDir = await mkdtemp(path.join(tmpdir(), 'msx-snap-'));
    try {
      const engine = new PostgresDumpEngine({
        store: new DirectoryArtifactStore(artifactDir),
        connectionFor: ({ environmentId, service }) =>
          postgresUrlFor({ kube, config, environmentId, service: service.name }),
      });
      const db = baseline.services.find((s) => s.name === 'db')!;
      const signal = new AbortController().signal;
      const artifact = await engine.capture({
        environmentId: baseId,
        service: db,
        snapshotId: 'snap-1',
        signal,
        heartbeat: () => {},
      });
      expect(artifact.bytes).toBeGreaterThan(0);

      const restoredId = uniqueId('rn-restored');
      const restored = await deploy({ id: restoredId, blueprint: baseline });
      await engine.restore({
        environmentId: restoredId,
        service: db,
        artifact: { ...artifact, service: 'db', engine: engine.name },
        signal,
        heartbeat: () => {},
      });
      const answer = await firstOk(`${restored.urls.api![0]}/carts/${cartId}`);
      expect(answer.json().cart).toMatchObject({ id: cartId, customer: 'snap@example.com' });
    } finally {
      await rm(artifactDir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('header routing on the real node', () => {
  it('one shared entry point answers with the branch version only for requests in the branch context', async () => {
    const headerBaseline = await checkoutDev((yaml) =>
      yaml.replace('name: checkout-dev', 'name: checkout-dev\nrouting: header'),
    );
    const headerBranch = await checkoutDev((yaml) =>
      yaml
        .replace('name: checkout-dev', 'name: checkout-dev\nrouting: header')
        .replace('checkout-api:latest', 'checkout-api:2.0'),
    );
    const baseId = uniqueId('rn-hbase');
    const branchId = uniqueId('rn-hbranch');
    const base = await deploy({ id: baseId, blueprint: headerBaseline });
    await deploy({
      id: branchId,
      blueprint: headerBranch,
      baselineId: baseId,
      baselineBlueprint: headerBaseline,
    });
    const entry = `${base.urls.api![0]}/products`;

    const plain = await firstOk(entry);
    expect(plain.json().version).toBe('1.0');
    const routed = await httpAt(entry, { headers: { baggage: `microstax-env=${branchId}` } });
    expect(routed.status).toBe(200);
    expect(routed.json().version).toBe('2.0');
    expect(routed.headers['x-microstax-routed-to']).toBe(branchId);
    const other = await httpAt(entry, { headers: { baggage: 'microstax-env=someone-else' } });
    expect(other.json().version).toBe('1.0');
  }, 600_000);
});

describe('teardown on the real node', () => {
  it('removes the pods, their Service rules and their volumes', async () => {
    const id = uniqueId('rn-gone');
    const stateful = await checkoutDev((yaml) =>
      yaml.replace(
        '  image: redis:7-alpine',
        '  image: redis:7-alpine\n  volumes:\n  - path: /data\n    size: 64Mi',
      ),
    );
    await deploy({ id, blueprint: stateful });
    const namespace = `msx-${id}`;
    expect(await natRules()).toContain(`${namespace}/api`);
    const volumes = async () =>
      (await kube.list<V1PersistentVolume>({ apiVersion: 'v1', kind: 'PersistentVolume' })).items.filter(
        (pv) => pv.spec?.claimRef?.namespace === namespace,
      );
    expect((await volumes()).length).toBeGreaterThan(0);

    await teardownEnvironment({ kube, environmentId: id, config });
    const pods = await kube.list<V1Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      labelSelector: `${LABELS.environment}=${id}`,
    });
    expect(pods.items).toEqual([]);
    expect(await natRules()).not.toContain(`${namespace}/`);
    // The claims go with the namespace; their volumes (reclaim policy Delete) go with the claims. The
    // controller manager removes each volume's directory too, in its own time (minutes on a busy node).
    const deadline = Date.now() + 120_000;
    while ((await volumes()).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(await volumes()).toEqual([]);
  }, 600_000);
});
