import { globMatches } from '../../blueprints/overlay.js';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import { parseDuration } from '../../workflows/duration.js';
import type { IdleAction } from '../../workflows/idle-actions.js';
import { cpuMillicores, memoryBytes } from '../quantity.js';
import type { BranchPlan } from '../types.js';
import {
  addAmounts,
  blueprintAmounts,
  formatBytes,
  formatCpu,
  NO_AMOUNTS,
  type ResourceAmounts,
} from './amounts.js';
import type { LayeredPolicy, PolicyDocument, PolicyLayer } from './document.js';

/**
 * Policy evaluation: policies + one request -> a verdict. Pure (no I/O, no clock: the caller passes
 * the usage it counted and the times), so the API's refusal, `policy check` and the tests agree.
 */

/** What is asked: a create (or the create of an apply), an update by apply, or an extend. */
export type PolicyAction = 'create' | 'update' | 'extend';

export interface PolicyRequest {
  action: PolicyAction;
  /** The resolved blueprint (create, update), server overlays applied. */
  blueprint?: ResolvedBlueprint;
  /** A branch's plan: only its deployed and forked services count as its resources. */
  branchPlan?: BranchPlan | null;
  /** As asked: the request's, else the blueprint's; absent when neither says. */
  ttl?: string;
  idleAfter?: string;
  idle?: IdleAction;
  labels?: Record<string, string>;
  /** The environment a branch is made of. */
  baseline?: { id: string; name: string | null } | null;
  /** The team's other live environments (not counting the one an update changes). */
  usage?: { teamEnvironments: number; userEnvironments: number; team: ResourceAmounts };
  /** Extend: when the environment was created and the expiry it would get (epoch ms). */
  extend?: { createdAt: number; expiresAt: number };
}

/** One rule a request breaks: which, at which layer, what was asked and what the limit is. */
export interface PolicyViolation {
  /** The rule's path in the policy document, e.g. environments.maxPerTeam. */
  policy: string;
  layer: PolicyLayer;
  requested: string;
  limit: string;
  message: string;
  /** The request field at fault, when there is one (e.g. services.api.image). */
  field?: string;
}

export interface PolicyVerdict {
  allowed: boolean;
  violations: PolicyViolation[];
  /** What a create gets where the request and blueprint say nothing: from the team's policy, else the company's. */
  defaults: { ttl?: string; idleAfter?: string; idle?: IdleAction };
  /** The environment's resources as counted (create and update). */
  amounts?: ResourceAmounts;
}

/** Evaluates every layer's policy against a request. */
export function evaluatePolicies(params: {
  policies: readonly LayeredPolicy[];
  request: PolicyRequest;
}): PolicyVerdict {
  const { policies, request } = params;
  const violations: PolicyViolation[] = [];
  const defaults = request.action === 'create' ? createDefaults(policies, request) : {};
  const amounts = request.blueprint ? blueprintAmounts(request.blueprint, request.branchPlan) : undefined;
  for (const { layer, document } of policies) {
    const rules: RuleContext = { layer, document, request, violations };
    if (request.action === 'create') {
      checkCounts(rules);
      checkTtl(rules, defaults.ttl ?? request.ttl);
      checkBaseline(rules);
    }
    if (request.action === 'extend') checkExtend(rules);
    if (request.blueprint && amounts) {
      checkResources(rules, amounts);
      checkImages(rules, request.blueprint);
      checkPublicUrls(rules, request.blueprint);
      checkLabels(rules);
    }
  }
  return { allowed: violations.length === 0, violations, defaults, ...(amounts ? { amounts } : {}) };
}

interface RuleContext {
  layer: PolicyLayer;
  document: PolicyDocument;
  request: PolicyRequest;
  violations: PolicyViolation[];
}

function refuse(rules: RuleContext, violation: Omit<PolicyViolation, 'layer' | 'message'> & { why: string }) {
  const { why, ...rest } = violation;
  rules.violations.push({
    ...rest,
    layer: rules.layer,
    message: `${rules.layer} policy ${violation.policy}: ${why}`,
  });
}

