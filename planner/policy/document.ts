import { z } from 'zod';
import { DEFAULT_REQUESTS } from '../../blueprints/default-requests.js';
import { PARSE_LIMITS } from '../../blueprints/limits.js';
import { Duration, Quantity } from '../../blueprints/schema.js';
import { parseDuration } from '../../workflows/duration.js';
import { IDLE_ACTIONS } from '../../workflows/idle-actions.js';

/**
 * A policy document: the rules a company or a team sets for the environments created in it. Every
 * section is optional; an absent section sets no rule. Company and team documents both apply (the
 * stricter wins); for defaults (ttl.default, idle) the team's wins over the company's.
 */

/** The layers a policy is set at, outermost first. */
export const POLICY_LAYERS = ['company', 'team'] as const;
export type PolicyLayer = (typeof POLICY_LAYERS)[number];

const Count = z.number().int().min(0).max(1_000_000);

const ResourceLimits = z
  .strictObject({
    cpu: Quantity.optional().describe('CPU requests summed over replicas, e.g. 4 or 2500m'),
    memory: Quantity.optional().describe('Memory requests summed over replicas, e.g. 8Gi'),
    storage: Quantity.optional().describe('Volume sizes summed, e.g. 20Gi'),
  })
  .describe(
    `Resource limits: services without requests count as ${DEFAULT_REQUESTS.cpu} CPU and ${DEFAULT_REQUESTS.memory} memory, volumes as 1Gi`,
  );

/** Image globs: registry/repository:tag with `*` (any text) and `?` (one character). */
const ImagePattern = z
  .string()
  .min(1)
  .max(256)
  .regex(
    /^[A-Za-z0-9._\-/:@*?]+$/,
    'must be an image reference or a glob of one: letters, digits, . _ - / : @ and the wildcards * ?',
  )
  .describe('e.g. ghcr.io/acme/* or postgres:16*');

/** Label keys as Kubernetes writes them: an optional DNS prefix and a name. */
const LabelKey = z
  .string()
  .max(317)
  .regex(
    /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    'must be a label key such as pr or acme.com/cost-center',
  );

/** Baseline environments by name or id, with globs. */
const BaselinePattern = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9*?-]+$/, 'must be an environment name or id, or a glob of one (a-z, 0-9, -, * and ?)');

export const PolicyDocument = z
  .strictObject({
    environments: z
      .strictObject({
        maxPerTeam: Count.optional().describe('Live environments a team may have'),
        maxPerUser: Count.optional().describe('Live environments one user may own'),
      })
      .optional(),
    resources: z
      .strictObject({
        perEnvironment: ResourceLimits.optional(),
        perTeam: ResourceLimits.optional().describe("The sum over the team's live environments"),
      })
      .optional(),
    ttl: z
      .strictObject({
        default: Duration.optional().describe('TTL of an environment created without one'),
        max: Duration.optional().describe(
          'Longest TTL; also caps extend: an environment lives at most this long after its creation',
        ),
      })
      .optional(),
    idle: z
      .strictObject({
        action: z.enum(IDLE_ACTIONS).optional().describe('Idle action of an environment created without one'),
        after: Duration.optional().describe('idleAfter of an environment created without one'),
      })
      .optional(),
    images: z
      .strictObject({
        allowed: z.array(ImagePattern).min(1).max(200).describe('Every image must match one of these'),
      })
      .optional(),
    labels: z
      .strictObject({
        required: z.array(LabelKey).min(1).max(32).describe('Labels every environment must carry'),
      })
      .optional(),
    baselines: z
      .strictObject({
        allowed: z
          .array(BaselinePattern)
          .max(200)
          .describe('Environments (name or id) a branch may be made of; empty: no branching'),
      })
      .optional(),
    urls: z
      .strictObject({
        public: z.boolean().describe('false: no service may set access: public'),
      })
      .optional(),
    overlay: z
      .string()
      .min(1)
      .max(PARSE_LIMITS.maxFileBytes)
      .optional()
      .describe('An overlay (YAML, its layer equal to the policy layer) applied to every create and apply'),
  })
  .superRefine((doc, ctx) => {
    const byDefault = doc.ttl?.default && parseDuration(doc.ttl.default);
    const max = doc.ttl?.max && parseDuration(doc.ttl.max);
    if (byDefault && max && byDefault > max) {
      ctx.addIssue({ code: 'custom', path: ['ttl', 'default'], message: 'must not be longer than ttl.max' });
    }
  })
  .describe('A MicroStax policy: limits and defaults for the environments of a company or a team');

export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** A policy as it applies: its layer, the version stored, the document. */
export interface LayeredPolicy {
  layer: PolicyLayer;
  version: number;
  document: PolicyDocument;
}
