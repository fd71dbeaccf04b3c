import type {
  KubernetesObject,
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Namespace,
  V1NetworkPolicy,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Secret,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { deployConfig } from '../../../deploy/config.js';
import { DeployConfigurationError } from '../../../deploy/errors.js';
import { ANNOTATIONS, LABELS } from '../../../deploy/labels.js';
import { type RenderInput, renderEnvironment, renderInitRerun } from '../../../deploy/manifests/render.js';
import { RoutingTableSchema } from '../../../deploy/manifests/routing-table.js';
import type { BranchPlan, PlacementPlan } from '../../../planner/types.js';
import { checkoutDev } from './fixtures.js';

const config = deployConfig({ baseDomain: 'dev.acme.test' });
/** The seed as an init Job (MICROSTAX_INIT_SQL=job); the default seeds in the service (seed-in-service.test.ts). */
const atJob = deployConfig({ baseDomain: 'dev.acme.test', initSql: 'job' });

function render(overrides: Partial<RenderInput> = {}) {
  return renderEnvironment({
    environment: {
      id: 'ana-checkout',
      owner: 'ana@acme.io',
      team: 'payments',
      expiresAt: '2030-01-02T03:04:05Z',
    },
    blueprint: checkoutDev(),
    config,
    volumeProvisioning: 'dynamic',
    ...overrides,
  });
}

function find<T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata?.name}`)}`);
  return found as T;
}

