import { z } from 'zod';
import { Duration } from '../../blueprints/schema.js';
import { IsoDate } from './common.js';
import { EnvironmentParams } from './environments.js';

const SnapshotName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be lower-case letters, digits, ".", "_" or "-"')
  .describe('Snapshot name, unique per environment');

export const CreateSnapshotBody = z.strictObject({
  name: SnapshotName.optional().describe('Default: a timestamp'),
});
export const SnapshotView = z.object({
  id: z.string(),
  environment: z.string(),
  name: z.string(),
  phase: z.enum(['pending', 'ready', 'failed']),
  details: z
    .object({
      artifacts: z
        .array(
          z.object({
            service: z.string().describe('The data service captured'),
            engine: z.string().describe('How it was captured, e.g. postgres-logical'),
            bytes: z.number().int().describe('Size of the stored artifact'),
            sha256: z.string().describe('Checksum of the stored artifact'),
            durationMs: z
              .number()
              .int()
              .optional()
              .describe('How long the capture took (absent on snapshots taken before it was recorded)'),
          }),
        )
        .optional()
        .describe('When ready: one artifact per data service (where it is stored is not shown)'),
      error: z.string().optional().describe('When failed: why'),
    })
    .describe('What was captured; never where it is stored'),
  createdAt: IsoDate,
});
export const SnapshotList = z.object({ items: z.array(SnapshotView) });
export const SnapshotParams = EnvironmentParams.extend({
  snapshot: SnapshotName.describe('Snapshot id or name'),
});
export const DeletedSnapshot = z.object({
  id: z.string().describe('The deleted snapshot'),
  workflows: z.array(z.string()).describe('The workflow removing its stored artifacts'),
});
export const RestoreBody = z.strictObject({
  snapshot: z.string().min(1).max(64).describe('Snapshot id or name'),
});

export const CreateShareBody = z.strictObject({
  ttl: Duration.default('24h').describe('How long the share lasts (default 24h, at most 30d)'),
  note: z.string().max(200).default('').describe('Who it is for, e.g. "design review"'),
});
export const ShareView = z.object({
  id: z.string(),
  environment: z.string(),
  note: z.string(),
  state: z.enum(['active', 'expired', 'revoked']),
  expiresAt: IsoDate,
  createdAt: IsoDate,
});
export const CreatedShare = ShareView.extend({
  token: z
    .string()
    .describe(
      'The share token, shown only now: `Authorization: Bearer <token>` on GET /v1/environments/{id}',
    ),
});
export const ShareList = z.object({ items: z.array(ShareView) });
export const ShareParams = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{2,40}$/),
  shareId: z.string().regex(/^h[0-9a-f]{12}$/, 'must be a share id such as h1a2b3c4d5e6f'),
});
