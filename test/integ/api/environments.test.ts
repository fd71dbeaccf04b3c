import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { PLANTED_SECRETS, registerShop, SHOP_BRANCH_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

interface Env {
  id: string;
  phase: string;
  owner?: string;
  parent?: string | null;
  plan?: { branch: { services: { name: string; action: string }[] } };
  workflowId?: string;
}

describe('environment routes on real Temporal and Postgres', () => {
  let api: TestApi;
  let temporal: TemporalClientHandle;
  const responses: string[] = [];

  beforeAll(async () => {
    api = await startTestApi('environments');
    temporal = await createTemporalClient({ env: await stackEnv() });
    await registerShop(api);
  });
  afterAll(async () => {
    await temporal?.close();
    await api?.close();
  });

  const call = async (opts: {
    method?: 'GET' | 'POST' | 'DELETE';
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }) => {
    const response = await api.app.inject({
      method: opts.method ?? 'GET',
      url: opts.url,
      payload: opts.payload,
      headers: opts.headers ?? api.headers('member'),
    });
    responses.push(response.body);
    return response;
  };
  const setPhase = (id: string, phase: string) =>
    api.app.db.query('UPDATE environments SET phase = $2 WHERE id = $1', [id, phase]);

  let baseline: Env;

  it('creates an environment once per Idempotency-Key and starts its workflow', async () => {
    const request = {
      method: 'POST' as const,
      url: '/v1/environments',
      payload: { blueprint: { name: 'shop' }, ttl: '4h' },
    };
    const headers = { ...api.headers('member'), 'idempotency-key': `create-baseline-${randomUUID()}` };
    const first = await call({ ...request, headers });
    expect(first.statusCode).toBe(201);
    baseline = json<Env>(first);
    expect(baseline).toMatchObject({ phase: 'pending', owner: 'ada', workflowId: `env-${baseline.id}` });
    expect(first.headers.location).toBe(`/v1/environments/${baseline.id}`);

    const retry = await call({ ...request, headers });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json<Env>(retry).id).toBe(baseline.id);
    // The id is random, not a hash of (team, key): nobody can guess it from the key.
    expect(baseline.id).toMatch(/^e[0-9a-f]{20}$/);

    const reused = await call({ ...request, payload: { blueprint: { name: 'shop' }, ttl: '8h' }, headers });
    expect(reused.statusCode).toBe(422);
    expect(json(reused)).toMatchObject({
      error: { code: 'idempotency_key_reused', field: 'headers.idempotency-key' },
    });

    const { rows } = await api.app.db.query('SELECT count(*)::int AS n FROM environments');
    expect(rows[0].n).toBe(1);
    const description = await temporal.client.workflow.getHandle(`env-${baseline.id}`).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(api.taskQueue);
  });

  it('keeps secret values out of the workflow history on the server', async () => {
    const history = await temporal.client.workflow.getHandle(`env-${baseline.id}`).fetchHistory();
    const raw = JSON.stringify(history);
    for (const secret of PLANTED_SECRETS) expect(raw).not.toContain(secret);
  });

  let branch: Env;
  it('creates a branch from an inline blueprint, with the plan and lineage recorded', async () => {
    const response = await call({
      method: 'POST',
      url: '/v1/environments',
      payload: {
        blueprint: { source: SHOP_BRANCH_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        branchOf: baseline.id,
      },
    });
    expect(response.statusCode).toBe(201);
    branch = json<Env>(response);
    expect(branch.parent).toBe(baseline.id);
    const actions = Object.fromEntries(branch.plan!.branch.services.map((s) => [s.name, s.action]));
    expect(actions).toMatchObject({ api: 'deploy', db: 'fork' });
    // The inline blueprint became version 2 of "shop".
    const detail = json<{ latestVersion?: number; version: number }>(
      await call({ url: '/v1/blueprints/shop' }),
    );
    expect(detail.version).toBe(2);
  });

  it('lists with filters and keeps teams apart', async () => {
    const mine = json<{ items: Env[] }>(await call({ url: '/v1/environments?owner=ada&blueprint=shop' }));
    expect(mine.items.map((e) => e.id)).toEqual([branch.id, baseline.id]);
    const page = json<{ items: Env[]; next: string }>(await call({ url: '/v1/environments?limit=1' }));
    expect(page.items.map((e) => e.id)).toEqual([branch.id]);
    const nextPage = json<{ items: Env[] }>(
      await call({ url: `/v1/environments?limit=1&before=${page.next}` }),
    );
    expect(nextPage.items.map((e) => e.id)).toEqual([baseline.id]);
    expect(json<{ items: Env[] }>(await call({ url: '/v1/environments?phase=ready' })).items).toEqual([]);
    expect(
      json<{ items: Env[] }>(await call({ url: '/v1/environments', headers: api.headers('other') })).items,
    ).toEqual([]);
    expect(
      json<{ items: Env[] }>(await call({ url: '/v1/environments', headers: api.headers('admin') })).items,
    ).toHaveLength(2);
    expect(
      (await call({ url: `/v1/environments/${baseline.id}`, headers: api.headers('other') })).statusCode,
    ).toBe(404);
  });

  it('shares read access to status and URLs until revoked', async () => {
    const created = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/shares`,
      payload: { ttl: '1h', note: 'review' },
    });
    expect(created.statusCode).toBe(201);
    const share = json<{ id: string; token: string; state: string }>(created);
    expect(share.token).toMatch(/^msxs_/);
    expect(share.state).toBe('active');
    const asShare = { authorization: `Bearer ${share.token}` };

    const seen = await call({ url: `/v1/environments/${baseline.id}`, headers: asShare });
    expect(seen.statusCode).toBe(200);
    expect(json(seen)).not.toHaveProperty('owner');
    expect((await call({ url: `/v1/environments/${branch.id}`, headers: asShare })).statusCode).toBe(404);
    expect((await call({ url: '/v1/environments', headers: asShare })).statusCode).toBe(403);
    expect(
      (await call({ method: 'DELETE', url: `/v1/environments/${baseline.id}`, headers: asShare })).statusCode,
    ).toBe(403);

    const listed = json<{ items: { id: string }[] }>(
      await call({ url: `/v1/environments/${baseline.id}/shares` }),
    );
    expect(listed.items.map((s) => s.id)).toEqual([share.id]);
    expect(JSON.stringify(listed)).not.toContain(share.token);
    const shareWorkflow = await temporal.client.workflow.getHandle(`share-${share.id}`).describe();
    expect(shareWorkflow.status.name).toBe('RUNNING');

    const revoked = await call({
      method: 'DELETE',
      url: `/v1/environments/${baseline.id}/shares/${share.id}`,
    });
    expect(json(revoked)).toMatchObject({ state: 'revoked' });
    expect((await call({ url: `/v1/environments/${baseline.id}`, headers: asShare })).statusCode).toBe(401);
  });

  it('refuses an expired share', async () => {
    const share = json<{ token: string }>(
      await call({ method: 'POST', url: `/v1/environments/${baseline.id}/shares`, payload: { ttl: '1s' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(
      (
        await call({
          url: `/v1/environments/${baseline.id}`,
          headers: { authorization: `Bearer ${share.token}` },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('starts seed, snapshot and restore workflows on a ready environment', async () => {
    expect(
      (await call({ method: 'POST', url: `/v1/environments/${baseline.id}/seed`, payload: {} })).statusCode,
    ).toBe(409);
    await setPhase(baseline.id, 'ready');
    const seed = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/seed`,
      payload: { service: 'db' },
    });
    expect(seed.statusCode).toBe(202);
    const [seedWorkflow] = json<{ workflows: string[] }>(seed).workflows;
    expect((await temporal.client.workflow.getHandle(seedWorkflow!).describe()).status.name).toBe('RUNNING');
    const notSeedable = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/seed`,
      payload: { service: 'web' },
    });
    expect(json(notSeedable)).toMatchObject({ error: { code: 'validation_failed', field: 'body.service' } });

    const snap = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/snapshots`,
      payload: { name: 'before-demo' },
    });
    expect(snap.statusCode).toBe(202);
    const snapshot = json<{ id: string; phase: string }>(snap);
    expect(snapshot.phase).toBe('pending');
    const again = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/snapshots`,
      payload: { name: 'before-demo' },
    });
    expect(json<{ id: string }>(again).id).toBe(snapshot.id);
    expect((await temporal.client.workflow.getHandle(`snapshot-${snapshot.id}`).describe()).status.name).toBe(
      'RUNNING',
    );

    const early = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/restore`,
      payload: { snapshot: 'before-demo' },
    });
    expect(early.statusCode).toBe(409);
    await api.app.db.query(`UPDATE snapshots SET phase = 'ready', details = $2 WHERE id = $1`, [
      snapshot.id,
      JSON.stringify({
        artifacts: [{ service: 'db', engine: 'postgres', location: 'x', bytes: 1, sha256: 'y' }],
      }),
    ]);
    const restore = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/restore`,
      payload: { snapshot: snapshot.id },
    });
    expect(restore.statusCode).toBe(202);
    expect(json<{ workflows: string[] }>(restore).workflows).toHaveLength(1);
  });

  it('extends only through the workflow: with no worker answering, the request gets a 503, not a hang', async () => {
    const response = await call({
      method: 'POST',
      url: `/v1/environments/${baseline.id}/extend`,
      payload: { by: '2h' },
    });
    expect(response.statusCode).toBe(503);
    expect(json(response)).toMatchObject({ error: { code: 'unavailable' } });
  });

  it('tears down by signalling the workflow, idempotently', async () => {
    const first = await call({ method: 'DELETE', url: `/v1/environments/${branch.id}` });
    expect(first.statusCode).toBe(202);
    expect(json(first)).toMatchObject({ phase: 'tearing-down' });
    expect((await call({ method: 'DELETE', url: `/v1/environments/${branch.id}` })).statusCode).toBe(202);
    const history = await temporal.client.workflow.getHandle(`env-${branch.id}`).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals.length).toBeGreaterThanOrEqual(1);
  });

  it('streams status and audit events as server-sent events, ending when the environment is gone', async () => {
    await setPhase(branch.id, 'deleted');
    const response = await call({ url: `/v1/environments/${branch.id}/stream` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    expect(response.body).toMatch(/^event: status\ndata: \{.*"phase":"deleted"/m);
    expect(response.body).toContain('event: audit');
    expect(response.body).toContain('"action":"environment.teardown"');
    expect(response.body).toMatch(/event: end\ndata: /);
  });

  it('records who did what in the audit log', async () => {
    const events = json<{ items: { action: string; actor: string }[] }>(
      await call({ url: `/v1/environments/${baseline.id}/events` }),
    );
    expect(events.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'environment.create',
        'share.create',
        'share.revoke',
        'environment.seed',
        'environment.snapshot',
        'environment.restore',
      ]),
    );
    expect(events.items.every((e) => e.actor === 'ada')).toBe(true);
  });

  it('never shows a secret value in any response, log line or event', async () => {
    const { rows } = await api.app.db.query('SELECT details::text AS d FROM events');
    const everything = [...responses, ...api.logs, ...rows.map((r) => r.d)].join('\n');
    for (const secret of PLANTED_SECRETS) expect(everything).not.toContain(secret);
    for (const token of Object.values(api.tokens)) expect(everything).not.toContain(token);
  });
});
