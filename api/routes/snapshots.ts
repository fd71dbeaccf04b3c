import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appendEvent } from '../../store/events.js';
import {
  deleteSnapshot,
  findSnapshot,
  insertSnapshot,
  listSnapshots,
  type SnapshotRecord,
} from '../../store/snapshots.js';
import type { SnapshotArtifact } from '../../workflows/contracts.js';
import { requireUser } from '../access.js';
import { resolveEnvironmentBlueprint } from '../blueprint-refs.js';
import { shortId } from '../environment-ids.js';
import { ApiError, conflict, ErrorCode, notFound } from '../errors.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { EnvironmentParams, WorkflowsStarted } from '../schemas/environments.js';
import {
  CreateSnapshotBody,
  DeletedSnapshot,
  RestoreBody,
  SnapshotList,
  SnapshotParams,
  SnapshotView,
} from '../schemas/snapshots.js';
import { refreshSnapshot } from '../snapshot-state.js';
import { visibleEnvironment } from './environments.js';

const tags = ['snapshots'];

/**
 * A snapshot as callers see it: what was captured, never where (an artifact's location is the worker's
 * file path or bucket key; it stays in the row for restores).
 */
const snapshotView = (s: SnapshotRecord) => {
  const artifacts = s.details.artifacts as SnapshotArtifact[] | undefined;
  const error = s.details.error;
  return {
    id: s.id,
    environment: s.environmentId,
    name: s.name,
    phase: s.phase,
    details: {
      ...(artifacts
        ? {
            artifacts: artifacts.map((a) => ({
              service: a.service,
              engine: a.engine,
              bytes: a.bytes,
              sha256: a.sha256,
              ...(a.durationMs !== undefined ? { durationMs: a.durationMs } : {}),
            })),
          }
        : {}),
      ...(typeof error === 'string' ? { error } : {}),
    },
    createdAt: s.createdAt.toISOString(),
  };
};

export interface SnapshotRoutesOptions {
  /** Snapshots an environment may keep (MICROSTAX_API_SNAPSHOTS_PER_ENV). */
  maxPerEnvironment: number;
}

