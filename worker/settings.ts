import { z } from 'zod';
import { readEnvSettings } from '../settings/env-settings.js';

/** The variables that name where snapshot artifacts go: a store URL, or a directory. */
export const SNAPSHOT_STORE_ENV = 'MICROSTAX_SNAPSHOT_STORE';
export const SNAPSHOT_DIR_ENV = 'MICROSTAX_SNAPSHOT_DIR';
/** An S3-compatible server's endpoint (unset: AWS S3 itself) and the region to sign for. */
export const S3_ENDPOINT_ENV = 'MICROSTAX_S3_ENDPOINT';
export const S3_REGION_ENV = 'MICROSTAX_S3_REGION';

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
  });
export type WorkerSettings = z.infer<typeof WorkerSettingsSchema>;

export const WORKER_SETTINGS_ENV: { [K in keyof WorkerSettings]-?: string } = {
  snapshotStore: SNAPSHOT_STORE_ENV,
  snapshotDir: SNAPSHOT_DIR_ENV,
  scratchDir: 'MICROSTAX_SNAPSHOT_SCRATCH_DIR',
  s3Endpoint: S3_ENDPOINT_ENV,
  s3Region: S3_REGION_ENV,
  healthPort: 'MICROSTAX_WORKER_HEALTH_PORT',
  shutdownGraceSeconds: 'MICROSTAX_WORKER_SHUTDOWN_GRACE_SECONDS',
};

export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return readEnvSettings({
    component: 'worker',
    schema: WorkerSettingsSchema,
    variables: WORKER_SETTINGS_ENV,
    env,
  });
}
