import type { Queryable } from './database.js';

export interface TeamRecord {
  id: string;
  name: string;
  createdAt: Date;
}

interface TeamRow {
  id: string;
  name: string;
  created_at: Date;
}

const toTeam = (row: TeamRow): TeamRecord => ({ id: row.id, name: row.name, createdAt: row.created_at });

/** Creates the team, or returns it unchanged when it already exists. */
export async function ensureTeam(db: Queryable, team: { id: string; name?: string }): Promise<TeamRecord> {
  const { rows } = await db.query<TeamRow>(
    `INSERT INTO teams (id, name) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
     RETURNING id, name, created_at`,
    [team.id, team.name ?? team.id],
  );
  return toTeam(rows[0]!);
}

/** All teams, by id. */
export async function listTeams(db: Queryable): Promise<TeamRecord[]> {
  const { rows } = await db.query<TeamRow>('SELECT id, name, created_at FROM teams ORDER BY id');
  return rows.map(toTeam);
}

/** The team of that id, or null. */
export async function findTeam(db: Queryable, id: string): Promise<TeamRecord | null> {
  const { rows } = await db.query<TeamRow>('SELECT id, name, created_at FROM teams WHERE id = $1', [id]);
  return rows[0] ? toTeam(rows[0]) : null;
}

/** A team with how many users belong to it. */
export interface TeamSummary extends TeamRecord {
  memberCount: number;
}

/** Teams with their member counts, by id: all of them, or only those in `ids`. */
export async function listTeamSummaries(db: Queryable, ids?: readonly string[]): Promise<TeamSummary[]> {
  const { rows } = await db.query<TeamRow & { member_count: string }>(
    `SELECT t.id, t.name, t.created_at, count(u.id) AS member_count
       FROM teams t LEFT JOIN users u ON u.team_id = t.id
      WHERE $1::text[] IS NULL OR t.id = ANY($1)
      GROUP BY t.id ORDER BY t.id`,
    [ids ?? null],
  );
  return rows.map((row) => ({ ...toTeam(row), memberCount: Number(row.member_count) }));
}
