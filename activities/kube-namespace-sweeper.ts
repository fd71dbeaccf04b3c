import type { DeployConfig } from '../deploy/config.js';
import type { KubeClient } from '../deploy/kube-client.js';
import { sweepOrphansAfterGrace } from '../deploy/sweep.js';
import type { NamespaceSweeper } from './ports.js';

/** The orphan sweep over the cluster's API (deploy/sweep.ts). */
export function kubeNamespaceSweeper(params: { kube: KubeClient; config?: DeployConfig }): NamespaceSweeper {
  return {
    sweep: (sweep) => sweepOrphansAfterGrace({ ...params, ...sweep }),
  };
}
