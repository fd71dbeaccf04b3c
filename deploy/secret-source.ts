import type { V1Secret } from '@kubernetes/client-node';
import type { ResolvedBlueprint } from '../blueprints/resolved.js';
import type { DeployConfig } from './config.js';
import { DEPLOY_CONFIG_ENV } from './config.js';
import { DeployConfigurationError } from './errors.js';
import type { KubeClient } from './kube-client.js';
import type { SecretLookup } from './types.js';

/** Stands for the environment's team in the secret source setting: `team-{team}-secrets`. */
export const TEAM_PLACEHOLDER = '{team}';

const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The namespace a team's `{secretRef}` values are copied from: the setting with `{team}` replaced.
 * Without `{team}`, every team shares one source, so per-team namespaces keep teams apart.
 */
export function secretSourceNamespace(params: { template: string; team: string | undefined }): string {
  let namespace = params.template;
  if (namespace.includes(TEAM_PLACEHOLDER)) {
    if (!params.team) {
      throw new DeployConfigurationError({
        field: 'environment.team',
        problem: `is required: the secret source ${DEPLOY_CONFIG_ENV.secretSourceNamespace}="${params.template}" is per team`,
      });
    }
    namespace = namespace.replaceAll(TEAM_PLACEHOLDER, params.team);
  }
  if (!NAMESPACE_NAME.test(namespace)) {
    throw new DeployConfigurationError({
      field: 'environment.team',
      problem: `gives the secret source namespace "${namespace}", which is not a valid namespace name`,
    });
  }
  return namespace;
}

/**
 * Reads `{secretRef: {name, key}}` values from Secrets in one namespace. Each Secret is read once per
 * lookup function, so a blueprint naming several keys of one Secret sees one consistent version.
 */
export function namespaceSecretLookup(params: { kube: KubeClient; namespace: string }): SecretLookup {
  const reads = new Map<string, Promise<V1Secret | null>>();
  return async ({ secretName, secretKey }) => {
    let read = reads.get(secretName);
    if (!read) {
      read = params.kube.readOrNull<V1Secret>({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: params.namespace,
        name: secretName,
      });
      reads.set(secretName, read);
    }
    const secret = await read;
    if (!secret) {
      throw new DeployConfigurationError({
        field: `secretRef ${secretName}/${secretKey}`,
        problem: `no Secret "${secretName}" in the secret source namespace "${params.namespace}"`,
      });
    }
    const encoded = secret.data?.[secretKey];
    if (encoded === undefined) {
      const keys = Object.keys(secret.data ?? {}).sort();
      throw new DeployConfigurationError({
        field: `secretRef ${secretName}/${secretKey}`,
        problem: `Secret "${secretName}" in the secret source namespace "${params.namespace}" has no key "${secretKey}" (keys: ${keys.join(', ') || 'none'})`,
      });
    }
    return Buffer.from(encoded, 'base64').toString('utf8');
  };
}

/** Whether a blueprint has `{secretRef}` values, which need a secret source to deploy. */
export function usesSecretRefs(blueprint: ResolvedBlueprint): boolean {
  return blueprint.services.some((s) => s.env.some((v) => v.kind === 'secretRef'));
}

/**
 * The lookup for an environment's `{secretRef}` values: the caller's own, else the configured source
 * namespace of the environment's team. A blueprint with references and no source fails here, before
 * anything is applied, naming the setting (a pod referring to a Secret nothing creates would never start).
 */
export function secretLookupFor(params: {
  kube: KubeClient;
  config: DeployConfig;
  blueprint: ResolvedBlueprint;
  team: string | undefined;
  lookup: SecretLookup | undefined;
}): SecretLookup | undefined {
  if (params.lookup) return params.lookup;
  if (!usesSecretRefs(params.blueprint)) return undefined;
  const template = params.config.secretSourceNamespace;
  if (!template) {
    const first = params.blueprint.services
      .flatMap((s) => s.env.map((v) => ({ service: s.name, v })))
      .find(({ v }) => v.kind === 'secretRef')!;
    throw new DeployConfigurationError({
      field: `services.${first.service}.env.${first.v.name}`,
      problem: `is a secretRef, but no secret source is configured (set ${DEPLOY_CONFIG_ENV.secretSourceNamespace})`,
    });
  }
  return namespaceSecretLookup({
    kube: params.kube,
    namespace: secretSourceNamespace({ template, team: params.team }),
  });
}
