import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteDiffRun, insertDiffRun, listDiffRuns } from '../../store/diff-runs.js';
import { appendEvent } from '../../store/events.js';
import {
  deleteCapturedRequests,
  deleteCaptureSettings,
  getCaptureSettings,
  putCaptureSettings,
} from '../../store/traffic-capture.js';
import { requireUser } from '../access.js';
import { branchWritePolicy, diffRunView, readDiffRun } from '../diff-runs.js';
import { ApiError, ErrorCode, notFound } from '../errors.js';
import { ErrorResponse, standardErrors } from '../schemas/common.js';
import {
  CaptureSettingsBody,
  CaptureView,
  DiffRunList,
  DiffRunListQuery,
  DiffRunParams,
  DiffRunView,
  StartDiffBody,
} from '../schemas/diffs.js';
import { EnvironmentParams } from '../schemas/environments.js';
import { diffBaseline, trafficDiffInput } from '../traffic-diff-start.js';
import { assertLive, visibleEnvironment } from './environments.js';

const tags = ['diffs'];

async function captureView(db: Parameters<typeof getCaptureSettings>[0], environmentId: string) {
  const settings = await getCaptureSettings(db, environmentId);
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM captured_requests WHERE environment_id = $1',
    [environmentId],
  );
  return {
    environmentId,
    enabled: settings !== undefined,
    ...(settings && {
      sampleRate: settings.sampleRate,
      maxBodyBytes: settings.maxBodyBytes,
      maxRequests: settings.maxRequests,
    }),
    captured: Number(rows[0]?.n ?? 0),
  };
}

/**
 * Traffic capture (the gateway records a sample of an environment's requests) and traffic diffs (a
 * branch against its baseline, as a workflow). Thin: the rules live in traffic-diff-start.ts.
 */
const diffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/environments/:id/traffic-capture',
    {
      schema: {
        tags,
        summary: "An environment's traffic capture settings and how many requests are kept",
        params: EnvironmentParams,
        response: { 200: CaptureView, ...standardErrors },
      },
    },
    async (request) => {
      const env = await visibleEnvironment(request, app.db, request.params.id);
      return captureView(app.db, env.id);
    },
  );

  app.put(
    '/environments/:id/traffic-capture',
    {
      schema: {
        tags,
        summary:
          'Turn traffic capture on (or change it): the gateway records a sample of requests to the environment',
        description:
          'Sensitive headers (Authorization, Cookie, ...) are replaced by a placeholder; bodies over maxBodyBytes are not kept. Takes effect at the gateway within 5 s.',
        params: EnvironmentParams,
        body: CaptureSettingsBody,
        response: { 200: CaptureView, 409: ErrorResponse, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      assertLive(env, 'capture its traffic');
      await putCaptureSettings(app.db, { environmentId: env.id, ...request.body });
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.capture.on',
        environmentId: env.id,
        details: { ...request.body },
      });
      return captureView(app.db, env.id);
    },
  );

  app.delete(
    '/environments/:id/traffic-capture',
    {
      schema: {
        tags,
        summary: 'Turn traffic capture off and delete the requests captured',
        params: EnvironmentParams,
        response: { 200: CaptureView, ...standardErrors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const env = await visibleEnvironment(request, app.db, request.params.id);
      await deleteCaptureSettings(app.db, env.id);
      await deleteCapturedRequests(app.db, env.id);
      await appendEvent(app.db, {
        teamId: env.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.capture.off',
        environmentId: env.id,
        details: {},
      });
      return captureView(app.db, env.id);
    },
  );

  app.post(
    '/environments/:id/diffs',
    {
      schema: {
        tags,
        summary:
          'Start a traffic diff: each request to the baseline twice and to the branch once, noise learned and ignored',
        description:
          "`id` is the branch. 409 when it is not a branch, when `against` is not its baseline, when its baseline is gone, or when there is nothing to replay. Writes (POST, PUT, PATCH, DELETE) never reach the baseline: they are sent to the branch only when everything they can reach there is the branch's own (every data service forked), else skipped and listed with why. Follow the run with GET .../diffs/{runId}; it is kept after its workflow is gone.",
        params: EnvironmentParams,
        body: StartDiffBody,
        response: { 202: DiffRunView, 409: ErrorResponse, 503: ErrorResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const branch = await visibleEnvironment(request, app.db, request.params.id);
      assertLive(branch, 'diff it');
      const against = request.body.against
        ? await visibleEnvironment(request, app.db, request.body.against)
        : undefined;
      const baseline = await diffBaseline({ db: app.db, branch, against });
      const input = await trafficDiffInput({ db: app.db, branch, baseline, requests: request.body.requests });
      input.writes = await branchWritePolicy(app.db, branch);
      const source = request.body.requests ? 'request-set' : 'captured';
      await insertDiffRun(app.db, {
        runId: input.runId,
        teamId: branch.teamId,
        branchId: branch.id,
        baselineId: baseline.id,
        source,
        requests: input.requests.length,
        startedBy: user.userId,
      });
      try {
        await app.lifecycle.startTrafficDiff(input);
      } catch (error) {
        // No workflow will ever finish it: the row would say running forever.
        await deleteDiffRun(app.db, input.runId);
        request.log.warn({ err: error, environmentId: branch.id }, 'traffic diff not started');
        throw new ApiError({
          statusCode: 503,
          code: ErrorCode.Unavailable,
          message: 'the diff could not be started (the workflow service did not answer); retry',
        });
      }
      await appendEvent(app.db, {
        teamId: branch.teamId,
        actorId: user.userId,
        actor: user.userName,
        action: 'environment.diff',
        environmentId: branch.id,
        details: { runId: input.runId, baseline: baseline.id, requests: input.requests.length },
      });
      return reply.code(202).send({
        runId: input.runId,
        branch: branch.id,
        baseline: baseline.id,
        source,
        state: 'running',
        requests: input.requests.length,
        progress: { total: input.requests.length, done: 0 },
      });
    },
  );

  app.get(
    '/environments/:id/diffs',
    {
      schema: {
        tags,
        summary: "A branch's traffic diff runs, newest first (verdict and counts; no reports)",
        params: EnvironmentParams,
        querystring: DiffRunListQuery,
        response: { 200: DiffRunList, ...standardErrors },
      },
    },
    async (request) => {
      const branch = await visibleEnvironment(request, app.db, request.params.id);
      const runs = await listDiffRuns(app.db, {
        teamId: branch.teamId,
        branchId: branch.id,
        limit: request.query.limit,
      });
      return { runs: runs.map(diffRunView) };
    },
  );

  app.get(
    '/environments/:id/diffs/:runId',
    {
      schema: {
        tags,
        summary:
          'A traffic diff run: its progress while it runs, its report once done (kept after the workflow is gone)',
        params: DiffRunParams,
        response: { 200: DiffRunView, ...standardErrors },
      },
    },
    async (request) => {
      const branch = await visibleEnvironment(request, app.db, request.params.id);
      const run = await readDiffRun({
        db: app.db,
        lifecycle: app.lifecycle,
        branch,
        runId: request.params.runId,
        log: request.log,
      });
      if (!run) throw notFound(`diff run ${request.params.runId} of ${branch.id}`);
      return run;
    },
  );
};

export default diffRoutes;
