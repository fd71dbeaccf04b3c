import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  KubernetesObject,
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1Container,
  V1Deployment,
  V1IngressClass,
  V1NetworkPolicy,
  V1PodDisruptionBudget,
  V1PolicyRule,
  V1Secret,
  V1Service,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { API_CONFIG_ENV, loadApiConfig } from '../../../api/config.js';
import { buildProgram } from '../../../cli/main.js';
import { loadDeployConfig } from '../../../deploy/config.js';
import { HEALTH_PATH } from '../../../gateway/server.js';
import { loadGatewaySettings } from '../../../gateway/settings.js';
import { REPO_ROOT } from '../../../local/stack/config.js';
import { VERSIONS } from '../../../local/stack/versions.js';
import { loadCodecKeys } from '../../../temporal/codec-key.js';
import { loadTemporalConfig } from '../../../temporal/config.js';
import { loadWorkerSettings, snapshotRunnerOf } from '../../../worker/settings.js';
import { CHART_DIR, ensureHelm, HELM_BUILD_TIMEOUT_MS, runHelm } from '../../support/helm.js';

/**
 * The Helm chart (charts/microstax), linted and rendered by the pinned Helm: no cluster needed. What
 * the containers are given is checked against the product itself (its config loaders and its CLI),
 * so a renamed setting or flag fails here rather than in someone's cluster.
 */

const SAMPLE_VALUES = path.join(CHART_DIR, 'ci', 'sample-values.yaml');
const COMPONENTS = ['api', 'worker', 'gateway'] as const;
type Component = (typeof COMPONENTS)[number];
const RELEASE = 'msx';
const NAMESPACE = 'microstax';
const nameOf = (component: Component) => `${RELEASE}-microstax-${component}`;

interface SampleValues {
  temporal: { address: string };
  codec: { key: string };
  database: { url: string };
  gateway: { baseDomain: string };
}

let helm: string;
let sample: SampleValues;
let rendered: KubernetesObject[];

