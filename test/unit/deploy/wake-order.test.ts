import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedGroups } from '../../../blueprints/dependency-graph.js';
import { deployConfig, loadDeployConfig } from '../../../deploy/config.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import {
  dependsOnAnnotation,
  graphFromWorkloads,
  readyToStart,
  wakeWaits,
} from '../../../deploy/wake-order.js';
import { checkoutDev } from './fixtures.js';

const waitsOf = (waits: Map<string, string[]>) => Object.fromEntries([...waits].sort());

describe('wake order: who waits on whom', () => {
  it('waits for direct dependencies only; services without any start at once', () => {
    const waits = wakeWaits({ web: ['api'], api: ['cache', 'db'], db: [], cache: [] }, [
      'web',
      'api',
      'db',
      'cache',
    ]);
    expect(waitsOf(waits)).toEqual({ api: ['cache', 'db'], cache: [], db: [], web: ['api'] });
  });

  it('starts each service the moment its own dependencies are ready, not by waves', () => {
    // worker needs only the queue: it starts as soon as the queue is ready, before the slow db.
    const waits = wakeWaits({ api: ['db', 'queue'], worker: ['queue'], db: [], queue: [] }, [
      'api',
      'worker',
      'db',
      'queue',
    ]);
    const notStarted = new Set(['api', 'worker']);
    expect(readyToStart({ waits, notStarted, ready: new Set() })).toEqual([]);
    expect(readyToStart({ waits, notStarted, ready: new Set(['queue']) })).toEqual(['worker']);
    expect(readyToStart({ waits, notStarted, ready: new Set(['queue', 'db']) })).toEqual(['api', 'worker']);
    expect(readyToStart({ waits, notStarted: new Set(['db', 'queue']), ready: new Set() })).toEqual([
      'db',
      'queue',
    ]);
  });

  it('does not wait for a dependency without a workload here (a service a branch reuses, or gone)', () => {
    const waits = wakeWaits({ api: ['db', 'payments'], db: [] }, ['api', 'db']);
    expect(waitsOf(waits)).toEqual({ api: ['db'], db: [] });
    // A service missing from the graph depends on nothing known.
    expect(waitsOf(wakeWaits({ api: ['db'] }, ['api', 'db']))).toEqual({ api: ['db'], db: [] });
  });

  it('starts the services of a cycle together, after what the cycle depends on outside it', () => {
    const waits = wakeWaits({ a: ['b', 'db'], b: ['c'], c: ['a', 'cache'], db: [], cache: [], web: ['a'] }, [
      'a',
      'b',
      'c',
      'db',
      'cache',
      'web',
    ]);
    expect(waitsOf(waits)).toEqual({
      a: ['cache', 'db'],
      b: ['cache', 'db'],
      c: ['cache', 'db'],
      cache: [],
      db: [],
      web: ['a'],
    });
    // A service that depends on itself waits for nothing but its other dependencies.
    expect(waitsOf(wakeWaits({ a: ['a', 'db'], db: [] }, ['a', 'db']))).toEqual({ a: ['db'], db: [] });
  });

  it('orders strongly connected groups dependencies first', () => {
    expect(stronglyConnectedGroups({ web: ['api'], api: ['db', 'worker'], worker: ['api'], db: [] })).toEqual(
      [['db'], ['api', 'worker'], ['web']],
    );
  });
});

describe('wake order: the graph on the workloads', () => {
  const workload = (service: string, dependsOn?: string): V1Deployment | V1StatefulSet => ({
    metadata: {
      name: service,
      labels: { [LABELS.service]: service },
      ...(dependsOn !== undefined && { annotations: { [ANNOTATIONS.dependsOn]: dependsOn } }),
    },
  });

  it('reads the annotation; an empty one is a service that depends on nothing', () => {
    expect(dependsOnAnnotation(workload('api', 'cache,db'))).toEqual(['cache', 'db']);
    expect(dependsOnAnnotation(workload('db', ''))).toEqual([]);
    expect(dependsOnAnnotation(workload('db'))).toBeUndefined();
    expect(
      graphFromWorkloads([workload('api', 'cache,db'), workload('db', ''), workload('cache', '')]),
    ).toEqual({ api: ['cache', 'db'], db: [], cache: [] });
  });

  it('has no graph when any workload was applied before the annotation: that environment wakes all at once', () => {
    expect(graphFromWorkloads([workload('api', 'db'), workload('db')])).toBeUndefined();
  });

  it('is written on every workload at render time, from the blueprint, on the workload only (no pod roll)', () => {
    const rendered = renderEnvironment({
      environment: { id: 'ana-checkout' },
      blueprint: checkoutDev(),
      config: deployConfig(),
      volumeProvisioning: 'dynamic',
    });
    const workloads = rendered.objects.filter(
      (o): o is V1Deployment | V1StatefulSet => o.kind === 'Deployment' || o.kind === 'StatefulSet',
    );
    const graph = graphFromWorkloads(workloads);
    expect(graph).toEqual(Object.fromEntries(checkoutDev().services.map((s) => [s.name, s.dependsOn])));
    expect(graph?.api).toEqual(['cache', 'db']);
    for (const w of workloads) {
      expect(w.spec?.template.metadata?.annotations?.[ANNOTATIONS.dependsOn]).toBeUndefined();
    }
  });

  it('is selectable: MICROSTAX_WAKE_ORDER, default dependencies, a bad value named', () => {
    expect(loadDeployConfig({}).wakeOrder).toBe('dependencies');
    expect(loadDeployConfig({ MICROSTAX_WAKE_ORDER: 'parallel' }).wakeOrder).toBe('parallel');
    expect(() => loadDeployConfig({ MICROSTAX_WAKE_ORDER: 'random' })).toThrow(/MICROSTAX_WAKE_ORDER/);
  });
});
