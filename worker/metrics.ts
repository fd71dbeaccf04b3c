import { Counter, Registry } from 'prom-client';
import type { LifecycleMetrics } from '../activities/ports.js';

/** The worker's Prometheus metrics (served by its health server at /metrics). */
export function createWorkerMetrics(): LifecycleMetrics & { registry: Registry } {
  const registry = new Registry();
  const orphans = new Counter({
    name: 'microstax_orphan_namespaces_total',
    help: 'Namespaces the orphan sweep marked (first seen orphaned), deleted, or failed to delete',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  for (const result of ['marked', 'deleted', 'failed']) orphans.inc({ result }, 0);
  return {
    registry,
    orphanSweep(sweep) {
      orphans.inc({ result: 'marked' }, sweep.marked.length);
      orphans.inc({ result: 'deleted' }, sweep.deleted.length);
      orphans.inc({ result: 'failed' }, sweep.failed.length);
    },
  };
}