describe('renderEnvironment: a plain environment', () => {
  const rendered = render();
  const { objects } = rendered;
  const withJob = render({ config: atJob });

  it('puts everything in one namespace named from the environment id, namespace first', () => {
    expect(rendered.namespace).toBe('msx-ana-checkout');
    expect(objects[0]?.kind).toBe('Namespace');
    for (const o of objects.slice(1)) {
      if (o.kind !== 'PersistentVolume') expect(o.metadata?.namespace).toBe('msx-ana-checkout');
    }
  });

  it('labels the namespace with the well-known labels and the environment identity', () => {
    const ns = find<V1Namespace>(objects, 'Namespace', 'msx-ana-checkout');
    expect(ns.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'microstax',
      'app.kubernetes.io/part-of': 'checkout-dev',
      'app.kubernetes.io/name': 'checkout-dev',
      'app.kubernetes.io/instance': 'ana-checkout',
      [LABELS.environment]: 'ana-checkout',
      [LABELS.blueprint]: 'checkout-dev',
      [LABELS.owner]: 'ana_at_acme.io',
      [LABELS.team]: 'payments',
      [LABELS.expiresAt]: String(Date.parse('2030-01-02T03:04:05Z') / 1000),
    });
    expect(ns.metadata?.annotations).toMatchObject({
      'microstax.dev/owner': 'ana@acme.io',
      'microstax.dev/expires-at': '2030-01-02T03:04:05.000Z',
    });
  });

  it('makes a Deployment for a stateless service, with probe, resources and secret env by reference', () => {
    const api = find<V1Deployment>(objects, 'Deployment', 'api');
    const container = api.spec!.template.spec!.containers[0]!;
    expect(container.image).toBe('ghcr.io/acme/api:1.0');
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 });
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { memory: '256Mi' },
    });
    expect(container.env).toEqual([
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'api-env', key: 'DATABASE_URL' } } },
      { name: 'REDIS_URL', value: 'redis://cache:6379' },
    ]);
    expect(api.spec!.selector.matchLabels).toEqual(
      api.spec!.template.metadata!.labels && {
        'app.kubernetes.io/name': 'api',
        'app.kubernetes.io/instance': 'ana-checkout',
      },
    );
  });

  it('makes a StatefulSet with a claim for a data service, mounted where its image keeps data', () => {
    const db = find<V1StatefulSet>(objects, 'StatefulSet', 'db');
    expect(db.spec?.serviceName).toBe('db');
    expect(db.spec?.volumeClaimTemplates?.map((c) => c.metadata?.name)).toEqual(['data']);
    expect(db.spec?.template.spec?.containers[0]?.volumeMounts).toEqual([
      { name: 'data', mountPath: '/var/lib/postgresql/data' },
      // Branches may copy it over the replication protocol: allowed on first start by this script.
      {
        name: 'microstax-replication',
        mountPath: '/docker-entrypoint-initdb.d/zz-microstax-replication.sh',
        subPath: 'zz-microstax-replication.sh',
        readOnly: true,
      },
      // Its sql seed, which its entrypoint runs at the first start (the default; seed-in-service.test.ts).
      {
        name: 'microstax-seed',
        mountPath: '/docker-entrypoint-initdb.d/microstax-01-seed.sql',
        subPath: 'microstax-01-seed.sql',
        readOnly: true,
      },
    ]);
    expect(db.spec?.template.spec?.initContainers).toBeUndefined();
    expect(db.spec?.template.spec?.containers[0]?.readinessProbe).toEqual({ tcpSocket: { port: 5432 } });
    expect(objects.some((o) => o.kind === 'PersistentVolume')).toBe(false);
  });

  it('gives a data service without a health check a TCP readiness probe; other services none by default', () => {
    const blueprint = checkoutDev();
    blueprint.services = blueprint.services.map((service) =>
      service.name === 'cache' ? { ...service, isDataService: true } : { ...service, healthCheck: undefined },
    );
    const { objects: plain } = render({ blueprint });
    const probeOf = (kind: string, name: string) =>
      find<V1StatefulSet>(plain, kind, name).spec?.template.spec?.containers[0]?.readinessProbe;
    expect(probeOf('StatefulSet', 'cache')).toEqual({ tcpSocket: { port: 6379 }, periodSeconds: 1 });
    expect(probeOf('Deployment', 'api')).toBeUndefined();
  });

  it('gives a Postgres data service without a health check a readiness probe that waits until it accepts', () => {
    const blueprint = checkoutDev();
    blueprint.services = blueprint.services.map((service) =>
      service.name === 'db' ? { ...service, healthCheck: undefined } : service,
    );
    const db = find<V1StatefulSet>(render({ blueprint }).objects, 'StatefulSet', 'db');
    expect(db.spec!.template.spec!.containers[0]!.readinessProbe).toEqual({
      exec: {
        command: [
          'sh',
          '-c',
          'end=$(($(date +%s) + 8)); until pg_isready -q -t 1 -h 127.0.0.1 -p 5432; do [ "$(date +%s)" -lt "$end" ] || exit 1; sleep 0.05; done',
        ],
      },
      periodSeconds: 10,
      timeoutSeconds: 10,
      failureThreshold: 1,
    });
  });

  it("publishes a single-replica data service's pod before it is ready, and no other service's", () => {
    const service = (objects: KubernetesObject[], name: string) => find<V1Service>(objects, 'Service', name);
    expect(service(objects, 'db').spec?.publishNotReadyAddresses).toBe(true);
    expect(service(objects, 'api').spec?.publishNotReadyAddresses).toBeUndefined();
    const blueprint = checkoutDev();
    blueprint.services = blueprint.services.map((s) =>
      s.name === 'db' ? { ...s, replicas: 2 } : s.name === 'api' ? { ...s, isDataService: true } : s,
    );
    const other = render({ blueprint }).objects;
    // Two replicas: a not-ready one must not get traffic; an exposed one: the gateway routes to it.
    expect(service(other, 'db').spec?.publishNotReadyAddresses).toBeUndefined();
    expect(service(other, 'api').spec?.publishNotReadyAddresses).toBeUndefined();
    // A blueprint's own HTTP or exec check may wait for more than a listening port: its clients wait too.
    const checked = checkoutDev();
    checked.services = checked.services.map((s) =>
      s.name === 'db' ? { ...s, healthCheck: { exec: { command: ['restored'] } } } : s,
    );
    expect(
      service(render({ blueprint: checked }).objects, 'db').spec?.publishNotReadyAddresses,
    ).toBeUndefined();
  });

  it('lets a Postgres data service initialise its data directory without fsync, unless the blueprint says otherwise', () => {
    const envOf = (objects: KubernetesObject[]) =>
      find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec?.template.spec?.containers[0]?.env ?? [];
    expect(envOf(objects)).toContainEqual({ name: 'POSTGRES_INITDB_ARGS', value: '--no-sync' });
    const blueprint = checkoutDev();
    blueprint.services = blueprint.services.map((service) =>
      service.name === 'db'
        ? {
            ...service,
            env: [
              ...service.env,
              { name: 'POSTGRES_INITDB_ARGS', kind: 'plain' as const, value: '--data-checksums' },
            ],
          }
        : service,
    );
    const own = envOf(render({ blueprint }).objects).filter((v) => v.name === 'POSTGRES_INITDB_ARGS');
    expect(own).toEqual([{ name: 'POSTGRES_INITDB_ARGS', value: '--data-checksums' }]);
  });

  it('keeps secret values in Secrets only, base64, never in plain text anywhere', () => {
    const secret = find<V1Secret>(objects, 'Secret', 'api-env');
    expect(Buffer.from(secret.data!.DATABASE_URL!, 'base64').toString()).toContain('s3cr3t');
    expect(JSON.stringify(objects)).not.toContain('s3cr3t');
  });

  it('gives every service with ports a Service and each exposed one an Ingress and URL', () => {
    for (const name of ['api', 'db', 'cache'])
      expect(find<V1Service>(objects, 'Service', name).spec?.type).toBe('ClusterIP');
    const ingress = find<V1Ingress>(objects, 'Ingress', 'api');
    expect(ingress.spec?.rules?.[0]?.host).toBe('api.ana-checkout.dev.acme.test');
    expect(ingress.spec?.rules?.[0]?.http?.paths[0]?.backend.service).toEqual({
      name: 'api',
      port: { number: 8080 },
    });
    expect(rendered.urls).toEqual({ api: ['http://api.ana-checkout.dev.acme.test'] });
  });

  it("names MicroStax's IngressClass and keeps the Ingress private unless the service is public", () => {
    const ingress = find<V1Ingress>(objects, 'Ingress', 'api');
    expect(ingress.spec?.ingressClassName).toBe('microstax');
    expect(ingress.metadata?.labels?.['app.kubernetes.io/managed-by']).toBe('microstax');
    expect(ingress.metadata?.annotations?.['microstax.dev/access']).toBeUndefined();
    const blueprint = checkoutDev();
    blueprint.services = blueprint.services.map((s) =>
      s.name === 'api' ? { ...s, access: 'public' as const } : s,
    );
    const open = find<V1Ingress>(render({ blueprint }).objects, 'Ingress', 'api');
    expect(open.metadata?.annotations?.['microstax.dev/access']).toBe('public');
  });

  it('runs the sql init step as a Job applying the scripts from a ConfigMap once the db answers (initSql: job)', () => {
    const { objects } = withJob;
    const cm = find<V1ConfigMap>(objects, 'ConfigMap', 'db-init-scripts');
    expect(cm.data).toEqual({ '01-seed.sql': 'CREATE TABLE t (id int);\n' });
    const job = objects.find((o): o is V1Job => o.kind === 'Job') as V1Job;
    expect(job.metadata?.name).toMatch(/^db-init-[0-9a-f]{8}$/);
    const container = job.spec!.template.spec!.containers[0]!;
    const script = container.command![2]!;
    // The Service publishing the pod before it is ready first, the main Service as fallback.
    expect(script).toContain('for h in db-direct db; do if pg_isready -q -h "$h" -p 5432; then host="$h"');
    expect(script).toContain('psql -v ON_ERROR_STOP=1 -h "$host" -p 5432');
    expect(script).toContain('/scripts/01-seed.sql');
    const direct = find<V1Service>(objects, 'Service', 'db-direct');
    expect(direct.spec).toMatchObject({
      type: 'ClusterIP',
      publishNotReadyAddresses: true,
      selector: find<V1Service>(objects, 'Service', 'db').spec!.selector,
      ports: [{ port: 5432, targetPort: 5432 }],
    });
    expect(direct.metadata?.labels?.['microstax.dev/role']).toBe('init');
    expect(container.env).toEqual([
      { name: 'DB_NAME', value: 'checkout' },
      { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'db-env', key: 'POSTGRES_PASSWORD' } } },
    ]);
    // The Service must not pick the client pod: its labels are not the db's selector.
    expect(job.spec!.template.metadata!.labels!['app.kubernetes.io/name']).toBe('db-init');
    expect(withJob.workloads.find((w) => w.service === 'db')?.initJobs).toEqual([job.metadata?.name]);
  });

  it('leaves the direct Service out when a service of the blueprint has its name', () => {
    const blueprint = checkoutDev();
    blueprint.services.push({ ...blueprint.services.find((s) => s.name === 'api')!, name: 'db-direct' });
    const taken = render({ blueprint, config: atJob }).objects;
    const named = taken.filter((o) => o.kind === 'Service' && o.metadata?.name === 'db-direct');
    expect(named).toHaveLength(1);
    expect((named[0] as V1Service).spec?.publishNotReadyAddresses).toBeUndefined();
    const job = taken.find((o): o is V1Job => o.kind === 'Job') as V1Job;
    const script = job.spec!.template.spec!.containers[0]!.command![2]!;
    expect(script).toContain('until pg_isready -q -h db -p 5432');
    expect(script).toContain('psql -v ON_ERROR_STOP=1 -h db -p 5432');
  });

  it('adds a quota, default limits and a network policy that shuts out other environments', () => {
    expect(find(objects, 'ResourceQuota', 'microstax-quota')).toBeTruthy();
    expect(find(objects, 'LimitRange', 'microstax-defaults')).toBeTruthy();
    const np = find<V1NetworkPolicy>(objects, 'NetworkPolicy', 'microstax-isolation');
    const peers = np.spec!.ingress![0]!._from!;
    expect(peers).toContainEqual({ podSelector: {} });
    expect(peers).toContainEqual({
      namespaceSelector: { matchExpressions: [{ key: LABELS.environment, operator: 'DoesNotExist' }] },
    });
    expect(peers).toContainEqual({
      namespaceSelector: { matchLabels: { [LABELS.baseline]: 'ana-checkout' } },
    });
  });

  it('applies in a safe order: guard rails before workloads, workloads before their Jobs', () => {
    for (const { objects } of [rendered, withJob]) {
      const kinds = objects.map((o) => o.kind);
      expect(kinds.indexOf('ResourceQuota')).toBeLessThan(kinds.indexOf('Deployment'));
      expect(kinds.indexOf('Secret')).toBeLessThan(kinds.indexOf('Deployment'));
    }
    const kinds = withJob.objects.map((o) => o.kind);
    expect(kinds.lastIndexOf('StatefulSet')).toBeLessThan(kinds.indexOf('Job'));
  });

  it('is deterministic', () => {
    expect(render()).toEqual(rendered);
    expect(render({ config: atJob })).toEqual(withJob);
  });
});

