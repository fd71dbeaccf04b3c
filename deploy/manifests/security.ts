import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';
import type { ResolvedService } from '../../blueprints/resolved.js';

/**
 * Pod hardening by default. Every container: no privilege escalation, every capability dropped,
 * seccomp RuntimeDefault, no service account token. What an image needs beyond that comes from the
 * blueprint's `security` (per service), or, for well-known data images whose entrypoint starts as
 * root and switches to its own user (chown of the data directory, then gosu/su-exec), the
 * capabilities that switch needs.
 */

/** Images whose entrypoint runs as root, chowns its data directory and drops to its own user. */
const ROOT_ENTRYPOINT_IMAGE =
  /(^|\/)(postgres|postgis|timescaledb|mysql|mariadb|percona|mongo|redis|valkey)[^/]*(:|@|$)/;

/** What that entrypoint needs: chown and chmod of the data directory, then setuid/setgid to its user. */
export const ROOT_ENTRYPOINT_CAPABILITIES = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETGID', 'SETUID'];

/** The capabilities a service's container gets back after dropping all. */
export function addedCapabilities(service: Pick<ResolvedService, 'image' | 'security'>): string[] {
  if (service.security?.capabilities) return [...service.security.capabilities];
  return ROOT_ENTRYPOINT_IMAGE.test(service.image) ? [...ROOT_ENTRYPOINT_CAPABILITIES] : [];
}

/** The pod-level context: seccomp RuntimeDefault, and the volume group when the blueprint sets one. */
export function podSecurityContext(service?: Pick<ResolvedService, 'security'>): V1PodSecurityContext {
  const context: V1PodSecurityContext = { seccompProfile: { type: 'RuntimeDefault' } };
  if (service?.security?.fsGroup !== undefined) context.fsGroup = service.security.fsGroup;
  return context;
}

/**
 * A container's context. runAsNonRoot only where the blueprint says the image supports it (an image
 * that runs as root would not start), or where it names a non-root user.
 */
export function containerSecurityContext(
  service?: Pick<ResolvedService, 'image' | 'security'>,
): V1SecurityContext {
  const added = service ? addedCapabilities(service) : [];
  const context: V1SecurityContext = {
    allowPrivilegeEscalation: false,
    capabilities: added.length > 0 ? { drop: ['ALL'], add: added } : { drop: ['ALL'] },
  };
  const security = service?.security;
  if (security?.runAsUser !== undefined) context.runAsUser = security.runAsUser;
  if (security?.runAsGroup !== undefined) context.runAsGroup = security.runAsGroup;
  const nonRootUser = security?.runAsUser !== undefined && security.runAsUser !== 0;
  if (security?.runAsNonRoot !== undefined) context.runAsNonRoot = security.runAsNonRoot;
  else if (nonRootUser) context.runAsNonRoot = true;
  return context;
}
