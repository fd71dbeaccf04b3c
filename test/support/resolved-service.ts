import type { ResolvedService } from '../../blueprints/resolved.js';

/**
 * A resolved service with the defaults the resolver fills in (one replica, port 8080, isolated,
 * stateless); override any field. Tests and benchmarks build ResolvedBlueprints from it directly, so
 * they need no blueprint files. It derives nothing: callers that want `isDataService` computed from
 * volumes, init steps and `stateful` do it themselves.
 */
export function resolvedService(overrides: Partial<ResolvedService> & { name: string }): ResolvedService {
  return {
    image: `ghcr.io/acme/${overrides.name}:1.0`,
    ports: [8080],
    exposedPorts: [],
    env: [],
    replicas: 1,
    volumes: [],
    stateful: false,
    isolation: 'isolated',
    init: [],
    isDataService: false,
    dependsOn: [],
    ...overrides,
  };
}