describe('renderEnvironment: placement, volumes, secrets by reference', () => {
  it('requires an allowed pool and prefers the chosen one, then the fallbacks by weight', () => {
    const placement: PlacementPlan = {
      services: [
        {
          service: 'db',
          pool: 'general-a',
          zone: 'zone-a',
          capacityType: 'on-demand',
          hourlyCost: 0.01,
          nodeSelector: { 'microstax.dev/pool': 'general-a' },
          fallbacks: [
            { pool: 'general-b', weight: 50 },
            { pool: 'memory-a', weight: 19 },
          ],
        },
      ],
      hourlyCost: 0.01,
      naiveHourlyCost: 0.02,
      solver: 'milp',
    };
    const { objects } = render({ placement });
    const pod = find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec?.template.spec;
    expect(pod?.nodeSelector).toBeUndefined();
    const inPools = (values: string[]) => ({
      matchExpressions: [{ key: 'microstax.dev/pool', operator: 'In', values }],
    });
    expect(pod?.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [inPools(['general-a', 'general-b', 'memory-a'])],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, preference: inPools(['general-a']) },
          { weight: 50, preference: inPools(['general-b']) },
          { weight: 19, preference: inPools(['memory-a']) },
        ],
      },
    });
  });

  it('spreads the replicas of a placed service over nodes, as a preference', () => {
    const blueprint = checkoutDev();
    const api = blueprint.services.find((s) => s.name === 'api')!;
    api.replicas = 3;
    const placement: PlacementPlan = {
      services: [
        {
          service: 'api',
          pool: 'spot-a',
          zone: 'zone-a',
          capacityType: 'spot',
          hourlyCost: 0.01,
          nodeSelector: { 'microstax.dev/pool': 'spot-a' },
          fallbacks: [],
        },
      ],
      hourlyCost: 0.01,
      naiveHourlyCost: 0.02,
      solver: 'milp',
    };
    const pod = find<V1Deployment>(render({ blueprint, placement }).objects, 'Deployment', 'api').spec
      ?.template.spec;
    expect(pod?.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: {
          matchLabels: { [LABELS.name]: 'api', [LABELS.instance]: 'ana-checkout' },
        },
      },
    ]);
  });

  it('pins pods to the planned pool with a node selector when the plan has no fallbacks (made before them)', () => {
    const placement: PlacementPlan = {
      services: [
        {
          service: 'api',
          pool: 'spot-a',
          zone: 'zone-a',
          capacityType: 'spot',
          hourlyCost: 0.01,
          nodeSelector: { 'microstax.dev/pool': 'spot-a' },
        },
      ],
      hourlyCost: 0.01,
      naiveHourlyCost: 0.02,
      solver: 'milp',
    };
    const { objects } = render({ placement });
    expect(find<V1Deployment>(objects, 'Deployment', 'api').spec?.template.spec?.nodeSelector).toEqual({
      'microstax.dev/pool': 'spot-a',
    });
    expect(
      find<V1StatefulSet>(objects, 'StatefulSet', 'db').spec?.template.spec?.nodeSelector,
    ).toBeUndefined();
  });

  it('creates a pre-bound volume per claim when the cluster has no provisioner', () => {
    const { objects } = render({ volumeProvisioning: 'static' });
    const pv = find<V1PersistentVolume>(objects, 'PersistentVolume', 'msx-ana-checkout-data-db-0');
    expect(pv.metadata?.namespace).toBeUndefined();
    expect(pv.spec?.claimRef).toEqual({ namespace: 'msx-ana-checkout', name: 'data-db-0' });
    expect(pv.metadata?.labels?.[LABELS.environment]).toBe('ana-checkout');
    const db = find<V1StatefulSet>(objects, 'StatefulSet', 'db');
    expect(db.spec?.volumeClaimTemplates?.[0]?.spec?.storageClassName).toBe('');
    expect(
      find<V1PersistentVolumeClaim>(objects, 'PersistentVolumeClaim', 'data-db-0').spec?.storageClassName,
    ).toBe('');
  });

  it("makes each replica's claim before the StatefulSet would, by the name it gives, with its template's spec", () => {
    const blueprint = checkoutDev();
    blueprint.services[1] = { ...blueprint.services[1]!, replicas: 2 };
    const { objects } = render({ blueprint });
    const db = find<V1StatefulSet>(objects, 'StatefulSet', 'db');
    const claims = objects.filter((o): o is V1PersistentVolumeClaim => o.kind === 'PersistentVolumeClaim');
    expect(claims.map((c) => c.metadata?.name)).toEqual(['data-db-0', 'data-db-1']);
    for (const claim of claims) {
      expect(claim.spec).toEqual(db.spec?.volumeClaimTemplates?.[0]?.spec);
      expect(claim.metadata?.namespace).toBe('msx-ana-checkout');
      expect(claim.metadata?.labels?.[LABELS.service]).toBe('db');
    }
  });

  it('refers to a stored secret by name unless its value was looked up', () => {
    const blueprint = checkoutDev();
    blueprint.services[2]!.env = [
      { name: 'REDIS_PASSWORD', kind: 'secretRef', secretName: 'redis', secretKey: 'pw' },
    ];
    const byRef = render({ blueprint });
    const env = (o: KubernetesObject[]) =>
      find<V1Deployment>(o, 'Deployment', 'cache').spec?.template.spec?.containers[0]?.env;
    expect(env(byRef.objects)).toEqual([
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'redis', key: 'pw' } } },
    ]);
    const looked = render({ blueprint, secretValues: new Map([['redis/pw', 'hunter2']]) });
    expect(env(looked.objects)).toEqual([
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'cache-env', key: 'REDIS_PASSWORD' } } },
    ]);
    expect(JSON.stringify(looked.objects)).not.toContain('hunter2');
  });
});

