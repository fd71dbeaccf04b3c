import type {
  KubernetesObject,
  V1Deployment,
  V1Job,
  V1PodSpec,
  V1ResourceQuota,
  V1ServiceAccount,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { deployConfig } from '../../../deploy/config.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import { ROOT_ENTRYPOINT_CAPABILITIES } from '../../../deploy/manifests/security.js';
import { checkoutDev } from './fixtures.js';

const config = deployConfig();

function render(blueprint = checkoutDev(), withConfig = config) {
  return renderEnvironment({
    environment: { id: 'hard-1' },
    blueprint,
    config: withConfig,
    volumeProvisioning: 'dynamic',
  }).objects;
}

function find<T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name?: string): T {
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found as T;
}

/** Every pod spec of the environment: Deployments, StatefulSets and init Jobs. */
function podSpecs(objects: KubernetesObject[]): [string, V1PodSpec][] {
  return objects.flatMap((o): [string, V1PodSpec][] => {
    if (o.kind === 'Deployment' || o.kind === 'StatefulSet' || o.kind === 'Job') {
      const spec = (o as V1Deployment | V1StatefulSet | V1Job).spec!.template.spec!;
      return [[`${o.kind}/${o.metadata?.name}`, spec]];
    }
    return [];
  });
}

describe('pod hardening by default', () => {
  // The seed runs in the db by default; at initSql: job its SQL client is a pod of its own, hardened too.
  const byDefault = render();
  const seedJob = render(checkoutDev(), deployConfig({ initSql: 'job' })).filter((o) => o.kind === 'Job');
  const objects = [...byDefault, ...seedJob];

  it('no pod mounts a service account token, and the namespace default ServiceAccount has none either', () => {
    expect(podSpecs(byDefault).some(([name]) => name.startsWith('Job/'))).toBe(false);
    const specs = podSpecs(objects);
    expect(specs.map(([name]) => name.split('/')[0]).sort()).toEqual([
      'Deployment',
      'Deployment',
      'Job',
      'StatefulSet',
    ]);
    for (const [name, spec] of specs) expect(spec.automountServiceAccountToken, name).toBe(false);
    const account = find<V1ServiceAccount>(objects, 'ServiceAccount', 'default');
    expect(account.metadata?.namespace).toBe('msx-hard-1');
    expect(account.automountServiceAccountToken).toBe(false);
  });

  it('every container: no privilege escalation, all capabilities dropped, seccomp RuntimeDefault', () => {
    for (const [name, spec] of podSpecs(objects)) {
      expect(spec.securityContext?.seccompProfile, name).toEqual({ type: 'RuntimeDefault' });
      for (const container of spec.containers) {
        expect(container.securityContext?.allowPrivilegeEscalation, name).toBe(false);
        expect(container.securityContext?.capabilities?.drop, name).toEqual(['ALL']);
        expect(container.securityContext?.privileged, name).toBeUndefined();
      }
    }
  });

  it("an app image gets no capability back and is not forced non-root (it may run as root); postgres and redis get their entrypoint's", () => {
    const container = (kind: string, name: string) =>
      podSpecs(objects).find(([n]) => n === `${kind}/${name}`)![1].containers[0]!.securityContext!;
    expect(container('Deployment', 'api')).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(container('StatefulSet', 'db').capabilities).toEqual({
      drop: ['ALL'],
      add: ROOT_ENTRYPOINT_CAPABILITIES,
    });
    expect(container('Deployment', 'cache').capabilities).toEqual({
      drop: ['ALL'],
      add: ROOT_ENTRYPOINT_CAPABILITIES,
    });
    // The SQL client of the init Job needs none, although the service it seeds does.
    const job = podSpecs(objects).find(([n]) => n.startsWith('Job/'))![1];
    expect(job.containers[0]!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('counts storage in the ResourceQuota', () => {
    const quota = find<V1ResourceQuota>(objects, 'ResourceQuota');
    expect(quota.spec?.hard).toMatchObject({ 'requests.storage': '100Gi', persistentvolumeclaims: '40' });
    const custom = renderEnvironment({
      environment: { id: 'hard-2' },
      blueprint: checkoutDev(),
      config: deployConfig({ guardRails: { quota: { requestsStorage: '5Gi', persistentVolumeClaims: 3 } } }),
      volumeProvisioning: 'dynamic',
    }).objects;
    expect(find<V1ResourceQuota>(custom, 'ResourceQuota').spec?.hard).toMatchObject({
      'requests.storage': '5Gi',
      persistentvolumeclaims: '3',
    });
  });
});

describe('per-service security in the blueprint', () => {
  const resolve = async (security: string) => {
    const result = await resolveBlueprintSource({
      fileName: 'sec.yaml',
      source: `name: sec\nservices:\n  - name: db\n    image: postgres:16-alpine\n    stateful: true\n    security: ${security}\n`,
    });
    return result;
  };

  it('a non-root user with a volume group: runAsNonRoot, the ids, fsGroup; its own capability list replaces the default', async () => {
    const result = await resolve('{ runAsUser: 70, runAsGroup: 70, fsGroup: 70, capabilities: [] }');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const objects = render(result.blueprint);
    const spec = find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec!.template.spec!;
    expect(spec.securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 70 });
    expect(spec.containers[0]!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      runAsUser: 70,
      runAsGroup: 70,
      runAsNonRoot: true,
    });
  });

  it('runAsNonRoot alone asks the kubelet to refuse a root image', async () => {
    const result = await resolve('{ runAsNonRoot: true, capabilities: [NET_BIND_SERVICE] }');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const container = find<V1StatefulSet>(render(result.blueprint), 'StatefulSet', 'db').spec!.template.spec!
      .containers[0]!;
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      runAsNonRoot: true,
    });
  });

  it.each([
    ['{ capabilities: [SYS_ADMIN] }', 'services.0.security.capabilities.0'],
    ['{ capabilities: [NET_ADMIN] }', 'services.0.security.capabilities.0'],
    ['{ privileged: true }', 'services.0.security.privileged'],
    ['{ runAsUser: -1 }', 'services.0.security.runAsUser'],
    ['{ runAsNonRoot: true, runAsUser: 0 }', 'services.0.security.runAsNonRoot'],
  ])('refuses %s, naming the field', async (security, path) => {
    const result = await resolve(security);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
});