async function render(args: readonly string[] = []): Promise<KubernetesObject[]> {
  const result = await runHelm(helm, [
    'template',
    RELEASE,
    CHART_DIR,
    '--namespace',
    NAMESPACE,
    '--values',
    SAMPLE_VALUES,
    ...args,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}

function find<T extends KubernetesObject>(objects: KubernetesObject[], kind: string, name: string): T {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} rendered`);
  return found as T;
}

const deployment = (objects: KubernetesObject[], component: Component) =>
  find<V1Deployment>(objects, 'Deployment', nameOf(component));
const container = (objects: KubernetesObject[], component: Component): V1Container =>
  deployment(objects, component).spec!.template.spec!.containers[0]!;
const clusterRole = (objects: KubernetesObject[], component: Component) =>
  find<V1ClusterRole>(objects, 'ClusterRole', nameOf(component));

/** A container's environment as the process sees it: secretKeyRefs resolved from the rendered Secrets. */
function processEnv(objects: KubernetesObject[], component: Component): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const variable of container(objects, component).env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) {
      const secret = find<V1Secret>(objects, 'Secret', ref.name!);
      env[variable.name] = Buffer.from(secret.data![ref.key]!, 'base64').toString('utf8');
    } else {
      env[variable.name] = variable.value;
    }
  }
  return env;
}

/** Rules as sorted `group/resource: verbs` lines, so a comparison ignores how rules are grouped. */
function ruleLines(rules: V1PolicyRule[]): string[] {
  return rules
    .flatMap((rule) =>
      (rule.resources ?? []).flatMap((resource) =>
        (rule.apiGroups ?? []).map(
          (group) => `${group || 'core'}/${resource}: ${[...rule.verbs].sort().join(',')}`,
        ),
      ),
    )
    .sort();
}

beforeAll(async () => {
  helm = await ensureHelm();
  sample = parse(await readFile(SAMPLE_VALUES, 'utf8')) as SampleValues;
  rendered = await render();
}, HELM_BUILD_TIMEOUT_MS);

describe('charts/microstax', () => {
  it('is checked by the pinned Helm, built from its Go module', async () => {
    const result = await runHelm(helm, ['version', '--short']);
    expect(result.stdout.trim()).toBe(VERSIONS.helm);
  });

  it('passes helm lint --strict with the sample values', async () => {
    const result = await runHelm(helm, ['lint', '--strict', CHART_DIR, '--values', SAMPLE_VALUES]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it("installs package.json's version: appVersion, and the image tag by default", async () => {
    const chart = parse(await readFile(path.join(CHART_DIR, 'Chart.yaml'), 'utf8')) as { appVersion: string };
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(chart.appVersion).toBe(pkg.version);
    for (const component of COMPONENTS) {
      expect(container(rendered, component).image).toBe(`ghcr.io/microstax/microstax:${pkg.version}`);
    }
  });

  it('runs two or more replicas of each process, each with a PodDisruptionBudget keeping one', () => {
    for (const component of COMPONENTS) {
      const replicas = deployment(rendered, component).spec!.replicas!;
      expect(replicas, component).toBeGreaterThanOrEqual(2);
      const pdb = find<V1PodDisruptionBudget>(rendered, 'PodDisruptionBudget', nameOf(component));
      expect(pdb.spec!.minAvailable).toBe(1);
      expect(pdb.spec!.selector!.matchLabels).toEqual(
        deployment(rendered, component).spec!.selector.matchLabels,
      );
    }
  });

  it('renders no PodDisruptionBudget for a single replica, which it would keep from ever being evicted', async () => {
    const objects = await render(['--set', 'worker.replicas=1']);
    expect(
      objects.some((o) => o.kind === 'PodDisruptionBudget' && o.metadata?.name === nameOf('worker')),
    ).toBe(false);
  });

  it('gives a snapshot claim to the worker with one root init container that may only chown, when asked', async () => {
    expect(deployment(rendered, 'worker').spec!.template.spec!.initContainers).toBeUndefined();
    const objects = await render([
      '--set',
      'worker.snapshots.existingClaim=snapshots',
      '--set',
      'worker.snapshots.fixPermissions=true',
    ]);
    const pod = deployment(objects, 'worker').spec!.template.spec!;
    expect(pod.initContainers).toHaveLength(1);
    const init = pod.initContainers![0]!;
    expect(init.command).toEqual(['chown', '65532:65532', '/var/lib/microstax/snapshots']);
    expect(init.securityContext).toMatchObject({
      runAsUser: 0,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['CHOWN'] },
    });
    expect(pod.volumes!.find((v) => v.name === 'snapshots')?.persistentVolumeClaim?.claimName).toBe(
      'snapshots',
    );
  });

  it('runs every container hardened: non-root 65532, read-only root with /tmp on an emptyDir, no privileges', () => {
    for (const component of COMPONENTS) {
      const pod = deployment(rendered, component).spec!.template.spec!;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 65532,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(c.securityContext, `${component}/${c.name}`).toEqual({
          runAsNonRoot: true,
          runAsUser: 65532,
          runAsGroup: 65532,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, `${component} /tmp`).toBeDefined();
      }
    }
  });

  it('probes the api and the gateway on the endpoints they serve', () => {
    const paths = (component: Component) => {
      const c = container(rendered, component);
      return [c.startupProbe, c.livenessProbe, c.readinessProbe].map((probe) => probe?.httpGet?.path);
    };
    expect(paths('api')).toEqual(['/healthz', '/healthz', '/readyz']);
    expect(paths('gateway')).toEqual([HEALTH_PATH, HEALTH_PATH, HEALTH_PATH]);
    for (const component of ['api', 'gateway'] as const) {
      const c = container(rendered, component);
      for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe])
        expect(probe!.httpGet!.port).toBe('http');
      expect(c.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    }
  });

  it("probes the worker on its health port, which the worker's own settings read", () => {
    const c = container(rendered, 'worker');
    expect([c.startupProbe, c.livenessProbe, c.readinessProbe].map((p) => p?.httpGet?.path)).toEqual([
      '/healthz',
      '/healthz',
      '/readyz',
    ]);
    expect(c.ports).toEqual([{ name: 'health', containerPort: 8081, protocol: 'TCP' }]);
    const settings = loadWorkerSettings(processEnv(rendered, 'worker'));
    expect(settings).toMatchObject({ healthPort: 8081, shutdownGraceSeconds: 90, prewarmAim: 0.93 });
    // Activities get their grace before the kubelet's SIGKILL.
    expect(settings.shutdownGraceSeconds).toBeLessThan(
      deployment(rendered, 'worker').spec!.template.spec!.terminationGracePeriodSeconds!,
    );
  });

  it('starts each process with a command and flags the microstax CLI accepts', async () => {
    const parsed: Record<string, Record<string, unknown>> = {};
    const program = await buildProgram({ all: true });
    for (const command of program.commands.filter((c) => COMPONENTS.includes(c.name() as Component))) {
      command.action((options: Record<string, unknown>) => {
        parsed[command.name()] = options;
      });
    }
    for (const component of COMPONENTS) {
      await program.parseAsync(container(rendered, component).args!, { from: 'user' });
    }
    expect(Object.keys(parsed).sort()).toEqual([...COMPONENTS].sort());
    expect(parsed.gateway).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      ingressClass: 'microstax',
      jsonLogs: true,
    });
  });

  it("sets what the product's own config loaders read, by the names they read", async () => {
    for (const component of COMPONENTS) {
      const env = processEnv(rendered, component);
      expect(env.NODE_ENV, component).toBe('production');
      expect(loadTemporalConfig(env), component).toMatchObject({
        address: sample.temporal.address,
        namespace: 'microstax',
      });
      expect((await loadCodecKeys(env)).source, component).toBe('env');
      // No kubeconfig: in a pod the product's KubeClient.fromEnvironment uses the ServiceAccount.
      expect(env.KUBECONFIG, component).toBeUndefined();
    }
    const api = processEnv(rendered, 'api');
    expect(api[API_CONFIG_ENV.databaseUrl]).toBe(sample.database.url);
    expect(loadApiConfig(api)).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      databaseUrl: sample.database.url,
    });

    const worker = processEnv(rendered, 'worker');
    expect(worker.DATABASE_URL).toBe(sample.database.url);
    expect(loadDeployConfig(worker)).toMatchObject({
      baseDomain: sample.gateway.baseDomain,
      ingressClassName: 'microstax',
      namespacePrefix: 'msx-',
      volumeProvisioning: 'dynamic',
    });
    expect(loadWorkerSettings(worker)).toMatchObject({ snapshotDir: '/var/lib/microstax/snapshots' });
    // The gateway checks credentials against the API's tokens and shares.
    expect(processEnv(rendered, 'gateway').DATABASE_URL).toBe(sample.database.url);
  });

  it('sends snapshots to an object store when one is named, with its keys from a Secret', async () => {
    const objects = await render([
      '--set',
      'worker.snapshots.store=s3://team-snapshots/microstax',
      '--set',
      'worker.snapshots.s3.endpoint=http://minio.storage:9000',
      '--set',
      'worker.snapshots.s3.existingSecret=snapshot-keys',
    ]);
    // The keys' Secret is the platform team's own, not rendered: read the plain values only.
    const variables = container(objects, 'worker').env!;
    const env = Object.fromEntries(
      variables.flatMap((v) => (v.value === undefined ? [] : [[v.name, v.value]])),
    );
    expect(loadWorkerSettings(env)).toMatchObject({
      snapshotStore: 's3://team-snapshots/microstax',
      s3Endpoint: 'http://minio.storage:9000',
      s3Region: 'us-east-1',
      scratchDir: '/var/lib/microstax/snapshots',
    });
    expect(env.MICROSTAX_SNAPSHOT_DIR).toBeUndefined();
    const keys = variables.filter((variable) => variable.name.startsWith('AWS_'));
    expect(keys.map((variable) => [variable.name, variable.valueFrom?.secretKeyRef])).toEqual([
      ['AWS_ACCESS_KEY_ID', { name: 'snapshot-keys', key: 'accessKeyId' }],
      ['AWS_SECRET_ACCESS_KEY', { name: 'snapshot-keys', key: 'secretAccessKey' }],
    ]);
    const refused = await render(['--set', 'worker.snapshots.store=https://not-s3']).catch(
      (error: Error) => error,
    );
    expect(String(refused)).toMatch(/worker\.snapshots\.store|snapshots.*store/);
  });

  it('runs snapshot dumps as Jobs with its own image by default, and gives the worker only what they need', async () => {
    const store = ['--set', 'worker.snapshots.store=s3://team-snapshots'];
    const jobs = await render([...store, '--set', 'worker.snapshots.s3.podEndpoint=http://10.0.0.1:9000']);
    const env = processEnv(jobs, 'worker');
    const settings = loadWorkerSettings(env);
    expect(snapshotRunnerOf(settings)).toBe('job');
    expect(settings.snapshotJobImage).toBe(container(jobs, 'worker').image);
    expect(settings.s3PodEndpoint).toBe('http://10.0.0.1:9000');
    const extra = (objects: typeof jobs) =>
      ruleLines(clusterRole(objects, 'worker').rules!).filter(
        (line) => !ruleLines(clusterRole(rendered, 'worker').rules!).includes(line),
      );
    // Deleting the Job removes its URL Secret and NetworkPolicy (owner references): no Secret delete.
    expect(extra(jobs).sort()).toEqual(['batch/jobs: delete', 'core/pods/log: get']);
    const inWorker = await render([...store, '--set', 'worker.snapshots.runner=worker']);
    expect(snapshotRunnerOf(loadWorkerSettings(processEnv(inWorker, 'worker')))).toBe('worker');
    expect(extra(inWorker)).toEqual([]);
    const refused = await render([...store, '--set', 'worker.snapshots.runner=pod']).catch(
      (error: Error) => error,
    );
    expect(String(refused)).toMatch(/runner/);
  });

  it('passes the optional settings only when they are set', async () => {
    expect(processEnv(rendered, 'api')[API_CONFIG_ENV.publicUrl]).toBeUndefined();
    const objects = await render([
      '--set',
      'api.publicUrl=https://microstax.example.com',
      '--set',
      'worker.nodeTier=envs',
      '--set',
      'worker.storageClass=fast-ssd',
      '--set-json',
      'api.extraEnv=[{"name":"MICROSTAX_API_RATE_LIMIT","value":"600"}]',
    ]);
    expect(loadApiConfig(processEnv(objects, 'api'))).toMatchObject({
      publicUrl: 'https://microstax.example.com',
      rateLimitPerMinute: 600,
    });
    expect(loadDeployConfig(processEnv(objects, 'worker'))).toMatchObject({
      nodeTier: 'envs',
      storageClassName: 'fast-ssd',
    });
  });

  it('reads the database URL and codec key from existing Secrets when named, and keeps no copy', async () => {
    const objects = await render([
      '--set',
      'database.url=',
      '--set',
      'database.existingSecret=platform-db',
      '--set',
      'codec.key=',
      '--set',
      'codec.existingSecret=platform-codec',
      '--set',
      'codec.existingSecretKey=key',
    ]);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const env = container(objects, 'worker').env!;
    expect(env.find((v) => v.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef).toEqual({
      name: 'platform-db',
      key: 'database-url',
    });
    expect(env.find((v) => v.name === 'MICROSTAX_CODEC_KEY')!.valueFrom!.secretKeyRef).toEqual({
      name: 'platform-codec',
      key: 'key',
    });
  });

  it('mounts Temporal mTLS files and reads the Temporal Cloud API key from the Secrets the values name', async () => {
    const objects = await render([
      '--set',
      'temporal.tls.secretName=temporal-client',
      '--set',
      'temporal.tls.caKey=ca.crt',
      '--set',
      'temporal.tls.serverName=microstax.tmprl.cloud',
      '--set',
      'temporal.apiKey.existingSecret=temporal-cloud',
    ]);
    for (const component of COMPONENTS) {
      const c = container(objects, component);
      const value = (name: string) => c.env!.find((v) => v.name === name);
      const mount = c.volumeMounts!.find((m) => m.name === 'temporal-tls')!;
      expect(mount.mountPath).toBe('/etc/microstax/temporal-tls');
      expect(value('TEMPORAL_TLS_CERT_FILE')!.value).toBe(`${mount.mountPath}/tls.crt`);
      expect(value('TEMPORAL_TLS_KEY_FILE')!.value).toBe(`${mount.mountPath}/tls.key`);
      expect(value('TEMPORAL_TLS_CA_FILE')!.value).toBe(`${mount.mountPath}/ca.crt`);
      expect(value('TEMPORAL_TLS_SERVER_NAME')!.value).toBe('microstax.tmprl.cloud');
      expect(value('TEMPORAL_API_KEY')!.valueFrom!.secretKeyRef).toEqual({
        name: 'temporal-cloud',
        key: 'api-key',
      });
      const volume = deployment(objects, component).spec!.template.spec!.volumes!.find(
        (v) => v.name === 'temporal-tls',
      );
      expect(volume!.secret!.secretName).toBe('temporal-client');
    }
    for (const component of COMPONENTS) {
      const names = container(rendered, component).env!.map((v) => v.name);
      expect(
        names.filter((name) => /^TEMPORAL_(TLS|API_KEY)/.test(name)),
        component,
      ).toEqual([]);
    }
  });

  it('gives the worker exactly the rules the deploy layer uses, no wildcard and no Secret list, update or delete', () => {
    const rules = clusterRole(rendered, 'worker').rules!;
    for (const rule of rules) {
      expect([...rule.verbs, ...(rule.resources ?? []), ...(rule.apiGroups ?? [])]).not.toContain('*');
      expect(rule.resourceNames).toBeUndefined();
      expect(rule.nonResourceURLs).toBeUndefined();
    }
    expect(ruleLines(rules)).toEqual(
      [
        'core/namespaces: create,delete,get,list,patch,watch',
        'core/nodes: list',
        'core/persistentvolumes: list,watch',
        'core/configmaps: create,patch',
        'core/limitranges: create,patch',
        'core/resourcequotas: create,patch',
        'core/persistentvolumeclaims: create,patch',
        'networking.k8s.io/ingresses: create,patch',
        'networking.k8s.io/networkpolicies: create,patch',
        'core/secrets: create,get,patch',
        'core/services: create,get,patch',
        'apps/deployments: create,get,list,patch,watch',
        'apps/statefulsets: create,get,list,patch,watch',
        'batch/jobs: create,get,list,patch,watch',
        'core/serviceaccounts: create,patch',
        'core/events: list,watch',
        'core/pods: delete,list,watch',
      ].sort(),
    );
  });

  it('lets the worker create and delete PersistentVolumes only when it provisions them itself', async () => {
    const lines = async (mode: string) =>
      ruleLines(
        clusterRole(await render(['--set', `worker.volumeProvisioning=${mode}`]), 'worker').rules!,
      ).filter((line) => line.startsWith('core/persistentvolumes') || line.startsWith('storage.k8s.io/'));
    expect(await lines('static')).toEqual(['core/persistentvolumes: create,delete,list,patch,watch']);
    expect(await lines('auto')).toEqual([
      'core/persistentvolumes: create,delete,list,patch,watch',
      'storage.k8s.io/storageclasses: list',
    ]);
    expect(
      loadDeployConfig(processEnv(await render(['--set', 'worker.volumeProvisioning=static']), 'worker')),
    ).toMatchObject({ volumeProvisioning: 'static' });
  });

  it('seeds in the data service by default, and with an init Job when asked', async () => {
    expect(loadDeployConfig(processEnv(rendered, 'worker')).initSql).toBe('service');
    expect(
      loadDeployConfig(processEnv(await render(['--set', 'worker.initSql=job']), 'worker')).initSql,
    ).toBe('job');
  });

  it("passes the secret source namespace to the worker's deploy settings", async () => {
    const env = processEnv(
      await render(['--set', 'worker.secretSourceNamespace=msx-secrets-{team}']),
      'worker',
    );
    expect(loadDeployConfig(env).secretSourceNamespace).toBe('msx-secrets-{team}');
    expect(loadDeployConfig(processEnv(rendered, 'worker')).secretSourceNamespace).toBeUndefined();
  });

  it('gives the gateway read-only rules over what its routing view watches', () => {
    const rules = clusterRole(rendered, 'gateway').rules!;
    for (const rule of rules)
      expect(rule.verbs.every((verb) => ['get', 'list', 'watch'].includes(verb))).toBe(true);
    expect(ruleLines(rules)).toEqual([
      'apps/deployments: list,watch',
      'apps/statefulsets: list,watch',
      'core/configmaps: list,watch',
      'core/services: list,watch',
      'discovery.k8s.io/endpointslices: list,watch',
      'networking.k8s.io/ingresses: list,watch',
    ]);
  });

  it('runs the header router: two replicas with a budget, the CLI command, and only routing tables to read', async () => {
    const name = `${RELEASE}-microstax-router`;
    const router = find<V1Deployment>(rendered, 'Deployment', name);
    expect(router.spec!.replicas).toBe(2);
    expect(find<V1PodDisruptionBudget>(rendered, 'PodDisruptionBudget', name).spec!.minAvailable).toBe(1);
    const pod = router.spec!.template.spec!;
    expect(pod.serviceAccountName).toBe(name);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    const c = pod.containers[0]!;
    expect(c.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    // No database, Temporal or codec key: the router needs none of them.
    expect((c.env ?? []).map((e) => e.name)).toEqual(['NODE_ENV']);
    let parsed: Record<string, unknown> | undefined;
    const program = await buildProgram({ all: true });
    program.commands
      .find((command) => command.name() === 'router')!
      .action((options: Record<string, unknown>) => {
        parsed = options;
      });
    await program.parseAsync(c.args!, { from: 'user' });
    expect(parsed).toMatchObject({ host: '0.0.0.0', port: 8080 });
    const rules = find<V1ClusterRole>(rendered, 'ClusterRole', name).rules!;
    expect(ruleLines(rules)).toEqual(['core/configmaps: list,watch']);
    const binding = find<V1ClusterRoleBinding>(rendered, 'ClusterRoleBinding', name);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name, namespace: NAMESPACE }]);
    expect(find<V1Service>(rendered, 'Service', name).spec!.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'routed-8080', port: 8080, targetPort: 'http', protocol: 'TCP' },
    ]);
    // The worker points header-routed baselines' calls at this Service.
    const worker = find<V1Deployment>(rendered, 'Deployment', `${RELEASE}-microstax-worker`);
    expect(worker.spec!.template.spec!.containers[0]!.env).toContainEqual({
      name: 'MICROSTAX_HEADER_ROUTER',
      value: `${NAMESPACE}/${name}`,
    });
    const policy = find<V1NetworkPolicy>(rendered, 'NetworkPolicy', name);
    expect(policy.spec!.ingress![0]!.ports!.map((p) => p.port)).toEqual(['http']);
    const off = await render(['--set', 'router.enabled=false']);
    expect(off.some((o) => o.metadata?.name === name)).toBe(false);
    const offWorker = find<V1Deployment>(off, 'Deployment', `${RELEASE}-microstax-worker`);
    expect(offWorker.spec!.template.spec!.containers[0]!.env!.map((e) => e.name)).not.toContain(
      'MICROSTAX_HEADER_ROUTER',
    );
  });

  it('lets the api list Nodes and read Pods and their logs, and nothing else', () => {
    expect(ruleLines(clusterRole(rendered, 'api').rules!)).toEqual([
      'core/nodes: list',
      'core/pods/log: get',
      'core/pods: list',
    ]);
  });

  it("binds each ClusterRole to its own ServiceAccount, whose token only the process's pod mounts", () => {
    for (const component of COMPONENTS) {
      const binding = find<V1ClusterRoleBinding>(rendered, 'ClusterRoleBinding', nameOf(component));
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: nameOf(component),
      });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: nameOf(component), namespace: NAMESPACE },
      ]);
      expect(
        find<V1ServiceAccount>(rendered, 'ServiceAccount', nameOf(component)).automountServiceAccountToken,
      ).toBe(false);
      const pod = deployment(rendered, component).spec!.template.spec!;
      expect(pod.serviceAccountName).toBe(nameOf(component));
      // All three read the Kubernetes API: the api Nodes, the worker environments, the gateway routes.
      expect(pod.automountServiceAccountToken).toBe(true);
    }
    expect(rendered.filter((o) => o.kind === 'Role' || o.kind === 'RoleBinding')).toEqual([]);
  });

  it('lets traffic reach only the api and gateway ports, and keeps egress open unless rules are given', async () => {
    for (const component of COMPONENTS) {
      const policy = find<V1NetworkPolicy>(rendered, 'NetworkPolicy', nameOf(component));
      expect(policy.spec!.podSelector!.matchLabels).toEqual(
        deployment(rendered, component).spec!.selector.matchLabels,
      );
      expect(policy.spec!.policyTypes).toEqual(['Ingress']);
      expect(policy.spec!.ingress).toEqual(
        component === 'worker' ? [] : [{ ports: [{ port: 'http', protocol: 'TCP' }] }],
      );
    }
    const egress = [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }];
    const objects = await render(['--set-json', `networkPolicy.egress=${JSON.stringify(egress)}`]);
    const policy = find<V1NetworkPolicy>(objects, 'NetworkPolicy', nameOf('worker'));
    expect(policy.spec!.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec!.egress).toEqual([
      {
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      },
      ...egress,
    ]);
  });

  it('exposes the gateway through a Service of the configured type, and its IngressClass', async () => {
    expect(find<V1Service>(rendered, 'Service', nameOf('gateway')).spec!.type).toBe('ClusterIP');
    const objects = await render(['--set', 'gateway.service.type=LoadBalancer']);
    expect(find<V1Service>(objects, 'Service', nameOf('gateway')).spec!.type).toBe('LoadBalancer');
    const ingressClass = find<V1IngressClass>(rendered, 'IngressClass', 'microstax');
    expect(ingressClass.spec!.controller).toBe('microstax.dev/gateway');
  });

  it('serves plain HTTP without a certificate, and renders no Certificate', () => {
    const service = find<V1Service>(rendered, 'Service', nameOf('gateway'));
    expect(service.spec!.ports!.map((p) => p.name)).toEqual(['http']);
    expect(rendered.some((o) => o.kind === 'Certificate')).toBe(false);
    expect(loadGatewaySettings(processEnv(rendered, 'gateway'))).toEqual({});
  });

  it('serves HTTPS from an existing TLS Secret, mounted whole so renewals reach the pod', async () => {
    const objects = await render(['--set', 'gateway.tls.secretName=wildcard-tls']);
    const c = container(objects, 'gateway');
    const mount = c.volumeMounts!.find((m) => m.name === 'gateway-tls')!;
    expect(mount).toMatchObject({ mountPath: '/etc/microstax/gateway-tls', readOnly: true });
    expect(mount.subPath).toBeUndefined();
    const volume = deployment(objects, 'gateway').spec!.template.spec!.volumes!.find(
      (v) => v.name === 'gateway-tls',
    )!;
    expect(volume.secret).toMatchObject({ secretName: 'wildcard-tls', defaultMode: 0o440 });
    const env = processEnv(objects, 'gateway');
    expect(loadGatewaySettings(env)).toEqual({
      tlsCertFile: `${mount.mountPath}/tls.crt`,
      tlsKeyFile: `${mount.mountPath}/tls.key`,
      httpRedirectPort: 8080,
    });
    expect(loadDeployConfig(env).ingressScheme).toBe('https');
    expect(loadDeployConfig(processEnv(objects, 'worker')).ingressScheme).toBe('https');
    expect(loadDeployConfig(processEnv(rendered, 'worker')).ingressScheme).toBe('http');
    expect(c.args).toEqual(expect.arrayContaining(['--port', '8443']));
    expect(c.ports!.map((p) => [p.name, p.containerPort])).toEqual([
      ['http', 8080],
      ['https', 8443],
    ]);
    // The probes stay on the plain port, which answers the gateway's own paths without TLS.
    expect(c.readinessProbe!.httpGet!.port).toBe('http');
    const service = find<V1Service>(objects, 'Service', nameOf('gateway'));
    expect(service.spec!.ports!.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ['https', 443, 'https'],
      ['http', 80, 'http'],
    ]);
    const noRedirect = await render([
      '--set',
      'gateway.tls.secretName=wildcard-tls',
      '--set',
      'gateway.tls.redirectHttp=false',
    ]);
    expect(find<V1Service>(noRedirect, 'Service', nameOf('gateway')).spec!.ports!.map((p) => p.name)).toEqual(
      ['https'],
    );
    const policy = find<V1NetworkPolicy>(objects, 'NetworkPolicy', nameOf('gateway'));
    expect(policy.spec!.ingress![0]!.ports!.map((p) => p.port)).toEqual(['http', 'https']);
  });

  it('renders a cert-manager Certificate only when asked, into the Secret the gateway mounts', async () => {
    const objects = await render([
      '--set',
      'gateway.tls.certManager.enabled=true',
      '--set',
      'gateway.tls.certManager.issuerRef.name=letsencrypt',
    ]);
    const certificate = find<KubernetesObject & { spec: Record<string, unknown> }>(
      objects,
      'Certificate',
      nameOf('gateway'),
    );
    expect(certificate.apiVersion).toBe('cert-manager.io/v1');
    expect(certificate.spec).toMatchObject({
      secretName: `${nameOf('gateway')}-tls`,
      dnsNames: [`*.${sample.gateway.baseDomain}`],
      issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    });
    const volume = deployment(objects, 'gateway').spec!.template.spec!.volumes!.find(
      (v) => v.name === 'gateway-tls',
    )!;
    expect(volume.secret!.secretName).toBe(`${nameOf('gateway')}-tls`);
    const named = await render([
      '--set',
      'gateway.tls.certManager.enabled=true',
      '--set',
      'gateway.tls.certManager.issuerRef.name=letsencrypt',
      '--set',
      'gateway.tls.certManager.dnsNames={*.checkout.example.dev,*.search.example.dev}',
    ]);
    expect(
      find<KubernetesObject & { spec: { dnsNames: string[] } }>(named, 'Certificate', nameOf('gateway')).spec
        .dnsNames,
    ).toEqual(['*.checkout.example.dev', '*.search.example.dev']);
  });

  it('labels every object the standard way, part of microstax', () => {
    for (const object of rendered) {
      expect(object.metadata?.labels, `${object.kind} ${object.metadata?.name}`).toMatchObject({
        'app.kubernetes.io/name': 'microstax',
        'app.kubernetes.io/instance': RELEASE,
        'app.kubernetes.io/version': expect.any(String),
        'app.kubernetes.io/managed-by': 'Helm',
        'app.kubernetes.io/part-of': 'microstax',
        'helm.sh/chart': 'microstax-0.1.0',
      });
    }
    for (const component of COMPONENTS) {
      const pod = deployment(rendered, component).spec!.template;
      expect(pod.metadata!.labels!['app.kubernetes.io/component']).toBe(component);
    }
  });

  it('refuses to install without the settings a platform engineer must set, naming each', async () => {
    const result = await runHelm(helm, ['template', RELEASE, CHART_DIR]);
    expect(result.code).not.toBe(0);
    for (const setting of ['/temporal/address', '/database/url', '/codec/key', '/gateway/baseDomain']) {
      expect(result.stderr).toContain(`at '${setting}'`);
    }
  });

  const badValues: { setting: string; args: string[]; message: RegExp }[] = [
    { setting: 'database.url missing', args: ['--set', 'database.url='], message: /at '\/database\/url'/ },
    {
      setting: 'database.url not postgres',
      args: ['--set', 'database.url=mysql://app:Pl4nted-Chart-Password@db/microstax'],
      message: /database\.url must start with postgres:\/\/ or postgresql:\/\/ \(the value is not shown/,
    },
    {
      setting: 'temporal.address missing',
      args: ['--set', 'temporal.address='],
      message: /at '\/temporal\/address'/,
    },
    {
      setting: 'temporal.address without a port',
      args: ['--set', 'temporal.address=temporal.example.com'],
      message: /at '\/temporal\/address': 'temporal.example.com' does not match/,
    },
    { setting: 'codec.key missing', args: ['--set', 'codec.key='], message: /at '\/codec\/key'/ },
    {
      setting: 'codec.key not 32 bytes',
      args: ['--set', 'codec.key=Pl4nted-Chart-Codec-Key'],
      message:
        /codec\.key must be 32 bytes as 64 hex digits or 43-44 base64 characters \(the value is not shown/,
    },
    {
      setting: 'gateway.baseDomain missing',
      args: ['--set', 'gateway.baseDomain='],
      message: /at '\/gateway\/baseDomain'/,
    },
    {
      setting: 'negative api replicas',
      args: ['--set', 'api.replicas=-1'],
      message: /at '\/api\/replicas': minimum/,
    },
    {
      setting: 'negative worker replicas',
      args: ['--set', 'worker.replicas=-2'],
      message: /at '\/worker\/replicas': minimum/,
    },
    {
      setting: 'gateway.service.type unknown',
      args: ['--set', 'gateway.service.type=Ingress'],
      message: /at '\/gateway\/service\/type': value must be one of/,
    },
    {
      setting: 'worker.initSql unknown',
      args: ['--set', 'worker.initSql=pod'],
      message: /at '\/worker\/initSql'/,
    },
    {
      setting: 'worker.volumeProvisioning unknown',
      args: ['--set', 'worker.volumeProvisioning=hostPath'],
      message: /at '\/worker\/volumeProvisioning'/,
    },
    {
      setting: 'a misspelt top-level key',
      args: ['--set', 'databse.url=postgres://x'],
      message: /additional properties 'databse' not allowed/,
    },
    {
      setting: 'a misspelt component key',
      args: ['--set', 'worker.replica=3'],
      message: /at '\/worker': additional properties 'replica' not allowed/,
    },
    {
      setting: 'both a TLS Secret and cert-manager',
      args: [
        '--set',
        'gateway.tls.secretName=wildcard-tls',
        '--set',
        'gateway.tls.certManager.enabled=true',
        '--set',
        'gateway.tls.certManager.issuerRef.name=letsencrypt',
      ],
      message: /gateway\.tls: set secretName \(an existing Secret\) or certManager\.enabled/,
    },
    {
      setting: 'cert-manager without an issuer',
      args: ['--set', 'gateway.tls.certManager.enabled=true'],
      message: /at '\/gateway\/tls\/certManager\/issuerRef\/name'/,
    },
    {
      setting: 'a malformed certificate name',
      args: ['--set', 'gateway.tls.certManager.dnsNames[0]=api.*.example.dev'],
      message: /at '\/gateway\/tls\/certManager\/dnsNames\/0'/,
    },
    {
      setting: 'a TLS Secret name that is not a Kubernetes name',
      args: ['--set', 'gateway.tls.secretName=Wildcard_TLS'],
      message: /at '\/gateway\/tls\/secretName'/,
    },
  ];

  it.each(badValues)(
    'fails helm template and install with $setting, naming it',
    async ({ args, message }) => {
      const common = [RELEASE, CHART_DIR, '--namespace', NAMESPACE, '--values', SAMPLE_VALUES, ...args];
      for (const command of [['template'], ['install', '--dry-run=client']]) {
        const result = await runHelm(helm, [...command, ...common]);
        expect(result.code, `${command[0]}: ${result.stdout}`).not.toBe(0);
        expect(result.stderr).toMatch(message);
        // A rejected secret is never echoed back to a terminal or a CI log.
        expect(result.stderr).not.toContain('Pl4nted');
      }
    },
  );
});