describe('renderEnvironment: a branch environment', () => {
  const plan: BranchPlan = {
    services: [
      { name: 'api', action: 'deploy', reasons: ['image changed'] },
      { name: 'db', action: 'reuse', reasons: ['unchanged'] },
      { name: 'cache', action: 'reuse', reasons: ['unchanged'] },
    ],
    summary: { deploy: 1, fork: 0, reuse: 2, removed: [] },
  };

  it('runs only planned services and resolves reused names to the baseline', () => {
    const rendered = render({ environment: { id: 'pr-42', baselineId: 'main' }, plan });
    const workloads = rendered.objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
    expect(workloads.map((o) => o.metadata?.name)).toEqual(['api']);
    expect(rendered.objects.some((o) => o.kind === 'Job')).toBe(false);
    const db = find<V1Service>(rendered.objects, 'Service', 'db');
    expect(db.spec).toEqual({
      type: 'ExternalName',
      externalName: 'db.msx-main.svc.cluster.local',
      ports: [{ name: 'p5432', port: 5432, protocol: 'TCP' }],
    });
    expect(rendered.reused).toEqual([
      { service: 'db', target: 'db.msx-main.svc.cluster.local' },
      { service: 'cache', target: 'cache.msx-main.svc.cluster.local' },
    ]);
    const ns = find<V1Namespace>(rendered.objects, 'Namespace', 'msx-pr-42');
    expect(ns.metadata?.labels?.[LABELS.baseline]).toBe('main');
  });

  it('renders the routing table for header routing, and lets the baseline route in', () => {
    const rendered = render({
      environment: { id: 'pr-42', baselineId: 'main' },
      plan,
      blueprint: checkoutDev({ routing: 'header' }),
    });
    const cm = find<V1ConfigMap>(rendered.objects, 'ConfigMap', 'microstax-routes');
    const table = RoutingTableSchema.parse(JSON.parse(cm.data!['routes.json']!));
    expect(table).toEqual({
      version: 1,
      environment: 'pr-42',
      baseline: 'main',
      header: 'baggage',
      baggageKey: 'microstax-env',
      services: { api: { host: 'api.msx-pr-42.svc.cluster.local', ports: [8080] } },
    });
    const np = find<V1NetworkPolicy>(rendered.objects, 'NetworkPolicy', 'microstax-isolation');
    expect(np.spec!.ingress![0]!._from).toContainEqual({
      namespaceSelector: { matchLabels: { [LABELS.environment]: 'main' } },
    });
  });

  it('refuses a plan that reuses without a baseline, or names unknown services', () => {
    expect(() => render({ environment: { id: 'pr-42' }, plan })).toThrow(DeployConfigurationError);
    const unknown = {
      ...plan,
      services: [...plan.services, { name: 'ghost', action: 'deploy' as const, reasons: [] }],
    };
    expect(() => render({ environment: { id: 'pr-42', baselineId: 'main' }, plan: unknown })).toThrow(
      /ghost/,
    );
    const partial = { ...plan, services: plan.services.slice(0, 1) };
    expect(() => render({ environment: { id: 'pr-42', baselineId: 'main' }, plan: partial })).toThrow(/"db"/);
  });

  it('refuses an environment id that cannot name a namespace', () => {
    expect(() => render({ environment: { id: 'Bad_Id' } })).toThrow(DeployConfigurationError);
  });
});

