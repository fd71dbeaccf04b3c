import type { Queryable } from './database.js';

export type UserRole = 'member' | 'team-admin' | 'admin';

export interface UserRecord {
  id: string;
  teamId: string;
  name: string;
  role: UserRole;
  createdAt: Date;
}

interface UserRow {
  id: string;
  team_id: string;
  name: string;
  role: UserRole;
  created_at: Date;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});

/** Creates the user, or updates its team and role when a user of that name exists. */
export async function upsertUser(
  db: Queryable,
  user: { name: string; teamId: string; role: UserRole },
): Promise<UserRecord> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users (name, team_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET team_id = EXCLUDED.team_id, role = EXCLUDED.role
     RETURNING id, team_id, name, role, created_at`,
    [user.name, user.teamId, user.role],
  );
  return toUser(rows[0]!);
}

/** The user of that name, or null. */
export async function findUserByName(db: Queryable, name: string): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, team_id, name, role, created_at FROM users WHERE name = $1',
    [name],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** The user of that id, or null. */
export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, team_id, name, role, created_at FROM users WHERE id = $1',
    [id],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** The users of a team, by name. */
export async function listTeamMembers(db: Queryable, teamId: string): Promise<UserRecord[]> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, team_id, name, role, created_at FROM users WHERE team_id = $1 ORDER BY name',
    [teamId],
  );
  return rows.map(toUser);
}
