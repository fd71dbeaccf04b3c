import type {
  KubernetesObject,
  V1ConfigMap,
  V1ContainerStatus,
  V1Pod,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { ResolvedSqlStep } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { ANNOTATIONS } from '../../../deploy/labels.js';
import { type RenderInput, renderEnvironment } from '../../../deploy/manifests/render.js';
import { assessService, type ClusterSnapshot, type SeedExitWindow } from '../../../deploy/readiness.js';
import type { WorkloadExpectation } from '../../../deploy/types.js';
import { errorLines } from '../../../deploy/wait.js';
import { checkoutDev } from './fixtures.js';

const inService = deployConfig({ baseDomain: 'dev.acme.test', initSql: 'service' });

function render(overrides: Partial<RenderInput> = {}) {
  return renderEnvironment({
    environment: { id: 'ana-checkout' },
    blueprint: checkoutDev(),
    config: inService,
    volumeProvisioning: 'dynamic',
    ...overrides,
  });
}

function find<T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found as T;
}

describe('a Postgres sql seed run by the service itself (initSql: service)', () => {
  it('mounts the scripts into initdb.d, makes no init Job, and says so on the workload', () => {
    const { objects, workloads } = render();
    expect(objects.filter((o) => o.kind === 'Job')).toEqual([]);
    expect(objects.some((o) => o.metadata?.name === 'db-direct')).toBe(false);
    const scripts = find<V1ConfigMap>(objects, 'ConfigMap', 'db-initdb-scripts');
    expect(scripts.data).toEqual({ 'microstax-01-seed.sql': 'CREATE TABLE t (id int);\n' });
    const db = find<V1StatefulSet>(objects, 'StatefulSet', 'db');
    expect(db.metadata?.annotations?.[ANNOTATIONS.seedInService]).toBe('1');
    expect(db.spec?.template.spec?.containers[0]?.volumeMounts).toContainEqual({
      name: 'microstax-seed',
      mountPath: '/docker-entrypoint-initdb.d/microstax-01-seed.sql',
      subPath: 'microstax-01-seed.sql',
      readOnly: true,
    });
    expect(db.spec?.template.spec?.volumes).toContainEqual({
      name: 'microstax-seed',
      configMap: { name: 'db-initdb-scripts' },
    });
    // The ConfigMap is applied before the StatefulSet that mounts it.
    const order = objects.map((o) => `${o.kind}/${o.metadata?.name}`);
    expect(order.indexOf('ConfigMap/db-initdb-scripts')).toBeLessThan(order.indexOf('StatefulSet/db'));
    expect(workloads.find((w) => w.service === 'db')).toMatchObject({ initJobs: [], seedInService: true });
    // Routed while Postgres initialises (it listens on TCP only after its init scripts).
    expect(find<V1Service>(objects, 'Service', 'db').spec?.publishNotReadyAddresses).toBe(true);
  });

  it('seeds in the service by default; keeps the init Job at job, and where the entrypoint would not run the steps as the Job does', () => {
    const jobFor = (blueprint: ReturnType<typeof checkoutDev>, config = inService) =>
      renderEnvironment({
        environment: { id: 'ana-checkout' },
        blueprint,
        config,
        volumeProvisioning: 'dynamic',
      }).objects.filter((o) => o.kind === 'Job').length;
    const withDb = (change: (db: ReturnType<typeof checkoutDev>['services'][number]) => void) => {
      const blueprint = checkoutDev();
      change(blueprint.services.find((s) => s.name === 'db')!);
      return blueprint;
    };
    expect(jobFor(checkoutDev(), deployConfig({ baseDomain: 'dev.acme.test' }))).toBe(0);
    expect(jobFor(checkoutDev(), deployConfig({ baseDomain: 'dev.acme.test', initSql: 'job' }))).toBe(1);
    // A step against another database.
    expect(
      jobFor(withDb((db) => (db.init = [{ ...(db.init[0] as ResolvedSqlStep), database: 'other' }]))),
    ).toBe(1);
    // A job step: the order of steps of two kinds stays the Job's.
    expect(
      jobFor(
        withDb((db) =>
          db.init.push({ type: 'job', name: 'migrate', image: 'migrate:1', env: [], sha256: 'b'.repeat(64) }),
        ),
      ),
    ).toBe(1);
    // A command of its own: the image's entrypoint may never run.
    expect(jobFor(withDb((db) => (db.command = ['postgres'])))).toBe(1);
    // POSTGRES_USER without POSTGRES_DB: the entrypoint would use a database named after the user.
    expect(
      jobFor(
        withDb((db) => {
          db.env = [{ name: 'POSTGRES_USER', kind: 'plain', value: 'app' }];
        }),
      ),
    ).toBe(1);
    // Not Postgres.
    expect(jobFor(withDb((db) => (db.image = 'mysql:8.4')))).toBe(1);
  });

  it('mounts a script not named *.sql under a name the entrypoint runs (it skips any other)', () => {
    const blueprint = checkoutDev();
    const db = blueprint.services.find((s) => s.name === 'db')!;
    db.init = [{ ...(db.init[0] as ResolvedSqlStep), script: 'db/seed.psql' }];
    const { objects } = render({ blueprint });
    expect(Object.keys(find<V1ConfigMap>(objects, 'ConfigMap', 'db-initdb-scripts').data ?? {})).toEqual([
      'microstax-01-seed.psql.sql',
    ]);
    const mounts = find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec?.template.spec?.containers[0]
      ?.volumeMounts;
    expect(mounts).toContainEqual(
      expect.objectContaining({ mountPath: '/docker-entrypoint-initdb.d/microstax-01-seed.psql.sql' }),
    );
  });

  it('keeps a workload its entrypoint seeded so when the setting is back at job (a Job would seed again)', () => {
    const atJob = deployConfig({ baseDomain: 'dev.acme.test', initSql: 'job' });
    const seeded = render({ config: atJob, liveSeedShapes: { db: 'service' } });
    expect(seeded.objects.filter((o) => o.kind === 'Job')).toEqual([]);
    // The same StatefulSet as before: no rollout.
    expect(find<V1StatefulSet>(seeded.objects, 'StatefulSet', 'db')).toEqual(
      find<V1StatefulSet>(render().objects, 'StatefulSet', 'db'),
    );
    expect(render({ config: atJob }).objects.filter((o) => o.kind === 'Job')).toHaveLength(1);
  });

  it('keeps a workload a Job seeded, or made before it had init steps, with a Job (its entrypoint would run nothing)', () => {
    const byJob = render({ liveSeedShapes: { db: 'job' } });
    expect(byJob.objects.filter((o) => o.kind === 'Job')).toHaveLength(1);
    expect(byJob.objects.some((o) => o.metadata?.name === 'db-initdb-scripts')).toBe(false);
    // The same StatefulSet as one made at job: no rollout, no initdb.d mount.
    const atJob = deployConfig({ baseDomain: 'dev.acme.test', initSql: 'job' });
    expect(find<V1StatefulSet>(byJob.objects, 'StatefulSet', 'db')).toEqual(
      find<V1StatefulSet>(render({ config: atJob }).objects, 'StatefulSet', 'db'),
    );
    expect(byJob.workloads.find((w) => w.service === 'db')?.seedInService).toBeUndefined();
  });

  it("makes no seed for a branch's forked copy (its data comes from the baseline)", () => {
    const { objects } = render({
      environment: { id: 'ana-fix', baselineId: 'ana-checkout' },
      plan: {
        services: [
          { name: 'api', action: 'deploy', reasons: [] },
          { name: 'db', action: 'fork', reasons: [] },
          { name: 'cache', action: 'reuse', reasons: [] },
        ],
      } as never,
    });
    expect(objects.some((o) => o.metadata?.name === 'db-initdb-scripts')).toBe(false);
    expect(objects.filter((o) => o.kind === 'Job')).toEqual([]);
  });
});