describe('renderInitRerun and init Job names', () => {
  it('renders a new Job per run id, stable for the same run', () => {
    const input = {
      environment: { id: 'ana-checkout' },
      blueprint: checkoutDev(),
      config,
      volumeProvisioning: 'dynamic' as const,
      service: 'db',
    };
    const first = renderInitRerun({ ...input, runId: 'run-1' });
    const again = renderInitRerun({ ...input, runId: 'run-1' });
    const second = renderInitRerun({ ...input, runId: 'run-2' });
    expect(first?.objects.map((o) => o.kind)).toEqual(['ConfigMap', 'Job']);
    expect(first).toEqual(again);
    expect(first?.workload.initJobs[0]).not.toEqual(second?.workload.initJobs[0]);
    expect(first?.workload).toMatchObject({ service: 'db', kind: 'StatefulSet' });
    expect(renderInitRerun({ ...input, service: 'api', runId: 'x' })).toBeUndefined();
    expect(() => renderInitRerun({ ...input, service: 'ghost', runId: 'x' })).toThrow(
      DeployConfigurationError,
    );
  });

  it('keeps Job names within 63 characters for the longest service names', () => {
    const long = 'a'.repeat(50);
    const blueprint = checkoutDev();
    blueprint.services[1] = { ...blueprint.services[1]!, name: long };
    const rendered = render({ blueprint, config: atJob });
    const job = rendered.objects.find((o) => o.kind === 'Job');
    expect(job?.metadata?.name?.length).toBeLessThanOrEqual(63);
    const rerun = renderInitRerun({
      environment: { id: 'x' },
      blueprint,
      config,
      volumeProvisioning: 'dynamic',
      service: long,
      runId: 'r',
    });
    expect(rerun?.workload.initJobs[0]?.length).toBeLessThanOrEqual(63);
  });
});

