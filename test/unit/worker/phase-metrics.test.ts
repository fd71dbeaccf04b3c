import { describe, expect, it } from 'vitest';
import { phaseBreakdown } from '../../../deploy/phases.js';
import { startWorkerHealthServer } from '../../../worker/health-server.js';
import { PhaseMetrics } from '../../../worker/phase-metrics.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const timings = phaseBreakdown({
  operation: 'create',
  requestedAt: T0,
  marks: { accepted: T0 + 50, applied: T0 + 400, ready: T0 + 2900 },
});

describe('PhaseMetrics', () => {
  it('counts a breakdown once however often the status is recorded, and serves it at /metrics', async () => {
    const metrics = new PhaseMetrics();
    metrics.observe('env-a', timings);
    metrics.observe('env-a', timings);
    metrics.observe('env-a', undefined);
    metrics.observe('env-b', { ...timings, operation: 'wake' });
    const server = await startWorkerHealthServer({
      worker: { getState: () => 'RUNNING' },
      port: 0,
      host: '127.0.0.1',
      metrics: metrics.registry,
    });
    try {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(
        /microstax_environment_phase_seconds_count\{operation="create",phase="ready"\} 1\n/,
      );
      expect(text).toMatch(
        /microstax_environment_phase_seconds_sum\{operation="create",phase="ready"\} 2.5\n/,
      );
      expect(text).toMatch(/microstax_environment_operation_seconds_count\{operation="create"\} 1\n/);
      expect(text).toMatch(/microstax_environment_operation_seconds_sum\{operation="wake"\} 2.9\n/);
    } finally {
      await server.close();
    }
  });

  it('answers 404 at /metrics when the worker serves none', async () => {
    const server = await startWorkerHealthServer({
      worker: { getState: () => 'RUNNING' },
      port: 0,
      host: '127.0.0.1',
    });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
