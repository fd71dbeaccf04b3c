import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { V1Deployment, V1Namespace, V1Secret } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../../deploy/config.js';
import { namespaceFor } from '../../../deploy/names.js';
import { createApiToken } from '../../../store/api-tokens.js';
import { ensureTeam } from '../../../store/teams.js';
import { upsertUser } from '../../../store/users.js';
import { startWorkerBackedApi, type WorkerBackedApi } from './support/worker-backed-api.js';

/** Credential-shaped values a blueprint carries, each of a shape detection must catch. */
const tag = randomBytes(3).toString('hex');
const PLANTED = {
  DB_PASS: `dbpass-${tag}`,
  GITHUB_TOKEN: `ghp-${tag}`,
  STRIPE_APIKEY: `sk-${tag}`,
  JDBC_URL: `jdbcpw-${tag}`,
  FLAGS: `flags-${tag}`,
  HOOK_URL: `hooktok-${tag}`,
};
/** The value the team's secret source holds for `{secretRef: {name: payments, key: webhook}}`. */
const SOURCE_VALUE = `whsec-${tag}`;
const ALL_SECRETS = [...Object.values(PLANTED), SOURCE_VALUE];

const blueprint = (
  opts: { name?: string; secrets?: typeof PLANTED; ref?: { name: string; key: string } } = {},
) => {
  const s = opts.secrets ?? PLANTED;
  const ref = opts.ref ?? { name: 'payments', key: 'webhook' };
  return `name: ${opts.name ?? 'vault'}
services:
  - name: api
    image: ghcr.io/acme/vault-api:1.0
    ports: [3000]
    env:
      DB_PASS: ${s.DB_PASS}
      GITHUB_TOKEN: ${s.GITHUB_TOKEN}
      STRIPE_APIKEY: ${s.STRIPE_APIKEY}
      JDBC_URL: jdbc:postgresql://pg.example.com:5432/app?user=app&password=${s.JDBC_URL}
      FLAGS: { value: ${s.FLAGS}, secret: true }
      HOOK_URL: https://hooks.example.com/in?token=${s.HOOK_URL}
      BYPASS_CACHE: "true"
      STRIPE_WEBHOOK: { secretRef: { name: ${ref.name}, key: ${ref.key} } }
`;
};

const expectNoSecret = (text: string, what: string) => {
  for (const secret of ALL_SECRETS) expect(text.includes(secret), `${what} shows ${secret}`).toBe(false);
};

/**
 * Secret values through the real API, the production worker (createWorkerDependencies reading
 * MICROSTAX_SECRET_SOURCE_NAMESPACE), Temporal and the local cluster: detected and marked values
 * reach the pod only through a Secret, `secretRef` values come from the team's source namespace, and
 * no response shows any of them. A missing key, or another team's secret, fails the create, naming
 * it, and leaves no namespace behind.
 */
