import type { V1StorageClass } from '@kubernetes/client-node';
import type { DeployConfig } from './config.js';
import type { KubeClient } from './kube-client.js';

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/**
 * Dynamic provisioning when the config names a StorageClass or the cluster has a default one; otherwise (the simulated local
 * cluster has none) static hostPath volumes that we create and delete ourselves.
 */
export async function resolveVolumeProvisioning(params: {
  kube: KubeClient;
  config: DeployConfig;
}): Promise<'dynamic' | 'static'> {
  if (params.config.volumeProvisioning !== 'auto') return params.config.volumeProvisioning;
  if (params.config.storageClassName) return 'dynamic';
  const classes = await params.kube.list<V1StorageClass>({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
  });
  const hasDefault = classes.items.some((c) =>
    DEFAULT_CLASS_ANNOTATIONS.some((a) => c.metadata?.annotations?.[a] === 'true'),
  );
  return hasDefault ? 'dynamic' : 'static';
}
