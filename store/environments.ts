import type { Queryable } from './database.js';
import {
  COST_COLUMNS,
  COST_LATERAL_JOIN,
  type CostLedger,
  type CostRow,
  toCostLedger,
} from './environment-costs.js';

/**
 * The Postgres NOTIFY channel a trigger (migration 0003) signals on with an environment's id whenever
 * its row changes or is deleted (an empty payload: all rows); API instances listen to drop cached rows.
 */
export const ENVIRONMENT_CHANGES_CHANNEL = 'microstax_environment_changes';

/** Per-service status as the workflow last reported it (workflows/contracts.ts ServiceProgress). */
export interface ServiceStatusRecord {
  name: string;
  /** pending, applying, waiting, ready, reused, failed */
  state: string;
  /** The planner's decision for a branch: deploy, fork or reuse. */
  action?: string;
  readyReplicas?: number;
  replicas?: number;
  message?: string;
}

export interface EnvironmentRecord {
  id: string;
  teamId: string;
  ownerId: string;
  ownerName: string;
  blueprintVersionId: string;
  blueprintName: string;
  blueprintVersion: number;
  /** Overlays applied at create time (they may hold secrets: never put them in a response). */
  overlays: { source: string; fileName: string }[];
  context: Record<string, string>;
  phase: string;
  parentId: string | null;
  baselineId: string | null;
  ttlSeconds: number | null;
  expiresAt: Date | null;
  urls: Record<string, string>;
  services: ServiceStatusRecord[];
  /** The branch plan (planner/types.ts BranchPlan) with placement, as JSON. */
  plan: unknown | null;
  /** What it costs per hour now: its pods as placed (0 asleep), else the plan's estimate. */
  costPerHour: number | null;
  /** What it cost so far (environment-costs.ts `costAsOf`). */
  cost: CostLedger;
  workflowId: string;
  idempotencyKey: string | null;
  /** sha256 of the create request: a reused Idempotency-Key with another body is refused. */
  requestDigest: string;
  error: { type: string; message: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** Human-readable name, unique per team among live environments (`pr-42`); null when unnamed. */
  name: string | null;
  /** The caller's labels, selected with label selectors. */
  labels: Record<string, string>;
}

interface EnvironmentRow extends CostRow {
  id: string;
  team_id: string;
  owner_id: string;
  owner_name: string;
  blueprint_version_id: string;
  blueprint_name: string;
  blueprint_version: number;
  overlays: { source: string; fileName: string }[];
  context: Record<string, string>;
  phase: string;
  parent_id: string | null;
  baseline_id: string | null;
  ttl_seconds: number | null;
  expires_at: Date | null;
  urls: Record<string, string>;
  services: ServiceStatusRecord[];
  plan: unknown | null;
  cost_per_hour: number | null;
  workflow_id: string;
  idempotency_key: string | null;
  request_digest: string;
  error: { type: string; message: string } | null;
  created_at: Date;
  updated_at: Date;
  name: string | null;
  labels: Record<string, string>;
}

const SELECT = `SELECT e.id, e.team_id, e.owner_id, u.name AS owner_name, e.blueprint_version_id,
    b.name AS blueprint_name, v.version AS blueprint_version, e.overlays, e.context, e.phase, e.parent_id, e.baseline_id,
    e.ttl_seconds, e.expires_at, e.urls, e.services, e.plan, e.cost_per_hour, e.workflow_id,
    e.idempotency_key, e.request_digest, e.error, e.created_at, e.updated_at, e.name, e.labels, ${COST_COLUMNS}
  FROM environments e
  JOIN users u ON u.id = e.owner_id
  JOIN blueprint_versions v ON v.id = e.blueprint_version_id
  JOIN blueprints b ON b.id = v.blueprint_id
  ${COST_LATERAL_JOIN}`;

const toEnvironment = (row: EnvironmentRow): EnvironmentRecord => ({
  id: row.id,
  teamId: row.team_id,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  blueprintVersionId: row.blueprint_version_id,
  blueprintName: row.blueprint_name,
  blueprintVersion: row.blueprint_version,
  overlays: row.overlays,
  context: row.context,
  phase: row.phase,
  parentId: row.parent_id,
  baselineId: row.baseline_id,
  ttlSeconds: row.ttl_seconds,
  expiresAt: row.expires_at,
  urls: row.urls,
  services: row.services,
  plan: row.plan,
  costPerHour: row.cost_per_hour,
  cost: toCostLedger(row),
  workflowId: row.workflow_id,
  idempotencyKey: row.idempotency_key,
  requestDigest: row.request_digest,
  error: row.error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  name: row.name,
  labels: row.labels,
});

/** What a create writes: the record less what the database derives (names, status, timestamps). */
export type NewEnvironment = Omit<
  EnvironmentRecord,
  | 'ownerName'
  | 'blueprintName'
  | 'blueprintVersion'
  | 'urls'
  | 'cost'
  | 'services'
  | 'error'
  | 'createdAt'
  | 'updatedAt'
  | 'name'
  | 'labels'
> & { name?: string | null; labels?: Record<string, string> };

/**
 * Records a new environment. With an idempotency key already used by the team, nothing is inserted
 * and the existing environment comes back with `created: false`.
 */
export async function insertEnvironment(
  db: Queryable,
  env: NewEnvironment,
): Promise<{ environment: EnvironmentRecord; created: boolean }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO environments (id, team_id, owner_id, blueprint_version_id, phase, parent_id, baseline_id,
        ttl_seconds, expires_at, plan, cost_per_hour, workflow_id, idempotency_key, request_digest, overlays, context,
        name, labels)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (team_id, idempotency_key) DO NOTHING
     RETURNING id`,
    [
      env.id,
      env.teamId,
      env.ownerId,
      env.blueprintVersionId,
      env.phase,
      env.parentId,
      env.baselineId,
      env.ttlSeconds,
      env.expiresAt,
      env.plan === null ? null : JSON.stringify(env.plan),
      env.costPerHour,
      env.workflowId,
      env.idempotencyKey,
      env.requestDigest,
      JSON.stringify(env.overlays),
      JSON.stringify(env.context),
      env.name ?? null,
      JSON.stringify(env.labels ?? {}),
    ],
  );
  if (rows[0]) return { environment: (await getEnvironment(db, env.id))!, created: true };
  const existing = await findEnvironmentByIdempotencyKey(db, {
    teamId: env.teamId,
    idempotencyKey: env.idempotencyKey!,
  });
  return { environment: existing!, created: false };
}

/** The environment a team created with this Idempotency-Key, or null. */
export async function findEnvironmentByIdempotencyKey(
  db: Queryable,
  params: { teamId: string; idempotencyKey: string },
): Promise<EnvironmentRecord | null> {
  const { rows } = await db.query<EnvironmentRow>(
    `${SELECT} WHERE e.team_id = $1 AND e.idempotency_key = $2`,
    [params.teamId, params.idempotencyKey],
  );
  return rows[0] ? toEnvironment(rows[0]) : null;
}

/** One environment by id, or null. Access checks are the caller's job. */
export async function getEnvironment(db: Queryable, id: string): Promise<EnvironmentRecord | null> {
  // Prepared once per connection: status reads are the API's hottest path.
  const { rows } = await db.query<EnvironmentRow>({
    name: 'get-environment',
    text: `${SELECT} WHERE e.id = $1`,
    values: [id],
  });
  return rows[0] ? toEnvironment(rows[0]) : null;
}

/** One requirement of a label selector (Kubernetes syntax: `k=v`, `k!=v`, `k in (a,b)`, `k`, `!k`). */
export type LabelRequirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

/** Phases of environments that are gone; a name is free again once its environment is in one. */
export const ENDED_PHASES = ['deleted', 'failed', 'claimed'] as const;

/**
 * The team's environment with this name: the live one, else the newest that had it (so a read after a
 * delete still finds it, deleted). Null when the team never had one by that name.
 */
export async function getEnvironmentByName(
  db: Queryable,
  params: { teamId: string; name: string },
): Promise<EnvironmentRecord | null> {
  const { rows } = await db.query<EnvironmentRow>(
    `${SELECT} WHERE e.team_id = $1 AND e.name = $2
      ORDER BY (e.phase <> ALL($3::text[])) DESC, e.created_at DESC, e.id DESC LIMIT 1`,
    [params.teamId, params.name, ENDED_PHASES],
  );
  return rows[0] ? toEnvironment(rows[0]) : null;
}

/**
 * Records what an apply changed: the blueprint version, overlays and context it now runs, its labels,
 * and the phase the accepted update put it in.
 */
export async function updateEnvironmentSpec(
  db: Queryable,
  update: {
    id: string;
    blueprintVersionId: string;
    overlays: { source: string; fileName: string }[];
    context: Record<string, string>;
    labels: Record<string, string>;
    phase: string;
  },
): Promise<void> {
  await db.query(
    `UPDATE environments SET blueprint_version_id = $2, overlays = $3::jsonb, context = $4::jsonb,
        labels = $5::jsonb, phase = $6, error = NULL, updated_at = now()
      WHERE id = $1`,
    [
      update.id,
      update.blueprintVersionId,
      JSON.stringify(update.overlays),
      JSON.stringify(update.context),
      JSON.stringify(update.labels),
      update.phase,
    ],
  );
}

export interface EnvironmentFilter {
  /** Null lists every team's environments (admins). */
  teamId: string | null;
  ownerName?: string;
  blueprint?: string;
  phase?: string;
  /** Every requirement must hold (a parsed `labelSelector`). */
  labels?: LabelRequirement[];
  /** Newest first; `before` is the created_at/id cursor of the last item of the previous page. */
  limit: number;
  beforeId?: string;
}

/** Environments matching the filter, newest first. */
export async function listEnvironments(
  db: Queryable,
  filter: EnvironmentFilter,
): Promise<EnvironmentRecord[]> {
  const values: unknown[] = [
    filter.teamId,
    filter.ownerName ?? null,
    filter.blueprint ?? null,
    filter.phase ?? null,
    filter.beforeId ?? null,
    filter.limit,
  ];
  const { rows } = await db.query<EnvironmentRow>(
    `${SELECT}
      WHERE ($1::text IS NULL OR e.team_id = $1)
        AND ($2::text IS NULL OR u.name = $2)
        AND ($3::text IS NULL OR b.name = $3)
        AND ($4::text IS NULL OR e.phase = $4)
        AND ($5::text IS NULL OR (e.created_at, e.id) < (SELECT created_at, id FROM environments WHERE id = $5))
        ${labelConditions(filter.labels ?? [], values)}
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT $6`,
    values,
  );
  return rows.map(toEnvironment);
}

/** What the workflow reports about an environment; absent fields are left as they are. */
export interface EnvironmentStatusUpdate {
  id: string;
  phase?: string;
  services?: ServiceStatusRecord[];
  urls?: Record<string, string>;
  plan?: unknown;
  costPerHour?: number | null;
  expiresAt?: Date | null;
  ttlSeconds?: number | null;
  error?: { type: string; message: string } | null;
}

/** Mirrors workflow state into the row. Returns true when anything changed. */
export async function updateEnvironmentStatus(
  db: Queryable,
  update: EnvironmentStatusUpdate,
): Promise<boolean> {
  const sets: string[] = [];
  const values: unknown[] = [update.id];
  const set = (column: string, value: unknown, cast = '') => {
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  };
  if (update.phase !== undefined) set('phase', update.phase);
  if (update.services !== undefined) set('services', JSON.stringify(update.services), '::jsonb');
  if (update.urls !== undefined) set('urls', JSON.stringify(update.urls), '::jsonb');
  if (update.plan !== undefined)
    set('plan', update.plan === null ? null : JSON.stringify(update.plan), '::jsonb');
  if (update.costPerHour !== undefined) set('cost_per_hour', update.costPerHour);
  if (update.expiresAt !== undefined) set('expires_at', update.expiresAt);
  if (update.ttlSeconds !== undefined) set('ttl_seconds', update.ttlSeconds);
  if (update.error !== undefined)
    set('error', update.error === null ? null : JSON.stringify(update.error), '::jsonb');
  if (sets.length === 0) return false;
  // Only touch the row when a value differs, so updated_at means "last real change".
  const changed = sets.map((s) => s.replace(' = ', ' IS DISTINCT FROM ')).join(' OR ');
  const { rowCount } = await db.query(
    `UPDATE environments SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND (${changed})`,
    values,
  );
  return (rowCount ?? 0) > 0;
}

/** SQL for label requirements; each value becomes a parameter appended to `values`. */
function labelConditions(requirements: LabelRequirement[], values: unknown[]): string {
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return requirements
    .map((r) => {
      switch (r.op) {
        case '=':
          return `AND e.labels @> ${param(JSON.stringify({ [r.key]: r.value }))}::jsonb`;
        case '!=':
          return `AND NOT e.labels @> ${param(JSON.stringify({ [r.key]: r.value }))}::jsonb`;
        case 'in':
          return `AND e.labels ->> ${param(r.key)}::text = ANY(${param(r.values)}::text[])`;
        case 'notin':
          return `AND COALESCE(e.labels ->> ${param(r.key)}::text <> ALL(${param(r.values)}::text[]), true)`;
        case 'exists':
          return `AND jsonb_exists(e.labels, ${param(r.key)}::text)`;
        default:
          return `AND NOT jsonb_exists(e.labels, ${param(r.key)}::text)`;
      }
    })
    .join('\n        ');
}
