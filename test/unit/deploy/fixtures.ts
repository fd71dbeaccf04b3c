import type { ResolvedBlueprint } from '../../../blueprints/resolved.js';
import { resolvedService } from '../../support/resolved-service.js';

/** A resolved service with the defaults the resolver fills in. */
export const service = resolvedService;

/** The founding checkout-dev example, as the resolver makes it (plus a secret for the db). */
export function checkoutDev(overrides: Partial<ResolvedBlueprint> = {}): ResolvedBlueprint {
  return {
    name: 'checkout-dev',
    routing: 'dns',
    services: [
      service({
        name: 'api',
        exposedPorts: [8080],
        env: [
          { name: 'DATABASE_URL', kind: 'secret', value: 'postgres://postgres:s3cr3t@db:5432/checkout' },
          { name: 'REDIS_URL', kind: 'plain', value: 'redis://cache:6379' },
        ],
        healthCheck: { http: { path: '/healthz' }, periodSeconds: 5 },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        dependsOn: ['cache', 'db'],
      }),
      service({
        name: 'db',
        image: 'postgres:16-alpine',
        ports: [5432],
        env: [
          { name: 'POSTGRES_DB', kind: 'plain', value: 'checkout' },
          { name: 'POSTGRES_PASSWORD', kind: 'secret', value: 's3cr3t' },
        ],
        init: [
          {
            type: 'sql',
            script: 'scripts/seed.sql',
            content: 'CREATE TABLE t (id int);\n',
            sha256: 'a'.repeat(64),
          },
        ],
        isDataService: true,
        healthCheck: { tcp: {} },
      }),
      service({ name: 'cache', image: 'redis:7-alpine', ports: [6379] }),
    ],
    ...overrides,
  };
}

/** n independent web services, for sizing tests and the benchmark. */
export function manyServices(n: number): ResolvedBlueprint {
  return {
    name: 'wide',
    routing: 'dns',
    services: Array.from({ length: n }, (_, i) => service({ name: `svc-${String(i).padStart(2, '0')}` })),
  };
}
