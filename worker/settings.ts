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
});
export type WorkerSettings = z.infer<typeof WorkerSettingsSchema>;

export function loadWorkerSettings(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return readEnvSettings({
    component: 'worker',
    schema: WorkerSettingsSchema,
    variables: { snapshotDir: SNAPSHOT_DIR_ENV },
    env,
  });
}
