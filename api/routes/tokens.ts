import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type ApiTokenRecord,
  createApiToken,
  findApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../store/api-tokens.js';
import { findUserById, findUserByName } from '../../store/users.js';
import { requireUser } from '../access.js';
import { forbidden, notFound } from '../errors.js';
import type { UserPrincipal } from '../plugins/auth.js';
import { CreatedToken, CreateTokenBody, TokenList, TokenListQuery, TokenParams } from '../schemas/auth.js';
import { standardErrors } from '../schemas/common.js';

const tags = ['tokens'];

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
 * admins anyone's. Another user's token is a 404 to non-admins, as if it did not exist.
 */
const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The user acted for: the caller, or (admins only) the named one. */
  async function targetUser(caller: UserPrincipal, name: string | undefined) {
    if (name === undefined || name === caller.userName) return { id: caller.userId, name: caller.userName };
    if (caller.role !== 'admin') throw forbidden("only admins manage other users' tokens");
    const user = await findUserByName(app.db, name);
    if (!user) throw notFound('user');
    return { id: user.id, name: user.name };
  }

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'List your API tokens (admins: ?user=<name>)',
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
        summary: 'Create an API token (shown once); admins may issue one for another user',
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
        summary: 'Revoke an API token (yours; admins: anyone’s)',
        params: TokenParams,
        response: { 200: CreatedToken.omit({ token: true }), ...standardErrors },
      },
    },
    async (request) => {
      const caller = requireUser(request);
      const record = await findApiToken(app.db, request.params.id);
      if (!record || (record.userId !== caller.userId && caller.role !== 'admin')) throw notFound('token');
      await revokeApiToken(app.db, record.id);
      // This replica forgets it now; the others on the NOTIFY the revoke sends.
      app.principalCache.invalidateAll();
      const owner = await findUserById(app.db, record.userId);
      const revoked = (await findApiToken(app.db, record.id))!;
      request.log.info({ token: record.id }, 'API token revoked');
      return tokenView(revoked, owner?.name ?? record.userId);
    },
  );
};

export default tokenRoutes;
