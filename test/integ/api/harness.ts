import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type ApiConfig, loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

/** Who calls, in the authorization matrix. */
export type Caller = 'none' | 'bad' | 'other' | 'member' | 'admin';

export interface TestApi {
  app: FastifyInstance;
  db: TestDatabase;
  lifecycle: TemporalLifecycle;
  /** The Temporal task queue this file's workflows are started on (no worker polls it). */
  taskQueue: string;
  /** Bearer tokens: member (team "payments"), other (team "search"), admin (team "platform"). */
  tokens: Record<'member' | 'other' | 'admin', string>;
  /** Every JSON log line the app wrote. */
  logs: string[];
  headers(caller: Caller): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database of the stack's Postgres and the stack's real Temporal (workflows go
 * to a task queue of this test file's own, so nothing else picks them up). Fails loudly when the stack
 * is not up.
 */
export async function startTestApi(
  label: string,
  opts: { rateLimitPerMinute?: number; config?: Partial<ApiConfig> } = {},
): Promise<TestApi> {
  const db = await createTestDatabase(label);
  const taskQueue = `api-test-${label}-${randomUUID()}`;
  const lifecycle = await TemporalLifecycle.connect({
    env: await stackEnv(),
    taskQueue,
    updateTimeoutMs: 1_000,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadApiConfig(
    {},
    {
      databaseUrl: db.url,
      logLevel: 'debug',
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
      tokenLookupsPerMinute: 100_000,
      ...opts.config,
    },
  );
  const app = await createApiInstance({
    config,
    lifecycle,
    statusSync: false,
    logStream,
    env: await stackEnv(),
  });
  await app.ready();

  const issue = async (user: string, teamId: string, role: 'member' | 'admin') => {
    await ensureTeam(app.db, { id: teamId });
    const { id } = await upsertUser(app.db, { name: user, teamId, role });
    return (await createApiToken(app.db, { userId: id })).token;
  };
  const tokens = {
    member: await issue('ada', 'payments', 'member'),
    other: await issue('bob', 'search', 'member'),
    admin: await issue('root', 'platform', 'admin'),
  };
  return {
    app,
    db,
    lifecycle,
    taskQueue,
    tokens,
    logs,
    headers(caller): Record<string, string> {
      if (caller === 'none') return {};
      if (caller === 'bad') return { authorization: 'Bearer msx_not-a-real-token-000000000000000000000000' };
      return { authorization: `Bearer ${tokens[caller]}` };
    },
    async close() {
      await app.close();
      await lifecycle.close();
      await db.drop();
    },
  };
}

/** The parsed JSON body of a response. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}
