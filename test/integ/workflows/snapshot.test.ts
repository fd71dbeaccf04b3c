import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryArtifactStore } from '../../../activities/artifact-store.js';
import { PostgresDumpEngine } from '../../../activities/postgres-dump-engine.js';
import { readStackEndpoints } from '../../../local/stack/endpoints.js';
import { type SnapshotRecord, WorkflowType, workflowIds } from '../../../workflows/contracts.js';
import { stackObjectStore } from '../../support/object-store.js';
import { checkoutBlueprint } from './support/blueprints.js';
import { WorkflowTestHarness } from './support/harness.js';

/**
 * Snapshot and restore of a Postgres data service with real pg_dump/pg_restore against the stack's real
 * Postgres. Two databases stand in for the `db` service of two environments: on the simulated cluster
 * the data service's container does not really run (real nodes: issue 9). The worker's runtime is the
 * real KubeRuntime, though snapshots never deploy.
 */
const harness = new WorkflowTestHarness();
let admin: pg.Client;
let databaseUrl: string;
const suffix = randomUUID().slice(0, 8);
const source = `snap_src_${suffix}`;
const target = `snap_dst_${suffix}`;
const urlOf = (database: string) => {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.href;
};

beforeAll(async () => {
  await harness.setUp();
  databaseUrl = (await readStackEndpoints()).databaseUrl;
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${source}`);
  await admin.query(`CREATE DATABASE ${target}`);
  const db = new pg.Client({ connectionString: urlOf(source) });
  await db.connect();
  await db.query('CREATE TABLE orders (id int primary key, item text)');
  await db.query("INSERT INTO orders VALUES (1, 'book'), (2, 'lamp')");
  await db.end();
});
afterEach(() => harness.stopWorkers());
afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS ${source}`);
  await admin?.query(`DROP DATABASE IF EXISTS ${target}`);
  await admin?.end();
  await harness.tearDown();
});

describe('snapshot and restore', () => {
  it('captures a Postgres service as a logical dump into the object store and seeds another environment from it', async () => {
    const { store } = await stackObjectStore(`test-${suffix}/`);
    const engine = new PostgresDumpEngine({
      store,
      connectionFor: async ({ environmentId }) => urlOf(environmentId === 'env-a' ? source : target),
    });
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'snapshot',
      extra: { snapshotEngines: [engine] },
    });
    const snapshotId = `snap-${suffix}`;
    const record = await lifecycle.snapshot({
      snapshotId,
      environmentId: 'env-a',
      blueprint: checkoutBlueprint(),
    });
    expect(record.artifacts).toHaveLength(1);
    expect(record.artifacts[0]).toMatchObject({ service: 'db', engine: 'postgres-logical' });
    expect(record.artifacts[0]!.location).toMatch(/^s3:\/\/microstax-snapshots\/test-/);
    expect(record.artifacts[0]!.bytes).toBeGreaterThan(0);

    const seeded = await lifecycle.seed(
      {
        environmentId: 'env-b',
        blueprint: checkoutBlueprint(),
        service: 'db',
        source: { kind: 'snapshot', snapshotId },
      },
      suffix,
    );
    expect(seeded.stepsRun).toBe(1);
    const db = new pg.Client({ connectionString: urlOf(target) });
    await db.connect();
    const rows = await db.query('SELECT id, item FROM orders ORDER BY id');
    await db.end();
    expect(rows.rows).toEqual([
      { id: 1, item: 'book' },
      { id: 2, item: 'lamp' },
    ]);

    // A service no engine supports is a typed, permanent failure.
    const error = await harness.temporal.client.workflow
      .execute(WorkflowType.snapshot, {
        taskQueue,
        workflowId: workflowIds.snapshot(`${snapshotId}-api`),
        args: [
          {
            snapshotId: `${snapshotId}-api`,
            environmentId: 'env-a',
            blueprint: checkoutBlueprint(),
            services: ['api'],
          },
        ],
      })
      .catch((e) => e);
    expect(error.cause?.cause).toMatchObject({ type: 'SnapshotUnsupported' });
    const stored: SnapshotRecord = await harness.temporal.client.workflow
      .getHandle(workflowIds.snapshot(snapshotId))
      .result();
    expect(stored.snapshotId).toBe(snapshotId);
  });

  it('deletes a snapshot: its stored dump is removed, and deleting again succeeds', async () => {
    const artifactDir = await mkdtemp(join(tmpdir(), 'snapshots-'));
    const engine = new PostgresDumpEngine({
      store: new DirectoryArtifactStore(artifactDir),
      connectionFor: async () => urlOf(source),
    });
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'snapshot-delete',
      extra: { snapshotEngines: [engine] },
    });
    const snapshotId = `snap-del-${suffix}`;
    const record = await lifecycle.snapshot({
      snapshotId,
      environmentId: 'env-a',
      blueprint: checkoutBlueprint(),
    });
    const dump = fileURLToPath(record.artifacts[0]!.location);
    expect((await stat(dump)).size).toBeGreaterThan(0);
    // A file of another snapshot next to it stays.
    await mkdir(join(artifactDir, 'other-snapshot'));
    await writeFile(join(artifactDir, 'other-snapshot', 'db.dump'), 'keep me');

    await lifecycle.deleteSnapshot({ snapshotId, engines: ['postgres-logical'] });
    await expect(stat(join(artifactDir, snapshotId))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(join(artifactDir, 'other-snapshot', 'db.dump'), 'utf8')).toBe('keep me');
    // Idempotent: the same deletion again (a retried request, a repeated workflow) succeeds.
    await harness.temporal.client.workflow.execute(WorkflowType.deleteSnapshot, {
      taskQueue,
      workflowId: `${workflowIds.deleteSnapshot(snapshotId)}-again`,
      args: [{ snapshotId }],
    });
    expect(await readFile(join(artifactDir, 'other-snapshot', 'db.dump'), 'utf8')).toBe('keep me');
  });
});
