import type { Queryable } from './database.js';

/** One audit-log entry. `details` must never hold a secret value. */
export interface EventRecord {
  id: number;
  at: Date;
  teamId: string | null;
  actorId: string | null;
  actor: string;
  action: string;
  environmentId: string | null;
  details: Record<string, unknown>;
}

interface EventRow {
  id: string;
  at: Date;
  team_id: string | null;
  actor_id: string | null;
  actor: string;
  action: string;
  environment_id: string | null;
  details: Record<string, unknown>;
}

const toEvent = (row: EventRow): EventRecord => ({
  // bigserial comes back as a string; ids stay far below 2^53.
  id: Number(row.id),
  at: row.at,
  teamId: row.team_id,
  actorId: row.actor_id,
  actor: row.actor,
  action: row.action,
  environmentId: row.environment_id,
  details: row.details,
});

/** Appends an audit event; a trigger notifies listeners on channel `microstax_events`. */
export async function appendEvent(
  db: Queryable,
  event: {
    teamId: string | null;
    actorId: string | null;
    actor: string;
    action: string;
    environmentId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<EventRecord> {
  const { rows } = await db.query<EventRow>(
    `INSERT INTO events (team_id, actor_id, actor, action, environment_id, details)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [
      event.teamId,
      event.actorId,
      event.actor,
      event.action,
      event.environmentId ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
  return toEvent(rows[0]!);
}

/** Events of one environment after a given id (exclusive), oldest first. */
export async function listEnvironmentEvents(
  db: Queryable,
  params: { environmentId: string; afterId?: number; limit?: number },
): Promise<EventRecord[]> {
  const { rows } = await db.query<EventRow>(
    'SELECT * FROM events WHERE environment_id = $1 AND id > $2 ORDER BY id LIMIT $3',
    [params.environmentId, params.afterId ?? 0, params.limit ?? 500],
  );
  return rows.map(toEvent);
}

/** The channel the events trigger notifies, with the environment id as payload. */
export const EVENTS_CHANNEL = 'microstax_events';
