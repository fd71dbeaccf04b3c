import { createHash } from 'node:crypto';
import { DeployConfigurationError } from './errors.js';

const DNS_LABEL_MAX = 63;

/** Environment ids as the control plane makes them: lower-case letters, digits and "-". */
const ENVIRONMENT_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Why `id` cannot be an environment id, or undefined when it can. Besides naming the namespace, the
 * id is a label value (`microstax.dev/environment`) and the name part of ancestor label keys, both
 * at most 63 characters.
 */
export function environmentIdProblem(id: string): string | undefined {
  if (!ENVIRONMENT_ID.test(id))
    return `"${id}" is not a valid environment id (lower-case letters, digits and "-")`;
  if (id.length > DNS_LABEL_MAX)
    return `"${id}" is ${id.length} characters long; an environment id has at most ${DNS_LABEL_MAX}`;
  return undefined;
}

/**
 * The namespace of an environment: the prefix plus the id. Ids too long for a DNS label are cut
 * and given a hash suffix, so two long ids never share a namespace.
 */
export function namespaceFor(environmentId: string, prefix: string): string {
  if (!ENVIRONMENT_ID.test(environmentId)) {
    throw new DeployConfigurationError({
      field: 'environment.id',
      problem: `"${environmentId}" is not a valid environment id (lower-case letters, digits and "-")`,
    });
  }
  const name = `${prefix}${environmentId}`;
  if (name.length <= DNS_LABEL_MAX) return name;
  const hash = createHash('sha256').update(environmentId).digest('hex').slice(0, 8);
  return `${name.slice(0, DNS_LABEL_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The in-cluster DNS name of a Service. */
export function serviceHost(service: string, namespace: string, clusterDomain: string): string {
  return `${service}.${namespace}.svc.${clusterDomain}`;
}

/** Short content hash for object names that must change when their content does (init Jobs). */
export function shortHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 8);
}
