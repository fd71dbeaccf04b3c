import type { Client } from '@temporalio/client';
import { KubeRuntime } from '../activities/kube-runtime.js';
import { createPlanner } from '../activities/planner-adapter.js';
import type { LifecycleDependencies } from '../activities/ports.js';
import { KubeClient, loadDeployConfig } from '../deploy/index.js';
import { readStackEndpoints } from '../stack/endpoints.js';

/**
 * The worker's real dependencies: the deploy layer over the cluster in KUBECONFIG (or the local stack's),
 * the planner over that cluster's node pools, and the Temporal client for progress and visibility.
 */
export async function createWorkerDependencies(params: {
  temporal: Client;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}): Promise<LifecycleDependencies & { kubeconfigPath: string }> {
  const env = params.env ?? process.env;
  const kubeconfigPath = env.KUBECONFIG || (await readStackEndpoints(env)).kubeconfigPath;
  const kube = KubeClient.fromKubeconfigFile(kubeconfigPath);
  const config = loadDeployConfig(env);
  return {
    kubeconfigPath,
    runtime: new KubeRuntime({ kube, config }),
    planner: createPlanner({ kube, log: params.log }),
    temporal: params.temporal,
  };
}
