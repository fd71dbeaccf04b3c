import type {
  KubernetesObject,
  V1LabelSelector,
  V1Namespace,
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { deployConfig } from '../../../deploy/config.js';
import { DeployConfigurationError } from '../../../deploy/errors.js';
import { ANCESTOR_LABEL_PREFIX, ancestorLabelKey, LABELS } from '../../../deploy/labels.js';
import { ancestorLabels, ancestorsFromLabels } from '../../../deploy/lineage.js';
import { EGRESS_POLICY_NAME } from '../../../deploy/manifests/guard-rails.js';
import { type RenderInput, renderEnvironment } from '../../../deploy/manifests/render.js';
import type { BranchPlan } from '../../../planner/types.js';
import { checkoutDev } from './fixtures.js';

const config = deployConfig({ baseDomain: 'dev.acme.test' });

/** Everything reused except api: what a branch that changed only its api deploys. */
const apiOnly: BranchPlan = {
  services: [
    { name: 'api', action: 'deploy', reasons: ['image changed'] },
    { name: 'db', action: 'reuse', reasons: ['unchanged'] },
    { name: 'cache', action: 'reuse', reasons: ['unchanged'] },
  ],
  summary: { deploy: 1, fork: 0, reuse: 2, removed: [] },
};

interface Rendered {
  namespace: V1Namespace;
  policy: V1NetworkPolicy;
  egress: V1NetworkPolicy;
}

function render(input: Partial<RenderInput> & Pick<RenderInput, 'environment'>): Rendered {
  const { objects } = renderEnvironment({
    blueprint: checkoutDev(),
    config,
    volumeProvisioning: 'dynamic',
    plan: input.environment.baselineId ? apiOnly : undefined,
    ...input,
  });
  return {
    namespace: only<V1Namespace>(objects, 'Namespace'),
    policy: only<V1NetworkPolicy>(
      objects.filter((o) => o.metadata?.name !== EGRESS_POLICY_NAME),
      'NetworkPolicy',
    ),
    egress: objects.find((o) => o.metadata?.name === EGRESS_POLICY_NAME) as V1NetworkPolicy,
  };
}

function only<T extends KubernetesObject>(objects: KubernetesObject[], kind: string): T {
  const found = objects.filter((o) => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as T;
}

/** Kubernetes' label selector semantics, for the operators our policies use. */
function selects(selector: V1LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const ok =
      e.operator === 'Exists'
        ? has
        : e.operator === 'DoesNotExist'
          ? !has
          : e.operator === 'In'
            ? has && (e.values ?? []).includes(labels[e.key]!)
            : !has || !(e.values ?? []).includes(labels[e.key]!);
    if (!ok) return false;
  }
  return true;
}

/** Whether `policy` lets pods of namespace `from` in (from another namespace than its own). */
function admits(policy: V1NetworkPolicy, from: V1Namespace): boolean {
  expect(from.metadata?.name).not.toBe(policy.metadata?.namespace);
  const peers: V1NetworkPolicyPeer[] = policy.spec?.ingress?.flatMap((rule) => rule._from ?? []) ?? [];
  return peers.some(
    (peer) =>
      peer.namespaceSelector !== undefined &&
      peer.podSelector === undefined &&
      selects(peer.namespaceSelector, from.metadata?.labels ?? {}),
  );
}

describe('a family of environments: root R, branches B1 and B1x of R, B2 of B1', () => {
  const r = render({ environment: { id: 'r' } });
  const b1 = render({ environment: { id: 'b1', baselineId: 'r' }, ancestors: ['r'] });
  const b1x = render({ environment: { id: 'b1x', baselineId: 'r' }, ancestors: ['r'] });
  const b2 = render({ environment: { id: 'b2', baselineId: 'b1' }, ancestors: ['r', 'b1'] });
  const family = { r, b1, b1x, b2 };
  const outsider: V1Namespace = { metadata: { name: 'ingress-nginx', labels: { team: 'platform' } } };
  const otherRoot = render({ environment: { id: 'other' } });

  it('labels each namespace once per ancestor, valued by generations up; a root has none', () => {
    const ancestorsOf = (e: Rendered) =>
      Object.fromEntries(
        Object.entries(e.namespace.metadata!.labels!).filter(([k]) => k.startsWith(ANCESTOR_LABEL_PREFIX)),
      );
    expect(ancestorsOf(r)).toEqual({});
    expect(ancestorsOf(b1)).toEqual({ 'ancestor.microstax.dev/r': '1' });
    expect(ancestorsOf(b1x)).toEqual({ 'ancestor.microstax.dev/r': '1' });
    expect(ancestorsOf(b2)).toEqual({ 'ancestor.microstax.dev/r': '2', 'ancestor.microstax.dev/b1': '1' });
    // The baseline label stays: others select on it.
    expect(b2.namespace.metadata?.labels?.[LABELS.baseline]).toBe('b1');
    expect(r.namespace.metadata?.labels?.[LABELS.baseline]).toBeUndefined();
  });

  it('each environment admits all its descendants and non-environment namespaces', () => {
    expect(admits(r.policy, b1.namespace)).toBe(true);
    expect(admits(r.policy, b1x.namespace)).toBe(true);
    // The point: B2 reuses db through B1's ExternalName, which lands on R's pods.
    expect(admits(r.policy, b2.namespace)).toBe(true);
    expect(admits(b1.policy, b2.namespace)).toBe(true);
    for (const e of Object.values(family)) expect(admits(e.policy, outsider)).toBe(true);
  });

  it('nothing else gets in: not siblings, not ancestors (dns routing), not other families', () => {
    const denied: [keyof typeof family, keyof typeof family][] = [
      ['b1', 'b1x'],
      ['b1x', 'b1'],
      ['b1x', 'b2'],
      ['b2', 'b1x'],
      ['b1', 'r'],
      ['b2', 'r'],
      ['b2', 'b1'],
    ];
    for (const [to, from] of denied) {
      expect({ to, from, admitted: admits(family[to].policy, family[from].namespace) }).toMatchObject({
        admitted: false,
      });
    }
    for (const e of Object.values(family)) {
      expect(admits(e.policy, otherRoot.namespace)).toBe(false);
      expect(admits(otherRoot.policy, e.namespace)).toBe(false);
    }
  });

  /** Whether `policy` lets a pod of service `service` in namespace `to` be reached (another namespace). */
  const reaches = (policy: V1NetworkPolicy, to: V1Namespace, service: string) =>
    (policy.spec?.egress ?? []).some((rule) =>
      (rule.to ?? []).some(
        (peer) =>
          peer.namespaceSelector !== undefined &&
          selects(peer.namespaceSelector, to.metadata?.labels ?? {}) &&
          (peer.podSelector === undefined || selects(peer.podSelector, { [LABELS.service]: service })),
      ),
    );

  it('egress: DNS and its own namespace; a branch reaches the services it reuses in its ancestors, nothing else', () => {
    for (const e of Object.values(family)) {
      expect(e.egress.spec?.policyTypes).toEqual(['Egress']);
      expect(e.egress.spec?.podSelector).toEqual({});
      expect(e.egress.spec?.egress?.[0]).toEqual({
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      });
      expect(e.egress.spec?.egress?.[1]).toEqual({ to: [{ podSelector: {} }] });
    }
    // b2 reuses db and cache: through b1's ExternalName Services they resolve to r's pods.
    for (const service of ['db', 'cache']) {
      expect(reaches(b2.egress, r.namespace, service)).toBe(true);
      expect(reaches(b2.egress, b1.namespace, service)).toBe(true);
    }
    expect(reaches(b2.egress, r.namespace, 'api')).toBe(false);
    expect(reaches(b2.egress, b1x.namespace, 'db')).toBe(false);
    expect(reaches(b2.egress, otherRoot.namespace, 'db')).toBe(false);
    expect(reaches(b2.egress, outsider, 'db')).toBe(false);
    // A root reaches no other namespace at all (dns routing).
    for (const to of [b1, b1x, b2, otherRoot]) expect(reaches(r.egress, to.namespace, 'api')).toBe(false);
  });

  it('selects descendants with one Exists peer on its own ancestor key, and keeps the baseline peer', () => {
    const peers = b1.policy.spec!.ingress![0]!._from!;
    expect(peers).toContainEqual({
      namespaceSelector: { matchExpressions: [{ key: 'ancestor.microstax.dev/b1', operator: 'Exists' }] },
    });
    expect(peers).toContainEqual({ namespaceSelector: { matchLabels: { [LABELS.baseline]: 'b1' } } });
  });

  it('still admits a direct branch deployed before ancestor labels (baseline label only)', () => {
    const legacy: V1Namespace = {
      metadata: { name: 'msx-old', labels: { [LABELS.environment]: 'old', [LABELS.baseline]: 'r' } },
    };
    expect(admits(r.policy, legacy)).toBe(true);
    expect(admits(b1.policy, legacy)).toBe(false);
  });
});

describe('header routing in a family', () => {
  const header = checkoutDev({ routing: 'header' });
  const r = render({ environment: { id: 'r' }, blueprint: header });
  const b1 = render({ environment: { id: 'b1', baselineId: 'r' }, ancestors: ['r'], blueprint: header });
  const b1x = render({ environment: { id: 'b1x', baselineId: 'r' }, ancestors: ['r'], blueprint: header });
  const b2 = render({
    environment: { id: 'b2', baselineId: 'b1' },
    ancestors: ['r', 'b1'],
    blueprint: header,
  });

  it("a branch also admits its baseline, whose router forwards to the branch's copies", () => {
    expect(admits(b1.policy, r.namespace)).toBe(true);
    expect(admits(b2.policy, b1.namespace)).toBe(true);
    expect(admits(r.policy, b2.namespace)).toBe(true);
  });

  it('but not ancestors further up (a router only routes to its direct branches), nor siblings', () => {
    expect(admits(b2.policy, r.namespace)).toBe(false);
    expect(admits(b1.policy, b1x.namespace)).toBe(false);
    expect(admits(b1x.policy, b1.namespace)).toBe(false);
    expect(admits(r.policy, { metadata: { name: 'msx-x', labels: { [LABELS.environment]: 'x' } } })).toBe(
      false,
    );
  });
});

describe('lineage labels', () => {
  it('round-trip: the labels a branch gets name its ancestors in order', () => {
    const ancestors = ['root', 'mid', 'parent'];
    const labels = { [LABELS.environment]: 'child', other: 'x', ...ancestorLabels(ancestors) };
    expect(ancestorsFromLabels({ labels, namespace: 'msx-child' })).toEqual(ancestors);
    expect(ancestorsFromLabels({ labels: undefined, namespace: 'msx-root' })).toEqual([]);
  });

  it('refuses labels it cannot read, naming the namespace and the label', () => {
    const read = (labels: Record<string, string>) => () =>
      ancestorsFromLabels({ labels, namespace: 'msx-b' });
    expect(read({ [ancestorLabelKey('r')]: 'yes' })).toThrow(/msx-b label ancestor\.microstax\.dev\/r=yes/);
    expect(read({ [ancestorLabelKey('r')]: '1', [ancestorLabelKey('s')]: '1' })).toThrow(/generation 1/);
    expect(read({ [ancestorLabelKey('r')]: '2' })).toThrow(/no ancestor label for generation 1/);
    expect(read({ [`${ANCESTOR_LABEL_PREFIX}Bad_Id`]: '1' })).toThrow(DeployConfigurationError);
  });

  it('an id of the longest allowed length (63) makes a valid label key', () => {
    const long = `e${'a'.repeat(62)}`;
    const b = render({ environment: { id: 'b', baselineId: long }, ancestors: [long] });
    const key = Object.keys(b.namespace.metadata!.labels!).find((k) => k.startsWith(ANCESTOR_LABEL_PREFIX))!;
    const [prefix, name] = key.split('/');
    expect(prefix!.length).toBeLessThanOrEqual(253);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$/);
    // The namespace name is hashed to fit, the label keeps the whole id.
    expect(render({ environment: { id: long } }).namespace.metadata?.name?.length).toBeLessThanOrEqual(63);
  });

  it('refuses ids too long to be label values, and lineages that do not add up', () => {
    const tooLong = `e${'a'.repeat(63)}`;
    const refuse = (input: Partial<RenderInput> & Pick<RenderInput, 'environment'>, message: RegExp) => {
      expect(() => render(input)).toThrow(DeployConfigurationError);
      expect(() => render(input)).toThrow(message);
    };
    refuse({ environment: { id: tooLong } }, /environment\.id: .* 64 characters long/);
    refuse({ environment: { id: 'b', baselineId: tooLong } }, /ancestors\[0\]: .* 64 characters/);
    refuse(
      { environment: { id: 'b2', baselineId: 'b1' }, ancestors: ['b1', 'r'] },
      /must end with the baseline "b1"/,
    );
    refuse({ environment: { id: 'b2', baselineId: 'b1' }, ancestors: ['b2', 'b1'] }, /"b2" appears twice/);
    refuse(
      { environment: { id: 'b2', baselineId: 'b1' }, ancestors: ['r', 'b1', 'r', 'b1'] },
      /appears twice/,
    );
    refuse({ environment: { id: 'r' }, ancestors: ['x'] }, /without a baseline has no ancestors/);
  });

  it('without ancestors given, a branch names just its baseline (renders that cannot read the cluster)', () => {
    const b2 = render({ environment: { id: 'b2', baselineId: 'b1' } });
    expect(ancestorsFromLabels({ labels: b2.namespace.metadata?.labels, namespace: 'msx-b2' })).toEqual([
      'b1',
    ]);
  });
});
