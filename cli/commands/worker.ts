import { type Command, InvalidArgumentError, Option } from 'commander';
import { createActivities } from '../../activities/create-activities.js';
import { resolveBlueprintFile } from '../../blueprints/resolve.js';
import { gitHubActivitiesFromSettings } from '../../integrations/github/dependencies.js';
import { redactUrl } from '../../local/stack/postgres.js';
import { useLocalStackSettings } from '../../local/stack/process-settings.js';
import { startTracing } from '../../telemetry/tracing.js';
import { createTemporalClient } from '../../temporal/client.js';
import { ensureSchedules } from '../../temporal/schedules.js';
import { createLifecycleWorker } from '../../temporal/worker.js';
import { createWorkerDependencies } from '../../worker/dependencies.js';
import { startWorkerHealthServer } from '../../worker/health-server.js';
import { createWorkerMetrics } from '../../worker/metrics.js';
import { PhaseMetrics } from '../../worker/phase-metrics.js';
import { loadWorkerSettings } from '../../worker/settings.js';
import { LIFECYCLE_TASK_QUEUE, type PrewarmPoolInput } from '../../workflows/contracts.js';
import { parseDuration } from '../../workflows/duration.js';
import { ExitCode } from '../exit-codes.js';
import { printProblems } from './validate.js';

interface WorkerOptions {
  taskQueue: string;
  schedules: boolean;
  idleSweepEvery: string;
  prewarm: string[];
  prewarmEvery: string;
  orphanSweepEvery: string;
  orphanGrace: string;
}

/**
 * `microstax worker`: runs the lifecycle worker (every workflow and activity of the environment
 * lifecycle) until SIGINT/SIGTERM, then drains running activities and exits. Also installs the idle-sweep,
 * pre-warm (every blueprint that opts in with `prewarm`) and orphan-sweep Schedules unless --no-schedules.
 */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const pools: PrewarmPoolInput['pools'] = [];
  for (const spec of options.prewarm) {
    const [file, size] = splitPrewarm(spec);
    const resolved = await resolveBlueprintFile({ file });
    if (!resolved.ok) {
      printProblems(resolved.problems);
      return ExitCode.Failure;
    }
    pools.push({ blueprint: resolved.blueprint, size });
  }
  await useLocalStackSettings();
  const settings = loadWorkerSettings();
  const tracing = await startTracing({ serviceName: 'microstax-worker' });
  const temporal = await createTemporalClient();
  const log = (message: string) => process.stderr.write(`microstax worker: ${message}\n`);
  try {
    const dependencies = await createWorkerDependencies({
      temporal: temporal.client,
      log,
      mirrorToDatabase: true,
    });
    const github = gitHubActivitiesFromSettings(process.env);
    const metrics = createWorkerMetrics();
    const phaseMetrics = new PhaseMetrics(metrics.registry);
    const worker = await createLifecycleWorker({
      taskQueue: options.taskQueue,
      config: temporal.config,
      activities: { ...createActivities({ ...dependencies, metrics, phaseMetrics }), ...github },
      shutdownGraceSeconds: settings.shutdownGraceSeconds,
      tracing,
    });
    const health =
      settings.healthPort === undefined
        ? undefined
        : await startWorkerHealthServer({
            worker: worker.worker,
            port: settings.healthPort,
            metrics: metrics.registry,
          });
    if (health) log(`probes at ${health.url}/healthz and /readyz, metrics at /metrics`);
    if (options.schedules) {
      const installed = await ensureSchedules({
        client: temporal.client,
        taskQueue: options.taskQueue,
        schedules: {
          idleSweepEvery: options.idleSweepEvery,
          // Blueprints opt in themselves (`prewarm`); --prewarm files add or override pools.
          prewarm: { every: options.prewarmEvery, input: { pools, optedIn: {} } },
          orphanSweep: {
            every: options.orphanSweepEvery,
            input: { graceMs: parseDuration(options.orphanGrace)! },
          },
        },
      });
      log(`schedules: ${installed.join(', ')}`);
    }
    log(
      `polling task queue ${options.taskQueue} on ${temporal.config.address} (namespace ${temporal.config.namespace}); cluster ${dependencies.cluster}; environments mirrored to ${dependencies.databaseUrl ? redactUrl(dependencies.databaseUrl) : 'no database'}; workflows ${worker.workflowCode}; GitHub integration ${github ? 'on' : 'off'}; traces ${tracing ? 'on (OTLP)' : 'off'}; Ctrl-C to stop`,
    );
    // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown; run() resolves once drained.
    await worker.run();
    await health?.close();
    await dependencies.close();
    log('stopped');
    return ExitCode.Ok;
  } finally {
    await temporal.close();
    await tracing?.shutdown();
  }
}

