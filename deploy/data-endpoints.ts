import type {
  V1Container,
  V1Deployment,
  V1PodSpec,
  V1Secret,
  V1Service,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type { DeployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import { namespaceFor } from './names.js';

/**
 * How tools outside the cluster (pg_dump and redis-cli for snapshots, on the worker's host) reach a data service
 * of an environment: its Service's cluster IP, which answers from the host where kube-proxy runs
 * (the local stack's real node, a k3s server), with the credentials the running workload has, read
 * from its pod template and Secret (so inferred and declared credentials alike are found).
 */

/** The running data workload's pod template and its first container (image, env, scheduling). */
export async function liveDataWorkload(params: {
  kube: KubeClient;
  namespace: string;
  service: string;
}): Promise<{ pod: V1PodSpec; container: V1Container }> {
  for (const kind of ['StatefulSet', 'Deployment'] as const) {
    const workload = await params.kube.readOrNull<V1StatefulSet | V1Deployment>({
      apiVersion: 'apps/v1',
      kind,
      namespace: params.namespace,
      name: params.service,
    });
    const pod = workload?.spec?.template.spec;
    const container = pod?.containers[0];
    if (pod && container) return { pod, container };
  }
  throw new DeployConfigurationError({
    field: `services.${params.service}`,
    problem: `no workload ${params.namespace}/${params.service} runs`,
  });
}

/**
 * The cluster IP and port of a data service's Service, and a reader of its running workload's env
 * values (plain, or by Secret reference).
 */
async function reachableService(params: {
  kube: KubeClient;
  config: DeployConfig;
  environmentId: string;
  service: string;
}): Promise<{
  host: string;
  port: number | undefined;
  value: (name: string) => Promise<string | undefined>;
}> {
  const { kube, service } = params;
  const namespace = namespaceFor(params.environmentId, params.config.namespacePrefix);
  const live = await kube.read<V1Service>({ apiVersion: 'v1', kind: 'Service', namespace, name: service });
  const clusterIp = live.spec?.clusterIP;
  if (!clusterIp || clusterIp === 'None') {
    throw new DeployConfigurationError({
      field: `services.${service}`,
      problem: `Service ${namespace}/${service} has no cluster IP to reach it by`,
    });
  }
  const { container } = await liveDataWorkload({ kube, namespace, service });
  const value = async (name: string): Promise<string | undefined> => {
    const v = container.env?.find((candidate) => candidate.name === name);
    if (v?.value !== undefined) return v.value;
    const ref = v?.valueFrom?.secretKeyRef;
    if (!ref?.name) return undefined;
    const secret = await kube.read<V1Secret>({ apiVersion: 'v1', kind: 'Secret', namespace, name: ref.name });
    const data = secret.data?.[ref.key];
    return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
  };
  return { host: clusterIp, port: live.spec?.ports?.[0]?.port, value };
}

/** A postgres:// URL with credentials for one Postgres service of an environment. */
export async function postgresUrlFor(params: {
  kube: KubeClient;
  config: DeployConfig;
  environmentId: string;
  service: string;
}): Promise<string> {
  const { host, port, value } = await reachableService(params);
  const user = (await value('POSTGRES_USER')) ?? 'postgres';
  const url = new URL(`postgres://${host}:${port ?? 5432}/`);
  url.username = user;
  url.password = (await value('POSTGRES_PASSWORD')) ?? '';
  url.pathname = `/${(await value('POSTGRES_DB')) ?? user}`;
  return url.href;
}

/** Where one Redis service of an environment answers, with its workload's REDIS_PASSWORD if it sets one. */
export async function redisEndpointFor(params: {
  kube: KubeClient;
  config: DeployConfig;
  environmentId: string;
  service: string;
}): Promise<RedisEndpoint> {
  const { host, port, value } = await reachableService(params);
  const password = await value('REDIS_PASSWORD');
  return { host, port: port ?? 6379, ...(password ? { password } : {}) };
}

export interface RedisEndpoint {
  host: string;
  port: number;
  password?: string;
}
