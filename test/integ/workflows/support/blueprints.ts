import type { ResolvedBlueprint } from '../../../../blueprints/resolved.js';
import { resolvedService } from '../../../support/resolved-service.js';

/** A small resolved blueprint (web → api → db), with a secret env value to check history for. */
export function checkoutBlueprint(
  params: { name?: string; secret?: string; ttl?: string } = {},
): ResolvedBlueprint {
  const service = resolvedService;
  return {
    name: params.name ?? 'checkout',
    ttl: params.ttl,
    routing: 'dns',
    services: [
      service({ name: 'web', image: 'ghcr.io/acme/web:1.0', exposedPorts: [8080], dependsOn: ['api'] }),
      service({
        name: 'api',
        image: 'ghcr.io/acme/api:1.0',
        dependsOn: ['db'],
        env: [
          {
            name: 'DATABASE_URL',
            kind: 'secret',
            value: `postgres://app:${params.secret ?? 'pw'}@db:5432/app`,
          },
          { name: 'LOG_LEVEL', kind: 'plain', value: 'info' },
        ],
      }),
      service({
        name: 'db',
        image: 'postgres:16-alpine',
        ports: [5432],
        env: [{ name: 'POSTGRES_PASSWORD', kind: 'secret', value: params.secret ?? 'pw' }],
        stateful: true,
        isDataService: true,
        volumes: [{ path: '/var/lib/postgresql/data' }],
      }),
    ],
  };
}

/**
 * The smallest useful environment for tests on the cluster: an exposed web service and an api with a
 * secret env value, two Deployments. `waitForCapacity` makes the api request more CPU than any pool node
 * has (see CapacityNode), so it stays Pending until capacity arrives.
 */
export function smallBlueprint(
  params: { name?: string; secret?: string; ttl?: string; waitForCapacity?: boolean } = {},
): ResolvedBlueprint {
  const service = resolvedService;
  const heavy = params.waitForCapacity
    ? { resources: { requests: { cpu: '12', memory: '1Gi' }, limits: { cpu: '12', memory: '1Gi' } } }
    : {};
  return {
    name: params.name ?? 'small',
    ttl: params.ttl,
    routing: 'dns',
    services: [
      service({ name: 'web', image: 'ghcr.io/acme/web:1.0', exposedPorts: [8080], dependsOn: ['api'] }),
      service({
        name: 'api',
        image: 'ghcr.io/acme/api:1.0',
        env: [{ name: 'API_TOKEN', kind: 'secret', value: params.secret ?? 'tok' }],
        ...heavy,
      }),
    ],
  };
}
