import type { EnvRequest } from '../planner/forecast/types.js';
import type { Queryable } from './database.js';

/** How far back the demand forecast looks by default: four weeks of creates, enough for weekly seasonality. */
const DEFAULT_HISTORY_MS = 28 * 24 * 3_600_000;

/**
 * The create history of one blueprint (by name, across teams or of one team) from the environments table: the demand
 * forecast's input (planner/forecast). Warm-pool environments have no rows, so they never count as demand.
 */
export async function createHistory(
  db: Queryable,
  params: { blueprint: string; since?: Date; team?: string },
): Promise<EnvRequest[]> {
  const since = params.since ?? new Date(Date.now() - DEFAULT_HISTORY_MS);
  const { rows } = await db.query<{ team_id: string; created_at: Date }>(
    `SELECT e.team_id, e.created_at
       FROM environments e
       JOIN blueprint_versions v ON v.id = e.blueprint_version_id
       JOIN blueprints b ON b.id = v.blueprint_id
      WHERE b.name = $1 AND e.created_at >= $2 AND ($3::text IS NULL OR e.team_id = $3)
      ORDER BY e.created_at`,
    [params.blueprint, since, params.team ?? null],
  );
  return rows.map((row) => ({
    blueprint: params.blueprint,
    team: row.team_id,
    at: row.created_at.getTime(),
  }));
}
