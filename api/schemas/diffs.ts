import { z } from 'zod';
import { RequestListSchema } from '../../diff/request-set.js';
import { EnvironmentId, IsoDate } from './common.js';

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
    .describe(
      "Requests never sent: writes whose service could reach the baseline's data (see skippedRequests)",
    ),
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
      writesToBranch: z
        .number()
        .int()
        .optional()
        .describe('Writes sent to the branch only (its own data took them; the baseline was not asked)'),
      writeStatuses: z.array(z.number().int()).optional().describe('How the branch answered those writes'),
    }),
  ),
  skippedRequests: z
    .array(z.object({ template: z.string(), reason: z.string(), requests: z.number().int() }))
    .optional()
    .describe('Which requests were not sent, and why'),
  writesToBranch: z.number().int().optional().describe('Writes sent to the branch only'),
});

const DiffRunFields = {
  runId: z.string(),
  branch: EnvironmentId,
  baseline: EnvironmentId.optional(),
  source: z
    .enum(['captured', 'request-set'])
    .optional()
    .describe("Where the requests came from: the baseline's captured traffic or the caller's set"),
  state: z.enum(['running', 'completed', 'failed']),
  startedAt: IsoDate.optional(),
  finishedAt: IsoDate.optional(),
  progress: z.object({ total: z.number().int(), done: z.number().int() }).optional(),
  requests: z.number().int().optional().describe('Requests in the run'),
  verdict: z.enum(['no-differences', 'differences', 'incomplete']).optional(),
  counts: z
    .object({
      compared: z.number().int(),
      equal: z.number().int(),
      differing: z.number().int(),
      failed: z.number().int(),
      skipped: z.number().int(),
    })
    .optional(),
  message: z.string().optional().describe('Why the run failed'),
};

export const DiffRunView = z
  .object({ ...DiffRunFields, report: DiffReportSchema.optional() })
  .describe('A traffic diff run (kept after its workflow is gone)');

export const DiffRunSummary = z.object(DiffRunFields).describe('A traffic diff run, without its report');

export const DiffRunList = z
  .object({ runs: z.array(DiffRunSummary).describe('Newest first') })
  .describe("A branch's traffic diff runs");

export const DiffRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('How many runs, newest first'),
});
