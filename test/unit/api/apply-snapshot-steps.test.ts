import { describe, expect, it } from 'vitest';
import { refuseNewSnapshotSteps } from '../../../api/snapshot-source.js';
import type { ResolvedBlueprint, ResolvedService } from '../../../blueprints/resolved.js';

const service = (name: string, snapshots: string[] = []): ResolvedService =>
  ({
    name,
    image: 'postgres:16-alpine',
    init: [
      { type: 'sql', script: 'seed.sql' },
      ...snapshots.map((snapshot) => ({ type: 'snapshot', snapshot })),
    ],
  }) as unknown as ResolvedService;
const blueprint = (...services: ResolvedService[]) => ({ name: 'shop', services }) as ResolvedBlueprint;

describe('an apply over a running environment and snapshot init steps', () => {
  const refusal = (current: ResolvedBlueprint, next: ResolvedBlueprint) => {
    try {
      refuseNewSnapshotSteps({ current, next, environment: 'pr-1' });
      return undefined;
    } catch (error) {
      return error as { statusCode: number; message: string; field: string };
    }
  };

  it('lets unchanged snapshot steps and services without any through', () => {
    expect(
      refusal(blueprint(service('db', ['golden'])), blueprint(service('db', ['golden']), service('api'))),
    ).toBeUndefined();
    expect(refusal(blueprint(service('db', ['golden'])), blueprint(service('db')))).toBeUndefined();
  });

  it('refuses a new data service with a snapshot step, or a step added or changed, naming the step', () => {
    const added = refusal(blueprint(service('db')), blueprint(service('db'), service('cache', ['warm'])));
    expect(added).toMatchObject({ statusCode: 422, field: 'body.blueprint' });
    expect(added?.message).toMatch(
      /^services\.cache\.init\.1: an apply does not run snapshot init steps, so cache would start without snapshot warm/,
    );
    expect(refusal(blueprint(service('db')), blueprint(service('db', ['golden'])))?.message).toMatch(
      /^services\.db\.init\.1:/,
    );
    expect(refusal(blueprint(service('db', ['a'])), blueprint(service('db', ['b'])))?.statusCode).toBe(422);
  });
});
