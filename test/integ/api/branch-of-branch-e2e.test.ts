import { randomUUID } from 'node:crypto';
import type { V1Service } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../../deploy/config.js';
import { ANNOTATIONS } from '../../../deploy/labels.js';
import { namespaceFor } from '../../../deploy/names.js';
import { SHOP_BLUEPRINT, SHOP_BRANCH_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import {
  type EnvironmentBody,
  startWorkerBackedApi,
  type WorkerBackedApi,
} from './support/worker-backed-api.js';

type Env = EnvironmentBody;

/** A service no other calls: every branch reuses it, so a nested branch reaches it through two hops. */
const SEARCH = `  - name: search
    image: ghcr.io/acme/search:1.0
    ports: [9200]
`;
const ROOT = SHOP_BLUEPRINT + SEARCH;
/** The branch changes api (so it runs api, and db and web with it) and reuses search from the root. */
const BRANCH = SHOP_BRANCH_BLUEPRINT + SEARCH;
/** A branch of the branch: it changes web, and keeps the branch's api (1.1-feature) and search. */
const BRANCH_OF_BRANCH = BRANCH.replace('shop-web:1.0', 'shop-web:2.0-redesign');

/**
 * Root -> branch -> branch of the branch, through the real API, the real lifecycle worker and the local
 * Kubernetes cluster: each becomes ready, the nested branch runs only what changed against its parent,
 * and what it reuses resolves through the parent's namespace (which forwards what it reuses itself to
 * the root). Deleting the root is refused while the branches live; with cascade all three go, deepest first.
 */
describe('branch of a branch end to end (real API, worker, Temporal, Postgres, Kubernetes)', () => {
  let api: WorkerBackedApi;
  let app: WorkerBackedApi['app'];
  const created: string[] = [];

  beforeAll(async () => {
    api = await startWorkerBackedApi({ name: 'branch_e2e' });
    app = api.app;
  });
  afterAll(async () => {
    await api?.close({ environments: created });
  });

  const headers = () => api.headers();
  const get = (id: string) => api.get(id);
  const waitForPhase = (id: string, phases: string[], timeoutMs: number) =>
    api.waitForPhase(id, phases, timeoutMs);
  const create = async (source: string, branchOf?: string): Promise<Env> => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...headers(), 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        ttl: '1h',
        ...(branchOf ? { branchOf } : {}),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const env = JSON.parse(response.body) as Env;
    created.push(env.id);
    return env;
  };
  const service = (id: string, name: string) =>
    api.kube.readOrNull<V1Service>({
      apiVersion: 'v1',
      kind: 'Service',
      namespace: namespaceFor(id, loadDeployConfig().namespacePrefix),
      name,
    });

  it('deploys root, branch and branch of the branch; reuse resolves through the parent; cascade teardown', async () => {
    const root = await create(ROOT);
    expect((await waitForPhase(root.id, ['ready', 'failed'], 170_000)).phase).toBe('ready');
    const branch = await create(BRANCH, root.id);
    expect((await waitForPhase(branch.id, ['ready', 'failed'], 170_000)).phase).toBe('ready');
    const nested = await create(BRANCH_OF_BRANCH, branch.id);
    const ready = await waitForPhase(nested.id, ['ready', 'failed'], 170_000);
    expect(ready).toMatchObject({ phase: 'ready', parent: branch.id, baseline: root.id });

    // The nested branch runs web (changed against its parent) itself ...
    expect((await service(nested.id, 'web'))?.spec?.type).not.toBe('ExternalName');
    // ... and reaches the parent's api (1.1-feature) through the parent's namespace,
    const reusedApi = await service(nested.id, 'api');
    expect(reusedApi?.spec?.type).toBe('ExternalName');
    const branchNamespace = namespaceFor(branch.id, loadDeployConfig().namespacePrefix);
    expect(reusedApi?.spec?.externalName).toContain(`.${branchNamespace}.`);
    expect(reusedApi?.metadata?.annotations?.[ANNOTATIONS.reusedFrom]).toContain(branchNamespace);
    // ... and reaches search, which the parent reuses from the root, through the parent: two hops.
    const rootNamespace = namespaceFor(root.id, loadDeployConfig().namespacePrefix);
    const nestedSearch = await service(nested.id, 'search');
    expect(nestedSearch?.spec).toMatchObject({ type: 'ExternalName' });
    expect(nestedSearch?.spec?.externalName).toContain(`.${branchNamespace}.`);
    const parentSearch = await service(branch.id, 'search');
    expect(parentSearch?.spec).toMatchObject({ type: 'ExternalName' });
    expect(parentSearch?.spec?.externalName).toContain(`.${rootNamespace}.`);
    expect((await service(root.id, 'search'))?.spec?.type).not.toBe('ExternalName');

    // The root cannot go while branches reuse its services: 409 has_branches names them.
    const refused = await app.inject({
      method: 'DELETE',
      url: `/v1/environments/${root.id}`,
      headers: headers(),
    });
    expect(refused.statusCode).toBe(409);
    expect(JSON.parse(refused.body)).toMatchObject({
      error: { code: 'has_branches', details: { branches: [nested.id, branch.id] } },
    });
    expect((await get(root.id)).phase).toBe('ready');

    // With cascade: the nested branch, then the branch, then the root; all three end deleted.
    const cascade = await app.inject({
      method: 'DELETE',
      url: `/v1/environments/${root.id}?cascade=true`,
      headers: headers(),
    });
    expect(cascade.statusCode).toBe(202);
    expect(JSON.parse(cascade.body)).toMatchObject({ branches: [nested.id, branch.id] });
    for (const id of [nested.id, branch.id, root.id])
      expect((await waitForPhase(id, ['deleted', 'failed'], 120_000)).phase).toBe('deleted');
    // A retry after the fact is harmless.
    const retry = await app.inject({
      method: 'DELETE',
      url: `/v1/environments/${root.id}?cascade=true`,
      headers: headers(),
    });
    expect(retry.statusCode).toBe(202);
    expect(JSON.parse(retry.body)).toMatchObject({ phase: 'deleted' });
    created.length = 0;
  });
});
