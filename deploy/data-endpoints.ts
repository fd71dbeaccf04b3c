import type { V1Service } from '@kubernetes/client-node';
import type { ResolvedBlueprint, ResolvedService } from '../blueprints/resolved.js';
import type { DeployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import { withClientCredentials } from './manifests/client-credentials.js';
import { namespaceFor } from './names.js';

/**
 * How tools outside the cluster (pg_dump for snapshots, on the worker's host) reach a data service
 * of an environment: its Service's cluster IP, which answers from the host where kube-proxy runs
 * (the local stack's real node, a k3s server), with the credentials the service runs with.
 */

/** A postgres:// URL with credentials for one Postgres service of an environment. */
export async function postgresUrlFor(params: {
  kube: KubeClient;
  config: DeployConfig;
  environmentId: string;
  blueprint: ResolvedBlueprint;
  service: ResolvedService;
  /** Looked-up secretRef values, keyed "<secretName>/<secretKey>" as for rendering. */
  secretValues?: Map<string, string>;
}): Promise<string> {
  const { service } = params;
  const namespace = namespaceFor(params.environmentId, params.config.namespacePrefix);
  const live = await params.kube.read<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    namespace,
    name: service.name,
  });
  const clusterIp = live.spec?.clusterIP;
  if (!clusterIp || clusterIp === 'None') {
    throw new DeployConfigurationError({
      field: `services.${service.name}`,
      problem: `Service ${namespace}/${service.name} has no cluster IP to reach it by`,
    });
  }
  const port = live.spec?.ports?.[0]?.port ?? service.ports[0] ?? 5432;
  const env = withClientCredentials(params.blueprint, service).env;
  const value = (name: string): string | undefined => {
    const v = env.find((candidate) => candidate.name === name);
    if (!v) return undefined;
    if (v.kind !== 'secretRef') return v.value;
    return params.secretValues?.get(`${v.secretName}/${v.secretKey}`);
  };
  const url = new URL(`postgres://${clusterIp}:${port}/`);
  url.username = value('POSTGRES_USER') ?? 'postgres';
  url.password = value('POSTGRES_PASSWORD') ?? '';
  url.pathname = `/${value('POSTGRES_DB') ?? value('POSTGRES_USER') ?? 'postgres'}`;
  return url.href;
}
