import type { KubernetesObject } from '@kubernetes/client-node';
import type { ResolvedBlueprint } from '../../blueprints/resolved.js';
import type { BranchPlan, PlacementPlan, ServicePlacement } from '../../planner/types.js';
import type { DeployConfig, SeedShape } from '../config.js';
import { DeployConfigurationError } from '../errors.js';
import { validateAncestors } from '../lineage.js';
import { environmentIdProblem, namespaceFor } from '../names.js';
import type { EnvironmentIdentity, RenderedEnvironment, ServiceMode, WorkloadExpectation } from '../types.js';
import { withAllClientCredentials } from './client-credentials.js';
import { type RenderContext, reusedServices, runningServices } from './context.js';
import { forksData, renderReplicationConfigMap } from './data-fork.js';
import {
  renderDefaultServiceAccount,
  renderEgressPolicy,
  renderLimitRange,
  renderNetworkPolicy,
  renderResourceQuota,
} from './guard-rails.js';
import type { HeaderRouterTarget } from './header-router.js';
import { renderIngress } from './ingress.js';
import { renderInitJob } from './init-job.js';
import { renderNamespace } from './namespace.js';
import { renderRoutingTableConfigMap } from './routing-table.js';
import { renderServiceSecret } from './secret.js';
import { renderSeedConfigMap, seedsInService } from './seed-in-service.js';
import { renderDirectService, renderReusedService, renderService, reuseTarget } from './service.js';
import { renderClaims, renderStaticVolumes, renderWorkload } from './workload.js';

export interface RenderInput {
  environment: EnvironmentIdentity;
  blueprint: ResolvedBlueprint;
  config: DeployConfig;
  /** For a branch environment: what to deploy, fork or reuse. Absent: every service is deployed. */
  plan?: BranchPlan;
  placement?: PlacementPlan;
  /**
   * A branch's lineage, root first and ending with `environment.baselineId` (deployEnvironment reads
   * it from the baseline's namespace). Absent: just the baseline.
   */
  ancestors?: string[];
  /** Looked-up values of `{secretRef}` env values, keyed "<secretName>/<secretKey>". */
  secretValues?: Map<string, string>;
  volumeProvisioning: 'dynamic' | 'static';
  /** The header router's Service (a `routing: header` baseline's calls go through it); absent: direct. */
  router?: HeaderRouterTarget;
  /** Per seeded data service with a live workload: who seeded it; it stays so (live-seed-shapes.ts). */
  liveSeedShapes?: Readonly<Record<string, SeedShape>>;
}

/**
 * Turns an environment, its resolved blueprint and plans into every Kubernetes object it needs,
 * in apply order. Pure: same input, same objects, so a re-apply changes nothing.
 */
export function renderEnvironment(input: RenderInput): RenderedEnvironment {
  const ctx = buildContext(input);
  return renderAll(ctx);
}

/**
 * The init ConfigMap and a new Job for one service, to run its init steps again (e.g. re-seeding),
 * plus what to wait for. The Job is named after `runId`, so retrying the same run is a no-op.
 */
export function renderInitRerun(
  input: RenderInput & { service: string; runId: string; segment?: number },
): { objects: KubernetesObject[]; workload: WorkloadExpectation } | undefined {
  const ctx = buildContext(input);
  const service = runningServices(ctx).find((s) => s.name === input.service);
  if (!service) {
    throw new DeployConfigurationError({
      field: 'service',
      problem: `"${input.service}" is not a service this environment runs`,
    });
  }
  const init = renderInitJob(ctx, service, input.runId, input.segment);
  if (!init) return undefined;
  const { expectation } = renderWorkload(ctx, service, [init.job.metadata!.name!]);
  // The Job asks for the direct Service first and falls back to the main one, so a re-run in
  // an environment made before direct Services existed needs none.
  return { objects: [init.configMap, init.job], workload: expectation };
}

