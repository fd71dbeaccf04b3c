import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { ResolvedBlueprint, ResolvedService } from '../../blueprints/resolved.js';
import type { ServicePlacement } from '../../planner/types.js';
import type { DeployConfig, SeedShape } from '../config.js';
import { LABELS, MANAGED_BY, type ObjectRole, toLabelValue } from '../labels.js';
import type { EnvironmentIdentity, ServiceMode } from '../types.js';
import type { HeaderRouterTarget } from './header-router.js';

/** Everything a manifest renderer needs to know about the environment, computed once. */
export interface RenderContext {
  environment: EnvironmentIdentity;
  blueprint: ResolvedBlueprint;
  config: DeployConfig;
  namespace: string;
  /** Namespace of the baseline, for branch environments. */
  baselineNamespace?: string;
  /** Every environment above this one, root first, the baseline last; empty for a root. */
  ancestors: string[];
  /** Per service: deploy, fork or reuse. */
  modes: Map<string, ServiceMode>;
  /** Per service: where the placement plan puts it. */
  placements: Map<string, ServicePlacement>;
  /** Values of `{secretRef}` env values, keyed "<secretName>/<secretKey>"; absent: reference a Secret of that name. */
  secretValues: Map<string, string>;
  /** static: we create a PersistentVolume per claim. */
  volumeProvisioning: 'dynamic' | 'static';
  /** The in-cluster header router, when a header-routed baseline's calls go through it. */
  router?: HeaderRouterTarget;
  /** Per seeded data service with a live workload: who seeded it (live-seed-shapes.ts). */
  liveSeedShapes: ReadonlyMap<string, SeedShape>;
}

/** Labels every object of the environment carries. */
export function commonLabels(ctx: RenderContext): Record<string, string> {
  return {
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.partOf]: ctx.blueprint.name,
    [LABELS.environment]: ctx.environment.id,
    [LABELS.blueprint]: ctx.blueprint.name,
  };
}

/** The labels that select one service's pods; stable for the life of the workload. */
export function selectorLabels(ctx: RenderContext, service: string): Record<string, string> {
  return { [LABELS.name]: service, [LABELS.instance]: toLabelValue(ctx.environment.id) };
}

/** Object metadata for an object that belongs to one service (or to the environment as a whole). */
export function objectMeta(
  ctx: RenderContext,
  params: { name: string; role: ObjectRole; service?: string; annotations?: Record<string, string> },
): V1ObjectMeta {
  const labels: Record<string, string> = { ...commonLabels(ctx), [LABELS.role]: params.role };
  if (params.service) {
    Object.assign(labels, selectorLabels(ctx, params.service), {
      [LABELS.service]: params.service,
      [LABELS.component]: params.role === 'init' ? 'init' : 'service',
    });
  }
  const meta: V1ObjectMeta = { name: params.name, namespace: ctx.namespace, labels };
  if (params.annotations && Object.keys(params.annotations).length > 0) meta.annotations = params.annotations;
  return meta;
}

/** The services that run pods in this namespace (deployed or forked), in blueprint order. */
export function runningServices(ctx: RenderContext): ResolvedService[] {
  return ctx.blueprint.services.filter((s) => ctx.modes.get(s.name) !== 'reuse');
}

/** The services the baseline serves (branch environments only). */
export function reusedServices(ctx: RenderContext): ResolvedService[] {
  return ctx.blueprint.services.filter((s) => ctx.modes.get(s.name) === 'reuse');
}
