import {
  type DeployConfig,
  type ServiceProgress as DeployServiceProgress,
  deployConfig,
  deployEnvironment,
  type KubeClient,
  renderEnvironment,
  runInitSteps,
  type SecretLookup,
  scaleEnvironment,
  teardownEnvironment,
} from '../deploy/index.js';
import type { ServiceProgress } from '../workflows/contracts.js';
import type { EnvironmentRuntime } from './ports.js';

/**
 * The production runtime: the deploy layer (deploy/) over a real Kubernetes API. Everything it does is
 * idempotent (server-side apply with one field manager; delete-if-present), which is what lets
 * Temporal retry a step after a crash.
 */
export class KubeRuntime implements EnvironmentRuntime {
  constructor(private readonly params: { kube: KubeClient; config?: DeployConfig; secrets?: SecretLookup }) {}

  async deploy(params: Parameters<EnvironmentRuntime['deploy']>[0]) {
    const result = await deployEnvironment({
      kube: this.params.kube,
      config: this.params.config,
      secrets: this.params.secrets,
      environment: {
        id: params.environment.id,
        owner: params.environment.owner,
        team: params.environment.team,
        baselineId: params.environment.baselineId,
        expiresAt: params.environment.expiresAt,
        name: params.environment.name,
        labels: params.environment.labels,
      },
      blueprint: params.blueprint,
      plan: params.plan,
      placement: params.placement,
      baseline: params.baseline,
      prune: params.prune,
      only: params.only,
      signal: params.signal,
      onProgress: (progress) => params.onProgress(progress.services.map(toProgress)),
    });
    const services = [
      ...result.services.map(toProgress),
      ...result.reused.map(
        (r): ServiceProgress => ({ name: r.service, state: 'reused', message: `served by ${r.target}` }),
      ),
    ];
    return { urls: result.urls, services, marks: result.marks };
  }

  /**
   * Runs a service's init steps again as a new Job beside the first, named after `runId` (the seed
   * workflow's run id), so a retried activity finds its own Job instead of seeding twice.
   */
  async runInitSteps(params: Parameters<EnvironmentRuntime['runInitSteps']>[0]) {
    const result = await runInitSteps({
      kube: this.params.kube,
      config: this.params.config,
      environment: { id: params.environmentId },
      blueprint: params.blueprint,
      service: params.service,
      runId: params.runId,
      segment: params.segment,
      signal: params.signal,
    });
    return { stepsRun: result.stepsRun, marks: result.marks };
  }

  /**
   * Re-applies the namespace with the new identity's labels and annotations (owner, team, expiry). The
   * namespace keeps its name and `microstax.dev/environment` label: every object inside refers to them.
   */
  async relabel(params: Parameters<EnvironmentRuntime['relabel']>[0]) {
    const [namespace] = renderEnvironment({
      environment: {
        id: params.environment.id,
        owner: params.environment.owner,
        team: params.environment.team,
        baselineId: params.environment.baselineId,
        expiresAt: params.environment.expiresAt,
      },
      blueprint: params.blueprint,
      config: this.params.config ?? deployConfig(),
      // The namespace object does not depend on how volumes are provisioned.
      volumeProvisioning: 'dynamic',
    }).objects;
    await this.params.kube.apply(namespace!);
  }

  async scale(params: Parameters<EnvironmentRuntime['scale']>[0]) {
    const result = await scaleEnvironment({
      kube: this.params.kube,
      config: this.params.config,
      environmentId: params.environmentId,
      replicas: params.replicas,
      signal: params.signal,
      onProgress: (progress) => params.onProgress(progress.services.map(toProgress)),
    });
    return { services: result.services.map(toProgress), marks: result.marks };
  }

  async teardown(params: { environmentId: string; signal: AbortSignal }) {
    const result = await teardownEnvironment({
      kube: this.params.kube,
      environmentId: params.environmentId,
      config: this.params.config,
    });
    return { existed: result.deleted };
  }
}

function toProgress(s: DeployServiceProgress): ServiceProgress {
  const state: ServiceProgress['state'] =
    s.phase === 'ready'
      ? 'ready'
      : s.phase === 'failed'
        ? 'failed'
        : s.phase === 'pending'
          ? 'pending'
          : 'waiting';
  const progress: ServiceProgress = {
    name: s.service,
    state,
    readyReplicas: s.readyReplicas,
    replicas: s.replicas,
    message: s.detail,
  };
  if (s.placement) {
    progress.pools = s.placement.pools;
    progress.hourlyCost = s.placement.hourlyCost;
  }
  return progress;
}
