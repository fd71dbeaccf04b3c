import { Histogram, Registry } from 'prom-client';
import type { PhaseTimings } from '../deploy/phases.js';

/** Buckets from a warm claim (tenths of a second) to a slow cold start with image pulls (minutes). */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120, 300];

/** How many breakdowns are remembered, so one recorded again (every phase change records) counts once. */
const REMEMBERED = 2_000;

/**
 * Prometheus histograms of where environments' time goes: one series per operation and phase
 * (`microstax_environment_phase_seconds`) and the total per operation. The worker fills them as it
 * records each environment's status, and serves them at /metrics of its health server.
 */
export class PhaseMetrics {
  private readonly seen = new Set<string>();
  private readonly phase: Histogram<'operation' | 'phase'>;
  private readonly total: Histogram<'operation'>;

  /** `registry`: the worker's, so one /metrics serves these beside its other metrics. */
  constructor(readonly registry: Registry = new Registry()) {
    this.phase = new Histogram({
      name: 'microstax_environment_phase_seconds',
      help: 'Time spent in each phase of a create, claim, update, wake or seed, from request to ready',
      labelNames: ['operation', 'phase'] as const,
      buckets: BUCKETS,
      registers: [registry],
    });
    this.total = new Histogram({
      name: 'microstax_environment_operation_seconds',
      help: 'Time from the request to ready of a create, claim, update, wake or seed',
      labelNames: ['operation'] as const,
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  /** Counts an environment's breakdown once, however often its status is recorded. */
  observe(environmentId: string, timings: PhaseTimings | undefined): void {
    if (!timings) return;
    const key = `${environmentId}|${timings.operation}|${timings.requestedAt}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value as string);
    for (const p of timings.phases) {
      this.phase.observe({ operation: timings.operation, phase: p.phase }, p.ms / 1000);
    }
    this.total.observe({ operation: timings.operation }, timings.totalMs / 1000);
  }
}
