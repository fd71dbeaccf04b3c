import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import type { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import metricsPlugin from '../../../api/plugins/metrics.js';
import { createGatewayMetrics } from '../../../gateway/metrics.js';
import { createWorkerMetrics } from '../../../worker/metrics.js';
import { PhaseMetrics } from '../../../worker/phase-metrics.js';

const DASHBOARD = 'charts/microstax/dashboards/microstax.json';

/** Every series name a registry exports: histograms as their _bucket, _count and _sum. */
async function seriesNames(registry: Registry): Promise<Set<string>> {
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${metric.name}${suffix}`);
    else names.add(metric.name);
  }
  return names;
}

describe('the Grafana dashboard', () => {
  it('queries only metrics that the API, the worker and the gateway export', async () => {
    const app = Fastify();
    await app.register(metricsPlugin);
    await app.ready();
    const worker = createWorkerMetrics();
    new PhaseMetrics(worker.registry);
    const exported = new Set([
      ...(await seriesNames(app.metrics)),
      ...(await seriesNames(worker.registry)),
      ...(await seriesNames(createGatewayMetrics().registry)),
    ]);
    await app.close();

    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const queried = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((target) =>
        [...target.expr.matchAll(/\bmicrostax_[a-z0-9_]+/g)].map((m) => m[0]),
      ),
    );
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter((name) => !exported.has(name))).toEqual([]);
    // Each family the code exports is on the dashboard (default process metrics aside).
    const families = new Set(queried.map((name) => name.replace(/_(bucket|count|sum)$/, '')));
    for (const name of [
      'microstax_environment_phase_seconds',
      'microstax_orphan_namespaces_total',
      'microstax_gateway_wakes_total',
    ])
      expect(families).toContain(name);
  });
});