describe('init steps of kind job', () => {
  const withJob = () => {
    const blueprint = checkoutDev();
    const db = blueprint.services[1]!;
    blueprint.services[1] = {
      ...db,
      init: [
        {
          type: 'job',
          name: 'migrate',
          image: 'ghcr.io/acme/checkout-api:1.0',
          command: ['node', 'migrate.js'],
          env: [{ name: 'DATABASE_URL', value: 'postgres://postgres@db:5432/checkout' }],
          sha256: 'b'.repeat(64),
        },
        ...db.init,
      ],
    };
    return blueprint;
  };

  it('runs the steps in order, one container each, after waiting for the db; the job step has the service env', () => {
    const job = render({ blueprint: withJob() }).objects.find((o): o is V1Job => o.kind === 'Job') as V1Job;
    const pod = job.spec!.template.spec!;
    expect(pod.initContainers!.map((c) => c.name)).toEqual(['wait', 'step-1-migrate']);
    expect(pod.containers.map((c) => c.name)).toEqual(['step-2-sql']);
    expect(pod.initContainers![0]!.command![2]).toContain('until pg_isready');
    const migrate = pod.initContainers![1]!;
    expect(migrate).toMatchObject({
      image: 'ghcr.io/acme/checkout-api:1.0',
      command: ['node', 'migrate.js'],
    });
    // The service's secret by reference, never inline; the step's own plain variable beside it.
    expect(migrate.env).toContainEqual({
      name: 'POSTGRES_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'db-env', key: 'POSTGRES_PASSWORD' } },
    });
    expect(migrate.env).toContainEqual({
      name: 'DATABASE_URL',
      value: 'postgres://postgres@db:5432/checkout',
    });
    expect(migrate.securityContext?.capabilities).toEqual({ drop: ['ALL'] });
    const sql = pod.containers[0]!.command![2]!;
    expect(sql).not.toContain('pg_isready');
    expect(sql).toContain('/scripts/02-seed.sql');
  });

  it('names the Job after every step, so a changed job step is a new Job; sql-only Jobs keep their names', () => {
    // A sql-only seed is a Job at initSql: job only.
    const plain = render({ config: atJob }).objects.find((o) => o.kind === 'Job')!.metadata!.name;
    const first = render({ blueprint: withJob() }).objects.find((o) => o.kind === 'Job')!.metadata!.name;
    const changed = withJob();
    const step = changed.services[1]!.init[0]!;
    changed.services[1]!.init[0] = { ...step, sha256: 'c'.repeat(64) };
    const second = render({ blueprint: changed }).objects.find((o) => o.kind === 'Job')!.metadata!.name;
    expect(new Set([plain, first, second]).size).toBe(3);
    expect(plain).toBe(render({ config: atJob }).objects.find((o) => o.kind === 'Job')!.metadata!.name);
  });
});