function splitPrewarm(spec: string): [string, number | undefined] {
  const match = /^(.*?)(?::(\d+))?$/.exec(spec)!;
  return [match[1]!, match[2] === undefined ? undefined : Number(match[2])];
}

function duration(value: string): string {
  if (parseDuration(value) === undefined)
    throw new InvalidArgumentError('must be a duration such as 30s, 5m or 1h');
  return value;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'Run the lifecycle worker: create, seed, snapshot, share and tear down environments on Temporal',
    )
    .addOption(new Option('--task-queue <name>', 'Temporal task queue to poll').default(LIFECYCLE_TASK_QUEUE))
    .option('--no-schedules', 'do not install the idle-sweep, orphan-sweep and pre-warm Schedules')
    .addOption(
      new Option('--idle-sweep-every <duration>', 'how often the idle sweep runs')
        .default('5m')
        .argParser(duration),
    )
    .addOption(
      new Option(
        '--prewarm <file[:size]>',
        "also keep a shared warm pool of this blueprint, overriding its teams' opt-in (size: fixed; default: forecast); blueprints opt in with `prewarm` without it",
      )
        .argParser((value: string, previous: string[] = []) => [...previous, value])
        .default([]),
    )
    .addOption(
      new Option('--prewarm-every <duration>', 'how often the warm pools are topped up')
        .default('5m')
        .argParser(duration),
    )
    .addOption(
      new Option(
        '--orphan-sweep-every <duration>',
        'how often namespaces whose environment is gone are swept',
      )
        .default('5m')
        .argParser(duration),
    )
    .addOption(
      new Option(
        '--orphan-grace <duration>',
        'how long a namespace stays orphaned (seen by two sweeps) before it is deleted',
      )
        .default('10m')
        .argParser(duration),
    )
    .addHelpText(
      'after',
      '\nSettings (README "Settings"): TEMPORAL_ADDRESS, DATABASE_URL, MICROSTAX_CODEC_KEY, MICROSTAX_SNAPSHOT_DIR and\n' +
        "KUBECONFIG (or the pod's ServiceAccount); unset ones come from the local stack when one is up.\n" +
        'MICROSTAX_WORKER_HEALTH_PORT serves /healthz and /readyz; on SIGTERM running activities get\n' +
        'MICROSTAX_WORKER_SHUTDOWN_GRACE_SECONDS (default 90) to finish before they are cancelled and retried elsewhere.\n' +
        "Workflow code: the bundle in MICROSTAX_WORKFLOW_BUNDLE, or the compiled CLI's dist/workflow-bundle.js,\n" +
        'or bundled from the sources at start (a few seconds).\n\n' +
        'Pre-warm: every blueprint whose latest registered version says `prewarm: true` (or {min, max}) gets a\n' +
        "warm pool for its team, sized by the forecast of the team's creates (aiming at MICROSTAX_PREWARM_AIM,\n" +
        'default 0.93, for at least 0.9 warm hits); opting out drains it.\n\n' +
        'Example:\n  microstax worker --prewarm blueprints/examples/checkout-dev/checkout-dev.yaml:2\n',
    )
    .action(async (options: WorkerOptions) => {
      process.exitCode = await runWorker(options);
    });
}
