import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BRANCH_DEPTH } from '../../../api/routes/environments.js';
import { createTemporalClient } from '../../../temporal/client.js';
import { stackEnv } from '../../support/stack-env.js';
import { SHOP_BLUEPRINT, SHOP_BRANCH_BLUEPRINT, SHOP_SCRIPTS } from './fixtures.js';
import { json, startTestApi, type TestApi } from './harness.js';

interface Env {
  id: string;
  parent: string | null;
  baseline: string | null;
  plan?: { branch: { services: { name: string; action: string; reasons: string[] }[] } };
}

/** The branch blueprint with the web image changed too: a branch of the branch changes only web. */
const SHOP_BRANCH_OF_BRANCH = SHOP_BRANCH_BLUEPRINT.replace('shop-web:1.0', 'shop-web:2.0-redesign');

describe('branches of branches: plan against the parent, lineage to the root (real Postgres and Temporal)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('branch_lineage');
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = async (source: string, branchOf?: string) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { ...api.headers('member'), 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source, fileName: 'shop.yaml', scripts: SHOP_SCRIPTS },
        ...(branchOf ? { branchOf } : {}),
      },
    });

  it('creates a branch of a branch, planned against the parent, recording parent and root', async () => {
    const root = json<Env>(await create(SHOP_BLUEPRINT));
    const branch = json<Env>(await create(SHOP_BRANCH_BLUEPRINT, root.id));
    expect(branch).toMatchObject({ parent: root.id, baseline: root.id });

    const response = await create(SHOP_BRANCH_OF_BRANCH, branch.id);
    expect(response.statusCode).toBe(201);
    const nested = json<Env>(response);
    expect(nested).toMatchObject({ parent: branch.id, baseline: root.id });
    // Against the parent only web changed; the parent's api (1.1-feature) is reused from the parent.
    const actions = Object.fromEntries(nested.plan!.branch.services.map((s) => [s.name, s.action]));
    expect(actions.web).toBe('deploy');
    expect(actions.api).toBe('reuse');
    expect(nested.plan!.branch.services.find((s) => s.name === 'web')!.reasons.join(' ')).toContain('image');

    const temporal = await createTemporalClient({ env: await stackEnv() });
    try {
      const handle = temporal.client.workflow.getHandle(`env-${nested.id}`);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    } finally {
      await temporal.close();
    }

    const events = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await api.app.inject({ url: `/v1/environments/${nested.id}/events`, headers: api.headers('member') }),
    );
    expect(events.items[0]).toMatchObject({
      action: 'environment.create',
      details: { branchOf: branch.id, root: root.id },
    });
  });

  it(`refuses to nest deeper than ${MAX_BRANCH_DEPTH} branches, naming the field and the root`, async () => {
    const root = json<Env>(await create(SHOP_BLUEPRINT));
    let parent = root.id;
    for (let depth = 1; depth <= MAX_BRANCH_DEPTH; depth++) {
      const source = SHOP_BLUEPRINT.replace('shop-api:1.0', `shop-api:1.${depth}`);
      const response = await create(source, parent);
      expect(response.statusCode).toBe(201);
      expect(json<Env>(response).baseline).toBe(root.id);
      parent = json<Env>(response).id;
    }
    const tooDeep = await create(SHOP_BRANCH_OF_BRANCH, parent);
    expect(tooDeep.statusCode).toBe(422);
    expect(json(tooDeep)).toMatchObject({ error: { code: 'validation_failed', field: 'body.branchOf' } });
    expect(json<{ error: { message: string } }>(tooDeep).error.message).toContain(root.id);
  });
});
