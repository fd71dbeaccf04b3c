import type { ResourceAmounts } from '../planner/policy/amounts.js';
import type { LayeredPolicy, PolicyDocument, PolicyLayer } from '../planner/policy/document.js';
import type { Queryable } from './database.js';
import { ENDED_PHASES } from './environments.js';

/** A policy's scope: the company's, or one team's. */
export type PolicyScope = { layer: 'company' } | { layer: 'team'; teamId: string };

export interface PolicyVersionRecord {
  layer: PolicyLayer;
  teamId: string | null;
  version: number;
  document: PolicyDocument;
  changedBy: string;
  changedAt: Date;
}

interface PolicyRow {
  layer: PolicyLayer;
  team_id: string | null;
  version: number;
  document: PolicyDocument;
  changed_by_name: string;
  created_at: Date;
}

const COLUMNS = 'layer, team_id, version, document, changed_by_name, created_at';

const toPolicy = (row: PolicyRow): PolicyVersionRecord => ({
  layer: row.layer,
  teamId: row.team_id,
  version: row.version,
  document: row.document,
  changedBy: row.changed_by_name,
  changedAt: row.created_at,
});

const teamOf = (scope: PolicyScope): string | null => (scope.layer === 'team' ? scope.teamId : null);

/** The current (highest) version of a scope's policy, or null when none was ever set. */
export async function currentPolicy(db: Queryable, scope: PolicyScope): Promise<PolicyVersionRecord | null> {
  const { rows } = await db.query<PolicyRow>(
    `SELECT ${COLUMNS} FROM policy_versions
      WHERE layer = $1 AND team_id IS NOT DISTINCT FROM $2 ORDER BY version DESC LIMIT 1`,
    [scope.layer, teamOf(scope)],
  );
  return rows[0] ? toPolicy(rows[0]) : null;
}

/** The policies that apply to a team's environments, company first: one query. */
export async function policiesForTeam(db: Queryable, teamId: string): Promise<LayeredPolicy[]> {
  const { rows } = await db.query<PolicyRow>({
    name: 'policies-for-team',
    text: `SELECT DISTINCT ON (layer) ${COLUMNS} FROM policy_versions
      WHERE (layer = 'company' AND team_id IS NULL) OR (layer = 'team' AND team_id = $1)
      ORDER BY layer, version DESC`,
    values: [teamId],
  });
  return rows
    .map((row) => ({ layer: row.layer, version: row.version, document: row.document }))
    .sort((a, b) => (a.layer === b.layer ? 0 : a.layer === 'company' ? -1 : 1));
}

/** Every version of a scope's policy, newest first. */
export async function policyHistory(
  db: Queryable,
  params: { scope: PolicyScope; limit: number },
): Promise<PolicyVersionRecord[]> {
  const { rows } = await db.query<PolicyRow>(
    `SELECT ${COLUMNS} FROM policy_versions
      WHERE layer = $1 AND team_id IS NOT DISTINCT FROM $2 ORDER BY version DESC LIMIT $3`,
    [params.scope.layer, teamOf(params.scope), params.limit],
  );
  return rows.map(toPolicy);
}

/**
 * Stores the next version of a scope's policy. With `expectedVersion`, only when the current version is
 * that one (0: none yet); returns null when it is not (someone changed it meanwhile). Two concurrent
 * writers cannot both get the same version: the unique index refuses the second (a 23505 the caller maps).
 */
export async function setPolicy(
  db: Queryable,
  params: {
    scope: PolicyScope;
    document: PolicyDocument;
    changedBy: { id: string; name: string };
    expectedVersion?: number;
  },
): Promise<PolicyVersionRecord | null> {
  const { rows } = await db.query<PolicyRow>(
    `WITH latest AS (
       SELECT COALESCE(MAX(version), 0) AS version FROM policy_versions
        WHERE layer = $1 AND team_id IS NOT DISTINCT FROM $2)
     INSERT INTO policy_versions (layer, team_id, version, document, changed_by, changed_by_name)
     SELECT $1, $2, latest.version + 1, $3::jsonb, $4, $5 FROM latest
      WHERE $6::integer IS NULL OR latest.version = $6
     RETURNING ${COLUMNS}`,
    [
      params.scope.layer,
      teamOf(params.scope),
      JSON.stringify(params.document),
      params.changedBy.id,
      params.changedBy.name,
      params.expectedVersion ?? null,
    ],
  );
  return rows[0] ? toPolicy(rows[0]) : null;
}

/** Live environments that count against limits: not ended, and not warm (a warm pool is the platform's). */
const NOT_COUNTED = [...ENDED_PHASES, 'warm'];

/** What a team's live environments (and one user's, in any team) hold, leaving out `exceptId`. */
export async function environmentUsage(
  db: Queryable,
  params: { teamId: string; ownerId: string; exceptId?: string },
): Promise<{ teamEnvironments: number; userEnvironments: number; team: ResourceAmounts }> {
  const { rows } = await db.query<{
    team_envs: string;
    user_envs: string;
    cpu: string;
    memory: string;
    storage: string;
  }>({
    name: 'environment-usage',
    text: `SELECT count(*) FILTER (WHERE e.team_id = $1) AS team_envs,
            count(*) FILTER (WHERE e.owner_id = $2) AS user_envs,
            COALESCE(sum(r.cpu_millicores) FILTER (WHERE e.team_id = $1), 0) AS cpu,
            COALESCE(sum(r.memory_bytes) FILTER (WHERE e.team_id = $1), 0) AS memory,
            COALESCE(sum(r.storage_bytes) FILTER (WHERE e.team_id = $1), 0) AS storage
       FROM environments e LEFT JOIN environment_resources r ON r.environment_id = e.id
      WHERE (e.team_id = $1 OR e.owner_id = $2) AND e.phase <> ALL($3::text[])
        AND ($4::text IS NULL OR e.id <> $4)`,
    values: [params.teamId, params.ownerId, NOT_COUNTED, params.exceptId ?? null],
  });
  const row = rows[0]!;
  return {
    teamEnvironments: Number(row.team_envs),
    userEnvironments: Number(row.user_envs),
    team: { cpu: Number(row.cpu), memory: Number(row.memory), storage: Number(row.storage) },
  };
}

/** Records (or replaces, after an apply) what an environment asks of the cluster. */
export async function recordEnvironmentResources(
  db: Queryable,
  params: { environmentId: string; amounts: ResourceAmounts },
): Promise<void> {
  await db.query(
    `INSERT INTO environment_resources (environment_id, cpu_millicores, memory_bytes, storage_bytes)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (environment_id) DO UPDATE SET cpu_millicores = EXCLUDED.cpu_millicores,
       memory_bytes = EXCLUDED.memory_bytes, storage_bytes = EXCLUDED.storage_bytes`,
    [params.environmentId, params.amounts.cpu, params.amounts.memory, params.amounts.storage],
  );
}

/**
 * Serialises the creates of one team until the transaction ends, so a count and the insert it allows
 * happen as one: two creates racing past a limit cannot both pass.
 */
export async function lockTeamQuota(db: Queryable, teamId: string): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended('microstax:quota:' || $1, 0))", [teamId]);
}
