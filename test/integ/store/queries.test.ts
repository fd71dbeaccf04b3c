import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, findPrincipalByToken, revokeApiToken } from '../../../store/api-tokens.js';
import { getBlueprintVersion, listBlueprints, registerBlueprintVersion } from '../../../store/blueprints.js';
import { listLiveDescendants } from '../../../store/environment-lineage.js';
import { recordEnvironmentStatus } from '../../../store/environment-status.js';
import { getEnvironment, insertEnvironment, updateEnvironmentStatus } from '../../../store/environments.js';
import { appendEvent, listEnvironmentEvents } from '../../../store/events.js';
import { createShare, findLiveShareByToken, revokeShare } from '../../../store/shares.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createMigratedDatabase, type MigratedDatabase } from './test-database.js';

describe('metadata queries (real Postgres)', () => {
  let db: MigratedDatabase;
  let pool: pg.Pool;
  let userId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('queries', 10);
    pool = db.pool;
    await ensureTeam(pool, { id: 'payments' });
    userId = (await upsertUser(pool, { name: 'ada', teamId: 'payments', role: 'member' })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores only the hash of an API token and forgets revoked ones', async () => {
    const { token, record } = await createApiToken(pool, { userId, description: 'laptop' });
    expect(token).toMatch(/^msx_[A-Za-z0-9_-]{43}$/);
    const { rows } = await pool.query('SELECT * FROM api_tokens');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await findPrincipalByToken(pool, token)).toMatchObject({ userName: 'ada', teamId: 'payments' });
    expect(await revokeApiToken(pool, record.id)).toBe(true);
    expect(await findPrincipalByToken(pool, token)).toBeNull();
  });

  it('numbers blueprint versions and returns the same version for the same content', async () => {
    const base = {
      teamId: 'payments',
      name: 'shop',
      fileName: 'shop.yaml',
      scripts: {},
      serviceCount: 1,
      createdBy: userId,
    };
    const v1 = await registerBlueprintVersion(pool, { ...base, source: 'a', resolvedDigest: 'd1' });
    const again = await registerBlueprintVersion(pool, { ...base, source: 'a ', resolvedDigest: 'd1' });
    const v2 = await registerBlueprintVersion(pool, { ...base, source: 'b', resolvedDigest: 'd2' });
    expect([v1.version.version, again.version.version, v2.version.version]).toEqual([1, 1, 2]);
    expect([v1.created, again.created, v2.created]).toEqual([true, false, true]);
    expect((await getBlueprintVersion(pool, { teamId: 'payments', name: 'shop' }))?.version).toBe(2);
    expect(await listBlueprints(pool, { teamId: 'payments' })).toMatchObject([
      { name: 'shop', latestVersion: 2 },
    ]);
  });

  it('inserts an environment once per idempotency key and mirrors status changes', async () => {
    const version = (await getBlueprintVersion(pool, { teamId: 'payments', name: 'shop' }))!;
    const env = {
      teamId: 'payments',
      ownerId: userId,
      blueprintVersionId: version.id,
      phase: 'pending',
      parentId: null,
      baselineId: null,
      ttlSeconds: null,
      expiresAt: null,
      plan: null,
      costPerHour: null,
      idempotencyKey: 'key-1',
      requestDigest: 'r1',
      overlays: [],
      context: {},
    };
    const first = await insertEnvironment(pool, { ...env, id: 'e1', workflowId: 'env-e1' });
    const second = await insertEnvironment(pool, { ...env, id: 'e2', workflowId: 'env-e2' });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, environment: { id: 'e1' } });

    expect(await updateEnvironmentStatus(pool, { id: 'e1', phase: 'ready', urls: { web: 'http://x' } })).toBe(
      true,
    );
    expect(await updateEnvironmentStatus(pool, { id: 'e1', phase: 'ready', urls: { web: 'http://x' } })).toBe(
      false,
    );
    expect(await getEnvironment(pool, 'e1')).toMatchObject({
      phase: 'ready',
      urls: { web: 'http://x' },
      ownerName: 'ada',
    });

    await appendEvent(pool, {
      teamId: 'payments',
      actorId: userId,
      actor: 'ada',
      action: 'environment.create',
      environmentId: 'e1',
    });
    expect(await listEnvironmentEvents(pool, { environmentId: 'e1' })).toMatchObject([
      { action: 'environment.create' },
    ]);
  });

  it('honours share expiry and revocation', async () => {
    const live = await createShare(pool, {
      id: 's1',
      environmentId: 'e1',
      teamId: 'payments',
      createdBy: userId,
      note: '',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const expired = await createShare(pool, {
      id: 's2',
      environmentId: 'e1',
      teamId: 'payments',
      createdBy: userId,
      note: '',
      expiresAt: new Date(Date.now() - 1),
    });
    expect((await findLiveShareByToken(pool, live.token))?.id).toBe('s1');
    expect(await findLiveShareByToken(pool, expired.token)).toBeNull();
    expect(await revokeShare(pool, { environmentId: 'e1', shareId: 's1' })).not.toBeNull();
    expect(await findLiveShareByToken(pool, live.token)).toBeNull();
    expect(await revokeShare(pool, { environmentId: 'other', shareId: 's2' })).toBeNull();
  });

  it('records a workflow status into its row (one query shape for the worker and the API mirror)', async () => {
    const status = {
      environmentId: 'e1',
      phase: 'sleeping' as const,
      services: [{ name: 'web', state: 'ready', replicas: 0, readyReplicas: 0 }],
      urls: { web: 'http://web' },
      hourlyCost: 0.25,
      error: { type: 'x', message: 'scaling failed once' },
    };
    expect(await recordEnvironmentStatus(pool, status as never)).toBe(true);
    expect(await recordEnvironmentStatus(pool, status as never)).toBe(false);
    expect(await getEnvironment(pool, 'e1')).toMatchObject({
      phase: 'sleeping',
      // Asleep costs no compute; the awake rate is kept in its cost interval.
      costPerHour: 0,
      cost: { open: { state: 'asleep', hourlyCost: 0.25 } },
      error: { type: 'x', message: 'scaling failed once' },
      services: [{ name: 'web', replicas: 0 }],
    });
  });

  it('walks live branches below an environment, deepest first, through finished ones', async () => {
    const version = (await getBlueprintVersion(pool, { teamId: 'payments', name: 'shop' }))!;
    const add = (id: string, parentId: string, phase: string) =>
      insertEnvironment(pool, {
        id,
        teamId: 'payments',
        ownerId: userId,
        blueprintVersionId: version.id,
        phase,
        parentId,
        baselineId: 'e1',
        ttlSeconds: null,
        expiresAt: null,
        plan: null,
        costPerHour: null,
        idempotencyKey: null,
        requestDigest: id,
        overlays: [],
        context: {},
        workflowId: `env-${id}`,
      });
    await add('b1', 'e1', 'ready');
    await add('b2', 'b1', 'deleted');
    await add('b3', 'b2', 'ready');
    await add('b4', 'e1', 'tearing-down');
    const live = await listLiveDescendants(pool, {
      environmentId: 'e1',
      finishedPhases: ['deleted', 'failed'],
    });
    expect(live).toEqual([
      { id: 'b3', phase: 'ready', depth: 3 },
      { id: 'b1', phase: 'ready', depth: 1 },
      { id: 'b4', phase: 'tearing-down', depth: 1 },
    ]);
    expect(await listLiveDescendants(pool, { environmentId: 'b3', finishedPhases: [] })).toEqual([]);
  });
});
