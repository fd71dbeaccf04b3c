import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { BranchPlan, PlacementPlan } from '../planner/types.js';
import { applyObjects } from './apply.js';
import { type DeployConfig, deployConfig } from './config.js';
import { DeployConfigurationError } from './errors.js';
import { lookUpHeaderRouter } from './header-router-lookup.js';
import type { KubeClient } from './kube-client.js';
import { LABELS } from './labels.js';
import { readLineage } from './lineage.js';
import { lookUpLiveSeedShapes } from './live-seed-shapes.js';
import { renderEnvironment } from './manifests/render.js';
import { secretValueKey } from './manifests/secret.js';
import { namespaceFor } from './names.js';
import { type PhaseMarks, PhaseRecorder } from './phase-marks.js';
import { withPodPlacement } from './pod-placement.js';
import { pruneRemovedServices } from './prune.js';
import { secretLookupFor } from './secret-source.js';
import type {
  BaselineRef,
  DeployProgress,
  EnvironmentIdentity,
  RenderedEnvironment,
  SecretLookup,
  ServiceProgress,
} from './types.js';
import { resolveVolumeProvisioning } from './volumes.js';
import { waitForServices } from './wait.js';

export interface DeployEnvironmentParams {
  kube: KubeClient;
  environment: EnvironmentIdentity;
  blueprint: ResolvedBlueprint;
  /** A branch environment's plan; absent: every service is deployed. */
  plan?: BranchPlan;
  placement?: PlacementPlan;
  /** The environment a branch reuses services from (sets environment.baselineId when that is absent). */
  baseline?: BaselineRef;
  /** Looks up `{secretRef}` values; absent: from the configured secret source (config.secretSourceNamespace). */
  secrets?: SecretLookup;
  config?: DeployConfig;
  /** Called when a service changes phase or ready count (activities heartbeat with it). */
  onProgress?: (progress: DeployProgress) => void;
  /** Called every few seconds while waiting, even when nothing changes: heartbeat the activity here. */
  heartbeat?: () => void;
  /** Cancels the wait (the objects stay: teardown removes them). */
  signal?: AbortSignal;
  /** Delete the objects of services the blueprint no longer has (an update in place). */
  prune?: boolean;
  /**
   * Apply and wait for only these services' objects (and those of no one service: the namespace, its
   * policies). Rendered from the whole blueprint, so each object is the one a full deploy applies.
   */
  only?: readonly string[];
}

export interface DeployEnvironmentResult {
  environmentId: string;
  namespace: string;
  services: ServiceProgress[];
  reused: RenderedEnvironment['reused'];
  urls: Record<string, string[]>;
  /** How many objects were applied. */
  objectCount: number;
  durationMs: number;
  /** When the objects were applied and each pod-level phase ended (this process's clock). */
  marks: PhaseMarks;
}

/**
 * Applies an environment (server-side apply, one field manager: a re-apply changes nothing) and
 * waits by watching until every service is ready, reporting progress per service. On failure it
 * throws a ServicesFailedError naming each service and its real cause; the objects stay for
 * inspection, and teardownEnvironment removes them.
 */
