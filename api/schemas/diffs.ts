import { z } from 'zod';
import { RequestListSchema } from '../../diff/request-set.js';
import { EnvironmentId } from './common.js';

export const CaptureSettingsBody = z
  .object({
    sampleRate: z.number().gt(0).max(1).describe('Share of requests recorded, in (0, 1]'),
    maxBodyBytes: z
      .number()
      .int()
      .min(0)
      .max(65536)
      .default(16384)
      .describe('Requests with a larger body are recorded without it and never replayed'),
    maxRequests: z.number().int().min(1).max(10000).default(1000).describe('The newest this many are kept'),
  })
  .strict()
  .describe('Traffic capture settings of an environment (off until set)');

export const CaptureView = z
  .object({
    environmentId: z.string(),
    enabled: z.boolean(),
    sampleRate: z.number().optional(),
    maxBodyBytes: z.number().int().optional(),
    maxRequests: z.number().int().optional(),
    captured: z.number().int().describe('Requests captured so far (kept)'),
  })
  .describe('Traffic capture of an environment');

export const StartDiffBody = z
  .object({
    against: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe(
        'The baseline to compare with (id or name); default the environment the branch branched from. Anything else is refused',
      ),
    requests: RequestListSchema.shape.requests
      .optional()
      .describe(
        "The requests to replay (the documented list format); default the baseline's captured requests",
      ),
  })
  .strict()
  .describe('Start a traffic diff of a branch against its baseline');

export const DiffRunParams = z.object({
  id: z.string().min(1).max(64).describe('Environment id or name (the branch)'),
  runId: z.uuid().describe('Diff run id'),
});

const Finding = z.object({
  path: z.string().describe('`status`, `header:<name>`, `body` (text) or a JSON path from `$`'),
  baseline: z.unknown().describe("The baseline's value (masked when it looks like a credential)"),
  branch: z.unknown().describe("The branch's value (masked when it looks like a credential)"),
  requests: z.number().int().describe('How many requests of the endpoint showed it'),
});

export const DiffReportSchema = z.object({
  verdict: z.enum(['no-differences', 'differences', 'incomplete']),
  compared: z.number().int(),
  equal: z.number().int(),
  differing: z.number().int(),
  failed: z.number().int(),
  skipped: z
    .number()
    .int()
    .describe('Requests never sent: methods that write (the baseline data must not change)'),
  endpoints: z.array(
    z.object({
      template: z.string().describe('Method and path with ids collapsed: `GET /carts/{id}`'),
      compared: z.number().int(),
      equal: z.number().int(),
      differing: z.number().int(),
      failed: z.number().int(),
      failures: z.array(z.string()).describe('Why requests could not be compared (the first few reasons)'),
      differences: z.array(Finding),
      noiseIgnored: z.array(z.string()).describe("Fields that moved between the baseline's own two answers"),
    }),
  ),
});

export const DiffRunView = z
  .object({
    runId: z.string(),
    branch: EnvironmentId,
    baseline: EnvironmentId.optional(),
    state: z.enum(['running', 'completed', 'failed']),
    progress: z.object({ total: z.number().int(), done: z.number().int() }).optional(),
    requests: z.number().int().optional().describe('Requests in the run'),
    message: z.string().optional().describe('Why the run failed'),
    report: DiffReportSchema.optional(),
  })
  .describe('A traffic diff run');
