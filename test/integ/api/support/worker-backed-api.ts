import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createActivities } from '../../../../activities/create-activities.js';
import { type ApiConfig, loadApiConfig } from '../../../../api/config.js';
import { createApiInstance } from '../../../../api/instance.js';
import { TemporalLifecycle } from '../../../../api/temporal-lifecycle.js';
import { KubeClient } from '../../../../deploy/kube-client.js';
import { readStackEndpoints } from '../../../../local/stack/endpoints.js';
import { createApiToken } from '../../../../store/api-tokens.js';
import { ensureTeam } from '../../../../store/teams.js';
import { upsertUser } from '../../../../store/users.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../../temporal/client.js';
import { createLifecycleWorker } from '../../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../../worker/dependencies.js';
import { stackEnv } from '../../../support/stack-env.js';
import { createTestDatabase } from '../../store/test-database.js';

/** The fields of an environment view these tests read. */
export interface EnvironmentBody {
  id: string;
  phase: string;
  parent?: string | null;
  baseline?: string | null;
  services: { name: string; state: string; action?: string }[];
}

/**
 * The API as production runs it, end to end: a fresh database, the production lifecycle worker
 * (createWorkerDependencies) on a task queue of its own, the API over both, and a member `ada` of team
 * `payments` with a token. Everything real: Temporal, Postgres and the local cluster.
 */
export interface WorkerBackedApi {
  app: FastifyInstance;
  temporal: TemporalClientHandle;
  kube: KubeClient;
  taskQueue: string;
  /** `ada`'s bearer token. */
  token: string;
  headers(): { authorization: string };
  get(id: string): Promise<EnvironmentBody>;
  /** Polls GET until the phase is one of `phases`; throws with the last view after `timeoutMs`. */
  waitForPhase(id: string, phases: readonly string[], timeoutMs: number): Promise<EnvironmentBody>;
  /** Deletes the given environments (best effort), then stops the API, the worker and the database. */
  close(params?: { environments?: readonly string[] }): Promise<void>;
}

export async function startWorkerBackedApi(params: {
  name: string;
  /** Settings of the worker beyond the stack's, e.g. MICROSTAX_SECRET_SOURCE_NAMESPACE. */
  workerEnv?: Record<string, string>;
  /** API settings beyond the test's database, e.g. the OpenID Connect provider's. */
  apiConfig?: Partial<ApiConfig>;
}): Promise<WorkerBackedApi> {
  const db = await createTestDatabase(params.name);
  const temporal = await createTemporalClient({ env: await stackEnv() });
  const workerEnv = { ...(await stackEnv()), ...params.workerEnv };
  const taskQueue = `api-${params.name}-${randomUUID()}`;
  const worker = await createLifecycleWorker({
    env: workerEnv,
    taskQueue,
    config: temporal.config,
    activities: createActivities(
      await createWorkerDependencies({ temporal: temporal.client, env: workerEnv }),
    ),
  });
  const workerRun = worker.run();
  const kube = KubeClient.fromKubeconfigFile(
    process.env.KUBECONFIG || (await readStackEndpoints()).kubeconfigPath,
  );
  const lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue });
  const config = loadApiConfig(
    {},
    { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 300, ...params.apiConfig },
  );
  const app = await createApiInstance({ config, lifecycle, env: await stackEnv() });
  app.addHook('onClose', () => lifecycle.close());
  await app.ready();
  await ensureTeam(app.db, { id: 'payments' });
  const user = await upsertUser(app.db, { name: 'ada', teamId: 'payments', role: 'member' });
  const { token } = await createApiToken(app.db, { userId: user.id });

  const headers = () => ({ authorization: `Bearer ${token}` });
  const get = async (id: string) =>
    JSON.parse(
      (await app.inject({ url: `/v1/environments/${id}`, headers: headers() })).body,
    ) as EnvironmentBody;
  return {
    app,
    temporal,
    kube,
    taskQueue,
    token,
    headers,
    get,
    async waitForPhase(id, phases, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let env = await get(id);
      while (!phases.includes(env.phase)) {
        if (Date.now() > deadline)
          throw new Error(
            `environment ${id} did not reach ${phases.join('/')}; last: ${JSON.stringify(env)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 500));
        env = await get(id);
      }
      return env;
    },
    async close(closing = {}) {
      // Whatever a failed run left behind is torn down too, newest first.
      for (const id of [...(closing.environments ?? [])].reverse()) {
        await app
          .inject({ method: 'DELETE', url: `/v1/environments/${id}`, headers: headers() })
          .catch(() => {});
      }
      await app.close().catch(() => {});
      await worker.shutdown();
      await workerRun.catch(() => {});
      await temporal.close();
      await db.drop();
    },
  };
}
