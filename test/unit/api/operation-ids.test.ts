import { describe, expect, it } from 'vitest';
import { operationIdOf } from '../../../api/operation-ids.js';

describe('operationIdOf', () => {
  it('names a route by its method and path: list, get, create, delete', () => {
    expect(operationIdOf('GET', '/v1/environments')).toBe('listEnvironments');
    expect(operationIdOf('GET', '/v1/environments/:id')).toBe('getEnvironment');
    expect(operationIdOf('POST', '/v1/environments')).toBe('createEnvironments');
    expect(operationIdOf('DELETE', '/v1/environments/:id')).toBe('deleteEnvironment');
    expect(operationIdOf('GET', '/v1/environments/:id/shares')).toBe('listEnvironmentShares');
    expect(operationIdOf('DELETE', '/v1/environments/:id/shares/:shareId')).toBe('deleteEnvironmentShare');
    expect(operationIdOf('POST', '/v1/environments/:id/sleep')).toBe('createEnvironmentSleep');
    expect(operationIdOf('PUT', '/v1/integrations/github/repositories/:owner/:repo')).toBe(
      'putIntegrationsGithubRepository',
    );
    expect(operationIdOf('GET', '/v1/blueprints/{name}')).toBe('getBlueprint');
  });

  it('keeps routes that differ only in method or a literal segment apart', () => {
    const routes: [string, string][] = [
      ['GET', '/v1/environments'],
      ['POST', '/v1/environments'],
      ['POST', '/v1/environments/apply'],
      ['GET', '/v1/environments/:id'],
      ['GET', '/v1/environments/:id/events'],
      ['GET', '/v1/environments/:id/snapshots'],
      ['POST', '/v1/environments/:id/snapshots'],
      ['DELETE', '/v1/environments/:id/snapshots/:snapshot'],
      ['POST', '/v1/blueprints/plan'],
      ['POST', '/v1/blueprints/validate'],
      ['GET', '/v1/auth/login'],
      ['GET', '/v1/auth/callback'],
    ];
    const ids = routes.map(([method, url]) => operationIdOf(method, url));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
