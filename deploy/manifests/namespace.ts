import type { V1Namespace } from '@kubernetes/client-node';
import { ANNOTATIONS, LABELS, namespaceUserLabels, toLabelValue } from '../labels.js';
import { ancestorLabels } from '../lineage.js';
import { commonLabels, type RenderContext } from './context.js';

/**
 * The environment's namespace, labelled with its identity: kubectl users find environments with
 * `-l microstax.dev/environment`, the sweep finds orphans, policies find branches of a baseline, and
 * the ancestor labels let every environment above a branch admit it.
 */
export function renderNamespace(ctx: RenderContext): V1Namespace {
  const env = ctx.environment;
  const labels: Record<string, string> = { ...commonLabels(ctx), [LABELS.name]: ctx.blueprint.name };
  labels[LABELS.instance] = toLabelValue(env.id);
  const annotations: Record<string, string> = {};
  if (env.owner) {
    labels[LABELS.owner] = toLabelValue(env.owner);
    annotations[ANNOTATIONS.owner] = env.owner;
  }
  if (env.team) labels[LABELS.team] = toLabelValue(env.team);
  if (env.baselineId) labels[LABELS.baseline] = env.baselineId;
  if (env.name) labels[LABELS.environmentName] = env.name;
  Object.assign(labels, namespaceUserLabels(env.labels));
  Object.assign(labels, ancestorLabels(ctx.ancestors));
  if (env.expiresAt !== undefined) {
    const expires = new Date(env.expiresAt);
    labels[LABELS.expiresAt] = String(Math.floor(expires.getTime() / 1000));
    annotations[ANNOTATIONS.expiresAt] = expires.toISOString();
  }
  const metadata: V1Namespace['metadata'] = { name: ctx.namespace, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { apiVersion: 'v1', kind: 'Namespace', metadata };
}
