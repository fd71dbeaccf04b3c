import { randomBytes } from 'node:crypto';
import type { V1Namespace } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kubeNamespaceSweeper } from '../../../activities/kube-namespace-sweeper.js';
import { postgresAuditLog } from '../../../activities/postgres-audit-log.js';
import { ANNOTATIONS, LABELS, loadDeployConfig, namespaceFor } from '../../../deploy/index.js';
import { MANAGED_BY } from '../../../deploy/labels.js';
import { ensureSchedules } from '../../../temporal/schedules.js';
import { createWorkerMetrics } from '../../../worker/metrics.js';
import { type OrphanSweepResult, WorkflowType, workflowIds } from '../../../workflows/contracts.js';
import { smallBlueprint } from './support/blueprints.js';
import { newEnvironmentId, WorkflowTestHarness } from './support/harness.js';

/**
 * The orphan-sweep Schedule on the stack's cluster: a namespace MicroStax labelled whose environment has
 * no workflow is marked, then deleted after the grace period, audited and counted; a namespace without
 * MicroStax's labels and the namespace of a live environment are untouched. Every sweep here is narrowed
 * to this test's own team label, so namespaces of other tests on the shared cluster are never looked at.
 */
const harness = new WorkflowTestHarness({ database: 'orphans' });
beforeAll(() => harness.setUp());
afterEach(() => harness.stopWorkers());
afterAll(() => harness.tearDown());

const GRACE_MS = 4_000;

describe('orphan sweep', () => {
  it('deletes a labelled namespace without an environment after the grace; an unlabelled one and a live one stay', {
    timeout: 180_000,
  }, async () => {
    const metrics = createWorkerMetrics();
    const { lifecycle, taskQueue } = await harness.startWorker({
      testName: 'orphan-sweep',
      extra: {
        namespaces: kubeNamespaceSweeper({ kube: harness.kube }),
        audit: postgresAuditLog(harness.pool),
        metrics,
      },
    });
    const team = `orph-${randomBytes(4).toString('hex')}`;
    const prefix = loadDeployConfig().namespacePrefix;
    const live = newEnvironmentId('orphlive');
    const orphan = newEnvironmentId('orphan');
    const unlabelled = newEnvironmentId('orphunl');
    const namespaceOf = (id: string) => namespaceFor(id, prefix);
    await lifecycle.createEnvironment({
      environmentId: live,
      blueprint: smallBlueprint(),
      owner: 'ada',
      team,
    });
    expect((await lifecycle.waitReady(live)).phase).toBe('ready');
    // As deploy labels a namespace, but no environment behind it (a create that crashed half-way).
    await harness.kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespaceOf(orphan),
        labels: { [LABELS.managedBy]: MANAGED_BY, [LABELS.environment]: orphan, [LABELS.team]: team },
      },
    });
    // Someone else's namespace that merely looks like ours (no managed-by label): never ours to delete.
    await harness.kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespaceOf(unlabelled),
        labels: { [LABELS.environment]: unlabelled, [LABELS.team]: team },
      },
    });
    const schedules = await ensureSchedules({
      client: harness.temporal.client,
      taskQueue,
      idSuffix: taskQueue,
      schedules: {
        idleSweepEvery: '1h',
        orphanSweep: { every: '2s', input: { graceMs: GRACE_MS, labelSelector: `${LABELS.team}=${team}` } },
      },
    });
    try {
      const read = (id: string) =>
        harness.kube.readOrNull<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: namespaceOf(id) });
      let markedAt: string | undefined;
      const deadline = Date.now() + 90_000;
      for (;;) {
        const ns = await read(orphan);
        markedAt ??= ns?.metadata?.annotations?.[ANNOTATIONS.orphanedSince];
        if (!ns || ns.metadata?.deletionTimestamp) break;
        if (Date.now() > deadline) throw new Error('the orphaned namespace was never deleted');
        await new Promise((r) => setTimeout(r, 250));
      }
      // Marked by one sweep, deleted by a later one once the grace had passed.
      expect(markedAt).toBeDefined();
      // The sweep audits a deletion once the namespace is gone (teardown waits for that).
      const audited = async () =>
        (
          await harness.pool.query<{
            action: string;
            actor: string;
            details: Record<string, string>;
            at: Date;
          }>(`SELECT action, actor, details, at FROM events WHERE action LIKE 'namespace.orphan%'`)
        ).rows;
      let rows = await audited();
      for (const until = Date.now() + 60_000; rows.length === 0 && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 250));
        rows = await audited();
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'namespace.orphan-deleted',
        actor: 'orphan-sweep',
        details: { namespace: namespaceOf(orphan), environmentId: orphan, orphanedSince: markedAt },
      });
      expect(rows[0]!.at.getTime() - Date.parse(markedAt!)).toBeGreaterThanOrEqual(GRACE_MS);
      const deletedCount = /microstax_orphan_namespaces_total\{result="deleted"\} 1\n/;
      let text = await metrics.registry.getSingleMetricAsString('microstax_orphan_namespaces_total');
      for (const until = Date.now() + 5_000; !deletedCount.test(text) && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 100));
        text = await metrics.registry.getSingleMetricAsString('microstax_orphan_namespaces_total');
      }
      expect(text).toMatch(deletedCount);

      // Untouched: not deleted, not even marked.
      const other = await read(unlabelled);
      expect(other?.metadata?.deletionTimestamp).toBeUndefined();
      expect(other?.metadata?.annotations?.[ANNOTATIONS.orphanedSince]).toBeUndefined();
      const liveNs = await read(live);
      expect(liveNs?.metadata?.deletionTimestamp).toBeUndefined();
      expect(liveNs?.metadata?.annotations?.[ANNOTATIONS.orphanedSince]).toBeUndefined();
      expect((await lifecycle.getStatus(live))?.phase).toBe('ready');

      // One more run by hand: it reports what it looked at and finds nothing more to do.
      const again: OrphanSweepResult = await harness.temporal.client.workflow.execute(
        WorkflowType.orphanSweep,
        {
          taskQueue,
          workflowId: `orphan-sweep-${live}`,
          args: [{ graceMs: GRACE_MS, labelSelector: `${LABELS.team}=${team}` }],
        },
      );
      expect(again).toEqual({ examined: 1, marked: [], deleted: [], failed: [] });
    } finally {
      for (const id of schedules) await harness.temporal.client.schedule.getHandle(id).delete();
      await harness.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespaceOf(unlabelled) });
      await harness.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespaceOf(orphan) });
      await lifecycle.teardown(live, { reason: 'requested' });
      await harness.temporal.client.workflow.getHandle(workflowIds.environment(live)).result();
    }
  });
});
