import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { appendEvent } from '../../store/events.js';
import {
  findSnapshot,
  insertSnapshot,
  listSnapshots,
  type SnapshotRecord,
  updateSnapshot,
} from '../../store/snapshots.js';
import { requireUser } from '../access.js';
import { resolveEnvironmentBlueprint } from '../blueprint-refs.js';
import { shortId } from '../environment-ids.js';
import { conflict, notFound } from '../errors.js';
import type { EnvironmentLifecycle } from '../lifecycle.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import { EnvironmentParams, WorkflowsStarted } from '../schemas/environments.js';
import { CreateSnapshotBody, RestoreBody, SnapshotList, SnapshotView } from '../schemas/snapshots.js';
import { visibleEnvironment } from './environments.js';

const tags = ['snapshots'];

const snapshotView = (s: SnapshotRecord) => ({
  id: s.id,
  environment: s.environmentId,
  name: s.name,
  phase: s.phase,
  details: s.details,
  createdAt: s.createdAt.toISOString(),
});

/** Brings a pending snapshot's row up to date with its workflow. */
async function refreshSnapshot(db: pg.Pool, lifecycle: EnvironmentLifecycle, snapshot: SnapshotRecord) {
  if (snapshot.phase !== 'pending') return snapshot;
  const outcome = await lifecycle.snapshotOutcome(snapshot.id).catch(() => ({ state: 'running' as const }));
  if (outcome.state === 'completed') {
    const details = { artifacts: outcome.result.artifacts };
    await updateSnapshot(db, { id: snapshot.id, phase: 'ready', details });
    return { ...snapshot, phase: 'ready' as const, details };
  }
  if (outcome.state === 'failed') {
    const details = { error: outcome.message };
    await updateSnapshot(db, { id: snapshot.id, phase: 'failed', details });
    return { ...snapshot, phase: 'failed' as const, details };
  }
  return snapshot;
}

/** Snapshots of an environment's data services, and restoring one into the environment. */
const snapshotRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const { snapshot, created } = await insertSnapshot(app.db, {
        id: shortId('s'),
        environmentId: env.id,
        teamId: env.teamId,
        createdBy: user.userId,
        name,
      });
      if (!created)
        return reply.code(200).send(snapshotView(await refreshSnapshot(app.db, app.lifecycle, snapshot)));
      const { blueprint } = await resolveEnvironmentBlueprint(app.db, env);
      await app.lifecycle.startSnapshot({ snapshotId: snapshot.id, environmentId: env.id, blueprint });
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
