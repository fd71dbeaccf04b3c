import type { KubernetesObject, V1Deployment, V1NetworkPolicy } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import type { HeaderRouterTarget } from '../../../deploy/manifests/header-router.js';
import { type RenderInput, renderEnvironment } from '../../../deploy/manifests/render.js';
import type { BranchPlan } from '../../../planner/types.js';
import { service } from './fixtures.js';

const router: HeaderRouterTarget = {
  namespace: 'microstax',
  address: '10.96.0.42',
  ports: [80, 8080],
  podSelector: { 'app.kubernetes.io/component': 'router' },
};

function shop(routing: ResolvedBlueprint['routing']): ResolvedBlueprint {
  return {
    name: 'shop',
    routing,
    services: [
      service({
        name: 'front',
        env: [
          { name: 'BACK_URL', kind: 'plain', value: 'http://back:8080/v1?x=1' },
          { name: 'BACK_ADMIN', kind: 'plain', value: 'http://back:9090' },
          { name: 'WEB_URL', kind: 'plain', value: 'http://web' },
          { name: 'DATABASE_URL', kind: 'plain', value: 'postgres://u@db:5432/shop' },
          { name: 'PARTNER', kind: 'plain', value: 'http://backend.example.com:8080' },
        ],
      }),
      service({ name: 'back' }),
      service({ name: 'web', ports: [80] }),
      service({ name: 'db', image: 'postgres:16-alpine', ports: [5432], isDataService: true }),
    ],
  };
}

function render(overrides: Partial<RenderInput>) {
  return renderEnvironment({
    environment: { id: 'main' },
    blueprint: shop('header'),
    config: deployConfig(),
    volumeProvisioning: 'dynamic',
    router,
    ...overrides,
  });
}

function find<T>(objects: KubernetesObject[], kind: string, name: string): T {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name) as T;
}

const envOf = (objects: KubernetesObject[]) =>
  Object.fromEntries(
    find<V1Deployment>(objects, 'Deployment', 'front').spec!.template.spec!.containers[0]!.env!.map((e) => [
      e.name,
      e.value,
    ]),
  );

describe('calls between the services of a header-routed baseline', () => {
  it('go to the router by namespaced name: URLs of its own HTTP services on ports the router serves', () => {
    const { objects } = render({});
    expect(envOf(objects)).toEqual({
      BACK_URL: 'http://back.msx-main:8080/v1?x=1',
      // Not a port of back's Service: unchanged, it would fail either way.
      BACK_ADMIN: 'http://back:9090',
      WEB_URL: 'http://web.msx-main',
      DATABASE_URL: 'postgres://u@db:5432/shop',
      PARTNER: 'http://backend.example.com:8080',
    });
    const pod = find<V1Deployment>(objects, 'Deployment', 'front').spec!.template.spec!;
    expect(pod.hostAliases).toEqual([
      {
        ip: '10.96.0.42',
        // Only the names the pods' URLs call: a database's namespaced name stays the Service's.
        hostnames: ['back.msx-main', 'web.msx-main'],
      },
    ]);
    const egress = find<V1NetworkPolicy>(objects, 'NetworkPolicy', 'microstax-egress').spec!.egress!;
    expect(egress).toContainEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'microstax' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/component': 'router' } },
        },
      ],
    });
  });

  it('keep a port the router does not serve direct', () => {
    const { objects } = render({ router: { ...router, ports: [80] } });
    expect(envOf(objects).BACK_URL).toBe('http://back:8080/v1?x=1');
  });

  it('stay direct for dns blueprints, for branches and without a router', () => {
    // A branch that changes front and back: its front calls its own back, by the plain name.
    const plan: BranchPlan = {
      services: [
        { name: 'front', action: 'deploy', reasons: [] },
        { name: 'back', action: 'deploy', reasons: [] },
        { name: 'web', action: 'reuse', reasons: [] },
        { name: 'db', action: 'reuse', reasons: [] },
      ],
      summary: { deploy: 2, fork: 0, reuse: 2, removed: [] },
    };
    for (const objects of [
      render({ blueprint: shop('dns') }).objects,
      render({ router: undefined }).objects,
      render({ environment: { id: 'pr-1', baselineId: 'main' }, plan }).objects,
    ]) {
      expect(envOf(objects).BACK_URL).toBe('http://back:8080/v1?x=1');
      for (const o of objects.filter((o) => o.kind === 'Deployment')) {
        expect((o as V1Deployment).spec!.template.spec!.hostAliases).toBeUndefined();
      }
      const egress = find<V1NetworkPolicy>(objects, 'NetworkPolicy', 'microstax-egress').spec!.egress!;
      expect(JSON.stringify(egress)).not.toContain('kubernetes.io/metadata.name');
    }
  });
});