describe('a seed run by the service itself: readiness', () => {
  const db: WorkloadExpectation = {
    service: 'db',
    kind: 'StatefulSet',
    name: 'db',
    replicas: 1,
    initJobs: [],
    seedInService: true,
  };
  const readySet: V1StatefulSet = {
    metadata: { name: 'db', generation: 1 },
    spec: { selector: {}, serviceName: 'db', template: {} },
    status: { observedGeneration: 1, readyReplicas: 1, updatedReplicas: 1, replicas: 1 },
  };
  const dbPod = (status: Partial<V1ContainerStatus>): V1Pod => ({
    metadata: { name: 'db-0', labels: { 'app.kubernetes.io/name': 'db' } },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'db', image: 'postgres', imageID: '', ready: true, restartCount: 0, ...status },
      ],
    },
  });
  const waitStarted = Date.parse('2026-12-07T12:00:00Z');
  const assess = (pods: V1Pod[], seedExits: SeedExitWindow | null = { since: waitStarted }) =>
    assessService({
      expectation: db,
      snapshot: { deployments: [], statefulSets: [readySet], pods, jobs: [], events: [] } as ClusterSnapshot,
      now: Date.now(),
      unschedulableGraceMs: 5_000,
      ...(seedExits ? { seedExits } : {}),
    });
  const failedSeed = {
    terminated: {
      exitCode: 3,
      reason: 'Error',
      startedAt: new Date('2026-12-07T12:00:04Z'),
      finishedAt: new Date('2026-12-07T12:00:07Z'),
    },
  };

  it('is ready when the service is (the entrypoint ran the scripts before the server listened)', () => {
    expect(assess([dbPod({ state: { running: {} } })]).phase).toBe('ready');
  });

  it('fails on the first run exiting with an error, even once the restart without the seed is ready', () => {
    for (const pod of [
      dbPod({ ready: false, state: failedSeed }),
      dbPod({ restartCount: 1, state: { running: {} }, lastState: failedSeed }),
    ]) {
      const progress = assess([pod]);
      expect(progress.phase).toBe('failed');
      expect(progress.failure).toMatchObject({
        cause: 'init-job-failed',
        reason: 'InitScriptFailed',
        object: 'Pod/db-0',
        logsFrom: { pod: 'db-0', container: 'db', errorsOnly: true },
      });
      expect(progress.failure?.message).toContain('exited with code 3');
    }
  });

  it("does not call a seeded server's crash long before this wait (or in a status) a seed failure", () => {
    const weeksAgo = {
      terminated: { exitCode: 1, reason: 'Error', finishedAt: new Date('2026-11-20T08:00:00Z') },
    };
    expect(assess([dbPod({ restartCount: 1, state: { running: {} }, lastState: weeksAgo })]).phase).toBe(
      'ready',
    );
    // As a watch cache holds it: a string.
    const asString = { terminated: { ...weeksAgo.terminated, finishedAt: '2026-11-20T08:00:00Z' } } as never;
    expect(assess([dbPod({ restartCount: 1, state: { running: {} }, lastState: asString })]).phase).toBe(
      'ready',
    );
    // A status (no wait's start): a first run longer than a deploy wait may last was past its seed.
    const status = { withinMs: 600_000 };
    const longRun = { terminated: { ...weeksAgo.terminated, startedAt: new Date('2026-11-02T08:00:00Z') } };
    expect(
      assess([dbPod({ restartCount: 1, state: { running: {} }, lastState: longRun })], status).phase,
    ).toBe('ready');
    const restarted = dbPod({ restartCount: 1, state: { running: {} }, lastState: failedSeed });
    expect(assess([restarted], status).phase).toBe('failed');
    // Without a window no exit is judged as the seed's.
    expect(assess([restarted], null).phase).toBe('ready');
  });

  it('leaves later restarts and kills by a signal to the other rules', () => {
    expect(assess([dbPod({ restartCount: 2, state: { running: {} }, lastState: failedSeed })]).phase).toBe(
      'ready',
    );
    const killed = { terminated: { exitCode: 137, reason: 'OOMKilled' } };
    expect(assess([dbPod({ restartCount: 1, state: { running: {} }, lastState: killed })]).phase).toBe(
      'ready',
    );
  });
});

describe("a failed seed's log tail", () => {
  it("keeps psql's and the server's error lines, never the statement they quote", () => {
    const log = [
      '/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/microstax-01-seed.sql',
      'psql:/docker-entrypoint-initdb.d/microstax-01-seed.sql:2: ERROR:  syntax error at or near "PASSWRD"',
      "LINE 1: CREATE ROLE app PASSWRD 'hunter2';",
      '2026-12-07 12:00:05.123 UTC [57] ERROR:  syntax error at or near "PASSWRD" at character 17',
      "2026-12-07 12:00:05.123 UTC [57] STATEMENT:  CREATE ROLE app PASSWRD 'hunter2'",
      "\tWITH LOGIN PASSWORD 'hunter2';",
    ].join('\n');
    const kept = errorLines(log);
    expect(kept).not.toContain('hunter2');
    expect(kept.split('\n')).toEqual([
      'psql:/docker-entrypoint-initdb.d/microstax-01-seed.sql:2: ERROR:  syntax error at or near "PASSWRD"',
      '2026-12-07 12:00:05.123 UTC [57] ERROR:  syntax error at or near "PASSWRD" at character 17',
    ]);
  });
});
