import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/create-activities.js';
import { loadApiConfig } from '../../../api/config.js';
import { createApiInstance } from '../../../api/instance.js';
import { TemporalLifecycle } from '../../../api/temporal-lifecycle.js';
import { ensureBinaries } from '../../../local/stack/binaries.js';
import { resolveStackConfig } from '../../../local/stack/config.js';
import { stopDaemon } from '../../../local/stack/processes.js';
import { silentProgress } from '../../../local/stack/progress.js';
import type { ProcessRecord } from '../../../local/stack/state.js';
import { startTracingBackend } from '../../../local/stack/tracing-backend.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { startTracing, type Tracing } from '../../../telemetry/tracing.js';
import { createTemporalClient, type TemporalClientHandle } from '../../../temporal/client.js';
import { createLifecycleWorker, type LifecycleWorkerHandle } from '../../../temporal/worker.js';
import { createWorkerDependencies } from '../../../worker/dependencies.js';
import { freePort } from '../../support/free-port.js';
import { stackEnv } from '../../support/stack-env.js';
import { until } from '../../support/until.js';
import { createTestDatabase, type TestDatabase } from '../store/test-database.js';

const EXAMPLE_DIR = 'blueprints/examples/checkout-dev';

interface JaegerSpan {
  spanID: string;
  operationName: string;
  references: { refType: string; spanID: string }[];
}

/**
 * One create, traced: the API's request span, the workflow the request started and the activities it
 * ran share one trace in the real tracing backend (Jaeger v2, the stack's own binary, started here
 * on free ports so the test does not depend on the shared stack's part), found through its query API.
 */
describe('OpenTelemetry: one trace from the API request through the workflow to its activities', () => {
  let dir: string;
  let backend: ProcessRecord[] = [];
  let queryUrl: string;
  let tracing: Tracing | undefined;
  let db: TestDatabase;
  let temporal: TemporalClientHandle;
  let worker: LifecycleWorkerHandle;
  let workerRun: Promise<void>;
  let app: FastifyInstance;
  let token: string;
  const taskQueue = `tracing-e2e-${randomUUID()}`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'msx-tracing-'));
    const config = resolveStackConfig(await stackEnv());
    const { jaeger } = await ensureBinaries({
      binDir: config.binDir,
      names: ['jaeger'],
      progress: silentProgress,
    });
    const ports = {
      otlp: await freePort(),
      query: await freePort(),
      queryGrpc: await freePort(),
      health: await freePort(),
    };
    const part = await startTracingBackend({
      config: { ...config, logsDir: dir },
      binary: jaeger,
      dir,
      ports,
      onStarted: async (record) => {
        backend = [record];
      },
    });
    queryUrl = part.queryUrl;
    tracing = await startTracing({
      serviceName: 'microstax-tracing-test',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: part.otlpEndpoint },
    });

    db = await createTestDatabase('tracing');
    temporal = await createTemporalClient({ env: await stackEnv() });
    const dependencies = await createWorkerDependencies({ temporal: temporal.client, env: await stackEnv() });
    worker = await createLifecycleWorker({
      env: await stackEnv(),
      taskQueue,
      config: temporal.config,
      activities: createActivities(dependencies),
      tracing,
    });
    workerRun = worker.run();
    const lifecycle = await TemporalLifecycle.connect({ env: await stackEnv(), taskQueue });
    app = await createApiInstance({
      config: loadApiConfig({}, { databaseUrl: db.url, logLevel: 'warn', statusSyncIntervalMs: 300 }),
      lifecycle,
      env: await stackEnv(),
    });
    app.addHook('onClose', () => lifecycle.close());
    await app.ready();
    await ensureTeam(app.db, { id: 'payments' });
    const user = await upsertUser(app.db, { name: 'ada', teamId: 'payments', role: 'member' });
    token = (await createApiToken(app.db, { userId: user.id })).token;
  });
  afterAll(async () => {
    await app?.close().catch(() => {});
    await worker?.shutdown();
    await workerRun?.catch(() => {});
    await temporal?.close();
    await db?.drop();
    await tracing?.shutdown();
    trace.disable();
    for (const record of backend) await stopDaemon(record);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const phase = async (id: string) =>
    (
      JSON.parse(
        (await app.inject({ url: `/v1/environments/${id}`, headers: { authorization: `Bearer ${token}` } }))
          .body,
      ) as { phase: string }
    ).phase;

  it('holds the API span, the workflow span, activity spans and their Kubernetes calls under one trace id, parent to child', async () => {
    const source = await readFile(`${EXAMPLE_DIR}/checkout-dev.yaml`, 'utf8');
    const seed = await readFile(`${EXAMPLE_DIR}/scripts/seed.sql`, 'utf8');
    const created = await app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      payload: {
        blueprint: { source, fileName: 'checkout-dev.yaml', scripts: { 'scripts/seed.sql': seed } },
        ttl: '1h',
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };

    const traceOf = async () => {
      const response = await fetch(
        `${queryUrl}/api/traces?service=microstax-tracing-test&operation=${encodeURIComponent('POST /v1/environments')}&limit=5`,
      );
      const body = (await response.json()) as { data: { spans: JaegerSpan[] }[] };
      return body.data?.[0]?.spans ?? [];
    };
    try {
      // The request's trace holds the activities' spans while the create runs.
      await until(
        'activity spans in the create trace',
        traceOf,
        (found) => found.some((s) => s.operationName.startsWith('RunActivity:')),
        { timeoutMs: 90_000, everyMs: 1_000 },
      );
    } finally {
      await app.inject({
        method: 'DELETE',
        url: `/v1/environments/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      await until(
        'the environment to be deleted',
        () => phase(id),
        (p) => p === 'deleted' || p === 'failed',
        {
          timeoutMs: 180_000,
        },
      );
    }
    // The workflow's own span is exported when the run ends (the delete ended it).
    const spans = await until(
      'the workflow span in the create trace',
      traceOf,
      (found) => found.some((s) => s.operationName.startsWith('RunWorkflow:')),
      { timeoutMs: 60_000, everyMs: 1_000 },
    );
    const byId = new Map(spans.map((s) => [s.spanID, s]));
    const parentOf = (s: JaegerSpan) =>
      byId.get(s.references.find((r) => r.refType === 'CHILD_OF')?.spanID ?? '');
    const ancestors = (s: JaegerSpan | undefined): JaegerSpan[] => (s ? [s, ...ancestors(parentOf(s))] : []);
    const request = spans.find((s) => s.operationName === 'POST /v1/environments')!;
    const start = spans.find((s) => s.operationName.startsWith('StartWorkflow:'))!;
    const run = spans.find((s) => s.operationName.startsWith('RunWorkflow:createEnvironment'))!;
    const activity = spans.find((s) => s.operationName.startsWith('RunActivity:'))!;
    expect(request).toBeDefined();
    expect(parentOf(start)).toBe(request);
    // request -> StartWorkflow -> RunWorkflow -> StartActivity -> RunActivity, one trace.
    expect(ancestors(run)).toContain(start);
    expect(ancestors(activity)).toEqual(expect.arrayContaining([run, start, request]));
    // ... -> RunActivity -> the activity's Kubernetes calls.
    const kubeCalls = spans.filter((s) => s.operationName.startsWith('kubernetes '));
    expect(kubeCalls.length, 'Kubernetes call spans in the create trace').toBeGreaterThan(0);
    for (const call of kubeCalls) {
      expect(ancestors(call).some((s) => s.operationName.startsWith('RunActivity:'))).toBe(true);
      expect(ancestors(call)).toContain(request);
    }
  });
});
