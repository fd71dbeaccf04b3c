import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createActivities } from '../../../activities/create-activities.js';
import type { LifecycleDependencies } from '../../../activities/ports.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { realNodeDeployEnv } from '../../../local/stack/node/layout.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { installTemporalRuntimeLogger } from '../../../temporal/runtime-log.js';
import { createLifecycleWorker } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { stackEnv } from '../../support/stack-env.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';
import type { ApiCall } from './founding-example-api.js';

/**
 * The production API and worker of this checkout, in this process, deploying to the real node: a
 * fresh database, a worker on the file's own task queue, and a member of team "payments" to call as.
 */
export interface ApiWithWorker {
  app: FastifyInstance;
  db: TestDatabase;
  temporal: TemporalClientHandle;
  dependencies: LifecycleDependencies;
  /** The worker's task queue (workflows a test starts itself go there). */
  taskQueue: string;
  /** The member's API token. */
  token: string;
  /** A JSON call as the member (POSTs carry a fresh idempotency key). */
  call: ApiCall;
  close(): Promise<void>;
}

export async function startApiWithWorker(params: {
  /** Names the database and the task queue. */
  label: string;
  /** Worker settings on top of the stack's and the real node's. */
  workerEnv?: Record<string, string>;
  /** Worker dependencies over the API's database (e.g. the pre-warm catalog), on top of production's. */
  extraDependencies?: (app: FastifyInstance) => Partial<LifecycleDependencies>;
}): Promise<ApiWithWorker> {
  const endpoints = await readStackEndpoints();
  if (!endpoints.realNode) {
    throw new Error('the real node is not up: run `node bin/microstax.js stack up --real-nodes`');
  }
  installTemporalRuntimeLogger();
  const env = await stackEnv();
  const taskQueue = `real-${params.label}-${randomUUID()}`;
  const db = await createTestDatabase(params.label);
  const temporal = await createTemporalClient({ env });
  const dependencies = await createWorkerDependencies({
    temporal: temporal.client,
    env: { ...env, ...realNodeDeployEnv(endpoints.realNode), ...params.workerEnv },
  });
  const lifecycle = await TemporalLifecycle.connect({ env, taskQueue });
  const app = await createApiInstance({
    config: loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 300 }),
    lifecycle,
    env,
  });
  app.addHook('onClose', () => lifecycle.close());
  await app.ready();
  const worker = await createLifecycleWorker({
    env,
    taskQueue,
    config: temporal.config,
    activities: createActivities({ ...dependencies, ...params.extraDependencies?.(app) }),
  });
  const workerRun = worker.run();
  await ensureTeam(app.db, { id: 'payments' });
  const user = await upsertUser(app.db, { name: 'ada', teamId: 'payments', role: 'member' });
  const { token } = await createApiToken(app.db, { userId: user.id });
  const call: ApiCall = async (method, url, payload) => {
    const response = await app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(method === 'POST' && { 'idempotency-key': randomUUID() }),
      },
      ...(payload !== undefined && { payload: payload as object }),
    });
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };
  return {
    app,
    db,
    temporal,
    dependencies,
    taskQueue,
    token,
    call,
    async close() {
      await app.close().catch(() => {});
      await worker.shutdown();
      await workerRun.catch(() => {});
      await temporal.close();
      await db.drop();
    },
  };
}
