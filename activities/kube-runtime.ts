import {
  type DeployConfig,
  type ServiceProgress as DeployServiceProgress,
  deployEnvironment,
  type KubeClient,
  type SecretLookup,
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
      },
      blueprint: params.blueprint,
      plan: params.plan,
      placement: params.placement,
      baseline: params.baseline,
      signal: params.signal,
      onProgress: (progress) => params.onProgress(progress.services.map(toProgress)),
    });
    const services = [
      ...result.services.map(toProgress),
      ...result.reused.map(
        (r): ServiceProgress => ({ name: r.service, state: 'reused', message: `served by ${r.target}` }),
      ),
    ];
    return { urls: result.urls, services };
  }

  /**
   * Re-running init Jobs on a live cluster needs the deploy layer to re-apply just those Jobs (a full
   * re-apply without the environment's plan would change it); until it offers that, this refuses clearly.
   */
  async runInitSteps(
    params: Parameters<EnvironmentRuntime['runInitSteps']>[0],
  ): Promise<{ stepsRun: number }> {
    const service = params.blueprint.services.find((s) => s.name === params.service);
    if (!service || service.init.length === 0) return { stepsRun: 0 };
    throw Object.assign(
      new Error(
        `re-running the init steps of ${service.name} on a live cluster is not supported yet by the deploy layer`,
      ),
      { retryable: false },
    );
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
  return { name: s.service, state, readyReplicas: s.readyReplicas, replicas: s.replicas, message: s.detail };
}
