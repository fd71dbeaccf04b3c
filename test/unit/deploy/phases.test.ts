import type { CoreV1Event, V1Job, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../deploy/labels.js';
import { PhaseRecorder } from '../../../deploy/phase-marks.js';
import { phaseBreakdown, withPhaseEnd } from '../../../deploy/phases.js';
import { timingsOf } from '../../../workflows/phase-timings.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const created = new Date(T0);

function pod(params: {
  name: string;
  scheduled?: boolean;
  running?: boolean;
  role?: string;
  createdAt?: Date;
}): V1Pod {
  return {
    metadata: {
      name: params.name,
      creationTimestamp: params.createdAt ?? created,
      labels: { [LABELS.role]: params.role ?? 'workload' },
    },
    spec: { containers: [{ name: 'app', image: 'hello:1' }] },
    status: {
      conditions: params.scheduled ? [{ type: 'PodScheduled', status: 'True' }] : [],
      containerStatuses: params.running
        ? [
            {
              name: 'app',
              image: 'hello:1',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { running: {} },
            },
          ]
        : [],
    },
  };
}

const pulled = (podName: string): CoreV1Event => ({
  metadata: {},
  reason: 'Pulled',
  involvedObject: { kind: 'Pod', name: podName, fieldPath: 'spec.containers{app}' },
});

const job = (complete: boolean): V1Job => ({
  metadata: { name: 'db-init', creationTimestamp: created },
  status: { conditions: complete ? [{ type: 'Complete', status: 'True' }] : [] },
});

describe('phaseBreakdown', () => {
  it('adds the phases up to the total exactly, in phase order, leaving out phases not seen', () => {
    const timings = phaseBreakdown({
      operation: 'create',
      requestedAt: T0,
      marks: { ready: T0 + 3000, accepted: T0 + 40.4, applied: T0 + 300, planned: T0 + 60.3 },
    });
    expect(timings.phases.map((p) => p.phase)).toEqual(['accepted', 'planned', 'applied', 'ready']);
    expect(timings.totalMs).toBe(3000);
    expect(timings.phases.reduce((sum, p) => sum + p.ms, 0)).toBe(3000);
    expect(timings.requestedAt).toBe('2026-01-01T12:00:00.000Z');
    expect(timings.finishedAt).toBe('2026-01-01T12:00:03.000Z');
  });

  it('clamps marks from a clock behind the previous one to zero-length phases, never negative', () => {
    const timings = phaseBreakdown({
      operation: 'wake',
      requestedAt: T0,
      marks: { applied: T0 + 500, scheduled: T0 + 400, ready: T0 + 1000 },
    });
    expect(timings.phases).toEqual([
      { phase: 'applied', ms: 500 },
      { phase: 'scheduled', ms: 0 },
      { phase: 'ready', ms: 500 },
    ]);
  });

  it('adds a phase at the end, keeping the sum equal to the total', () => {
    const timings = phaseBreakdown({ operation: 'wake', requestedAt: T0, marks: { ready: T0 + 1000 } });
    const published = withPhaseEnd(timings, 'published', T0 + 1180.4);
    expect(published.phases.at(-1)).toEqual({ phase: 'published', ms: 180 });
    expect(published.totalMs).toBe(1180);
    expect(published.phases.reduce((sum, p) => sum + p.ms, 0)).toBe(1180);
    expect(withPhaseEnd(timings, 'published', T0 + 900).phases.at(-1)).toEqual({ phase: 'published', ms: 0 });
  });

  it('starts from the first mark when there is no request time', () => {
    const timings = timingsOf({ operation: 'seed', marks: [{ applied: T0 + 100 }, { init: T0 + 900 }] });
    expect(timings?.requestedAt).toBe('2026-01-01T12:00:00.100Z');
    expect(timings?.totalMs).toBe(800);
    expect(timingsOf({ operation: 'seed', marks: [undefined, {}] })).toBeUndefined();
  });
});

describe('PhaseRecorder', () => {
  it('marks each pod-level phase the first time it holds for every new pod', () => {
    const recorder = new PhaseRecorder(T0);
    const a = { name: 'api-1' };
    const b = { name: 'db-0' };
    recorder.observe({ pods: [pod({ ...a, scheduled: true }), pod(b)], jobs: [], events: [] }, T0 + 100);
    expect(recorder.result()).toEqual({});
    recorder.observe(
      { pods: [pod({ ...a, scheduled: true }), pod({ ...b, scheduled: true })], jobs: [], events: [] },
      T0 + 200,
    );
    recorder.observe(
      {
        pods: [pod({ ...a, scheduled: true, running: true }), pod({ ...b, scheduled: true })],
        jobs: [job(false)],
        events: [pulled('db-0')],
      },
      T0 + 700,
    );
    recorder.observe(
      {
        pods: [pod({ ...a, scheduled: true, running: true }), pod({ ...b, scheduled: true, running: true })],
        jobs: [job(true)],
        events: [pulled('db-0')],
      },
      T0 + 900,
    );
    recorder.mark('ready', T0 + 1000);
    // Later observations never move a mark.
    recorder.observe({ pods: [], jobs: [job(true)], events: [] }, T0 + 5000);
    expect(recorder.result()).toEqual({
      scheduled: T0 + 200,
      image: T0 + 700,
      started: T0 + 900,
      init: T0 + 900,
      ready: T0 + 1000,
    });
  });

  it('marks init once the init Job pod succeeded, before the Job is Complete', () => {
    const recorder = new PhaseRecorder(T0);
    const seed = pod({ name: 'db-init-x', role: 'init' });
    seed.metadata!.labels!['job-name'] = 'db-init';
    recorder.observe({ pods: [seed], jobs: [job(false)], events: [] }, T0 + 300);
    expect(recorder.result().init).toBeUndefined();
    seed.status!.phase = 'Succeeded';
    recorder.observe({ pods: [seed], jobs: [job(false)], events: [] }, T0 + 400);
    expect(recorder.result().init).toBe(T0 + 400);
  });

  it('leaves out service pods altogether for a step that makes none (a seed)', () => {
    const recorder = new PhaseRecorder(T0, false);
    recorder.observe(
      { pods: [pod({ name: 'db-0', scheduled: true, running: true })], jobs: [job(true)], events: [] },
      T0 + 300,
    );
    expect(recorder.result()).toEqual({ init: T0 + 300 });
  });

  it('leaves out pods older than the rollout and init Job pods', () => {
    const recorder = new PhaseRecorder(T0 + 5000);
    recorder.observe(
      {
        pods: [
          pod({ name: 'api-old', scheduled: true, running: true }),
          pod({ name: 'seed', role: 'init', createdAt: new Date(T0 + 6000) }),
        ],
        jobs: [],
        events: [],
      },
      T0 + 6000,
    );
    expect(recorder.result()).toEqual({});
  });
});
