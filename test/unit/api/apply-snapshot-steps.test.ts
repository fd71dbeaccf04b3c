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

  it('lets a service the update adds bring snapshot steps (the apply restores them)', () => {
    expect(
      refusal(blueprint(service('db')), blueprint(service('db'), service('cache', ['warm']))),
    ).toBeUndefined();
  });

  it('refuses a snapshot step added to or changed on a running service, naming the step', () => {
    const added = refusal(blueprint(service('db')), blueprint(service('db', ['golden'])));
    expect(added).toMatchObject({ statusCode: 422, field: 'body.blueprint' });
    expect(added?.message).toMatch(
      /^services\.db\.init\.1: an apply restores snapshots only into services it adds, and db runs already, so it would keep its data without snapshot golden/,
    );
    expect(refusal(blueprint(service('db', ['a'])), blueprint(service('db', ['b'])))?.statusCode).toBe(422);
  });
});
