import { z } from 'zod';
import { readEnvSettings } from '../settings/env-settings.js';

/** The variable that names where snapshot artifacts go. */
export const SNAPSHOT_DIR_ENV = 'MICROSTAX_SNAPSHOT_DIR';

/** The worker's own settings (Temporal, the cluster and the deploy layer have theirs). */
export const WorkerSettingsSchema = z.strictObject({
  snapshotDir: z
    .string()
    .min(1)
    .describe(`Directory snapshot artifacts are written to and restored from (${SNAPSHOT_DIR_ENV})`),
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
});
export type WorkerSettings = z.infer<typeof WorkerSettingsSchema>;

export const WORKER_SETTINGS_ENV: { [K in keyof WorkerSettings]-?: string } = {
  snapshotDir: SNAPSHOT_DIR_ENV,
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
