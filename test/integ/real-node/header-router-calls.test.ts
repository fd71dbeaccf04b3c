import type { KubernetesObject, V1Deployment, V1Service } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import type { DeployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import { DeployConfigurationError } from '../../../deploy/errors.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import { NODE_TIER_KEY, REAL_NODE_TIER } from '../../../local/stack/node/layout.js';
import manifest from '../../../package.json' with { type: 'json' };
import { planBranch } from '../../../planner/branching/plan-branch.js';
import { until } from '../../support/until.js';
import { publishMicrostaxImage } from '../charts/support/in-cluster-install.js';
import { stackKube, uniqueId } from '../deploy/helpers.js';
import { firstOk, httpAt, realNodeConfig, resolvedBlueprint } from './support.js';

/**
 * Header routing past the entry service, on the real node: a `routing: header` baseline whose
 * front calls back, a branch that changes only back, and the in-cluster router (MicroStax's image,
 * `microstax router`, as the chart runs it). The baseline's front reaches the branch's back when the
 * request carries the branch's baggage, else its own.
 */

const suffix = uniqueId('hrc');
const routerNamespace = `router-${suffix}`;
const routerName = 'microstax-router';
const baseId = uniqueId('hrc-base');
const branchId = uniqueId('hrc-branch');
const created: string[] = [];
let kube: KubeClient;
let config: DeployConfig;
let frontUrl: string;

/** Two hello services: front answers with back's answer nested (hello:2 calls UPSTREAM_URL, passing baggage on). */
async function shop(backVersion: string): Promise<ResolvedBlueprint> {
  const source = `name: shop
routing: header
services:
- name: front
  image: ghcr.io/microstax/hello:2
  expose: 8080
  access: public
  env:
    SERVICE_NAME: front
    UPSTREAM_URL: http://back:8080
- name: back
  image: ghcr.io/microstax/hello:2
  env:
    SERVICE_NAME: back
    SERVICE_VERSION: "${backVersion}"
`;
  return resolvedBlueprint({ source, fileName: 'shop.yaml' });
}

/** The chart's router, reduced to what this test needs: one replica on the real node, read-only RBAC. */
function routerObjects(): KubernetesObject[] {
  const labels = { 'app.kubernetes.io/name': 'microstax', 'app.kubernetes.io/component': 'router' };
  const clusterName = `${routerNamespace}-router`;
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: routerNamespace } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: routerName, namespace: routerNamespace } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: clusterName },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list', 'watch'] }],
    } as KubernetesObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: clusterName },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
      subjects: [{ kind: 'ServiceAccount', name: routerName, namespace: routerNamespace }],
    } as KubernetesObject,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: routerName, namespace: routerNamespace, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: routerName,
            nodeSelector: { [NODE_TIER_KEY]: REAL_NODE_TIER },
            tolerations: [
              { key: NODE_TIER_KEY, operator: 'Equal', value: REAL_NODE_TIER, effect: 'NoSchedule' },
            ],
            containers: [
              {
                name: 'router',
                image: `ghcr.io/microstax/microstax:${manifest.version}`,
                // The tag stays the version while the code changes: never a copy the node kept.
                imagePullPolicy: 'Always',
                args: ['router', '--host', '0.0.0.0', '--port', '8080'],
                ports: [{ name: 'http', containerPort: 8080 }],
                readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 1 },
                resources: { requests: { cpu: '20m', memory: '96Mi' }, limits: { memory: '256Mi' } },
                securityContext: { runAsNonRoot: true, runAsUser: 65532, allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    } as V1Deployment,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: routerName, namespace: routerNamespace },
      spec: { selector: labels, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] },
    } as V1Service,
  ];
}

beforeAll(async () => {
  kube = await stackKube();
  ({ config } = await realNodeConfig());
  config = { ...config, headerRouter: `${routerNamespace}/${routerName}` };
  // The image the chart runs, from this checkout (cached; the install test publishes the same one).
  await publishMicrostaxImage();
  for (const object of routerObjects()) await kube.apply(object);
  await until(
    'the router is ready',
    () =>
      kube.readOrNull<V1Deployment>({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: routerNamespace,
        name: routerName,
      }),
    (d) => (d?.status?.readyReplicas ?? 0) >= 1,
    { timeoutMs: 120_000, everyMs: 250 },
  );
  const baseline = await shop('1');
  created.push(baseId);
  const base = await deployEnvironment({ kube, environment: { id: baseId }, blueprint: baseline, config });
  frontUrl = base.urls.front![0]!;
  const branch = await shop('2');
  created.push(branchId);
  await deployEnvironment({
    kube,
    environment: { id: branchId },
    blueprint: branch,
    plan: planBranch({ baseline, branch }),
    baseline: { environmentId: baseId },
    config,
  });
  // A cold image build (a fresh checkout) takes minutes; afterwards it is cached.
}, 900_000);

afterAll(async () => {
  await Promise.all(created.map((id) => teardownEnvironment({ kube, environmentId: id, config })));
  const clusterName = `${routerNamespace}-router`;
  await kube.delete({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: clusterName,
  });
  await kube.delete({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: clusterName });
  await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: routerNamespace });
}, 300_000);

describe('calls inside a header-routed baseline', () => {
  it("reach the branch's copy of the called service only for requests with the branch's baggage", async () => {
    const plain = (await firstOk(`${frontUrl}/orders`)).json();
    expect(plain).toMatchObject({
      service: 'front',
      upstream: { status: 200, body: { service: 'back', version: '1', path: '/orders' } },
    });

    const routed = await httpAt(`${frontUrl}/orders`, { headers: { baggage: `microstax-env=${branchId}` } });
    expect(routed.status).toBe(200);
    expect(routed.json()).toMatchObject({
      service: 'front',
      upstream: { body: { service: 'back', version: '2' } },
    });

    const other = await httpAt(`${frontUrl}/orders`, { headers: { baggage: 'microstax-env=someone-else' } });
    expect(other.json().upstream.body.version).toBe('1');
  }, 60_000);

  it('a router setting that names no Service fails the deploy before anything is applied', async () => {
    const id = uniqueId('hrc-bad');
    const attempt = deployEnvironment({
      kube,
      environment: { id },
      blueprint: await shop('1'),
      config: { ...config, headerRouter: `${routerNamespace}/no-such-router` },
    });
    await expect(attempt).rejects.toThrow(DeployConfigurationError);
    await expect(attempt).rejects.toThrow(/MICROSTAX_HEADER_ROUTER.*no-such-router/);
    expect(await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: `msx-${id}` })).toBeNull();
  });
});
