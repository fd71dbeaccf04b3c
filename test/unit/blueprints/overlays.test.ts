import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../blueprints/overlay.js';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';

const BASE = `name: shop
services:
  - name: api
    image: ghcr.io/acme/api:1.0
    replicas: 2
    env:
      LOG_LEVEL: info
      DEBUG: "false"
    resources:
      requests: { cpu: 100m, memory: 128Mi }
  - name: worker
    image: ghcr.io/acme/worker:1.0
    args: [--queue, default]
`;

const overlay = (fileName: string, source: string) => ({ fileName, source });

async function resolveWith(opts: {
  overlays: { fileName: string; source: string }[];
  context?: Record<string, string>;
}) {
  const result = await resolveBlueprintSource({ source: BASE, fileName: 'shop.yaml', ...opts });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return result;
}

describe('overlays', () => {
  it('merge company, team, user in that order whatever the order given, later layers winning', async () => {
    const user = overlay(
      'user.yaml',
      'layer: user\nservices:\n  - name: api\n    env: { LOG_LEVEL: trace }\n',
    );
    const team = overlay(
      'team.yaml',
      'layer: team\nservices:\n  - name: api\n    env: { LOG_LEVEL: debug }\n',
    );
    const company = overlay(
      'company.yaml',
      'layer: company\nttl: 24h\nservices:\n  - name: api\n    env: { LOG_LEVEL: warn }\n',
    );
    const result = await resolveWith({ overlays: [user, company, team] });
    const api = result.blueprint.services[0]!;
    expect(api.env.find((e) => e.name === 'LOG_LEVEL')).toMatchObject({ value: 'trace' });
    expect(result.blueprint.ttl).toBe('24h');
    expect(result.provenance['services.api.env.LOG_LEVEL']).toBe('user.yaml:4');
    expect(result.provenance.ttl).toBe('company.yaml:2');
    expect(result.provenance['services.api.env.DEBUG']).toBe('shop.yaml:8');
  });

  it('merge maps deeply and replace lists and scalars', async () => {
    const team = overlay(
      'team.yaml',
      'layer: team\nservices:\n  - name: api\n    resources: { limits: { memory: 1Gi }, requests: { cpu: 500m } }\n  - name: worker\n    args: [--queue, payments]\n',
    );
    const result = await resolveWith({ overlays: [team] });
    const [api, worker] = result.blueprint.services;
    expect(api!.resources).toEqual({ requests: { cpu: '500m', memory: '128Mi' }, limits: { memory: '1Gi' } });
    expect(worker!.args).toEqual(['--queue', 'payments']);
    expect(result.provenance['services.api.resources.requests.memory']).toBe('shop.yaml:10');
    expect(result.provenance['services.api.resources.requests.cpu']).toBe('team.yaml:4');
    expect(result.provenance['services.worker.args']).toBe('team.yaml:6');
  });

  it('remove keys and services with $remove, and add services with $add', async () => {
    const user = overlay(
      'user.yaml',
      [
        'layer: user',
        'services:',
        '  - name: api',
        '    env: { DEBUG: { $remove: true } }',
        '    replicas: { $remove: true }',
        '  - name: worker',
        '    $remove: true',
        '  - name: mail',
        '    $add: true',
        '    image: mailhog/mailhog:v1.0.1',
      ].join('\n'),
    );
    const result = await resolveWith({ overlays: [user] });
    expect(result.blueprint.services.map((s) => s.name)).toEqual(['api', 'mail']);
    const api = result.blueprint.services[0]!;
    expect(api.env.map((e) => e.name)).toEqual(['LOG_LEVEL']);
    expect(api.replicas).toBe(1);
    expect(result.provenance['services.mail']).toBe('user.yaml:8');
    expect(result.provenance['services.worker']).toBeUndefined();
  });

  it('apply only to the blueprints and context they name', async () => {
    const forPayments = overlay(
      'team.yaml',
      'layer: team\nappliesTo:\n  blueprints: ["sh*"]\n  context: { team: payments, branch: "feature/*" }\nservices:\n  - name: api\n    replicas: 5\n',
    );
    const forOther = overlay(
      'other.yaml',
      'layer: team\nappliesTo: { blueprints: [checkout] }\nservices:\n  - name: nothere\n    image: x\n',
    );
    const replicas = async (context: Record<string, string>) =>
      (await resolveWith({ overlays: [forPayments, forOther], context })).blueprint.services[0]!.replicas;
    expect(await replicas({ team: 'payments', branch: 'feature/login' })).toBe(5);
    expect(await replicas({ team: 'payments', branch: 'main' })).toBe(2);
    expect(await replicas({ team: 'search', branch: 'feature/login' })).toBe(2);
    expect(await replicas({})).toBe(2);
  });

  it('still check an overlay whose context does not match, without applying it', async () => {
    const broken = overlay(
      'team.yaml',
      'layer: team\nappliesTo: { context: { team: payments } }\nservices:\n  - name: api\n    replicas: lots\n',
    );
    const result = await resolveBlueprintSource({ source: BASE, fileName: 'shop.yaml', overlays: [broken] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'team.yaml', line: 5, message: expect.stringContaining('replicas') }),
    ]);
  });

  it('reject overlays that target services or keys that do not exist', async () => {
    const user = overlay(
      'user.yaml',
      'layer: user\nservices:\n  - name: wrker\n    replicas: 1\n  - name: api\n    env: { NOPE: { $remove: true } }\n',
    );
    const result = await resolveBlueprintSource({ source: BASE, fileName: 'shop.yaml', overlays: [user] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual([
      'user.yaml:3:5: services.wrker: cannot change service "wrker": the blueprint has no such service (did you mean "worker"?)',
      'user.yaml:6:12: services.api.env.NOPE: cannot remove "NOPE": it is not set',
    ]);
  });
});

describe('globMatches', () => {
  it('matches * across slashes and ? as one character, anchored', () => {
    expect(globMatches('feature/*', 'feature/a/b')).toBe(true);
    expect(globMatches('feature/*', 'hotfix/feature/a')).toBe(false);
    expect(globMatches('v?', 'v1')).toBe(true);
    expect(globMatches('v?', 'v10')).toBe(false);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });
});
