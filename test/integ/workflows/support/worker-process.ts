/**
 * A lifecycle worker in its own process, for crash tests: the test kills it with SIGKILL and starts
 * another. Arguments (JSON in argv[2]): taskQueue, bundlePath, stateDir, serviceDelayMs, crashAfterApply.
 */
import { readFile } from 'node:fs/promises';
import { createActivities } from '../../../../activities/create-activities.js';
import { createTemporalClient } from '../../../../temporal/client.js';
import { createLifecycleWorker } from '../../../../temporal/worker.js';
import { FileRuntime } from './file-runtime.js';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  taskQueue: string;
  bundlePath: string;
  stateDir: string;
  serviceDelayMs?: number;
  crashAfterApply?: boolean;
};

const temporal = await createTemporalClient();
const runtime = new FileRuntime(args.stateDir, {
  serviceDelayMs: args.serviceDelayMs,
  // Dies the hard way right after the namespace exists: no cleanup, no heartbeat, no goodbye.
  afterApply: args.crashAfterApply ? () => process.kill(process.pid, 'SIGKILL') : undefined,
});
const worker = await createLifecycleWorker({
  taskQueue: args.taskQueue,
  config: temporal.config,
  workflowBundle: { code: await readFile(args.bundlePath, 'utf8') },
  activities: createActivities({
    runtime,
    planner: { plan: async () => ({}) },
    temporal: temporal.client,
    heartbeatEveryMs: 500,
  }),
});
process.stdout.write('worker-ready\n');
await worker.run();
await temporal.close();
