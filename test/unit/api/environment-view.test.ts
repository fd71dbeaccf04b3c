import { describe, expect, it } from 'vitest';
import { environmentView, sharedEnvironmentView } from '../../../api/environment-view.js';
import { EnvironmentView } from '../../../api/schemas/environments.js';
import { phaseBreakdown } from '../../../deploy/phases.js';
import { statusUpdateOf } from '../../../store/environment-status.js';
import type { EnvironmentRecord } from '../../../store/environments.js';
import type { EnvironmentStatus } from '../../../workflows/contracts.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const timings = phaseBreakdown({
  operation: 'create',
  requestedAt: T0,
  marks: { accepted: T0 + 40, applied: T0 + 500, ready: T0 + 2500 },
});

const status: EnvironmentStatus = {
  environmentId: 'env-1',
  runtimeId: 'env-1',
  phase: 'ready',
  blueprint: 'checkout-dev',
  owner: 'ana',
  team: 'payments',
  services: [],
  urls: {},
  createdAt: new Date(T0).toISOString(),
  lastActivityAt: new Date(T0).toISOString(),
  timings,
};

function record(plan: unknown): EnvironmentRecord {
  return {
    id: 'env-1',
    teamId: 'payments',
    ownerId: 'u1',
    ownerName: 'ana',
    blueprintVersionId: 'v1',
    blueprintName: 'checkout-dev',
    blueprintVersion: 1,
    overlays: [],
    context: {},
    phase: 'ready',
    parentId: null,
    baselineId: null,
    ttlSeconds: null,
    expiresAt: null,
    urls: {},
    services: [],
    plan,
    costPerHour: null,
    cost: { closed: { runningSeconds: 0, asleepSeconds: 0, accrued: 0, neverSleeping: 0, cloneAll: 0 } },
    workflowId: 'env-env-1',
    idempotencyKey: null,
    requestDigest: 'd',
    error: null,
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
    name: null,
    labels: {},
  };
}

describe('the breakdown in the environment row and view', () => {
  it('rides in the row with the plan, and the view shows it as its own field that the schema accepts', () => {
    const row = statusUpdateOf(status);
    expect(row.plan).toEqual({ branch: null, placement: null, timings });
    const view = environmentView(record(row.plan));
    expect(view.timings).toEqual(timings);
    expect(view.plan).toEqual({ branch: null, placement: null });
    expect(EnvironmentView.parse(view).timings?.totalMs).toBe(2500);
  });

  it('is absent from a share holder’s view and from rows made before it', () => {
    expect('timings' in sharedEnvironmentView(record({ timings }))).toBe(false);
    const old = environmentView(record({ branch: null, placement: null }));
    expect(old.timings).toBeUndefined();
    expect(environmentView(record(null)).plan).toBeUndefined();
  });
});