function renderAll(ctx: RenderContext): RenderedEnvironment {
  const objects: KubernetesObject[] = [renderNamespace(ctx)];
  objects.push(
    renderResourceQuota(ctx),
    renderLimitRange(ctx),
    renderNetworkPolicy(ctx),
    renderEgressPolicy(ctx),
    renderDefaultServiceAccount(ctx),
  );

  const running = runningServices(ctx);
  const secrets: KubernetesObject[] = [];
  const config: KubernetesObject[] = [];
  const services: KubernetesObject[] = [];
  const volumes: KubernetesObject[] = [];
  const workloads: KubernetesObject[] = [];
  const jobs: KubernetesObject[] = [];
  const ingresses: KubernetesObject[] = [];
  const expectations: WorkloadExpectation[] = [];
  const urls: Record<string, string[]> = {};

  for (const service of running) {
    const secret = renderServiceSecret(ctx, service);
    if (secret) secrets.push(secret);
    const seedInService = seedsInService(ctx, service);
    const svc = renderService(ctx, service);
    if (svc) services.push(svc);
    const replication = renderReplicationConfigMap(ctx, service);
    if (replication) config.push(replication);
    // A copy that starts from the baseline's data is not seeded again; a seed the service's own
    // entrypoint runs needs no Job.
    if (seedInService) config.push(renderSeedConfigMap(ctx, service));
    const init = forksData(ctx, service) || seedInService ? undefined : renderInitJob(ctx, service);
    if (init) {
      config.push(init.configMap);
      jobs.push(init.job);
      const direct = renderDirectService(ctx, service);
      if (direct) services.push(direct);
    }
    const { object, expectation } = renderWorkload(ctx, service, init ? [init.job.metadata!.name!] : []);
    if (service.isDataService)
      volumes.push(...renderStaticVolumes(ctx, service), ...renderClaims(ctx, service));
    workloads.push(object);
    expectations.push(expectation);
    const exposed = renderIngress(ctx, service);
    if (exposed) {
      ingresses.push(exposed.ingress);
      urls[service.name] = exposed.urls;
    }
  }
  const reused = reusedServices(ctx).map((service) => {
    services.push(renderReusedService(ctx, service));
    return { service: service.name, target: reuseTarget(ctx, service.name) };
  });
  if (ctx.blueprint.routing === 'header') config.push(renderRoutingTableConfigMap(ctx));

  objects.push(...secrets, ...config, ...services, ...volumes, ...workloads, ...jobs, ...ingresses);
  return { namespace: ctx.namespace, objects, workloads: expectations, reused, urls };
}

function buildContext(input: RenderInput): RenderContext {
  const { environment, config } = input;
  const blueprint = withAllClientCredentials(input.blueprint);
  const namespace = namespaceFor(environment.id, config.namespacePrefix);
  const idProblem = environmentIdProblem(environment.id);
  if (idProblem) throw new DeployConfigurationError({ field: 'environment.id', problem: idProblem });
  const ancestors = input.ancestors ?? (environment.baselineId ? [environment.baselineId] : []);
  validateAncestors({ environmentId: environment.id, baselineId: environment.baselineId, ancestors });
  if (environment.expiresAt !== undefined && Number.isNaN(new Date(environment.expiresAt).getTime())) {
    throw new DeployConfigurationError({ field: 'environment.expiresAt', problem: 'is not a valid time' });
  }
  const modes = serviceModes(blueprint, input.plan);
  const needsBaseline = [...modes.values()].some((m) => m === 'reuse');
  if (needsBaseline && !environment.baselineId) {
    throw new DeployConfigurationError({
      field: 'environment.baselineId',
      problem: 'the plan reuses services, so the environment needs the baseline it branches from',
    });
  }
  const placements = new Map<string, ServicePlacement>();
  for (const p of input.placement?.services ?? []) {
    if (!modes.has(p.service)) {
      throw new DeployConfigurationError({
        field: `placement.services.${p.service}`,
        problem: `names a service the blueprint "${blueprint.name}" does not have`,
      });
    }
    placements.set(p.service, p);
  }
  const ctx: RenderContext = {
    environment,
    blueprint,
    config,
    namespace,
    ancestors: [...ancestors],
    modes,
    placements,
    secretValues: input.secretValues ?? new Map(),
    volumeProvisioning: input.volumeProvisioning,
    liveSeedShapes: new Map(Object.entries(input.liveSeedShapes ?? {})),
  };
  if (input.router) ctx.router = input.router;
  if (environment.baselineId)
    ctx.baselineNamespace = namespaceFor(environment.baselineId, config.namespacePrefix);
  return ctx;
}

/** deploy for every service without a plan; with a plan, its action (and it must cover every service). */
function serviceModes(blueprint: ResolvedBlueprint, plan: BranchPlan | undefined): Map<string, ServiceMode> {
  const modes = new Map<string, ServiceMode>();
  if (!plan) {
    for (const s of blueprint.services) modes.set(s.name, 'deploy');
    return modes;
  }
  const names = new Set(blueprint.services.map((s) => s.name));
  for (const p of plan.services) {
    if (!names.has(p.name)) {
      throw new DeployConfigurationError({
        field: `plan.services.${p.name}`,
        problem: `names a service the blueprint "${blueprint.name}" does not have`,
      });
    }
    modes.set(p.name, p.action);
  }
  for (const s of blueprint.services) {
    if (!modes.has(s.name)) {
      throw new DeployConfigurationError({
        field: `plan.services`,
        problem: `has no action for service "${s.name}"`,
      });
    }
  }
  return modes;
}