export async function deployEnvironment(params: DeployEnvironmentParams): Promise<DeployEnvironmentResult> {
  const started = Date.now();
  const phases = new PhaseRecorder(started);
  const config = params.config ?? deployConfig();
  const environment: EnvironmentIdentity = { ...params.environment };
  if (params.baseline) {
    if (environment.baselineId && environment.baselineId !== params.baseline.environmentId) {
      throw new DeployConfigurationError({
        field: 'baseline.environmentId',
        problem: `"${params.baseline.environmentId}" differs from environment.baselineId "${environment.baselineId}"`,
      });
    }
    environment.baselineId = params.baseline.environmentId;
  }
  const usesBaseline = params.plan?.services.some((s) => s.action === 'reuse') ?? false;

  // Before anything is applied: a missing secret or key leaves nothing half-made behind.
  const lookup = secretLookupFor({
    kube: params.kube,
    config,
    blueprint: params.blueprint,
    team: environment.team,
    lookup: params.secrets,
  });
  // Only a header-routed baseline's calls go through the router; branches call their own copies.
  const needsRouter = params.blueprint.routing === 'header' && !environment.baselineId;
  // Read at once: each is a request to the API server, and nothing is applied before all answered.
  const [ancestors, volumeProvisioning, secretValues, router, liveSeedShapes] = await Promise.all([
    environment.baselineId
      ? branchAncestors({ kube: params.kube, baselineId: environment.baselineId, usesBaseline, config })
      : [],
    resolveVolumeProvisioning({ kube: params.kube, config }),
    lookUpSecrets(params.blueprint, lookup),
    needsRouter ? lookUpHeaderRouter({ kube: params.kube, config }) : undefined,
    lookUpLiveSeedShapes({
      kube: params.kube,
      blueprint: params.blueprint,
      namespace: namespaceFor(environment.id, config.namespacePrefix),
      environmentId: environment.id,
    }),
  ]);
  const rendered = renderEnvironment({
    environment,
    blueprint: params.blueprint,
    config,
    plan: params.plan,
    placement: params.placement,
    ancestors,
    secretValues,
    volumeProvisioning,
    router,
    liveSeedShapes,
  });
  const only = params.only && new Set(params.only);
  const objects = only
    ? rendered.objects.filter((o) => {
        const service = o.metadata?.labels?.[LABELS.service];
        return service === undefined || only.has(service);
      })
    : rendered.objects;
  const workloads = only ? rendered.workloads.filter((w) => only.has(w.service)) : rendered.workloads;
  await applyObjects({ kube: params.kube, environmentId: environment.id, objects });
  if (params.prune && !only) {
    const keep = new Set(params.blueprint.services.map((s) => s.name));
    await pruneRemovedServices({ kube: params.kube, namespace: rendered.namespace, keep });
  }
  phases.mark('applied');
  const ready = await waitForServices({
    kube: params.kube,
    environmentId: environment.id,
    namespace: rendered.namespace,
    workloads,
    timeoutMs: config.readyTimeoutMs,
    unschedulableGraceMs: config.unschedulableGraceMs,
    onProgress: params.onProgress,
    heartbeat: params.heartbeat,
    signal: params.signal,
    phases,
  });
  const services = await withPodPlacement({
    kube: params.kube,
    namespace: rendered.namespace,
    services: ready,
  });
  return {
    environmentId: environment.id,
    namespace: rendered.namespace,
    services,
    reused: rendered.reused,
    urls: rendered.urls,
    objectCount: objects.length,
    durationMs: Date.now() - started,
    marks: phases.result(),
  };
}

/**
 * The branch's ancestors, read from its baseline's namespace (render stays pure). A branch that
 * reuses services needs that namespace: its ExternalName Services would resolve to nothing.
 */
async function branchAncestors(params: {
  kube: KubeClient;
  baselineId: string;
  usesBaseline: boolean;
  config: DeployConfig;
}): Promise<string[]> {
  const lineage = await readLineage(params);
  if (params.usesBaseline && !lineage.baselineFound) {
    const namespace = namespaceFor(params.baselineId, params.config.namespacePrefix);
    throw new DeployConfigurationError({
      field: 'baseline.environmentId',
      problem: `baseline environment "${params.baselineId}" has no namespace ${namespace}; reused services would resolve to nothing`,
    });
  }
  return lineage.ancestors;
}

async function lookUpSecrets(
  blueprint: ResolvedBlueprint,
  lookup: SecretLookup | undefined,
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (!lookup) return values;
  for (const service of blueprint.services) {
    for (const v of service.env) {
      if (v.kind !== 'secretRef') continue;
      const key = secretValueKey(v.secretName, v.secretKey);
      if (!values.has(key))
        values.set(key, await lookup({ secretName: v.secretName, secretKey: v.secretKey }));
    }
  }
  return values;
}
