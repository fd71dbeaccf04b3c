import { describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { DEFAULT_VOLUME_SIZE as DEPLOY_DEFAULT_VOLUME_SIZE } from '../../../deploy/manifests/workload.js';
import { blueprintAmounts, DEFAULT_VOLUME_SIZE, NO_AMOUNTS } from '../../../planner/policy/amounts.js';
import { type LayeredPolicy, PolicyDocument } from '../../../planner/policy/document.js';
import { evaluatePolicies, type PolicyRequest } from '../../../planner/policy/evaluate.js';
import { resolvedService } from '../../support/resolved-service.js';

const blueprint = (services: ResolvedBlueprint['services']): ResolvedBlueprint => ({
  name: 'shop',
  routing: 'dns',
  services,
});

const shop = blueprint([
  resolvedService({ name: 'api', resources: { requests: { cpu: '500m', memory: '256Mi' } }, replicas: 2 }),
  resolvedService({ name: 'db', image: 'postgres:16-alpine', volumes: [{ path: '/data', size: '2Gi' }] }),
]);

const layer = (layer: LayeredPolicy['layer'], document: PolicyDocument): LayeredPolicy => ({
  layer,
  version: 1,
  document: PolicyDocument.parse(document),
});

const create = (extra: Partial<PolicyRequest> = {}): PolicyRequest => ({
  action: 'create',
  blueprint: shop,
  ttl: '4h',
  labels: {},
  usage: { teamEnvironments: 0, userEnvironments: 0, team: NO_AMOUNTS },
  ...extra,
});

describe('policy evaluation', () => {
  it('counts what an environment runs: requests x replicas, defaults, volumes; a branch only what it deploys', () => {
    expect(blueprintAmounts(shop)).toEqual({
      cpu: 2 * 500 + 50,
      memory: 2 * 256 * 2 ** 20 + 64 * 2 ** 20,
      storage: 2 * 2 ** 30,
    });
    const plan = {
      services: [
        { name: 'api', action: 'deploy' as const, reasons: [] },
        { name: 'db', action: 'reuse' as const, reasons: [] },
      ],
      summary: { deploy: 1, fork: 0, reuse: 1, removed: [] },
    };
    expect(blueprintAmounts(shop, plan as never)).toEqual({ cpu: 1000, memory: 512 * 2 ** 20, storage: 0 });
    expect(DEFAULT_VOLUME_SIZE).toBe(DEPLOY_DEFAULT_VOLUME_SIZE);
  });

  it('allows a request within every limit, and with no policies at all', () => {
    expect(evaluatePolicies({ policies: [], request: create() })).toMatchObject({
      allowed: true,
      violations: [],
    });
    const roomy = layer('team', {
      environments: { maxPerTeam: 5, maxPerUser: 2 },
      resources: { perEnvironment: { cpu: '2', memory: '1Gi', storage: '5Gi' } },
      ttl: { max: '8h' },
      images: { allowed: ['ghcr.io/acme/*', 'postgres:16*'] },
    });
    expect(evaluatePolicies({ policies: [roomy], request: create() }).violations).toEqual([]);
  });

  it('names the policy, its layer, the value asked for and the limit for each kind of refusal', () => {
    const company = layer('company', {
      environments: { maxPerUser: 1 },
      resources: { perTeam: { memory: '1Gi' } },
      urls: { public: false },
      images: { allowed: ['ghcr.io/acme/*'] },
    });
    const team = layer('team', {
      environments: { maxPerTeam: 3 },
      resources: { perEnvironment: { cpu: '1', storage: '1Gi' } },
      ttl: { max: '2h' },
      labels: { required: ['cost-center'] },
      baselines: { allowed: ['main'] },
    });
    const verdict = evaluatePolicies({
      policies: [company, team],
      request: create({
        blueprint: blueprint([...shop.services.slice(0, 1), { ...shop.services[1]!, access: 'public' }]),
        baseline: { id: 'e0123456789ab', name: 'feature-x' },
        usage: {
          teamEnvironments: 3,
          userEnvironments: 1,
          team: { cpu: 0, memory: 2 ** 30, storage: 0 },
        },
      }),
    });
    expect(verdict.allowed).toBe(false);
    const byPolicy = Object.fromEntries(verdict.violations.map((v) => [`${v.layer}:${v.policy}`, v]));
    expect(Object.keys(byPolicy).sort()).toEqual([
      'company:environments.maxPerUser',
      'company:images.allowed',
      'company:resources.perTeam.memory',
      'company:urls.public',
      'team:baselines.allowed',
      'team:environments.maxPerTeam',
      'team:labels.required',
      'team:resources.perEnvironment.cpu',
      'team:resources.perEnvironment.storage',
      'team:ttl.max',
    ]);
    expect(byPolicy['team:environments.maxPerTeam']).toMatchObject({ requested: '4', limit: '3' });
    expect(byPolicy['company:environments.maxPerUser']).toMatchObject({ requested: '2', limit: '1' });
    expect(byPolicy['team:resources.perEnvironment.cpu']).toMatchObject({ requested: '1050m', limit: '1' });
    expect(byPolicy['team:resources.perEnvironment.storage']).toMatchObject({
      requested: '2Gi',
      limit: '1Gi',
    });
    expect(byPolicy['company:resources.perTeam.memory']).toMatchObject({ requested: '1.56Gi', limit: '1Gi' });
    expect(byPolicy['team:ttl.max']).toMatchObject({ requested: '4h', limit: '2h', field: 'ttl' });
    expect(byPolicy['company:images.allowed']).toMatchObject({
      requested: 'postgres:16-alpine',
      field: 'services.db.image',
    });
    expect(byPolicy['company:urls.public']).toMatchObject({ field: 'services.db.access' });
    expect(byPolicy['team:labels.required']?.message).toBe(
      'team policy labels.required: every environment must carry the labels cost-center; missing: cost-center',
    );
    expect(byPolicy['team:baselines.allowed']).toMatchObject({
      requested: 'feature-x (e0123456789ab)',
      limit: 'main',
    });
  });

  it('fills defaults the request left open, the team over the company, and a missing ttl from the max', () => {
    const company = layer('company', { ttl: { max: '1d' }, idle: { action: 'sleep', after: '2h' } });
    const team = layer('team', { idle: { after: '30m' } });
    const verdict = evaluatePolicies({ policies: [company, team], request: create({ ttl: undefined }) });
    expect(verdict).toMatchObject({
      allowed: true,
      defaults: { ttl: '1d', idleAfter: '30m', idle: 'sleep' },
    });
    const asked = evaluatePolicies({
      policies: [company, team],
      request: create({ ttl: '2h', idleAfter: '1h', idle: 'teardown' }),
    });
    expect(asked.defaults).toEqual({});
  });

  it('caps extend at ttl.max after creation', () => {
    const team = layer('team', { ttl: { max: '8h' } });
    const createdAt = Date.parse('2026-12-06T10:00:00Z');
    const ok = { createdAt, expiresAt: createdAt + 8 * 3_600_000 };
    expect(evaluatePolicies({ policies: [team], request: { action: 'extend', extend: ok } }).allowed).toBe(
      true,
    );
    const late = evaluatePolicies({
      policies: [team],
      request: { action: 'extend', extend: { createdAt, expiresAt: createdAt + 9 * 3_600_000 } },
    });
    expect(late.violations).toMatchObject([
      { policy: 'ttl.max', layer: 'team', requested: '9h after creation', limit: '8h', field: 'by' },
    ]);
    expect(late.violations[0]!.message).toContain('latest expiry 2026-12-06T18:00:00.000Z');
  });

  it('checks an update against the blueprint rules, not the counts or the ttl', () => {
    const team = layer('team', {
      environments: { maxPerTeam: 1 },
      ttl: { max: '1h' },
      urls: { public: false },
    });
    const verdict = evaluatePolicies({
      policies: [team],
      request: {
        action: 'update',
        blueprint: shop,
        usage: { teamEnvironments: 5, userEnvironments: 5, team: NO_AMOUNTS },
      },
    });
    expect(verdict.allowed).toBe(true);
  });

  it('refuses bad policy documents with the failing field', () => {
    const bad = [
      [{ environments: { maxPerTeam: -1 } }, 'environments.maxPerTeam'],
      [{ nope: true }, ''],
      [{ images: { allowed: ['ghcr.io/acme/$(x)'] } }, 'images.allowed.0'],
      [{ resources: { perTeam: { cpu: 'lots' } } }, 'resources.perTeam.cpu'],
      [{ ttl: { default: '9h', max: '1h' } }, 'ttl.default'],
      [{ labels: { required: ['bad key!'] } }, 'labels.required.0'],
    ] as const;
    for (const [document, path] of bad) {
      const parsed = PolicyDocument.safeParse(document);
      expect(parsed.success, JSON.stringify(document)).toBe(false);
      expect(parsed.error!.issues[0]!.path.join('.')).toBe(path);
    }
  });
});