/** Defaults the request left open: the team's policy wins over the company's; a max TTL bounds a missing one. */
function createDefaults(
  policies: readonly LayeredPolicy[],
  request: PolicyRequest,
): PolicyVerdict['defaults'] {
  const innermost = [...policies].reverse();
  const pick = <T>(read: (doc: PolicyDocument) => T | undefined): T | undefined => {
    for (const { document } of innermost) {
      const value = read(document);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const defaults: PolicyVerdict['defaults'] = {};
  if (request.ttl === undefined) {
    const ttl = pick((doc) => doc.ttl?.default) ?? shortest(policies.map((p) => p.document.ttl?.max));
    if (ttl) defaults.ttl = ttl;
  }
  if (request.idleAfter === undefined) {
    const after = pick((doc) => doc.idle?.after);
    if (after) defaults.idleAfter = after;
  }
  if (request.idle === undefined) {
    const action = pick((doc) => doc.idle?.action);
    if (action) defaults.idle = action;
  }
  return defaults;
}

function shortest(durations: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const d of durations) {
    if (d && (best === undefined || parseDuration(d)! < parseDuration(best)!)) best = d;
  }
  return best;
}

function checkCounts(rules: RuleContext): void {
  const limits = rules.document.environments;
  const usage = rules.request.usage;
  if (!limits || !usage) return;
  if (limits.maxPerTeam !== undefined && usage.teamEnvironments + 1 > limits.maxPerTeam) {
    refuse(rules, {
      policy: 'environments.maxPerTeam',
      requested: String(usage.teamEnvironments + 1),
      limit: String(limits.maxPerTeam),
      why: `the team would have ${usage.teamEnvironments + 1} live environments; the limit is ${limits.maxPerTeam} (delete one first)`,
    });
  }
  if (limits.maxPerUser !== undefined && usage.userEnvironments + 1 > limits.maxPerUser) {
    refuse(rules, {
      policy: 'environments.maxPerUser',
      requested: String(usage.userEnvironments + 1),
      limit: String(limits.maxPerUser),
      why: `you would own ${usage.userEnvironments + 1} live environments; the limit is ${limits.maxPerUser} (delete one first)`,
    });
  }
}

function checkTtl(rules: RuleContext, ttl: string | undefined): void {
  const max = rules.document.ttl?.max;
  if (!max) return;
  if (ttl === undefined) {
    refuse(rules, {
      policy: 'ttl.max',
      requested: 'none',
      limit: max,
      field: 'ttl',
      why: `an environment must expire within ${max}; set a ttl`,
    });
  } else if (parseDuration(ttl)! > parseDuration(max)!) {
    refuse(rules, {
      policy: 'ttl.max',
      requested: ttl,
      limit: max,
      field: 'ttl',
      why: `ttl ${ttl} is longer than the limit ${max}`,
    });
  }
}

function checkExtend(rules: RuleContext): void {
  const max = rules.document.ttl?.max;
  const extend = rules.request.extend;
  if (!max || !extend) return;
  const lifetime = extend.expiresAt - extend.createdAt;
  if (lifetime > parseDuration(max)!) {
    refuse(rules, {
      policy: 'ttl.max',
      requested: `${formatHours(lifetime)} after creation`,
      limit: max,
      field: 'by',
      why: `the environment would live ${formatHours(lifetime)} after its creation; the limit is ${max} (latest expiry ${new Date(extend.createdAt + parseDuration(max)!).toISOString()})`,
    });
  }
}

function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? `${Math.round(hours * 100) / 100}h` : `${Math.ceil(ms / 60_000)}m`;
}

function checkBaseline(rules: RuleContext): void {
  const allowed = rules.document.baselines?.allowed;
  const baseline = rules.request.baseline;
  if (!allowed || !baseline) return;
  const names = [baseline.id, ...(baseline.name ? [baseline.name] : [])];
  if (allowed.some((pattern) => names.some((name) => globMatches(pattern, name)))) return;
  const shown = baseline.name ? `${baseline.name} (${baseline.id})` : baseline.id;
  refuse(rules, {
    policy: 'baselines.allowed',
    requested: shown,
    limit: allowed.length ? allowed.join(', ') : 'none',
    field: 'branchOf',
    why: allowed.length
      ? `branches may only be made of ${allowed.join(', ')}; not of ${shown}`
      : `this team may not make branches (of ${shown})`,
  });
}

const RESOURCES = [
  { key: 'cpu', parse: cpuMillicores, format: formatCpu, what: 'CPU' },
  { key: 'memory', parse: memoryBytes, format: formatBytes, what: 'memory' },
  { key: 'storage', parse: memoryBytes, format: formatBytes, what: 'storage' },
] as const;

function checkResources(rules: RuleContext, amounts: ResourceAmounts): void {
  const limits = rules.document.resources;
  if (!limits) return;
  const team = addAmounts(rules.request.usage?.team ?? NO_AMOUNTS, amounts);
  for (const [scope, asked, label] of [
    ['perEnvironment', amounts, 'this environment asks for'],
    ['perTeam', team, 'the team would use'],
  ] as const) {
    const scoped = limits[scope];
    if (!scoped) continue;
    for (const { key, parse, format, what } of RESOURCES) {
      const limit = scoped[key];
      if (limit === undefined) continue;
      if (asked[key] > parse(limit, key)) {
        refuse(rules, {
          policy: `resources.${scope}.${key}`,
          requested: format(asked[key]),
          limit: String(limit),
          why: `${label} ${format(asked[key])} ${what}; the limit is ${limit}`,
        });
      }
    }
  }
}

function checkImages(rules: RuleContext, blueprint: ResolvedBlueprint): void {
  const allowed = rules.document.images?.allowed;
  if (!allowed) return;
  for (const service of blueprint.services) {
    if (allowed.some((pattern) => globMatches(pattern, service.image))) continue;
    refuse(rules, {
      policy: 'images.allowed',
      requested: service.image,
      limit: allowed.join(', '),
      field: `services.${service.name}.image`,
      why: `service ${service.name}'s image ${service.image} matches none of ${allowed.join(', ')}`,
    });
  }
}

function checkPublicUrls(rules: RuleContext, blueprint: ResolvedBlueprint): void {
  if (rules.document.urls?.public !== false) return;
  for (const service of blueprint.services) {
    if (service.access !== 'public') continue;
    refuse(rules, {
      policy: 'urls.public',
      requested: 'access: public',
      limit: 'private only',
      field: `services.${service.name}.access`,
      why: `service ${service.name} asks for public URLs (access: public); this ${rules.layer}'s URLs must stay private`,
    });
  }
}

function checkLabels(rules: RuleContext): void {
  const required = rules.document.labels?.required;
  if (!required) return;
  const labels = rules.request.labels ?? {};
  const missing = required.filter((key) => labels[key] === undefined);
  if (missing.length === 0) return;
  refuse(rules, {
    policy: 'labels.required',
    requested: Object.keys(labels).join(', ') || 'no labels',
    limit: required.join(', '),
    field: 'labels',
    why: `every environment must carry the labels ${required.join(', ')}; missing: ${missing.join(', ')}`,
  });
}
