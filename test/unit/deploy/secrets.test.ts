import type { KubernetesObject, V1Deployment, V1Secret } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { resolveBlueprintSource } from '../../../blueprints/resolve.js';
import { deployConfig, loadDeployConfig } from '../../../deploy/config.js';
import type { KubeClient } from '../../../deploy/kube-client.js';
import { renderEnvironment, renderInitRerun } from '../../../deploy/manifests/render.js';
import { secretLookupFor, secretSourceNamespace } from '../../../deploy/secret-source.js';
import { SettingsError } from '../../../settings/env-settings.js';

const SECRETS = ['hunter2-db', 'ghp_tok3n', 'sk_live_k3y', 'jdbc-p4ss', 'fl4gs', 'hook-t0ken'];

const SOURCE = `
name: vault
services:
  - name: api
    image: ghcr.io/acme/vault-api:1.0
    ports: [3000]
    env:
      DB_PASS: ${SECRETS[0]}
      GITHUB_TOKEN: ${SECRETS[1]}
      STRIPE_APIKEY: ${SECRETS[2]}
      JDBC_URL: jdbc:postgresql://pg.example.com:5432/app?user=app&password=${SECRETS[3]}
      FLAGS: { value: ${SECRETS[4]}, secret: true }
      HOOK_URL: https://hooks.example.com/in?token=${SECRETS[5]}
      BYPASS_CACHE: "true"
      STRIPE_WEBHOOK: { secretRef: { name: payments, key: webhook } }
`;

async function blueprint() {
  const result = await resolveBlueprintSource({ source: SOURCE, fileName: 'vault.yaml' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.blueprint;
}

function find<T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name: string): T {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name) as T;
}

describe('secret values in rendered objects', () => {
  it('no secret value appears in any object but the Secret; the pod reads each by secretKeyRef', async () => {
    const config = deployConfig({ secretSourceNamespace: 'msx-secrets-{team}' });
    const { objects } = renderEnvironment({
      environment: { id: 'vault-1', team: 'payments' },
      blueprint: await blueprint(),
      config,
      secretValues: new Map([['payments/webhook', 'whsec_v4lue']]),
      volumeProvisioning: 'dynamic',
    });
    const notSecrets = JSON.stringify(objects.filter((o) => o.kind !== 'Secret'));
    for (const secret of [...SECRETS, 'whsec_v4lue']) expect(notSecrets).not.toContain(secret);

    const env = find<V1Deployment>(objects, 'Deployment', 'api').spec!.template.spec!.containers[0]!.env!;
    expect(env.find((v) => v.name === 'BYPASS_CACHE')).toEqual({ name: 'BYPASS_CACHE', value: 'true' });
    for (const v of env.filter((v) => v.name !== 'BYPASS_CACHE')) {
      expect(v).toEqual({ name: v.name, valueFrom: { secretKeyRef: { name: 'api-env', key: v.name } } });
    }
    const data = find<V1Secret>(objects, 'Secret', 'api-env').data!;
    const decoded = Object.values(data).map((b64) => Buffer.from(b64, 'base64').toString());
    for (const secret of [...SECRETS, 'whsec_v4lue']) expect(decoded.join('\n')).toContain(secret);
  });

  it('with a secret source, a re-run init Job reads copied references from the service Secret', () => {
    const config = deployConfig({ secretSourceNamespace: 'msx-secrets' });
    const rerun = renderInitRerun({
      environment: { id: 'pg-1' },
      blueprint: {
        name: 'pg',
        routing: 'dns',
        services: [
          {
            name: 'db',
            image: 'postgres:16-alpine',
            ports: [5432],
            exposedPorts: [],
            env: [{ name: 'POSTGRES_PASSWORD', kind: 'secretRef', secretName: 'pg', secretKey: 'pw' }],
            replicas: 1,
            volumes: [],
            stateful: true,
            isolation: 'isolated',
            init: [{ type: 'sql', script: 's.sql', content: 'select 1;', sha256: 'a'.repeat(64) }],
            isDataService: true,
            dependsOn: [],
          },
        ],
      },
      config,
      volumeProvisioning: 'dynamic',
      service: 'db',
      runId: 'run-1',
    });
    const job = rerun!.objects.find((o) => o.kind === 'Job') as {
      spec: { template: { spec: { containers: { env: unknown[] }[] } } };
    };
    expect(job.spec.template.spec.containers[0]!.env).toContainEqual({
      name: 'PGPASSWORD',
      valueFrom: { secretKeyRef: { name: 'db-env', key: 'POSTGRES_PASSWORD' } },
    });
  });
});

describe('the secret source setting', () => {
  it('puts the team in the namespace, and refuses what cannot name a namespace', () => {
    expect(secretSourceNamespace({ template: 'msx-secrets-{team}', team: 'payments' })).toBe(
      'msx-secrets-payments',
    );
    expect(secretSourceNamespace({ template: 'shared-secrets', team: undefined })).toBe('shared-secrets');
    expect(() => secretSourceNamespace({ template: 'msx-secrets-{team}', team: undefined })).toThrow(
      /environment.team: is required: the secret source MICROSTAX_SECRET_SOURCE_NAMESPACE="msx-secrets-\{team\}" is per team/,
    );
    expect(() => secretSourceNamespace({ template: 'msx-secrets-{team}', team: 'Pay Ments' })).toThrow(
      /not a valid namespace name/,
    );
  });

  it('is read from MICROSTAX_SECRET_SOURCE_NAMESPACE; a bad one is refused naming the variable', () => {
    expect(
      loadDeployConfig({ MICROSTAX_SECRET_SOURCE_NAMESPACE: 'msx-secrets-{team}' }).secretSourceNamespace,
    ).toBe('msx-secrets-{team}');
    expect(() => loadDeployConfig({ MICROSTAX_SECRET_SOURCE_NAMESPACE: 'Bad_Name' })).toThrow(SettingsError);
    expect(() => loadDeployConfig({ MICROSTAX_SECRET_SOURCE_NAMESPACE: 'Bad_Name' })).toThrow(
      /MICROSTAX_SECRET_SOURCE_NAMESPACE/,
    );
  });

  it('a blueprint with a secretRef and no source fails before any call, naming the variable and the setting', async () => {
    const kube = {} as KubeClient; // never called: the check needs no cluster
    const bp = await blueprint();
    expect(() =>
      secretLookupFor({ kube, config: deployConfig(), blueprint: bp, team: 'payments', lookup: undefined }),
    ).toThrow(
      'services.api.env.STRIPE_WEBHOOK: is a secretRef, but no secret source is configured (set MICROSTAX_SECRET_SOURCE_NAMESPACE)',
    );
    const noRefs = {
      ...bp,
      services: bp.services.map((s) => ({ ...s, env: s.env.filter((v) => v.kind !== 'secretRef') })),
    };
    expect(
      secretLookupFor({
        kube,
        config: deployConfig(),
        blueprint: noRefs,
        team: 'payments',
        lookup: undefined,
      }),
    ).toBeUndefined();
  });
});
