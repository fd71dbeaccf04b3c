/**
 * Every label and annotation key the deploy layer writes, in one place. The well-known
 * app.kubernetes.io/* labels let kubectl users and other tools find everything; ours carry the
 * environment's identity so that the sweep, the status and the router can select by them.
 */
export const LABELS = {
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  component: 'app.kubernetes.io/component',
  partOf: 'app.kubernetes.io/part-of',
  managedBy: 'app.kubernetes.io/managed-by',
  environment: 'microstax.dev/environment',
  blueprint: 'microstax.dev/blueprint',
  owner: 'microstax.dev/owner',
  team: 'microstax.dev/team',
  /** The environment this one branches from (its baseline / parent). */
  baseline: 'microstax.dev/baseline',
  /** Expiry as Unix seconds, so selectors can compare it; the ISO time is an annotation. */
  expiresAt: 'microstax.dev/expires-at',
  service: 'microstax.dev/service',
  /** What an object is for: workload, init, reuse, routing-table, guard-rail, secret, volume. */
  role: 'microstax.dev/role',
  /** The environment's human-readable name (`pr-42`), on its namespace. */
  environmentName: 'microstax.dev/name',
} as const;

/** Prefix of the caller's own labels on an environment's namespace: `pr=42` becomes `microstax.dev/label-pr=42`. */
export const USER_LABEL_PREFIX = 'microstax.dev/label-';

/**
 * The caller's labels as namespace labels. Only keys without a prefix of their own fit under ours (a
 * key has one "/" at most) and only when the name part stays within 63 characters; the others are kept
 * by the control plane (API, selectors) but not copied.
 */
export function namespaceUserLabels(labels: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    const namePart = `${USER_LABEL_PREFIX.split('/')[1]}${key}`;
    if (key.includes('/') || namePart.length > LABEL_VALUE_MAX) continue;
    result[`${USER_LABEL_PREFIX}${key}`] = value;
  }
  return result;
}

export const ANNOTATIONS = {
  /** Values that do not fit label syntax (an e-mail owner), kept exactly. */
  owner: 'microstax.dev/owner',
  expiresAt: 'microstax.dev/expires-at',
  /** The plan's reasons for deploying, forking or reusing this service. */
  planAction: 'microstax.dev/plan-action',
  /** sha256 of an init script, so a changed script gets a new Job. */
  scriptSha256: 'microstax.dev/script-sha256',
  /** On a data service's workload: its sql seed runs from its own initdb.d (the step count). */
  seedInService: 'microstax.dev/seed-in-service',
  /**
   * On a workload: the service's direct dependencies (blueprint `dependsOn`), comma-separated, so a wake
   * scales dependencies up first (deploy/wake-order.ts). Metadata only: writing it rolls no pod.
   */
  dependsOn: 'microstax.dev/depends-on',
  /** Where a reused service really lives. */
  reusedFrom: 'microstax.dev/reused-from',
  /** On an Ingress: `public` lets the gateway serve it without a credential (blueprint `access`). */
  access: 'microstax.dev/access',
  /** On a namespace whose environment is gone: when the orphan sweep first saw it so (ISO time). */
  orphanedSince: 'microstax.dev/orphaned-since',
} as const;

/**
 * Prefix of the ancestor labels: a branch's namespace carries `ancestor.microstax.dev/<id>` for every
 * environment above it (value: generations up, "1" for its baseline). An environment's NetworkPolicy
 * admits namespaces where `ancestor.microstax.dev/<its id>` exists, i.e. all its descendants, which
 * reach it through chains of reused services (B2 -> B1's ExternalName -> R's pods).
 */
export const ANCESTOR_LABEL_PREFIX = 'ancestor.microstax.dev/';

/**
 * The ancestor label key for one environment. An environment id is at most 63 characters of
 * [a-z0-9-] (render checks it), exactly what a label key's name part allows, so the id is used as is.
 */
export function ancestorLabelKey(environmentId: string): string {
  return `${ANCESTOR_LABEL_PREFIX}${environmentId}`;
}

export const MANAGED_BY = 'microstax';
export const PART_OF = 'microstax';

export type ObjectRole = 'workload' | 'init' | 'reuse' | 'routing-table' | 'guard-rail' | 'secret' | 'volume';

const LABEL_VALUE_MAX = 63;

/**
 * Makes any string a valid label value: allowed characters only, at most 63, starting and ending
 * alphanumeric. An e-mail owner "ana@acme.io" becomes "ana_at_acme.io".
 */
export function toLabelValue(value: string): string {
  const cleaned = value
    .replaceAll('@', '_at_')
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, LABEL_VALUE_MAX)
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '');
  return cleaned;
}

/** The label selector that finds every namespace of MicroStax environments. */
export const ENVIRONMENT_NAMESPACE_SELECTOR = `${LABELS.managedBy}=${MANAGED_BY},${LABELS.environment}`;

/**
 * Label (and NoSchedule taint) of nodes by tier: the local stack's real node carries
 * `microstax.dev/node-tier=real`; deploy config `nodeTier: real` pins environments to such nodes.
 */
export const NODE_TIER_LABEL = 'microstax.dev/node-tier';