describe('secret values end to end (real API, worker, Temporal, Kubernetes)', () => {
  let api: WorkerBackedApi;
  const template = `it-secrets-${tag}-{team}`;
  const sourceNamespace = template.replace('{team}', 'payments');
  const created: string[] = [];
  let searchToken: string;

  beforeAll(async () => {
    api = await startWorkerBackedApi({
      name: 'secrets_e2e',
      workerEnv: { MICROSTAX_SECRET_SOURCE_NAMESPACE: template },
    });
    await api.kube.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: sourceNamespace },
    } as V1Namespace);
    await api.kube.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'payments', namespace: sourceNamespace },
      data: { webhook: Buffer.from(SOURCE_VALUE).toString('base64') },
    } as V1Secret);
    await ensureTeam(api.app.db, { id: 'search' });
    const bob = await upsertUser(api.app.db, { name: 'bob', teamId: 'search', role: 'member' });
    searchToken = (await createApiToken(api.app.db, { userId: bob.id })).token;
  });
  afterAll(async () => {
    await api?.close({ environments: created });
    await api?.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: sourceNamespace }).catch(() => {});
  });

  const create = async (source: string, authorization = api.headers().authorization) => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/environments',
      headers: { authorization, 'idempotency-key': randomUUID() },
      payload: { blueprint: { source, fileName: 'vault.yaml' }, ttl: '1h' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expectNoSecret(response.body, 'the create response');
    const id = (JSON.parse(response.body) as { id: string }).id;
    created.push(id);
    return id;
  };
  const deleteAndWait = async (id: string) => {
    await api.app.inject({ method: 'DELETE', url: `/v1/environments/${id}`, headers: api.headers() });
    await api.waitForPhase(id, ['deleted'], 120_000);
  };
  const namespaceOf = (id: string) => namespaceFor(id, loadDeployConfig().namespacePrefix);

  it('masks every secret in the blueprint API and plan; the pod reads them from a Secret only', {
    timeout: 300_000,
  }, async () => {
    const registered = await api.app.inject({
      method: 'POST',
      url: '/v1/blueprints',
      headers: api.headers(),
      payload: { source: blueprint(), fileName: 'vault.yaml' },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expectNoSecret(registered.body, 'register');

    const shown = await api.app.inject({ url: '/v1/blueprints/vault', headers: api.headers() });
    expect(shown.statusCode).toBe(200);
    expectNoSecret(shown.body, 'GET /v1/blueprints/vault');
    const env = (
      JSON.parse(shown.body) as {
        resolved: { services: { env: { name: string; kind: string; value?: string }[] }[] };
      }
    ).resolved.services[0]!.env;
    const byName = Object.fromEntries(env.map((v) => [v.name, v]));
    expect(byName.BYPASS_CACHE).toMatchObject({ kind: 'plain', value: 'true' });
    expect(byName.JDBC_URL).toMatchObject({
      kind: 'secret',
      value: 'jdbc:postgresql://pg.example.com:5432/app?user=app&password=<redacted>',
    });
    for (const name of ['DB_PASS', 'GITHUB_TOKEN', 'STRIPE_APIKEY', 'FLAGS', 'HOOK_URL']) {
      expect(byName[name]?.kind, name).toBe('secret');
    }

    // A plan between two versions whose secrets all differ says they changed, not what they are.
    const otherSecrets = Object.fromEntries(
      Object.entries(PLANTED).map(([k, v]) => [k, `${v}-v2`]),
    ) as typeof PLANTED;
    const plan = await api.app.inject({
      method: 'POST',
      url: '/v1/blueprints/plan',
      headers: api.headers(),
      payload: {
        baseline: { name: 'vault' },
        branch: { source: blueprint({ secrets: otherSecrets }), fileName: 'vault.yaml' },
      },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expectNoSecret(plan.body, 'plan');
    expect(plan.body).toContain('env.DB_PASS');

    const id = await create(blueprint());
    await api.waitForPhase(id, ['ready'], 180_000);
    expectNoSecret(
      (await api.app.inject({ url: `/v1/environments/${id}`, headers: api.headers() })).body,
      'GET env',
    );

    const namespace = namespaceOf(id);
    const deployment = await api.kube.read<V1Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace,
      name: 'api',
    });
    expectNoSecret(JSON.stringify(deployment), 'the Deployment');
    const podEnv = deployment.spec!.template.spec!.containers[0]!.env!;
    for (const v of podEnv) {
      if (v.name === 'BYPASS_CACHE') expect(v.value).toBe('true');
      else
        expect(v, v.name).toEqual({
          name: v.name,
          valueFrom: { secretKeyRef: { name: 'api-env', key: v.name } },
        });
    }
    const secret = await api.kube.read<V1Secret>({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace,
      name: 'api-env',
    });
    const decoded = (key: string) => Buffer.from(secret.data![key]!, 'base64').toString();
    expect(decoded('DB_PASS')).toBe(PLANTED.DB_PASS);
    expect(decoded('FLAGS')).toBe(PLANTED.FLAGS);
    expect(decoded('JDBC_URL')).toContain(`password=${PLANTED.JDBC_URL}`);
    expect(decoded('STRIPE_WEBHOOK')).toBe(SOURCE_VALUE);
    // Nothing in the environment's namespace refers to the source's Secret by its own name.
    expect(JSON.stringify(deployment)).not.toContain(sourceNamespace);

    await deleteAndWait(id);
  });

  it("a missing key in the source, or another team asking for this team's secret, fails the create naming it; nothing is left", {
    timeout: 240_000,
  }, async () => {
    const missingKey = await create(
      blueprint({ name: 'vault-missing', ref: { name: 'payments', key: 'nope' } }),
    );
    // Team search has no source of its own: it cannot reach team payments' Secret.
    const otherTeam = await create(blueprint({ name: 'vault-other' }), `Bearer ${searchToken}`);
    const failed = await api.waitForPhase(missingKey, ['failed'], 120_000);
    const failedView = JSON.stringify(failed);
    expect(failedView).toContain(
      `Secret \\"payments\\" in the secret source namespace \\"${sourceNamespace}\\" has no key \\"nope\\"`,
    );
    expect(failedView).toContain('webhook'); // the keys it has, to fix the typo
    expectNoSecret(failedView, 'the failed environment');

    const other = await api.app.inject({
      url: `/v1/environments/${otherTeam}`,
      headers: { authorization: `Bearer ${searchToken}` },
    });
    const deadline = Date.now() + 120_000;
    let otherView = JSON.parse(other.body) as { phase: string };
    while (otherView.phase !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      otherView = JSON.parse(
        (
          await api.app.inject({
            url: `/v1/environments/${otherTeam}`,
            headers: { authorization: `Bearer ${searchToken}` },
          })
        ).body,
      );
    }
    expect(otherView.phase).toBe('failed');
    expect(JSON.stringify(otherView)).toContain(
      `no Secret \\"payments\\" in the secret source namespace \\"${template.replace('{team}', 'search')}\\"`,
    );
    expectNoSecret(JSON.stringify(otherView), "the other team's environment");

    for (const id of [missingKey, otherTeam]) {
      const ns = await api.kube.readOrNull<V1Namespace>({
        apiVersion: 'v1',
        kind: 'Namespace',
        name: namespaceOf(id),
      });
      expect(ns === null || ns.metadata?.deletionTimestamp !== undefined, `namespace of ${id}`).toBe(true);
    }
  });

  it('render masks secrets unless --show-secrets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'msx-secrets-'));
    try {
      const file = join(dir, 'vault.yaml');
      await writeFile(file, blueprint());
      const run = (args: string[]) =>
        promisify(execFile)(process.execPath, ['bin/microstax.js', 'render', file, '--json', ...args]);
      expectNoSecret((await run([])).stdout, 'render');
      expect((await run(['--show-secrets'])).stdout).toContain(PLANTED.DB_PASS);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
