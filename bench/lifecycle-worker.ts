import { randomUUID } from 'node:crypto';
import { createActivities } from '../activities/create-activities.js';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import { createTemporalClient } from '../temporal/client.js';
import { LifecycleClient } from '../temporal/lifecycle-client.js';
import { installTemporalRuntimeLogger } from '../temporal/runtime-log.js';
import { createLifecycleWorker } from '../temporal/worker.js';
import { createWorkerDependencies } from '../worker/dependencies.js';

/**
 * A lifecycle worker with the production dependencies on a task queue of its own, for a benchmark:
 * its workflows run on the real Temporal server and deploy through the real deploy layer.
 * `env` overrides the deploy settings (e.g. the real node's). `stop()` shuts it down.
 */
export async function startBenchWorker(params: { name: string; env?: NodeJS.ProcessEnv }) {
  installTemporalRuntimeLogger();
  const temporal = await createTemporalClient();
  const { runtime, planner, snapshotEngines } = await createWorkerDependencies({
    temporal: temporal.client,
    env: params.env,
  });
  const taskQueue = `bench-${params.name}-${randomUUID().slice(0, 8)}`;
  const worker = await createLifecycleWorker({
    taskQueue,
    config: temporal.config,
    activities: createActivities({
      runtime,
      planner,
      snapshotEngines,
      temporal: temporal.client,
      heartbeatEveryMs: 2000,
    }),
  });
  const running = worker.run();
  const lifecycle = new LifecycleClient(temporal.client, taskQueue);
  /** Every environment `createReady` started, for the suite to tear down. */
  const created: string[] = [];
  return {
    temporal,
    taskQueue,
    lifecycle,
    created,
    /** Creates an environment (cold, or claiming a warm one) and waits until it is ready; throws otherwise. */
    createReady: async (params: {
      environmentId: string;
      blueprint: ResolvedBlueprint;
      claimWarm: boolean;
    }) => {
      await lifecycle.createEnvironment({ ...params, owner: 'bench', team: 'bench' });
      created.push(params.environmentId);
      const status = await lifecycle.waitReady(params.environmentId);
      if (status.phase !== 'ready') {
        throw new Error(`${params.environmentId} ended ${status.phase}: ${status.error?.message}`);
      }
      return status;
    },
    stop: async () => {
      await worker.shutdown();
      await running.catch(() => undefined);
    },
  };
}
