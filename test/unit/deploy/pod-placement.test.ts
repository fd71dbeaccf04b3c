import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../deploy/labels.js';
import { podPlacementByService, UNPOOLED } from '../../../deploy/pod-placement.js';
import { awakeHourlyCost, billingState, costAsOf } from '../../../store/environment-costs.js';

const node = (name: string, pool: string | undefined, price: string | undefined) => ({
  metadata: {
    name,
    labels: {
      ...(pool ? { 'microstax.dev/pool': pool } : {}),
      ...(price ? { 'microstax.dev/hourly-price': price } : {}),
    },
  },
  status: { allocatable: { cpu: '4', memory: '16Gi', pods: '58' } },
});
const pod = (
  service: string,
  nodeName: string,
  cpu: string,
  memory: string,
  extra: Record<string, string> = {},
) => ({
  metadata: { labels: { [LABELS.service]: service, ...extra } },
  spec: { nodeName, containers: [{ resources: { requests: { cpu, memory } } }] },
  status: { phase: 'Running' },
});

describe('pod placement and cost', () => {
  it('counts pods per pool and prices each by the larger share of its node it requests', () => {
    const nodes = [
      node('a-1', 'spot-a', '0.2'),
      node('b-1', 'general-b', '0.4'),
      node('real', undefined, undefined),
    ];
    const placement = podPlacementByService({
      nodes,
      pods: [
        pod('web', 'a-1', '1', '1Gi'), // cpu 1/4 of 0.2
        pod('web', 'b-1', '500m', '8Gi'), // memory 8/16 of 0.4
        pod('api', 'real', '1', '1Gi'),
        pod('db', 'a-1', '1', '1Gi', { [LABELS.role]: 'init' }),
      ],
    });
    expect(placement.get('web')).toEqual({ pools: { 'spot-a': 1, 'general-b': 1 }, hourlyCost: 0.25 });
    expect(placement.get('api')).toEqual({ pools: { [UNPOOLED]: 1 }, hourlyCost: 0 });
    expect(placement.has('db')).toBe(false);
  });

  it('bills running from ready, nothing asleep, and keeps the awake rate for the never-sleeping comparison', () => {
    expect(['ready', 'warm', 'sleeping', 'waking', 'applying', 'deleted'].map(billingState)).toEqual([
      'running',
      'running',
      'asleep',
      'asleep',
      undefined,
      undefined,
    ]);
    expect(
      awakeHourlyCost({ services: [{ name: 'a', state: 'ready', hourlyCost: 0.1 }], hourlyCost: 9 }),
    ).toBe(0.1);
    expect(awakeHourlyCost({ services: [{ name: 'a', state: 'ready' }], hourlyCost: 0.3 })).toBe(0.3);
    expect(awakeHourlyCost({ services: [] })).toBeUndefined();
    const since = new Date('2026-12-06T10:00:00Z');
    const closed = { runningSeconds: 3600, asleepSeconds: 0, accrued: 0.5, neverSleeping: 0.5, cloneAll: 1 };
    const asleep = costAsOf(
      { closed, open: { state: 'asleep', hourlyCost: 0.5, since } },
      new Date('2026-12-06T12:00:00Z'),
    );
    expect(asleep).toEqual({
      runningSeconds: 3600,
      asleepSeconds: 7200,
      accrued: 0.5,
      neverSleeping: 1.5,
      cloneAll: 1,
    });
    const running = costAsOf(
      { closed, open: { state: 'running', hourlyCost: 0.5, cloneAllHourlyCost: 2, since } },
      new Date('2026-12-06T11:00:00Z'),
    );
    expect(running).toEqual({
      runningSeconds: 7200,
      asleepSeconds: 0,
      accrued: 1,
      neverSleeping: 1,
      cloneAll: 3,
    });
  });
});
