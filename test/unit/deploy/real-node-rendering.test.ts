import type { KubernetesObject, V1Deployment, V1Job, V1Secret, V1StatefulSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { deployConfig } from '../../../deploy/config.js';
import { withClientCredentials } from '../../../deploy/manifests/client-credentials.js';
import { renderEnvironment } from '../../../deploy/manifests/render.js';
import { resolvedService } from '../../support/resolved-service.js';

const environment = { id: 'ana-checkout', owner: 'ana@acme.io', team: 'payments' };

function blueprint(
  apiEnv: ResolvedBlueprint['services'][number]['env'],
  dbEnv = [] as typeof apiEnv,
): ResolvedBlueprint {
  return {
    name: 'checkout',
    routing: 'dns',
    services: [
      resolvedService({ name: 'api', env: apiEnv, exposedPorts: [8080], dependsOn: ['db'] }),
      resolvedService({
        name: 'db',
        image: 'postgres:16-alpine',
        ports: [5432],
        env: dbEnv,
        isDataService: true,
        init: [{ type: 'sql', script: 'seed.sql', content: 'select 1;', sha256: 'ab' }],
      }),
    ],
  } as ResolvedBlueprint;
}

const find = <T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata?.name === name) as T;

describe('data service credentials from its clients', () => {
  const url = {
    name: 'DATABASE_URL',
    kind: 'secret' as const,
    value: 'postgres://postgres:s3cret@db:5432/checkout',
  };

  it('fills POSTGRES_USER, POSTGRES_DB and a secret POSTGRES_PASSWORD from the client URL', () => {
    const bp = blueprint([url]);
    const db = withClientCredentials(bp, bp.services[1]!);
    expect(db.env).toEqual([
      { name: 'POSTGRES_USER', kind: 'plain', value: 'postgres' },
      { name: 'POSTGRES_PASSWORD', kind: 'secret', value: 's3cret' },
      { name: 'POSTGRES_DB', kind: 'plain', value: 'checkout' },
    ]);
  });

  it('keeps credentials the service declares, and stays out when clients disagree', () => {
    const declared = blueprint([url], [{ name: 'POSTGRES_PASSWORD', kind: 'plain', value: 'x' }]);
    expect(withClientCredentials(declared, declared.services[1]!)).toBe(declared.services[1]);
    const other = { ...url, name: 'REPORTING_URL', value: 'postgres://report:r@db/reports' };
    const disagree = blueprint([url, other]);
    expect(withClientCredentials(disagree, disagree.services[1]!)).toBe(disagree.services[1]);
  });

  it('passes the password through the Secret, and seeds the clients database', () => {
    const rendered = (initSql: 'service' | 'job') =>
      renderEnvironment({
        environment,
        blueprint: blueprint([url]),
        config: deployConfig({ initSql }),
        volumeProvisioning: 'dynamic',
      }).objects;
    const objects = rendered('service');
    const db = objects.find(
      (o) => o.metadata?.name === 'db' && ['Deployment', 'StatefulSet'].includes(o.kind!),
    ) as V1Deployment;
    const env = db.spec!.template.spec!.containers[0]!.env!;
    expect(env.find((v) => v.name === 'POSTGRES_PASSWORD')).toEqual({
      name: 'POSTGRES_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'db-env', key: 'POSTGRES_PASSWORD' } },
    });
    expect(JSON.stringify(db)).not.toContain('s3cret');
    const secret = find<V1Secret>(objects, 'Secret', 'db-env');
    expect(Buffer.from(secret.data!.POSTGRES_PASSWORD!, 'base64').toString()).toBe('s3cret');
    // The entrypoint seeds POSTGRES_DB (the default, no Job); at initSql: job the Job's client uses it too.
    expect(env.find((v) => v.name === 'POSTGRES_DB')).toEqual({ name: 'POSTGRES_DB', value: 'checkout' });
    expect(objects.some((o) => o.kind === 'Job')).toBe(false);
    const job = rendered('job').find((o) => o.kind === 'Job') as V1Job;
    const jobEnv = job.spec!.template.spec!.containers[0]!.env!;
    expect(jobEnv.find((v) => v.name === 'DB_NAME')).toEqual({ name: 'DB_NAME', value: 'checkout' });
  });
});

describe('node tier and ingress port', () => {
  it('pins workloads and init Jobs to the tier, tolerating its taint, and puts the port in URLs', () => {
    const { objects, urls } = renderEnvironment({
      environment,
      blueprint: blueprint([{ name: 'DATABASE_URL', kind: 'plain', value: 'postgres://db/x' }]),
      // The seed as a Job, to see it pinned too (by default the db seeds itself: no pod of its own).
      config: deployConfig({ nodeTier: 'real', ingressPort: 18081, initSql: 'job' }),
      volumeProvisioning: 'dynamic',
    });
    const toleration = {
      key: 'microstax.dev/node-tier',
      operator: 'Equal',
      value: 'real',
      effect: 'NoSchedule',
    };
    for (const pod of [
      find<V1Deployment>(objects, 'Deployment', 'api').spec!.template.spec!,
      find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec!.template.spec!,
      (objects.find((o) => o.kind === 'Job') as V1Job).spec!.template.spec!,
    ]) {
      expect(pod.nodeSelector).toEqual({ 'microstax.dev/node-tier': 'real' });
      expect(pod.tolerations).toEqual([toleration]);
    }
    expect(urls).toEqual({ api: ['http://api.ana-checkout.microstax.localhost:18081'] });
  });
});
