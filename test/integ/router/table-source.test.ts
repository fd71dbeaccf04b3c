import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { pickRoute, selectTables } from '../../../router/routes.js';
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
