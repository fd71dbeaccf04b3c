import type { V1Service } from '@kubernetes/client-node';
import type { DeployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import type { HeaderRouterTarget } from './manifests/header-router.js';

/**
 * Reads the header router's Service named by the `headerRouter` setting: its ClusterIP, ports and
 * pod selector are what a header-routed baseline's pods need to reach it. A setting that names no
 * usable Service fails the deploy before anything is applied.
 */
export async function lookUpHeaderRouter(params: {
  kube: KubeClient;
  config: DeployConfig;
}): Promise<HeaderRouterTarget | undefined> {
  const setting = params.config.headerRouter;
  if (!setting) return undefined;
  const [namespace, name] = setting.split('/') as [string, string];
  const fail = (problem: string) =>
    new DeployConfigurationError({ field: 'headerRouter (MICROSTAX_HEADER_ROUTER)', problem });
  const service = await params.kube.readOrNull<V1Service>({
    apiVersion: 'v1',
    kind: 'Service',
    namespace,
    name,
  });
  if (!service) throw fail(`Service ${setting} does not exist (is the chart's router enabled?)`);
  const address = service.spec?.clusterIP;
  const podSelector = service.spec?.selector;
  if (!address || address === 'None' || !podSelector || Object.keys(podSelector).length === 0) {
    throw fail(`Service ${setting} needs a ClusterIP and a pod selector`);
  }
  return { namespace, address, ports: (service.spec?.ports ?? []).map((p) => p.port), podSelector };
}
