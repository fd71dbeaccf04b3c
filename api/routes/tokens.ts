import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type ApiTokenRecord,
  createApiToken,
  findApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../store/api-tokens.js';
import { findUserById, findUserByName, type UserRecord } from '../../store/users.js';
import { requireUser } from '../access.js';
import { forbidden, notFound } from '../errors.js';
import type { UserPrincipal } from '../plugins/auth.js';
import { CreatedToken, CreateTokenBody, TokenList, TokenListQuery, TokenParams } from '../schemas/auth.js';
import { standardErrors } from '../schemas/common.js';

const tags = ['tokens'];

/** Whose tokens a caller manages: their own; a team-admin also their team's users'; an admin anyone's. */
function mayManage(caller: UserPrincipal, user: UserRecord): boolean {
  if (user.id === caller.userId || caller.role === 'admin') return true;
  return caller.role === 'team-admin' && user.teamId === caller.teamId;
}

/** The API view of a token record (never its hash). */
export function tokenView(record: ApiTokenRecord, userName: string, now = new Date()) {
  return {
    id: record.id,
    user: userName,
    prefix: record.prefix,
    description: record.description,
    state: record.revokedAt
      ? ('revoked' as const)
      : record.expiresAt && record.expiresAt <= now
        ? ('expired' as const)
        : ('active' as const),
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}

/**
 * API tokens over the API, so nobody needs the database to issue one: everyone manages their own,
 * team-admins their team's users', admins anyone's. A user out of reach is a 404 to team-admins, as
 * if it did not exist; members naming anyone else get a 403.
 */
const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The user acted for: the caller, or (team-admins: in their team; admins: any) the named one. */
  async function targetUser(caller: UserPrincipal, name: string | undefined) {
    if (name === undefined || name === caller.userName) return { id: caller.userId, name: caller.userName };
    if (caller.role === 'member') throw forbidden("only admins and team-admins manage other users' tokens");
    const user = await findUserByName(app.db, name);
    if (!user || !mayManage(caller, user)) throw notFound('user');
    return { id: user.id, name: user.name };
  }

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: "List your API tokens (admins, team-admins: ?user=<name> for their users')",
        querystring: TokenListQuery,
        response: { 200: TokenList, ...standardErrors },
      },
    },
    async (request) => {
      const user = await targetUser(requireUser(request), request.query.user);
      const records = await listApiTokens(app.db, user.id);
      return { items: records.map((record) => tokenView(record, user.name)) };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once); admins and team-admins may issue one for their users',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = await targetUser(requireUser(request), request.body.user);
      const { expiresInDays } = request.body;
      const { token, record } = await createApiToken(app.db, {
        userId: user.id,
        description: request.body.description,
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      });
      request.log.info({ token: record.id, for: user.name }, 'API token created');
      return reply.code(201).send({ ...tokenView(record, user.name), token });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (yours; team-admins: your team’s; admins: anyone’s)',
        params: TokenParams,
        response: { 200: CreatedToken.omit({ token: true }), ...standardErrors },
      },
    },
    async (request) => {
      const caller = requireUser(request);
      const record = await findApiToken(app.db, request.params.id);
      const owner = record && (await findUserById(app.db, record.userId));
      if (!record || !owner || !mayManage(caller, owner)) throw notFound('token');
      await revokeApiToken(app.db, record.id);
      // This replica forgets it now; the others on the NOTIFY the revoke sends.
      app.principalCache.invalidateAll();
      const revoked = (await findApiToken(app.db, record.id))!;
      request.log.info({ token: record.id }, 'API token revoked');
      return tokenView(revoked, owner.name);
    },
  );
};

export default tokenRoutes;
