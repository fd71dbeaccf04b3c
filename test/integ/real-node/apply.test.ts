import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { KubernetesObject, V1Namespace, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { LABELS } from '../../../deploy/labels.js';
import { until } from '../../support/until.js';
import { stackKube } from '../deploy/helpers.js';
import { type ApiWithWorker, startApiWithWorker } from './api-with-worker.js';
import { type ApiCall, deleteAndWait } from './founding-example-api.js';
import { EXAMPLE_DIR, httpAt, publicApi } from './support.js';

interface View {
  id: string;
  name?: string | null;
  phase: string;
  labels?: Record<string, string>;
  urls: Record<string, string>;
  updatedAt: string;
  blueprint?: { name: string; version: number };
  error?: unknown;
  services?: unknown;
}
interface Applied {
  created: boolean;
  environment: View;
  plan: { services: { name: string; change: string; reasons: string[] }[]; unchanged: boolean };
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * `POST /v1/environments/apply` end to end on the real node, through the real API and worker: the
 * founding example is created by name, updated in place to checkout-api 2.0 (same id, same URL, only the
 * api's pod new), applied again unchanged (no object touched), found by name and label selector; bad
 * input is refused with the field and changes nothing.
 */
describe('apply: create or update the founding example by name (real node)', () => {
  let api: ApiWithWorker;
  let kube: KubeClient;
  let source: string;
  let seed: string;
  const name = `pr-${randomUUID().slice(0, 6)}`;

  const call: ApiCall = (method, url, payload) => api.call(method, url, payload);
  const apply = (extra: Record<string, unknown> = {}) =>
    call<Applied & ErrorBody>('POST', '/v1/environments/apply', {
      name,
      blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
      labels: { pr: name.slice(3) },
      ttl: '1h',
      ...extra,
    });
  const readyAgain = (id: string) =>
    until(
      `${id} ready`,
      async () => (await call<View>('GET', `/v1/environments/${id}`)).body,
      (e) => e.phase === 'ready' || e.phase === 'failed',
    );

  async function namespaceOf(id: string): Promise<string> {
    const list = await kube.list<V1Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      labelSelector: `${LABELS.environment}=${id}`,
    });
    return list.items[0]!.metadata!.name!;
  }
  async function objectVersions(namespace: string): Promise<Record<string, string>> {
    const versions: Record<string, string> = {};
    for (const [apiVersion, kind] of [
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'StatefulSet'],
      ['v1', 'Service'],
      ['v1', 'Secret'],
      ['v1', 'ConfigMap'],
      ['batch/v1', 'Job'],
      ['networking.k8s.io/v1', 'Ingress'],
    ] as const) {
      const list = await kube.list<KubernetesObject>({
        apiVersion,
        kind,
        namespace,
        labelSelector: `${LABELS.managedBy}=microstax`,
      });
      for (const o of list.items) versions[`${kind}/${o.metadata!.name}`] = o.metadata!.resourceVersion!;
    }
    return versions;
  }
  async function podUids(namespace: string): Promise<Record<string, string>> {
    const pods = await kube.list<V1Pod>({ apiVersion: 'v1', kind: 'Pod', namespace });
    const uids: Record<string, string> = {};
    for (const pod of pods.items) {
      const labels = pod.metadata?.labels ?? {};
      if (pod.metadata?.deletionTimestamp || labels[LABELS.role] === 'init') continue;
      uids[labels[LABELS.name] ?? '?'] = pod.metadata!.uid!;
    }
    return uids;
  }

  beforeAll(async () => {
    // The api public: this file is about apply; access has its own test (gateway/access.test.ts).
    source = publicApi(await readFile(`${EXAMPLE_DIR}checkout-dev.yaml`, 'utf8'));
    seed = await readFile(`${EXAMPLE_DIR}scripts/seed.sql`, 'utf8');
    kube = await stackKube();
    api = await startApiWithWorker({ label: 'apply' });
  }, 120_000);

  afterAll(() => api?.close(), 120_000);

  it('creates, updates one image in place, re-applies unchanged, refuses bad input', async () => {
    const first = await apply();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.created).toBe(true);
    const id = first.body.environment.id;
    try {
      const ready = await readyAgain(id);
      expect(ready.phase, JSON.stringify({ error: ready.error, services: ready.services })).toBe('ready');
      const url = ready.urls.api!;
      expect(url).toMatch(new RegExp(`^http://api\\.${name}\\.payments\\.`));
      const v1 = await until(
        'checkout-api 1.0 at the name URL',
        () =>
          httpAt(`${url}/products`).catch(() => ({
            status: 0,
            json: () => ({}),
          })),
        (a) => a.status === 200,
      );
      expect(v1.json().version).toBe('1.0');
      const namespace = await namespaceOf(id);
      const podsBefore = await podUids(namespace);

      // One image changed: same id, same URL, only the api's pod is new.
      const updated = await apply({ set: ['api.image=ghcr.io/acme/checkout-api:2.0'] });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.body.created).toBe(false);
      expect(updated.body.environment.id).toBe(id);
      expect(updated.body.plan.services.map((s) => [s.name, s.change])).toEqual([
        ['api', 'changed'],
        ['db', 'unchanged'],
        ['cache', 'unchanged'],
      ]);
      expect(updated.body.plan.services[0]!.reasons.join()).toContain('checkout-api:2.0');
      const v2 = await until(
        'checkout-api 2.0 at the same URL',
        () =>
          httpAt(`${url}/products`).catch(() => ({
            status: 0,
            json: () => ({}),
          })),
        (a) => a.status === 200 && a.json().version === '2.0',
      );
      expect(v2.json().products.length).toBeGreaterThan(0);
      const afterUpdate = await readyAgain(id);
      expect(afterUpdate).toMatchObject({ phase: 'ready', urls: ready.urls });
      expect(afterUpdate.error).toBeNull();
      const podsAfter = await podUids(namespace);
      expect(podsAfter.db).toBe(podsBefore.db);
      expect(podsAfter.cache).toBe(podsBefore.cache);
      expect(podsAfter.api).not.toBe(podsBefore.api);

      // Nothing changed: every object keeps its resourceVersion.
      const versions = await objectVersions(namespace);
      const same = await apply({ set: ['api.image=ghcr.io/acme/checkout-api:2.0'] });
      expect(same.status, JSON.stringify(same.body)).toBe(200);
      expect(same.body.plan.unchanged).toBe(true);
      await until(
        'the no-op apply done',
        async () => (await call<View>('GET', `/v1/environments/${id}`)).body,
        (e) => e.phase === 'ready',
      );
      expect(await objectVersions(namespace)).toEqual(versions);
      expect(await podUids(namespace)).toEqual(podsAfter);

      // By name and by label selector, wherever an id goes.
      const byName = await call<View>('GET', `/v1/environments/${name}`);
      expect(byName.body).toMatchObject({ id, name, labels: { pr: name.slice(3) } });
      const selected = await call<{ items: View[] }>(
        'GET',
        `/v1/environments?labelSelector=${encodeURIComponent(`pr=${name.slice(3)}`)}`,
      );
      expect(selected.body.items.map((e) => e.id)).toEqual([id]);
      const none = await call<{ items: View[] }>('GET', '/v1/environments?labelSelector=pr%3Dnone');
      expect(none.body.items).toEqual([]);
      const badSelector = await call<ErrorBody>('GET', '/v1/environments?labelSelector=pr%3D%3D%3Dx');
      expect(badSelector.status).toBe(400);
      expect(badSelector.body.error.field).toBe('query.labelSelector');

      // Bad input: a clear error naming the field, and nothing changed.
      const before = (await call<View>('GET', `/v1/environments/${id}`)).body;
      const unknownService = await apply({ set: ['payments.image=ghcr.io/acme/x:1'] });
      expect(unknownService.status).toBe(422);
      expect(unknownService.body.error).toMatchObject({ field: 'body.set.0' });
      expect(unknownService.body.error.message).toContain('has no service "payments"');
      const malformed = await apply({ set: ['api.image'] });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.field).toBe('body.set.0');
      const badLabel = await apply({ labels: { 'bad key': 'x' } });
      expect(badLabel.status).toBe(400);
      expect(badLabel.body.error.field).toMatch(/^body\.labels/);
      const otherBlueprint = await call<ErrorBody>('POST', '/v1/environments/apply', {
        name,
        blueprint: {
          source: 'name: other-shop\nservices:\n- name: web\n  image: ghcr.io/acme/checkout-api:1.0\n',
          fileName: 'other.yaml',
        },
      });
      expect(otherBlueprint.status).toBe(409);
      expect(otherBlueprint.body.error.message).toContain(
        `taken by environment ${id} of blueprint checkout-dev`,
      );
      const blueprints = await call<{ items: { name: string }[] }>('GET', '/v1/blueprints');
      expect(blueprints.body.items.map((b) => b.name)).not.toContain('other-shop');
      const after = (await call<View>('GET', `/v1/environments/${id}`)).body;
      expect(after).toMatchObject({
        phase: 'ready',
        updatedAt: before.updatedAt,
        blueprint: before.blueprint,
      });
      expect(await objectVersions(namespace)).toEqual(versions);
    } finally {
      await deleteAndWait(call, id);
    }
    // Once deleted the name is free; an apply while it tears down would have been a 409 (unit-tested path).
    const gone = await call<View>('GET', `/v1/environments/${name}`);
    expect(gone.body).toMatchObject({ id, phase: 'deleted' });
  }, 600_000);
});
