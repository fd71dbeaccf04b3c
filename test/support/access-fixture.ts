import { createApiToken } from '../../store/api-tokens.js';
import type { Queryable } from '../../store/database.js';
import { createShare } from '../../store/shares.js';
import { ensureTeam } from '../../store/teams.js';
import { upsertUser } from '../../store/users.js';

/**
 * Rows of the API's own tables, written with the store's functions, for tests and benches of the
 * gateway's access check: a team member with an API token, an environment of a team, a share.
 */

/** A team (made when missing) and a member of it with a fresh API token. */
export async function teamMember(db: Queryable, params: { team: string; user: string }) {
  await ensureTeam(db, { id: params.team });
  const user = await upsertUser(db, { name: params.user, teamId: params.team, role: 'member' });
  const { token, record } = await createApiToken(db, { userId: user.id, description: 'access test' });
  return { userId: user.id, token, tokenId: record.id };
}

/** An environment row of a team (with the blueprint version it must name). */
export async function environmentRow(
  db: Queryable,
  params: { id: string; team: string; ownerId: string },
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO blueprints (team_id, name) VALUES ($1, $2)
     ON CONFLICT (team_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [params.team, 'access-test'],
  );
  const version = await db.query<{ id: string }>(
    `INSERT INTO blueprint_versions (blueprint_id, version, file_name, source, resolved_digest, service_count)
     VALUES ($1, 1, 'access-test.yaml', 'name: access-test', 'digest', 1)
     ON CONFLICT (blueprint_id, version) DO UPDATE SET file_name = EXCLUDED.file_name RETURNING id`,
    [rows[0]!.id],
  );
  await db.query(
    `INSERT INTO environments (id, team_id, owner_id, blueprint_version_id, phase, workflow_id, request_digest)
     VALUES ($1, $2, $3, $4, 'ready', $5, 'test')`,
    [params.id, params.team, params.ownerId, version.rows[0]!.id, `env-${params.id}`],
  );
}

/** A share of an environment, lasting `ttlMs`; returns its clear token and id. */
export async function shareOf(
  db: Queryable,
  params: { id: string; environmentId: string; team: string; ttlMs: number },
): Promise<{ token: string; shareId: string }> {
  const { token, share } = await createShare(db, {
    id: params.id,
    environmentId: params.environmentId,
    teamId: params.team,
    createdBy: null,
    note: 'access test',
    expiresAt: new Date(Date.now() + params.ttlMs),
  });
  return { token, shareId: share.id };
}
