import type { KubernetesObject, V1Container, V1Deployment, V1LimitRange } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUESTS } from '../../../blueprints/default-requests.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import { branchDemands, serviceRequests } from '../../../planner/placement/demand.js';
import { blueprintAmounts } from '../../../planner/policy/amounts.js';
import { cpuMillicores, memoryBytes } from '../../../planner/quantity.js';
import { service } from './fixtures.js';

/** Three services: no resources, limits only, explicit requests. */
const blueprint: ResolvedBlueprint = {
  name: 'requests',
  routing: 'dns',
  services: [
    service({ name: 'bare', replicas: 2 }),
    service({ name: 'limited', resources: { limits: { cpu: '300m', memory: '256Mi' } } }),
    service({ name: 'sized', resources: { requests: { cpu: '250m', memory: '1Gi' } } }),
  ],
};

/**
 * A container's requests once admitted, as the API server fills them: its own requests, else its
 * limits, else the namespace LimitRange's defaultRequest (per resource).
 */
function admittedRequests(container: V1Container, limitRange: V1LimitRange) {
  const defaults = limitRange.spec!.limits.find((l) => l.type === 'Container')?.defaultRequest ?? {};
  const pick = (name: 'cpu' | 'memory') =>
    container.resources?.requests?.[name] ?? container.resources?.limits?.[name] ?? defaults[name];
  return { cpu: cpuMillicores(pick('cpu')!, 'cpu'), memory: memoryBytes(pick('memory')!, 'memory') };
}

function rendered() {
  const objects: KubernetesObject[] = renderEnvironment({
    environment: { id: 'req-1' },
    blueprint,
    config: deployConfig(),
    volumeProvisioning: 'dynamic',
  }).objects;
  const limitRange = objects.find((o) => o.kind === 'LimitRange') as V1LimitRange;
  const containerOf = (name: string) => {
    const deployment = objects.find(
      (o) => o.kind === 'Deployment' && o.metadata?.name === name,
    ) as V1Deployment;
    return deployment.spec!.template.spec!.containers[0]!;
  };
  return { limitRange, containerOf };
}

describe('default requests: the plan and the rendered pod agree', () => {
  const { limitRange, containerOf } = rendered();

  it('the LimitRange gives containers without requests the shared defaults', () => {
    expect(limitRange.spec!.limits[0]?.defaultRequest).toEqual(DEFAULT_REQUESTS);
    expect(containerOf('bare').resources).toBeUndefined();
  });

  it('the planner counts, for every service, what its admitted pod requests', () => {
    for (const s of blueprint.services) {
      expect(serviceRequests(s), s.name).toEqual(admittedRequests(containerOf(s.name), limitRange));
    }
    expect(serviceRequests(blueprint.services[0]!)).toEqual({ cpu: 50, memory: 64 * 2 ** 20 });
  });

  it('placement places, and policies count, the admitted requests', () => {
    const plan = {
      services: blueprint.services.map((s) => ({ name: s.name, action: 'deploy' as const, reasons: [] })),
      summary: { deploy: 3, fork: 0, reuse: 0, removed: [] },
    };
    for (const demand of branchDemands({ blueprint, plan })) {
      expect({ cpu: demand.cpu, memory: demand.memory }, demand.name).toEqual(
        admittedRequests(containerOf(demand.name), limitRange),
      );
    }
    const admitted = blueprint.services.map((s) => ({
      replicas: s.replicas,
      ...admittedRequests(containerOf(s.name), limitRange),
    }));
    expect(blueprintAmounts(blueprint)).toMatchObject({
      cpu: admitted.reduce((sum, a) => sum + a.replicas * a.cpu, 0),
      memory: admitted.reduce((sum, a) => sum + a.replicas * a.memory, 0),
    });
  });
});
