import { createHash } from 'node:crypto';
import type { ResolvedBlueprint, ResolvedInitStep, ResolvedService } from '../../../blueprints/resolved.js';
import { resolvedService } from '../../support/resolved-service.js';

/** Test builders: ResolvedBlueprint objects made directly, so planner tests need no blueprint files. */

/** A stateless service with sensible defaults; override any field. */
export function service(name: string, overrides: Partial<ResolvedService> = {}): ResolvedService {
  const merged = resolvedService({ ...overrides, name });
  merged.isDataService = merged.init.length > 0 || merged.volumes.length > 0 || merged.stateful;
  merged.dependsOn = [...merged.dependsOn].sort();
  return merged;
}

/** A data service: stateful with a volume. */
export function dataService(name: string, overrides: Partial<ResolvedService> = {}): ResolvedService {
  return service(name, {
    image: 'postgres:16-alpine',
    ports: [5432],
    stateful: true,
    volumes: [{ path: '/var/lib/postgresql/data', size: '1Gi' }],
    ...overrides,
  });
}

/** An init step whose hash matches its content. */
export function sqlInit(script: string, content: string): ResolvedInitStep {
  return { type: 'sql', script, content, sha256: createHash('sha256').update(content).digest('hex') };
}

export function blueprint(
  services: ResolvedService[],
  options: { name?: string; routing?: 'dns' | 'header' } = {},
): ResolvedBlueprint {
  return { name: options.name ?? 'shop', routing: options.routing ?? 'dns', services };
}

/** Replaces one service of a blueprint (by name) with changed fields. */
export function withChanged(
  source: ResolvedBlueprint,
  name: string,
  overrides: Partial<ResolvedService>,
): ResolvedBlueprint {
  return {
    ...source,
    services: source.services.map((s) => (s.name === name ? service(name, { ...s, ...overrides }) : s)),
  };
}

/**
 * The reference graph of the issue: web -> api -> db, api -> cache, worker -> db and cache.
 * db is a data service (volume and init script); cache is stateless.
 */
export function shopGraph(routing: 'dns' | 'header' = 'dns'): ResolvedBlueprint {
  return blueprint(
    [
      service('web', { dependsOn: ['api'], exposedPorts: [8080] }),
      service('api', {
        dependsOn: ['db', 'cache'],
        env: [
          { name: 'DATABASE_URL', kind: 'secret', value: 'postgres://app:s3cret@db:5432/shop' },
          { name: 'LOG_LEVEL', kind: 'plain', value: 'info' },
          { name: 'REDIS_URL', kind: 'plain', value: 'redis://cache:6379' },
        ],
      }),
      service('worker', { dependsOn: ['db', 'cache'] }),
      dataService('db', { init: [sqlInit('seed.sql', 'create table orders (id int);')] }),
      service('cache', { image: 'redis:7', ports: [6379] }),
    ],
    { routing },
  );
}
