import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOP_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; details?: { branches?: string[]; phase?: string } };
}

/**
 * Deleting an environment that branches depend on, and the refusals of sleep/wake, through the real API
 * on real Postgres and Temporal (no worker polls this file's task queue: workflows are started and
 * signalled, never run). The end-to-end sleep/wake is in sleep-e2e.test.ts.
 */
describe('teardown with live branches, and sleep/wake refusals (real Postgres and Temporal)', () => {
  let api: TestApi;
  const create = async (branchOf?: string) => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: api.headers('member'),
      payload: {
        blueprint: { source: SHOP_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        branchOf,
      },
    });
    expect(response.statusCode).toBe(201);
    return json<{ id: string }>(response).id;
  };
  const remove = (id: string, query = '') =>
    api.app.inject({
      method: 'DELETE',
      url: `/v1/environments/${id}${query}`,
      headers: api.headers('member'),
    });
  const askFor = (mode: 'sleep' | 'wake', id: string) =>
    api.app.inject({ method: 'POST', url: `/v1/environments/${id}/${mode}`, headers: api.headers('member') });
  const phaseOf = async (id: string) =>
    (await api.app.db.query<{ phase: string }>('SELECT phase FROM environments WHERE id = $1', [id])).rows[0]!
      .phase;

  beforeAll(async () => {
    api = await startTestApi('teardown_lineage');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses to delete an environment with live branches (has_branches, listing them), then cascades deepest first', async () => {
    const root = await create();
    const child = await create(root);
    const grandchild = await create(child);
    const greatGrandchild = await create(grandchild);
    const sibling = await create(root);

    const refused = await remove(root);
    expect(refused.statusCode).toBe(409);
    const body = json<ErrorBody>(refused);
    expect(body.error.code).toBe('has_branches');
    expect(new Set(body.error.details?.branches)).toEqual(
      new Set([child, grandchild, greatGrandchild, sibling]),
    );
    expect(body.error.message).toContain(`microstax env delete ${root} --cascade`);
    expect(body.error.message).toContain(greatGrandchild);
    expect(await phaseOf(root)).toBe('pending');

    // A middle branch is refused too, for its own descendants only.
    const middle = json<ErrorBody>(await remove(child));
    expect(new Set(middle.error.details?.branches)).toEqual(new Set([grandchild, greatGrandchild]));

    // A leaf goes; a branch already tearing down no longer holds its parent back.
    expect((await remove(greatGrandchild)).statusCode).toBe(202);
    expect(json<ErrorBody>(await remove(grandchild)).error).toBeUndefined();
    expect(await phaseOf(grandchild)).toBe('tearing-down');

    const cascade = await remove(root, '?cascade=true');
    expect(cascade.statusCode).toBe(202);
    const result = json<{ id: string; phase: string; branches: string[] }>(cascade);
    expect(result.phase).toBe('tearing-down');
    // Deepest first; branches already tearing down are signalled again (harmless), so a retry finishes.
    expect(result.branches).toHaveLength(4);
    expect(result.branches.indexOf(greatGrandchild)).toBeLessThan(result.branches.indexOf(grandchild));
    expect(result.branches.indexOf(grandchild)).toBeLessThan(result.branches.indexOf(child));
    for (const id of [root, child, grandchild, greatGrandchild, sibling])
      expect(await phaseOf(id)).toBe('tearing-down');

    const { rows } = await api.app.db.query<{ environment_id: string; details: { cascadeOf?: string } }>(
      "SELECT environment_id, details FROM events WHERE action = 'environment.teardown' AND details->>'cascadeOf' = $1",
      [root],
    );
    expect(new Set(rows.map((r) => r.environment_id))).toEqual(
      new Set([child, grandchild, greatGrandchild, sibling]),
    );

    // Retrying the cascade is harmless: same answer.
    const again = await remove(root, '?cascade=true');
    expect(again.statusCode).toBe(202);
    expect(json<{ branches: string[] }>(again).branches).toEqual(result.branches);
    // Once every descendant is deleted, a plain delete of the root is no longer refused.
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = ANY($1)", [
      [child, grandchild, greatGrandchild, sibling],
    ]);
    expect((await remove(root)).statusCode).toBe(202);
  });

  it('a branch that finished (deleted, failed) does not count, and the walk goes through it', async () => {
    const root = await create();
    const child = await create(root);
    const grandchild = await create(child);
    await api.app.db.query("UPDATE environments SET phase = 'failed' WHERE id = $1", [child]);
    const refused = json<ErrorBody>(await remove(root));
    expect(refused.error.details?.branches).toEqual([grandchild]);
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [grandchild]);
    expect((await remove(root)).statusCode).toBe(202);
  });

  it('refuses sleep and wake with 409 conflict while the phase does not allow it, and writes no audit event', async () => {
    const id = await create();
    await api.app.db.query("UPDATE environments SET phase = 'applying' WHERE id = $1", [id]);
    for (const mode of ['sleep', 'wake'] as const) {
      const response = await askFor(mode, id);
      expect(response.statusCode).toBe(409);
      const body = json<ErrorBody>(response);
      expect(body.error.code).toBe('conflict');
      expect(body.error.details?.phase).toBe('applying');
      expect(body.error.message).toContain(`environment ${id} is applying`);
    }
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [id]);
    const gone = await askFor('sleep', id);
    expect(gone.statusCode).toBe(409);
    const { rows } = await api.app.db.query(
      "SELECT 1 FROM events WHERE environment_id = $1 AND action IN ('environment.sleep', 'environment.wake')",
      [id],
    );
    expect(rows).toEqual([]);
    const unknown = await askFor('wake', 'enotthere00');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses to put an environment with live branches to sleep (has_branches): they reach its services directly', async () => {
    const root = await create();
    const child = await create(root);
    await api.app.db.query("UPDATE environments SET phase = 'ready' WHERE id = $1", [root]);
    const refused = await askFor('sleep', root);
    expect(refused.statusCode).toBe(409);
    const body = json<ErrorBody>(refused);
    expect(body.error.code).toBe('has_branches');
    expect(body.error.details?.branches).toEqual([child]);
    expect(body.error.message).toContain('cannot put it to sleep');
    expect(await phaseOf(root)).toBe('ready');
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = ANY($1)", [[root, child]]);
  });

  it('refuses a branch of an environment that is asleep or tearing down: its services would not answer', async () => {
    const root = await create();
    for (const [phase, hint] of [
      ['sleeping', `wake it first (microstax env wake ${root})`],
      ['tearing-down', 'it is tearing down'],
    ] as const) {
      await api.app.db.query('UPDATE environments SET phase = $2 WHERE id = $1', [root, phase]);
      const response = await api.app.inject({
        method: 'POST',
        url: '/v1/environments',
        headers: api.headers('member'),
        payload: {
          blueprint: { source: SHOP_BLUEPRINT, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
          branchOf: root,
        },
      });
      expect(response.statusCode).toBe(409);
      expect(json<ErrorBody>(response).error).toMatchObject({ code: 'conflict' });
      expect(json<ErrorBody>(response).error.message).toContain(hint);
    }
    await api.app.db.query("UPDATE environments SET phase = 'deleted' WHERE id = $1", [root]);
  });

  it('refuses a cascade value that is not true/false with a 400 naming the field', async () => {
    const id = await create();
    const response = await remove(id, '?cascade=yes');
    expect(response.statusCode).toBe(400);
    expect(json<{ error: { code: string; field: string } }>(response).error).toMatchObject({
      code: 'validation_failed',
      field: 'querystring.cascade',
    });
    expect(await phaseOf(id)).toBe('pending');
  });

  it('documents sleep, wake and cascade in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(
      await api.app.inject({ url: '/openapi.json' }),
    );
    expect(doc.paths['/v1/environments/{id}/sleep']?.post).toBeDefined();
    expect(doc.paths['/v1/environments/{id}/wake']?.post).toBeDefined();
    expect(doc.paths['/v1/environments/{id}']?.delete?.parameters?.map((p) => p.name)).toContain('cascade');
  });
});
