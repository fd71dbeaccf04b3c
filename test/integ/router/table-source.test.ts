import { request } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { pickRoute, selectTables } from '../../../router/routes.js';
import { type RunningRouter, startRouter } from '../../../router/start-router.js';
import { kubernetesTableSource, type TableSource } from '../../../router/table-source.js';
import { service } from '../../unit/deploy/fixtures.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';

const config = deployConfig();
const baselineId = uniqueId('it-hb');
const branchId = uniqueId('it-hr');
const blueprint: ResolvedBlueprint = {
  name: 'header-routed',
  routing: 'header',
  services: [service({ name: 'web' }), service({ name: 'api' })],
};
let kube: KubeClient;
let source: TableSource | undefined;
let router: RunningRouter | undefined;

/** One request through the router as a baseline pod would send it: a namespaced Host, maybe baggage. */
function throughRouter(host: string, baggage?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${router!.url}/`,
      { headers: { host, ...(baggage && { baggage }) }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer from the router')));
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  kube = await stackKube();
  await deployEnvironment({ kube, environment: { id: baselineId }, blueprint, config });
  await deployEnvironment({
    kube,
    environment: { id: branchId, baselineId },
    blueprint,
    plan: {
      services: [
        { name: 'web', action: 'reuse', reasons: [] },
        { name: 'api', action: 'deploy', reasons: ['changed'] },
      ],
      summary: { deploy: 1, fork: 0, reuse: 1, removed: [] },
    },
    config,
  });
});

afterAll(async () => {
  await router?.close();
  await source?.stop();
  for (const id of [branchId, baselineId]) await teardownEnvironment({ kube, environmentId: id, config });
});

describe('the router reads the routing tables deploy renders, from the cluster', () => {
  it('routes a branch request to the branch copy and the rest to the baseline', async () => {
    const problems: unknown[] = [];
    source = await kubernetesTableSource({ kube, onProblem: (p) => problems.push(p) });
    const tables = selectTables({ baselineId, tables: source.current() });
    expect(problems).toEqual([]);
    expect(pickRoute({ tables, service: 'api', port: 8080, environment: branchId })).toEqual({
      host: `api.msx-${branchId}.svc.cluster.local`,
      port: 8080,
      environment: branchId,
    });
    expect(pickRoute({ tables, service: 'web', port: 8080, environment: branchId })?.host).toBe(
      `web.msx-${baselineId}.svc.cluster.local`,
    );
    expect(pickRoute({ tables, service: 'api', port: 8080 })?.environment).toBe(baselineId);
  });

  it('serves every baseline from one router: the namespaced Host names the baseline, baggage the branch', async () => {
    router = await startRouter({ kube, log: pino({ level: 'silent' }), host: '127.0.0.1', port: 0 });
    // Cluster DNS names do not resolve on this host, so the 502 names the copy the router chose.
    const toBranch = await throughRouter(`api.msx-${baselineId}:8080`, `microstax-env=${branchId}`);
    expect(toBranch.status).toBe(502);
    expect(toBranch.body).toContain(`upstream api.msx-${branchId}.svc.cluster.local:8080 (${branchId})`);
    const toBaseline = await throughRouter(`api.msx-${baselineId}.svc.cluster.local:8080`);
    expect(toBaseline.body).toContain(
      `upstream api.msx-${baselineId}.svc.cluster.local:8080 (${baselineId})`,
    );
    // A bare service name names no baseline: refused, never sent to some other environment.
    const bare = await throughRouter('api:8080', `microstax-env=${branchId}`);
    expect(bare.status).toBe(502);
    expect(bare.body).toContain('no route for service "api"');
  });

  it('drops a branch’s routes when the branch is torn down', async () => {
    await teardownEnvironment({ kube, environmentId: branchId, config });
    // The watch delivers the deletion shortly after the namespace is gone.
    const deadline = Date.now() + 10_000;
    let route = pickRoute({
      tables: selectTables({ baselineId, tables: source!.current() }),
      service: 'api',
      port: 8080,
      environment: branchId,
    });
    while (route?.environment === branchId && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      route = pickRoute({
        tables: selectTables({ baselineId, tables: source!.current() }),
        service: 'api',
        port: 8080,
        environment: branchId,
      });
    }
    expect(route?.environment).toBe(baselineId);
  });
});