/** Snapshots of an environment's data services, and restoring one into the environment. */
const snapshotRoutes: FastifyPluginAsyncZod<SnapshotRoutesOptions> = async (app, opts) => {
  app.post(
    '/environments/:id/snapshots',
    {
      schema: {
        tags,
        summary: "Snapshot the environment's data services (same name twice returns the first snapshot)",
        params: EnvironmentParams,
        body: CreateSnapshotBody,
        response: { 200: SnapshotView, 202: SnapshotView, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      if (env.phase !== 'ready')
        throw conflict(`cannot snapshot: environment ${env.id} is ${env.phase}, not ready`);
      const name = request.body.name ?? new Date().toISOString().replace(/[:]/g, '-').toLowerCase();
      const recorded = await insertSnapshot(app.db, {
        id: shortId('s'),
        environmentId: env.id,
        teamId: env.teamId,
        createdBy: user.userId,
        name,
        maxPerEnvironment: opts.maxPerEnvironment,
      });
      if ('capReached' in recorded) {
        throw new ApiError({
          statusCode: 409,
          code: ErrorCode.Conflict,
          message: `environment ${env.id} already keeps ${recorded.count} snapshots, the most allowed (MICROSTAX_API_SNAPSHOTS_PER_ENV = ${opts.maxPerEnvironment}); delete one first`,
          details: { limit: opts.maxPerEnvironment },
        });
      }
      const { snapshot, created } = recorded;
      if (!created)
        return reply.code(200).send(snapshotView(await refreshSnapshot(app.db, app.lifecycle, snapshot)));
      try {
        const { blueprint } = await resolveEnvironmentBlueprint(app.db, env);
        await app.lifecycle.startSnapshot({ snapshotId: snapshot.id, environmentId: env.id, blueprint });
      } catch (error) {
        // No workflow will ever finish it: a pending row would stay pending (and count) forever.
        await deleteSnapshot(app.db, snapshot.id);
        throw error;
      }
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.snapshot',
        environmentId: env.id,
        details: { snapshot: snapshot.id, name },
      });
      return reply.code(202).send(snapshotView(snapshot));
    },
  );

  app.get(
    '/environments/:id/snapshots',
    {
      schema: {
        tags,
        summary: "The environment's snapshots, newest first",
        params: EnvironmentParams,
        response: { 200: SnapshotList, ...standardErrors },
      },
    },
    async (request) => {
      requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const snapshots = await listSnapshots(app.db, env.id);
      const items = await Promise.all(snapshots.map((s) => refreshSnapshot(app.db, app.lifecycle, s)));
      return { items: items.map(snapshotView) };
    },
  );

  app.delete(
    '/environments/:id/snapshots/:snapshot',
    {
      schema: {
        tags,
        summary:
          'Delete a snapshot: its row at once, its stored artifacts by a workflow (404 once gone; 409 while pending)',
        params: SnapshotParams,
        response: { 202: DeletedSnapshot, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      const found = await findSnapshot(app.db, { environmentId: env.id, idOrName: request.params.snapshot });
      if (!found) throw notFound(`snapshot ${request.params.snapshot}`);
      const snapshot = await refreshSnapshot(app.db, app.lifecycle, found);
      // Its capture may still write a dump: deleting now would leave that dump behind.
      if (snapshot.phase === 'pending')
        throw conflict(`snapshot ${snapshot.name} is pending; delete it once it is ready or failed`);
      const artifacts = (snapshot.details as { artifacts?: SnapshotArtifact[] }).artifacts ?? [];
      // The artifacts go first (a durable workflow), then the row: a failed start keeps the row to retry.
      const { workflowId } = await app.lifecycle.startSnapshotDeletion({
        snapshotId: snapshot.id,
        ...(snapshot.phase === 'ready' ? { engines: [...new Set(artifacts.map((a) => a.engine))] } : {}),
      });
      await deleteSnapshot(app.db, snapshot.id);
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.snapshot.delete',
        environmentId: env.id,
        details: { snapshot: snapshot.id, name: snapshot.name },
      });
      return reply.code(202).send({ id: snapshot.id, workflows: [workflowId] });
    },
  );

  app.post(
    '/environments/:id/restore',
    {
      schema: {
        tags,
        summary: "Load a ready snapshot back into the environment's data services",
        params: EnvironmentParams,
        body: RestoreBody,
        response: { 202: WorkflowsStarted, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      if (env.phase !== 'ready')
        throw conflict(`cannot restore: environment ${env.id} is ${env.phase}, not ready`);
      const found = await findSnapshot(app.db, { environmentId: env.id, idOrName: request.body.snapshot });
      if (!found) throw notFound(`snapshot ${request.body.snapshot}`);
      const snapshot = await refreshSnapshot(app.db, app.lifecycle, found);
      if (snapshot.phase !== 'ready')
        throw conflict(`snapshot ${snapshot.name} is ${snapshot.phase}, not ready`);
      const artifacts = (snapshot.details.artifacts ?? []) as { service: string }[];
      const { blueprint } = await resolveEnvironmentBlueprint(app.db, env);
      const workflows: string[] = [];
      for (const { service } of artifacts) {
        const { workflowId } = await app.lifecycle.startSeed(
          {
            environmentId: env.id,
            blueprint,
            service,
            source: { kind: 'snapshot', snapshotId: snapshot.id },
          },
          `restore-${snapshot.id}-${service}`,
        );
        workflows.push(workflowId);
      }
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.restore',
        environmentId: env.id,
        details: { snapshot: snapshot.id, services: artifacts.map((a) => a.service) },
      });
      return reply.code(202).send({ id: env.id, workflows });
    },
  );
};

export default snapshotRoutes;
