/**
 * The deploy layer: turns a resolved blueprint and its plans into a live, isolated Kubernetes
 * environment, waits for it, reports its status, tears it down and sweeps orphans.
 */
export { type DeployConfig, type DeployConfigInput, deployConfig, loadDeployConfig } from './config.js';
export { postgresUrlFor } from './data-endpoints.js';
export {
  type DeployEnvironmentParams,
  type DeployEnvironmentResult,
  deployEnvironment,
} from './deploy-environment.js';
export * from './errors.js';
export { runInitSteps } from './init-steps.js';
export { FIELD_MANAGER, KubeClient, type ObjectRef } from './kube-client.js';
export { ANCESTOR_LABEL_PREFIX, ANNOTATIONS, ancestorLabelKey, LABELS } from './labels.js';
export { type Lineage, readLineage } from './lineage.js';
export { type RenderInput, renderEnvironment, renderInitRerun } from './manifests/render.js';
export {
  ROUTING_BAGGAGE_KEY,
  ROUTING_HEADER,
  type RoutingTable,
  RoutingTableSchema,
} from './manifests/routing-table.js';
export { namespaceFor } from './names.js';
export { PLANNED_REPLICAS_ANNOTATION, type ScaleEnvironmentResult, scaleEnvironment } from './sleep.js';
export { getEnvironmentStatus } from './status.js';
export { type Orphan, sweepOrphans } from './sweep.js';
export { type TeardownResult, teardownEnvironment } from './teardown.js';
export type * from './types.js';
