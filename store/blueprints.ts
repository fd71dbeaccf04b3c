import type pg from 'pg';
import { type Queryable, withTransaction } from './database.js';

export interface BlueprintSummary {
  id: string;
  teamId: string;
  name: string;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BlueprintVersionRecord {
  id: string;
  blueprintId: string;
  teamId: string;
  name: string;
  version: number;
  fileName: string;
  /** The blueprint as submitted. It may hold inline secrets: never put it in a response. */
  source: string;
  scripts: Record<string, string>;
  resolvedDigest: string;
  serviceCount: number;
  createdBy: string | null;
  createdAt: Date;
  /** Its warm-pool opt-in (the resolved `prewarm`); null when it does not opt in. */
  prewarm: WarmPoolBounds | null;
}

/** How many warm environments a blueprint opted into keeping. */
export interface WarmPoolBounds {
  min: number;
  max: number;
  /** The team's snapshot (name or id) its warm environments are prepared from (`prewarm.snapshot`). */
  snapshot?: string;
}

interface VersionRow {
  id: string;
  blueprint_id: string;
  team_id: string;
  name: string;
  version: number;
  file_name: string;
  source: string;
  scripts: Record<string, string>;
  resolved_digest: string;
  service_count: number;
  created_by: string | null;
  created_at: Date;
  prewarm: WarmPoolBounds | null;
}

const VERSION_COLUMNS = `v.id, v.blueprint_id, b.team_id, b.name, v.version, v.file_name, v.source, v.scripts,
  v.resolved_digest, v.service_count, v.created_by, v.created_at, v.prewarm`;

const toVersion = (row: VersionRow): BlueprintVersionRecord => ({
  id: row.id,
  blueprintId: row.blueprint_id,
  teamId: row.team_id,
  name: row.name,
  version: row.version,
  fileName: row.file_name,
  source: row.source,
  scripts: row.scripts,
  resolvedDigest: row.resolved_digest,
  serviceCount: row.service_count,
  createdBy: row.created_by,
  createdAt: row.created_at,
  prewarm: row.prewarm,
});

/** The content of a blueprint version to register: the blueprint as submitted and what resolving it found. */
export interface NewBlueprintVersion {
  teamId: string;
  name: string;
  fileName: string;
  source: string;
  scripts: Record<string, string>;
  resolvedDigest: string;
  serviceCount: number;
  createdBy: string | null;
  /** The resolved blueprint's `prewarm` (absent: not opted in). */
  prewarm?: WarmPoolBounds;
}

/**
 * Registers a blueprint version for a team. Content whose resolved digest matches an existing
 * version of the same blueprint returns that version (`created: false`), so re-registering is safe.
 */
export function registerBlueprintVersion(
  pool: pg.Pool,
  params: NewBlueprintVersion,
): Promise<{ version: BlueprintVersionRecord; created: boolean }> {
  return withTransaction(pool, (client) => registerBlueprintVersionIn(client, params));
}

/**
 * Registers a blueprint version inside the caller's transaction, so a create that is refused later in
 * that transaction (its policy check, its row) leaves no version behind.
 */
export async function registerBlueprintVersionIn(
  client: pg.PoolClient,
  params: NewBlueprintVersion,
): Promise<{ version: BlueprintVersionRecord; created: boolean }> {
  await client.query(
    `INSERT INTO blueprints (team_id, name, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (team_id, name) DO NOTHING`,
    [params.teamId, params.name, params.createdBy],
  );
  // The row lock serialises concurrent registrations of one blueprint, so version numbers never collide.
  const { rows: locked } = await client.query<{ id: string }>(
    'SELECT id FROM blueprints WHERE team_id = $1 AND name = $2 FOR UPDATE',
    [params.teamId, params.name],
  );
  const blueprintId = locked[0]!.id;
  const existing = await client.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id
      WHERE v.blueprint_id = $1 AND v.resolved_digest = $2`,
    [blueprintId, params.resolvedDigest],
  );
  if (existing.rows[0]) return { version: toVersion(existing.rows[0]), created: false };
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO blueprint_versions
       (blueprint_id, version, file_name, source, scripts, resolved_digest, service_count, created_by, prewarm)
     SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8
       FROM blueprint_versions WHERE blueprint_id = $1
     RETURNING id`,
    [
      blueprintId,
      params.fileName,
      params.source,
      JSON.stringify(params.scripts),
      params.resolvedDigest,
      params.serviceCount,
      params.createdBy,
      params.prewarm ? JSON.stringify(params.prewarm) : null,
    ],
  );
  const created = await getBlueprintVersionById(client, rows[0]!.id);
  return { version: created!, created: true };
}

/** One version by its id, or null. */
export async function getBlueprintVersionById(
  db: Queryable,
  id: string,
): Promise<BlueprintVersionRecord | null> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id WHERE v.id = $1`,
    [id],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** A team's blueprint version by name; the latest when `version` is omitted. Null when absent. */
export async function getBlueprintVersion(
  db: Queryable,
  params: { teamId: string; name: string; version?: number },
): Promise<BlueprintVersionRecord | null> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id
      WHERE b.team_id = $1 AND b.name = $2 AND ($3::int IS NULL OR v.version = $3)
      ORDER BY v.version DESC LIMIT 1`,
    [params.teamId, params.name, params.version ?? null],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** All versions of one blueprint, newest first. */
export async function listBlueprintVersions(
  db: Queryable,
  params: { teamId: string; name: string },
): Promise<BlueprintVersionRecord[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id
      WHERE b.team_id = $1 AND b.name = $2 ORDER BY v.version DESC`,
    [params.teamId, params.name],
  );
  return rows.map(toVersion);
}

/** Blueprints with their latest version number; one team's, or every team's when teamId is null. */
export async function listBlueprints(
  db: Queryable,
  params: { teamId: string | null },
): Promise<BlueprintSummary[]> {
  const { rows } = await db.query<{
    id: string;
    team_id: string;
    name: string;
    latest_version: number;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT b.id, b.team_id, b.name, MAX(v.version) AS latest_version, b.created_at, MAX(v.created_at) AS updated_at
       FROM blueprints b JOIN blueprint_versions v ON v.blueprint_id = b.id
      WHERE ($1::text IS NULL OR b.team_id = $1)
      GROUP BY b.id ORDER BY b.team_id, b.name`,
    [params.teamId],
  );
  return rows.map((row) => ({
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    latestVersion: row.latest_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/**
 * The latest version of every blueprint whose latest version opts into warm pools (`prewarm`), of the
 * given teams or all: what the pre-warm Schedule keeps warm. A newer version without `prewarm` opts out.
 */
export async function latestPrewarmVersions(
  db: Queryable,
  params: { teamIds?: readonly string[] } = {},
): Promise<BlueprintVersionRecord[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (v.blueprint_id) ${VERSION_COLUMNS}
         FROM blueprint_versions v JOIN blueprints b ON b.id = v.blueprint_id
        WHERE ($1::text[] IS NULL OR b.team_id = ANY($1))
        ORDER BY v.blueprint_id, v.version DESC
     ) latest
     WHERE latest.prewarm IS NOT NULL
     ORDER BY latest.team_id, latest.name`,
    [params.teamIds ? [...params.teamIds] : null],
  );
  return rows.map(toVersion);
}
