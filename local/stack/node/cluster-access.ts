import { KubeConfig, RbacAuthorizationV1Api, type V1PolicyRule } from '@kubernetes/client-node';

/**
 * Grants one client identity of the node a ClusterRole of its own: the role is created, or replaced
 * when its rules changed; the binding is created once.
 */
export async function ensureClusterAccess(params: {
  adminKubeconfig: string;
  /** Names both the ClusterRole and its binding. */
  name: string;
  rules: V1PolicyRule[];
  /** The identity's user name (its certificate's common name). */
  user: string;
}): Promise<void> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(params.adminKubeconfig);
  const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  const body = { metadata: { name: params.name }, rules: params.rules };
  const role = await rbac.readClusterRole({ name: params.name }).catch(() => undefined);
  if (!role) await rbac.createClusterRole({ body });
  else if (JSON.stringify(role.rules) !== JSON.stringify(params.rules)) {
    await rbac.replaceClusterRole({ name: params.name, body: { ...body, metadata: role.metadata } });
  }
  const binding = await rbac.readClusterRoleBinding({ name: params.name }).catch(() => undefined);
  if (binding) return;
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: params.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: params.name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: params.user }],
    },
  });
}
