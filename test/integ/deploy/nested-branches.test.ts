import { fileURLToPath } from 'node:url';
import type { V1LabelSelector, V1Namespace, V1NetworkPolicy, V1Service } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBlueprintFile } from '../../../blueprints/resolve.js';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { deployEnvironment } from '../../../deploy/deploy-environment.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { ANCESTOR_LABEL_PREFIX, LABELS, MANAGED_BY } from '../../../deploy/labels.js';
import { NETWORK_POLICY_NAME } from '../../../deploy/manifests/guard-rails.js';
import { teardownEnvironment } from '../../../deploy/teardown.js';
import type { BranchPlan } from '../../../planner/types.js';
import { stackKube, uniqueId } from './helpers.js';

/**
 * Branches of branches on the local cluster: root R <- B1 <- B2, and B1x, a sibling of B1. The local
 * cluster does not enforce NetworkPolicy, so the test checks what enforcement would act on: the
 * labels of the real namespaces and the policies applied, with the API server itself evaluating each
 * policy's namespace selectors (a list of namespaces by the same selector).
 */

const EXAMPLE = fileURLToPath(
  new URL('../../../blueprints/examples/checkout-dev/checkout-dev.yaml', import.meta.url),
);
const config = deployConfig({ baseDomain: 'test.microstax.localhost' });

const ids = {
  r: uniqueId('it-r'),
  b1: uniqueId('it-b1'),
  b1x: uniqueId('it-b1x'),
  b2: uniqueId('it-b2'),
};
type Member = keyof typeof ids;
const created: string[] = [];

function plan(actions: Record<'api' | 'db' | 'cache', 'deploy' | 'reuse'>): BranchPlan {
  const services = Object.entries(actions).map(([name, action]) => ({ name, action, reasons: ['test'] }));
  const count = (a: string) => services.filter((s) => s.action === a).length;
  return { services, summary: { deploy: count('deploy'), fork: 0, reuse: count('reuse'), removed: [] } };
}

let kube: KubeClient;
let blueprint: ResolvedBlueprint;

/** The selector as `kubectl -l` writes it, so the API server does the matching. */
function selectorString(selector: V1LabelSelector): string {
  const terms = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
    else terms.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return terms.join(',');
}

/** Which of the family's namespaces the member's live NetworkPolicy lets in (its own excluded). */
async function admittedFamily(member: Member): Promise<Member[]> {
  const policy = await kube.read<V1NetworkPolicy>({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    name: NETWORK_POLICY_NAME,
    namespace: `msx-${ids[member]}`,
  });
  expect(policy.spec?.policyTypes).toEqual(['Ingress']);
  expect(policy.spec?.podSelector).toEqual({});
  const admitted = new Set<string>();
  for (const peer of policy.spec?.ingress?.flatMap((rule) => rule._from ?? []) ?? []) {
    if (!peer.namespaceSelector || peer.podSelector) continue;
    const list = await kube.list<V1Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      labelSelector: selectorString(peer.namespaceSelector),
    });
    for (const ns of list.items) admitted.add(ns.metadata!.name!);
  }
  return (Object.keys(ids) as Member[]).filter((m) => m !== member && admitted.has(`msx-${ids[m]}`));
}

async function ancestorLabelsOf(environmentId: string): Promise<Record<string, string>> {
  const ns = await kube.read<V1Namespace>({
    apiVersion: 'v1',
    kind: 'Namespace',
    name: `msx-${environmentId}`,
  });
  return Object.fromEntries(
    Object.entries(ns.metadata?.labels ?? {}).filter(([k]) => k.startsWith(ANCESTOR_LABEL_PREFIX)),
  );
}

async function externalName(service: string, environmentId: string): Promise<string | undefined> {
  const svc = await kube.read<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    name: service,
    namespace: `msx-${environmentId}`,
  });
  return svc.spec?.type === 'ExternalName' ? svc.spec.externalName : undefined;
}

beforeAll(async () => {
  kube = await stackKube();
  const resolved = await resolveBlueprintFile({ file: EXAMPLE });
  if (!resolved.ok) throw new Error(`checkout-dev does not resolve: ${JSON.stringify(resolved.problems)}`);
  blueprint = resolved.blueprint;
});

afterAll(async () => {
  for (const id of created.reverse())
    await teardownEnvironment({ kube, environmentId: id, config }).catch(() => {});
});

