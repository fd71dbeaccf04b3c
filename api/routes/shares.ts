import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appendEvent } from '../../store/events.js';
import { createShare, listShares, revokeShare, type ShareRecord } from '../../store/shares.js';
import { parseDuration } from '../../workflows/duration.js';
import { requireUser } from '../access.js';
import { shortId } from '../environment-ids.js';
import { ApiError, badRequest, ErrorCode, notFound } from '../errors.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { EnvironmentParams } from '../schemas/environments.js';
import { CreatedShare, CreateShareBody, ShareList, ShareParams, ShareView } from '../schemas/snapshots.js';
import { assertLive, visibleEnvironment } from './environments.js';

const tags = ['shares'];
const MAX_SHARE_MS = 30 * 86_400_000;

const shareView = (share: ShareRecord, now = new Date()) => ({
  id: share.id,
  environment: share.environmentId,
  note: share.note,
  state: share.revokedAt
    ? ('revoked' as const)
    : share.expiresAt <= now
      ? ('expired' as const)
      : ('active' as const),
  expiresAt: share.expiresAt.toISOString(),
  createdAt: share.createdAt.toISOString(),
});

/** Expiring, revocable read-only shares of an environment's status and URLs. */
const shareRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/environments/:id/shares',
    {
      schema: {
        tags,
        summary: 'Share read access to status and URLs until the share expires or is revoked',
        params: EnvironmentParams,
        body: CreateShareBody,
        response: { 201: CreatedShare, 409: ErrorResponse, 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      assertLive(env, 'share it');
      const ttlMs = parseDuration(request.body.ttl)!;
      if (ttlMs <= 0 || ttlMs > MAX_SHARE_MS)
        throw badRequest('a share lasts between 1s and 30d', 'body.ttl');
      const { token, share } = await createShare(app.db, {
        id: shortId('h'),
        environmentId: env.id,
        teamId: env.teamId,
        createdBy: user.userId,
        note: request.body.note,
        expiresAt: new Date(Date.now() + ttlMs),
      });
      try {
        await app.lifecycle.startShare({
          shareId: share.id,
          environmentId: env.id,
          grantee: request.body.note || 'link',
          ttl: request.body.ttl,
          createdBy: user.userName,
        });
      } catch (error) {
        // No half-made share: without its expiry workflow, take it back.
        await revokeShare(app.db, { environmentId: env.id, shareId: share.id });
        request.log.error({ err: error, shareId: share.id }, 'could not start the share workflow');
        throw new ApiError({
          statusCode: 503,
          code: ErrorCode.Unavailable,
          message: 'could not create the share; retry',
        });
      }
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'share.create',
        environmentId: env.id,
        details: { share: share.id, expiresAt: share.expiresAt.toISOString(), note: share.note },
      });
      return reply.code(201).send({ ...shareView(share), token });
    },
  );

  app.get(
    '/environments/:id/shares',
    {
      schema: {
        tags,
        summary: "The environment's shares (tokens are never shown again)",
        params: EnvironmentParams,
        response: { 200: ShareList, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const now = new Date();
      return { items: (await listShares(app.db, env.id)).map((s) => shareView(s, now)) };
    },
  );

  app.delete(
    '/environments/:id/shares/:shareId',
    {
      schema: {
        tags,
        summary: 'Revoke a share at once',
        params: ShareParams,
        response: { 200: ShareView, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const share = await revokeShare(app.db, { environmentId: env.id, shareId: request.params.shareId });
      if (!share) throw notFound('share');
      // This instance stops honouring it at once; the trigger's NOTIFY tells the others.
      app.shareCache.invalidateAll();
      await app.lifecycle.revokeShare(share.id, user.userName).catch((error: unknown) => {
        // The database revocation already took effect; the workflow only tracks expiry.
        request.log.warn({ err: error, shareId: share.id }, 'share workflow did not take the revoke signal');
      });
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'share.revoke',
        environmentId: env.id,
        details: { share: share.id },
      });
      return shareView(share);
    },
  );
};

export default shareRoutes;
