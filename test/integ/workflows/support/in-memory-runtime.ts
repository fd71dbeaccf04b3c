import type { EnvironmentRuntime, RuntimeIdentity } from '../../../../activities/ports.js';
import type { ResolvedBlueprint } from '../../../../blueprints/resolved.js';
import type { ServiceProgress } from '../../../../workflows/contracts.js';

/**
 * A runtime that keeps environments in memory, for workflow tests that exercise Temporal (the real dev
 * server) but not Kubernetes. It is a dependency passed to createActivities, not a module mock; the
 * deploy layer's own tests cover the cluster side. Failures and slowness are injected per test.
 */
export class InMemoryRuntime implements EnvironmentRuntime {
  /** Live environments by id, with how often each was applied. */
  readonly environments = new Map<string, { identity: RuntimeIdentity; applies: number }>();
  readonly teardowns: string[] = [];
  deployAborted = 0;

  constructor(
    private readonly options: {
      /** Pause per service while "waiting for ready", ms. */
      serviceDelayMs?: number;
      /** A service that fails for good, with this cause. */
      failService?: { name: string; reason: string };
      /** Fail this many deploy attempts with a transient error first. */
      transientFailures?: number;
      /** Called after the namespace exists and before waiting (crash tests hook in here). */
      afterApply?: (environmentId: string) => Promise<void> | void;
    } = {},
  ) {}

  async deploy(params: Parameters<EnvironmentRuntime['deploy']>[0]) {
    const id = params.environment.id;
    const existing = this.environments.get(id);
    this.environments.set(id, { identity: params.environment, applies: (existing?.applies ?? 0) + 1 });
    if (this.options.transientFailures && this.options.transientFailures > 0) {
      this.options.transientFailures--;
      throw Object.assign(new Error('kube-apiserver: connection refused'), { retryable: true });
    }
    await this.options.afterApply?.(id);
    const services: ServiceProgress[] = params.blueprint.services.map((s) => ({
      name: s.name,
      state: 'pending',
    }));
    for (const service of services) {
      service.state = 'waiting';
      params.onProgress(structuredClone(services));
      await sleep(this.options.serviceDelayMs ?? 10, params.signal).catch((error) => {
        this.deployAborted++;
        throw error;
      });
      if (this.options.failService?.name === service.name) {
        throw Object.assign(new Error(`${service.name}: ${this.options.failService.reason}`), {
          retryable: false,
          type: 'services-failed',
        });
      }
      service.state = 'ready';
      params.onProgress(structuredClone(services));
    }
    return { urls: urlsOf(params.blueprint, id), services };
  }

  async runInitSteps(params: Parameters<EnvironmentRuntime['runInitSteps']>[0]) {
    const service = params.blueprint.services.find((s) => s.name === params.service);
    return { stepsRun: service?.init.length ?? 0 };
  }

  async teardown(params: { environmentId: string }) {
    this.teardowns.push(params.environmentId);
    return { existed: this.environments.delete(params.environmentId) };
  }
}

function urlsOf(blueprint: ResolvedBlueprint, id: string): Record<string, string[]> {
  const urls: Record<string, string[]> = {};
  for (const s of blueprint.services) {
    if (s.exposedPorts.length > 0) urls[s.name] = [`http://${s.name}.${id}.local.microstax.dev`];
  }
  return urls;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
