import { z } from 'zod';
import { DEFAULT_PREWARM_AIM } from '../planner/forecast/prewarm-aim.js';
import { readEnvSettings } from '../settings/env-settings.js';

/** The variables that name where snapshot artifacts go: a store URL, or a directory. */
export const SNAPSHOT_STORE_ENV = 'MICROSTAX_SNAPSHOT_STORE';
export const SNAPSHOT_DIR_ENV = 'MICROSTAX_SNAPSHOT_DIR';
/** An S3-compatible server's endpoint (unset: AWS S3 itself) and the region to sign for. */
export const S3_ENDPOINT_ENV = 'MICROSTAX_S3_ENDPOINT';
export const S3_REGION_ENV = 'MICROSTAX_S3_REGION';
/** Where dumps run (`job`: a Job next to the data service; `worker`: pg_dump on the worker). */
export const SNAPSHOT_RUNNER_ENV = 'MICROSTAX_SNAPSHOT_RUNNER';
/** The image with Node that moves a Job's dump to and from the store (MicroStax's own). */
export const SNAPSHOT_JOB_IMAGE_ENV = 'MICROSTAX_SNAPSHOT_JOB_IMAGE';
/** The object store's endpoint as pods reach it, when it differs from the worker's. */
export const S3_POD_ENDPOINT_ENV = 'MICROSTAX_S3_POD_ENDPOINT';

/** The worker's own settings (Temporal, the cluster and the deploy layer have theirs). */
export const WorkerSettingsSchema = z
  .strictObject({
    snapshotStore: z
      .string()
      .regex(
        /^(s3:\/\/[a-z0-9][a-z0-9.-]{1,62}(\/.*)?|file:\/\/\/.+)$/,
        'must be s3://<bucket>[/<prefix>] or file:///<dir>',
      )
      .optional()
      .describe(
        `Where snapshot artifacts are kept: s3://<bucket>[/<prefix>] or file:///<dir> (${SNAPSHOT_STORE_ENV})`,
      ),
    snapshotDir: z
      .string()
      .min(1)
      .optional()
      .describe(`A directory for snapshot artifacts, instead of ${SNAPSHOT_STORE_ENV} (${SNAPSHOT_DIR_ENV})`),
    scratchDir: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Where a dump waits on its way to or from the store; unset: the OS temp dir (MICROSTAX_SNAPSHOT_SCRATCH_DIR)',
      ),
    s3Endpoint: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(`Endpoint of an S3-compatible object store; unset: AWS S3 (${S3_ENDPOINT_ENV})`),
    s3Region: z
      .string()
      .min(1)
      .default('us-east-1')
      .describe(`Region requests are signed for (${S3_REGION_ENV})`),
    snapshotRunner: z
      .enum(['worker', 'job'])
      .optional()
      .describe(
        `Where snapshot dumps and restores run: job (a Job next to the data service; needs an s3:// store) or worker (pg_dump, redis-cli and redis-server on the worker); unset: job with an s3:// store and a job image, else worker (${SNAPSHOT_RUNNER_ENV})`,
      ),
    snapshotJobImage: z
      .string()
      .min(1)
      .optional()
      .describe(
        `An image with Node that moves a snapshot Job's dump to and from the object store, e.g. MicroStax's own (${SNAPSHOT_JOB_IMAGE_ENV}); required for the job runner`,
      ),
    s3PodEndpoint: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        `The object store's endpoint as snapshot Jobs' pods reach it (presigned URLs name it); unset: ${S3_ENDPOINT_ENV} (${S3_POD_ENDPOINT_ENV})`,
      ),
    healthPort: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe('Port of the /healthz and /readyz probes (MICROSTAX_WORKER_HEALTH_PORT); unset: none'),
    shutdownGraceSeconds: z.coerce
      .number()
      .int()
      .min(0)
      .max(3600)
      .default(90)
      .describe(
        'On SIGTERM, how long running activities may finish before they are cancelled and retried elsewhere (MICROSTAX_WORKER_SHUTDOWN_GRACE_SECONDS)',
      ),
    prewarmAim: z.coerce
      .number()
      .min(0)
      .max(1)
      .default(DEFAULT_PREWARM_AIM)
      .describe(
        'The warm hit rate the pre-warm sizing aims at; above the rate wanted, since a claimed warm environment is replaced only by the next run (MICROSTAX_PREWARM_AIM)',
      ),
  })
  .superRefine((settings, context) => {
    // One place for the artifacts: two would leave restores guessing where a snapshot went.
    if (Boolean(settings.snapshotStore) === Boolean(settings.snapshotDir)) {
      context.addIssue({
        code: 'custom',
        path: ['snapshotStore'],
        message: settings.snapshotStore
          ? `set it or ${SNAPSHOT_DIR_ENV}, not both`
          : `required, not set (or ${SNAPSHOT_DIR_ENV} for a directory)`,
      });
    }
    if (snapshotRunnerOf(settings) === 'job') {
      if (!settings.snapshotStore?.startsWith('s3://')) {
        context.addIssue({
          code: 'custom',
          path: ['snapshotRunner'],
          message: `job needs an s3:// ${SNAPSHOT_STORE_ENV} (Jobs reach the store through presigned URLs)`,
        });
      }
      if (!settings.snapshotJobImage) {
        context.addIssue({
          code: 'custom',
          path: ['snapshotJobImage'],
          message: `required for the job runner (${SNAPSHOT_RUNNER_ENV}=worker runs the tools on the worker)`,
        });
      }
    }
  });
export type WorkerSettings = z.infer<typeof WorkerSettingsSchema>;

/**
 * The runner in effect: the setting, else job with an object store and a transfer image (what the
 * chart sets), else worker.
 */
export function snapshotRunnerOf(
  settings: Pick<WorkerSettings, 'snapshotRunner' | 'snapshotStore' | 'snapshotJobImage'>,
): 'worker' | 'job' {
  if (settings.snapshotRunner) return settings.snapshotRunner;
  return settings.snapshotStore?.startsWith('s3://') && settings.snapshotJobImage ? 'job' : 'worker';
}

export const WORKER_SETTINGS_ENV: { [K in keyof WorkerSettings]-?: string } = {
  snapshotStore: SNAPSHOT_STORE_ENV,
  snapshotDir: SNAPSHOT_DIR_ENV,
  scratchDir: 'MICROSTAX_SNAPSHOT_SCRATCH_DIR',
  s3Endpoint: S3_ENDPOINT_ENV,
  s3Region: S3_REGION_ENV,
  snapshotRunner: SNAPSHOT_RUNNER_ENV,
  snapshotJobImage: SNAPSHOT_JOB_IMAGE_ENV,
  s3PodEndpoint: S3_POD_ENDPOINT_ENV,
  healthPort: 'MICROSTAX_WORKER_HEALTH_PORT',
  shutdownGraceSeconds: 'MICROSTAX_WORKER_SHUTDOWN_GRACE_SECONDS',
  prewarmAim: 'MICROSTAX_PREWARM_AIM',
};

export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return readEnvSettings({
    component: 'worker',
    schema: WorkerSettingsSchema,
    variables: WORKER_SETTINGS_ENV,
    env,
  });
}
