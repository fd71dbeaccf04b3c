/**
 * A lifecycle worker in its own process, for crash tests: the test kills it with SIGKILL and starts
 * another. It deploys with the real KubeRuntime on the cluster its environment names (KUBECONFIG, else
 * the stack's), and talks to the Temporal server its environment names (a private stack's, in the crash
 * matrix: MICROSTAX_STATE_DIR says which stack fills in the settings). With `databaseUrl` it mirrors environments to that metadata database (PostgresLifecycleStore).
 * Arguments (JSON in argv[2]): taskQueue, bundlePath, unschedulableGraceMs, crashAfterApply, crashDuringUpdate,
 * databaseUrl.
 */
import { readFile } from 'node:fs/promises';
import { createActivities } from '../../../../activities/create-activities.js';
import type { EnvironmentRuntime } from '../../../../activities/ports.js';
import { PostgresLifecycleStore } from '../../../../activities/postgres-lifecycle-store.js';
import { KubeClient } from '../../../../deploy/index.js';
import { useLocalStackSettings } from '../../../../local/stack/process-settings.js';
import { createPool } from '../../../../store/database.js';
import { createTemporalClient } from '../../../../temporal/client.js';
import { installTemporalRuntimeLogger } from '../../../../temporal/runtime-log.js';
import { createLifecycleWorker } from '../../../../temporal/worker.js';
import { clusterRuntime } from './cluster.js';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  taskQueue: string;
  bundlePath: string;
  unschedulableGraceMs?: number;
  crashAfterApply?: boolean;
  /** Like crashAfterApply, but only in an apply update's deploy (the one that prunes): the create goes through. */
  crashDuringUpdate?: boolean;
  databaseUrl?: string;
};

installTemporalRuntimeLogger();
await useLocalStackSettings();
const temporal = await createTemporalClient();
const kube = KubeClient.fromEnvironment();
const real = clusterRuntime(
  kube,
  args.unschedulableGraceMs ? { unschedulableGraceMs: args.unschedulableGraceMs } : {},
);
const runtime: EnvironmentRuntime = args.crashDuringUpdate
  ? {
      deploy: (params) =>
        real.deploy({
          ...params,
          onProgress: (services) => {
            if (params.prune) process.kill(process.pid, 'SIGKILL');
            params.onProgress(services);
          },
        }),
      runInitSteps: (params) => real.runInitSteps(params),
      relabel: (params) => real.relabel(params),
      scale: (params) => real.scale(params),
      teardown: (params) => real.teardown(params),
    }
  : args.crashAfterApply
    ? {
        // The real runtime, except that the process dies the hard way at the first progress report, i.e.
        // right after everything was applied: no cleanup, no heartbeat, no goodbye.
        deploy: (params) =>
          real.deploy({
            ...params,
            onProgress: () => {
              process.kill(process.pid, 'SIGKILL');
            },
          }),
        runInitSteps: (params) => real.runInitSteps(params),
        relabel: (params) => real.relabel(params),
        scale: (params) => real.scale(params),
        teardown: (params) => real.teardown(params),
      }
    : real;
const worker = await createLifecycleWorker({
  taskQueue: args.taskQueue,
  config: temporal.config,
  workflowBundle: { code: await readFile(args.bundlePath, 'utf8') },
  activities: createActivities({
    runtime,
    planner: { plan: async () => ({}) },
    temporal: temporal.client,
    heartbeatEveryMs: 500,
    store: args.databaseUrl
      ? new PostgresLifecycleStore(createPool({ databaseUrl: args.databaseUrl, max: 2 }))
      : undefined,
  }),
});
process.stdout.write('worker-ready\n');
await worker.run();
await temporal.close();