describe('root <- branch <- branch of branch, and a sibling branch', () => {
  it('deploys the family through deployEnvironment', async () => {
    created.push(ids.r);
    await deployEnvironment({ kube, environment: { id: ids.r }, blueprint, config });
    const apiOnly = plan({ api: 'deploy', db: 'reuse', cache: 'reuse' });
    for (const branch of [ids.b1, ids.b1x]) {
      created.push(branch);
      await deployEnvironment({
        kube,
        environment: { id: branch },
        baseline: { environmentId: ids.r },
        blueprint,
        plan: apiOnly,
        config,
      });
    }
    created.push(ids.b2);
    const result = await deployEnvironment({
      kube,
      environment: { id: ids.b2 },
      baseline: { environmentId: ids.b1 },
      blueprint,
      plan: plan({ api: 'reuse', db: 'reuse', cache: 'deploy' }),
      config,
    });
    expect(result.services.map((s) => [s.service, s.phase])).toEqual([['cache', 'ready']]);
  });

  it("labels each real namespace with its ancestors; B2's reused db lands on R's pods", async () => {
    expect(await ancestorLabelsOf(ids.r)).toEqual({});
    expect(await ancestorLabelsOf(ids.b1)).toEqual({ [`${ANCESTOR_LABEL_PREFIX}${ids.r}`]: '1' });
    expect(await ancestorLabelsOf(ids.b1x)).toEqual({ [`${ANCESTOR_LABEL_PREFIX}${ids.r}`]: '1' });
    expect(await ancestorLabelsOf(ids.b2)).toEqual({
      [`${ANCESTOR_LABEL_PREFIX}${ids.r}`]: '2',
      [`${ANCESTOR_LABEL_PREFIX}${ids.b1}`]: '1',
    });
    const b2 = await kube.read<V1Namespace>({ apiVersion: 'v1', kind: 'Namespace', name: `msx-${ids.b2}` });
    expect(b2.metadata?.labels?.[LABELS.baseline]).toBe(ids.b1);
    // The chain a connection from B2 follows: B2's db -> B1's db -> R's ClusterIP Service.
    expect(await externalName('db', ids.b2)).toBe(`db.msx-${ids.b1}.svc.cluster.local`);
    expect(await externalName('db', ids.b1)).toBe(`db.msx-${ids.r}.svc.cluster.local`);
    expect(await externalName('db', ids.r)).toBeUndefined();
    expect(await externalName('api', ids.b2)).toBe(`api.msx-${ids.b1}.svc.cluster.local`);
  });

  it('each live policy admits exactly the descendants: R all three, B1 only B2, the leaves none', async () => {
    expect(await admittedFamily('r')).toEqual(['b1', 'b1x', 'b2']);
    expect(await admittedFamily('b1')).toEqual(['b2']);
    expect(await admittedFamily('b1x')).toEqual([]);
    expect(await admittedFamily('b2')).toEqual([]);
  });

  it('re-deploying the branch of a branch changes neither its namespace nor its policy', async () => {
    const versions = async () => {
      const ns = await kube.read({ apiVersion: 'v1', kind: 'Namespace', name: `msx-${ids.b2}` });
      const np = await kube.read({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        name: NETWORK_POLICY_NAME,
        namespace: `msx-${ids.b2}`,
      });
      return [ns.metadata?.resourceVersion, np.metadata?.resourceVersion];
    };
    const before = await versions();
    await deployEnvironment({
      kube,
      environment: { id: ids.b2, baselineId: ids.b1 },
      blueprint,
      plan: plan({ api: 'reuse', db: 'reuse', cache: 'deploy' }),
      config,
    });
    expect(await versions()).toEqual(before);
  });
});

describe('a baseline deployed before ancestor labels', () => {
  it("follows the baseline labels up, so the new branch is admitted by its grandparent's policy", async () => {
    // A branch of R as an older deploy made it: the baseline label, no ancestor labels.
    const legacy = uniqueId('it-old');
    created.push(legacy);
    await kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: `msx-${legacy}`,
        labels: {
          [LABELS.managedBy]: MANAGED_BY,
          [LABELS.environment]: legacy,
          [LABELS.baseline]: ids.r,
        },
      },
    });
    const child = uniqueId('it-new');
    created.push(child);
    await deployEnvironment({
      kube,
      environment: { id: child },
      baseline: { environmentId: legacy },
      blueprint,
      plan: plan({ api: 'deploy', db: 'reuse', cache: 'reuse' }),
      config,
    });
    expect(await ancestorLabelsOf(child)).toEqual({
      [`${ANCESTOR_LABEL_PREFIX}${ids.r}`]: '2',
      [`${ANCESTOR_LABEL_PREFIX}${legacy}`]: '1',
    });
    const admittedByRoot = await kube.list<V1Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      labelSelector: `${ANCESTOR_LABEL_PREFIX}${ids.r}`,
    });
    expect(admittedByRoot.items.map((n) => n.metadata?.name)).toContain(`msx-${child}`);
  });

  it('refuses a baseline namespace whose ancestor labels do not add up, naming the label', async () => {
    const broken = uniqueId('it-bad');
    created.push(broken);
    await kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: `msx-${broken}`,
        labels: {
          [LABELS.managedBy]: MANAGED_BY,
          [LABELS.environment]: broken,
          [`${ANCESTOR_LABEL_PREFIX}${ids.r}`]: 'parent',
        },
      },
    });
    const child = uniqueId('it-orphan');
    await expect(
      deployEnvironment({
        kube,
        environment: { id: child },
        baseline: { environmentId: broken },
        blueprint,
        plan: plan({ api: 'deploy', db: 'reuse', cache: 'reuse' }),
        config,
      }),
    ).rejects.toMatchObject({
      type: 'deploy-configuration',
      message: expect.stringContaining(`msx-${broken} label ${ANCESTOR_LABEL_PREFIX}${ids.r}=parent`),
    });
    // Refused before anything was applied.
    expect(await kube.readOrNull({ apiVersion: 'v1', kind: 'Namespace', name: `msx-${child}` })).toBeNull();
  });
});