describe('data forking: a branch copy of a Postgres service starts from the baseline data', () => {
  const forkPlan: BranchPlan = {
    services: [
      { name: 'api', action: 'deploy', reasons: ['image changed'] },
      { name: 'db', action: 'fork', reasons: ['used by api'] },
      { name: 'cache', action: 'reuse', reasons: ['unchanged'] },
    ],
    summary: { deploy: 1, fork: 1, reuse: 1, removed: [] },
  };
  const branch = (overrides: Partial<RenderInput> = {}) =>
    render({ environment: { id: 'pr-42', baselineId: 'main' }, plan: forkPlan, ...overrides });

  it('copies the baseline server into the empty volume, then starts Postgres, and does not seed again', () => {
    const { objects } = branch();
    const db = find<V1StatefulSet>(objects, 'StatefulSet', 'db');
    const pod = db.spec!.template.spec!;
    // In the service's own container: no init container whose exit the kubelet notices a second late.
    expect(pod.initContainers).toBeUndefined();
    const container = pod.containers[0]!;
    expect(container.image).toBe('postgres:16-alpine');
    expect(container.volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
    const [shell, flag, script, name, ...start] = container.command!;
    expect([shell, flag, name]).toEqual(['sh', '-c', 'fork-data']);
    // Then what the image would have run.
    expect(start).toEqual(['docker-entrypoint.sh', 'postgres']);
    expect(container.args).toBeUndefined();
    expect(script!.split('\n').at(-1)).toBe('exec "$@"');
    expect(script).toContain(
      'pg_basebackup -h db.msx-main.svc.cluster.local. -p 5432 -D "$PGDATA" -X stream --checkpoint=fast --no-sync',
    );
    // A dropped first SYN is not waited out: quick attempts, each a new connection.
    expect(script).toContain('timeout "$1" pg_isready -q -h db.msx-main.svc.cluster.local. -p 5432');
    // auto: a baseline refusing replication is dumped and restored instead.
    expect(script).toContain('method=auto');
    expect(script).toContain('pg_dump -h db.msx-main.svc.cluster.local.');
    expect(script).toContain('if [ -e "$PGDATA/.microstax-fork-done" ]; then');
    // The password by reference, never inline.
    expect(container.env).toContainEqual({
      name: 'POSTGRES_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'db-env', key: 'POSTGRES_PASSWORD' } },
    });
    expect(script).not.toContain('secret');
    expect(objects.some((o) => o.kind === 'Job')).toBe(false);
    // The fallback stops the server it started (another user): KILL beside the image's own.
    expect(container.securityContext?.capabilities?.add).toContain('KILL');
    expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
  });

  it("a blueprint's own command and args run after the copy", () => {
    const blueprint = checkoutDev();
    blueprint.services[1] = { ...blueprint.services[1]!, args: ['postgres', '-c', 'max_connections=20'] };
    const withArgs = find<V1StatefulSet>(branch({ blueprint }).objects, 'StatefulSet', 'db').spec!.template
      .spec!.containers[0]!;
    expect(withArgs.command!.slice(3)).toEqual([
      'fork-data',
      'docker-entrypoint.sh',
      'postgres',
      '-c',
      'max_connections=20',
    ]);
    blueprint.services[1] = { ...blueprint.services[1]!, command: ['/bin/start-db'], args: undefined };
    const withCommand = find<V1StatefulSet>(branch({ blueprint }).objects, 'StatefulSet', 'db').spec!.template
      .spec!.containers[0]!;
    expect(withCommand.command!.slice(3)).toEqual(['fork-data', '/bin/start-db']);
  });

  it('lets the copy reach the baseline server, and no other service of it', () => {
    const egress = find<V1NetworkPolicy>(branch().objects, 'NetworkPolicy', 'microstax-egress');
    const upward = egress.spec!.egress!.find((rule) => rule.to?.[0]?.namespaceSelector);
    expect(upward?.to?.[0]?.podSelector?.matchExpressions?.[0]?.values).toEqual(['cache', 'db']);
  });

  it('fork: seed starts the copy fresh and seeds it; the method setting is passed on', () => {
    const blueprint = checkoutDev();
    blueprint.services[1] = { ...blueprint.services[1]!, fork: 'seed' };
    const seeded = branch({ blueprint });
    expect(
      find<V1StatefulSet>(seeded.objects, 'StatefulSet', 'db').spec!.template.spec!.containers[0]!.command,
    ).toBeUndefined();
    // Seeded as a new environment's would be: by its entrypoint, or at initSql: job by a Job.
    expect(seeded.objects.some((o) => o.kind === 'Job')).toBe(false);
    expect(
      find<V1StatefulSet>(seeded.objects, 'StatefulSet', 'db').metadata?.annotations?.[
        ANNOTATIONS.seedInService
      ],
    ).toBe('1');
    expect(branch({ blueprint, config: atJob }).objects.some((o) => o.kind === 'Job')).toBe(true);
    const logical = branch({ config: deployConfig({ baseDomain: 'dev.acme.test', forkMethod: 'logical' }) });
    const script = find<V1StatefulSet>(logical.objects, 'StatefulSet', 'db').spec!.template.spec!
      .containers[0]!.command![2]!;
    expect(script).toContain('method=logical');
  });
});

describe('init steps around a snapshot step', () => {
  const withSnapshot = () => {
    const blueprint = checkoutDev();
    const db = blueprint.services[1]!;
    blueprint.services[1] = {
      ...db,
      init: [
        { type: 'snapshot', snapshot: 'golden', snapshotId: 'snap-1', from: 'db', sha256: 'e'.repeat(64) },
        ...db.init,
      ],
    };
    return blueprint;
  };

  it('runs no init Job at deploy when the first step is a snapshot; the steps after it are a Job of their own', () => {
    const blueprint = withSnapshot();
    const rendered = render({ blueprint });
    expect(rendered.objects.filter((o) => o.kind === 'Job')).toEqual([]);
    expect(rendered.workloads.find((w) => w.service === 'db')?.initJobs).toEqual([]);
    const input = {
      environment: { id: 'ana-checkout' },
      blueprint,
      config,
      volumeProvisioning: 'dynamic' as const,
      service: 'db',
      runId: 'run-1',
    };
    expect(renderInitRerun(input)).toBeUndefined();
    const after = renderInitRerun({ ...input, segment: 1 })!;
    const [configMap, job] = after.objects as [V1ConfigMap, V1Job];
    expect(configMap.metadata?.name).toBe('db-init-scripts-1');
    expect(Object.keys(configMap.data!)).toEqual(['02-seed.sql']);
    const pod = job.spec!.template.spec!;
    // Named by the step's place in the written list: the failure of step 2 says step 2.
    expect(pod.initContainers!.map((c) => c.name)).toEqual(['wait']);
    expect(pod.containers.map((c) => c.name)).toEqual(['step-2-sql']);
    expect(after.workload.initJobs).toEqual([job.metadata!.name]);
    expect(job.metadata!.name).not.toBe(
      renderInitRerun({ ...input, segment: 1, runId: 'run-2' })!.workload.initJobs[0],
    );
  });
});
